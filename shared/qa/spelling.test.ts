import { beforeAll, describe, expect, it } from 'vitest';
import { thrown } from '../testing/errors.ts';
import { dictionaries } from '../../electron/services/spelling/dictionaries.ts';
import type { Glossary } from '../glossary/model.ts';
import type { SpellChecker } from '../spelling/checker.ts';
import { createQaEngine, QA_RULES, replacesRange, type QaSegment } from './index.ts';
import { settingsFromStates } from '../style/rules.ts';

let gb: SpellChecker;
let us: SpellChecker;
beforeAll(async () => {
  gb = await dictionaries.checker('en-GB');
  us = await dictionaries.checker('en-US');
});

const GLOSSARY: Glossary = {
  name: 'g',
  scope: 'desk',
  entries: [
    {
      id: 'csa-offender',
      terms: [
        { text: 'pédocriminel', lang: 'fr', status: 'preferred', caseSensitive: false },
        { text: 'paedocriminal', lang: 'en', status: 'preferred', caseSensitive: false },
      ],
    },
  ],
};

const seg = (id: string, source: string, target: string): QaSegment => ({ id, source, target });
const rulesOf = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('QA engine with spelling', () => {
  it('reports unknown words as warnings with their target range; glossary forms and source names are not flagged', () => {
    const e = createQaEngine({ glossaries: [GLOSSARY], spelling: gb, disabledRules: ['style.quotes'] });
    const s = seg('1', 'Europol a arrêté trois pédocriminels, a déclaré Catherine De Bolle.', 'Europol arrested three paedocriminals, Catherine De Bolle said in a statment.');
    const f = e.checkSegment(s).filter((x) => x.rule === 'spelling.unknown');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', term: 'statment', params: { word: 'statment', variant: 'en-GB' } });
    expect(s.target.slice(f[0]!.range!.start, f[0]!.range!.end)).toBe('statment');
    expect(f[0]!.suggestion).toBeUndefined();
  });

  it('gives the best correction as a fix when asked (the CLI), with the text’s apostrophes', () => {
    const e = createQaEngine({ glossaries: [], spelling: gb, spellingSuggestions: true });
    const [f] = e.checkSegment(seg('1', 'Le gouvernement.', 'The goverment’s plan.')).filter((x) => x.rule === 'spelling.unknown');
    expect(f!.suggestion).toBe('government’s');
    expect(replacesRange(f!)).toBe(true);
  });

  it('without a checker, spelling is silent', () => {
    const e = createQaEngine({ glossaries: [] });
    expect(rulesOf(e.checkSegment(seg('1', 'Le texte.', 'The txet.')))).not.toContain('spelling.unknown');
  });

  it('a name from another segment of the article is known in checkDocument and with context()', () => {
    const e = createQaEngine({ glossaries: [], spelling: gb });
    const segs = [seg('1', 'Selon Catherine De Bolle.', 'According to Catherine De Bolle.'), seg('2', 'Elle a ajouté.', 'De Bolle added.')];
    expect(e.checkDocument(segs).filter((f) => f.rule === 'spelling.unknown')).toEqual([]);
    expect(rulesOf(e.checkSegment(segs[1]!))).toContain('spelling.unknown');
    expect(rulesOf(e.checkSegment(segs[1]!, e.context(segs)))).not.toContain('spelling.unknown');
  });

  it('a spelling of the other variant is style.variant with the project’s form as its fix, and switching the variant changes it', () => {
    const s = seg('1', 'Ils ont organisé la couleur.', 'They organized the colour.');
    const british = createQaEngine({ glossaries: [], spelling: gb }).checkSegment(s).filter((f) => f.rule.startsWith('s'));
    expect(british.map((f) => [f.rule, f.term, f.suggestion])).toEqual([['style.variant', 'organized', 'organised']]);
    const american = createQaEngine({ glossaries: [], spelling: us }).checkSegment(s).filter((f) => f.rule.startsWith('s'));
    expect(american.map((f) => [f.rule, f.term, f.suggestion])).toEqual([['style.variant', 'colour', 'color']]);
  });

  it('with style.variant off, the other variant’s spelling is not reported at all', () => {
    const e = createQaEngine({ glossaries: [], spelling: gb, disabledRules: ['style.variant'] });
    expect(e.checkSegment(seg('1', 'Organisé.', 'Organized.')).filter((f) => f.rule.startsWith('s'))).toEqual([]);
  });

  it('spelling stays a warning whatever the settings say (never an approval blocker)', () => {
    const e = createQaEngine({ glossaries: [], spelling: gb, rules: { 'spelling.unknown': { severity: 'error' } } });
    expect(e.checkSegment(seg('1', 'Le texte.', 'The txet.')).find((f) => f.rule === 'spelling.unknown')!.severity).toBe('warning');
    expect(e.rules.find((r) => r.id === 'spelling.unknown')!.severity).toBe('warning');
  });
});

describe('QA engine: house-style settings', () => {
  const s = seg('1', 'Une hausse de 15 % pour M. Dupont.', 'A rise of 15% for Mr. Dupont.');

  it('severity is configurable: an error-severity style rule blocks like any error', () => {
    const e = createQaEngine({ glossaries: [], rules: { 'style.percent': { severity: 'error' } } });
    expect(e.checkSegment(s).find((f) => f.rule === 'style.percent')!.severity).toBe('error');
    expect(e.rules.find((r) => r.id === 'style.percent')!.severity).toBe('error');
  });

  it('options change what is flagged, and a rule can be switched off in the settings', () => {
    const e = createQaEngine({ glossaries: [], rules: { 'style.percent': { options: { form: '%' } }, 'style.honorifics': { enabled: false } } });
    const rules = rulesOf(e.checkSegment(s));
    expect(rules).not.toContain('style.percent');
    expect(rules).not.toContain('style.honorifics');
    expect(e.rules.find((r) => r.id === 'style.percent')!.options).toEqual({ form: '%' });
    expect(QA_RULES.find((r) => r.id === 'style.percent')!.options).toEqual({ form: 'per cent' });
  });

  it('an engine built from the listed rule states (the renderer’s) checks with the same settings', () => {
    const services = createQaEngine({ glossaries: [], rules: { 'style.percent': { severity: 'error', options: { form: '%' } } } });
    const renderer = createQaEngine({ glossaries: [], rules: settingsFromStates(services.rules) });
    const t = seg('1', 'Une hausse de 15 %.', 'A rise of 15 per cent.');
    expect(renderer.checkSegment(t)).toEqual(services.checkSegment(t));
    expect(renderer.checkSegment(t).find((f) => f.rule === 'style.percent')!.severity).toBe('error');
  });

  it('unknown rules and bad options are refused', () => {
    expect(thrown(() => createQaEngine({ glossaries: [], rules: { 'style.nope': { enabled: false } } })).code).toBe('invalid.arguments');
    expect(thrown(() => createQaEngine({ glossaries: [], rules: { 'style.percent': { options: { form: 'pc' } } } })).message).toContain('form');
    expect(thrown(() => createQaEngine({ glossaries: [], rules: { 'style.numbers': { options: { spellOutBelow: 1000 } } } })).message).toContain('spellOutBelow');
  });

  it('every house-style finding offers a fix that replaces its range', () => {
    const e = createQaEngine({ glossaries: [] });
    const fs = e.checkSegment(seg('1', 'x', 'Mr. Smith said "3 suspects" paid 10 million euros—15% more.')).filter((f) => f.rule.startsWith('style.'));
    expect(new Set(fs.map((f) => f.rule))).toEqual(new Set(['style.percent', 'style.honorifics', 'style.numbers', 'style.dashes', 'style.quotes', 'style.money']));
    for (const f of fs) expect(replacesRange(f), f.rule).toBe(true);
  });
});

describe('style.variantMixed (whole article)', () => {
  const doc = (...targets: string[]) => targets.map((t, i) => seg(String(i + 1), 'Texte.', t));

  it('British/American mix without dictionaries: the project variant’s form stays', () => {
    const segs = doc('They organised the event.', 'The organizers met.', 'It was organized well.');
    const gbMix = createQaEngine({ glossaries: [], variant: 'en-GB' }).checkDocument(segs).filter((f) => f.rule === 'style.variantMixed');
    expect(gbMix.map((f) => [f.segment, f.term, f.suggestion])).toEqual([['3', 'organized', 'organised']]);
    const usMix = createQaEngine({ glossaries: [], variant: 'en-US' }).checkDocument(segs).filter((f) => f.rule === 'style.variantMixed');
    expect(usMix.map((f) => [f.segment, f.term, f.suggestion])).toEqual([['1', 'organised', 'organized']]);
  });

  it('free variants: the more frequent form stays', () => {
    const segs = doc('He learnt it.', 'She learned it.', 'They learned it.');
    const f = createQaEngine({ glossaries: [] }).checkDocument(segs).filter((x) => x.rule === 'style.variantMixed');
    expect(f.map((x) => [x.segment, x.term, x.suggestion])).toEqual([['1', 'learnt', 'learned']]);
  });

  it('two British words are not a mix (licence / license), and typos never make a pair', async () => {
    const e = createQaEngine({ glossaries: [], spelling: gb });
    expect(e.checkDocument(doc('A driving licence.', 'They license it.')).filter((x) => x.rule === 'style.variantMixed')).toEqual([]);
  });

  it('with dictionaries, a word already reported as style.variant is not reported twice', () => {
    const e = createQaEngine({ glossaries: [], spelling: gb });
    const fs = e.checkDocument(doc('They organised it.', 'They organized it.'));
    expect(fs.filter((f) => f.rule === 'style.variant').map((f) => f.term)).toEqual(['organized']);
    expect(fs.filter((f) => f.rule === 'style.variantMixed')).toEqual([]);
  });
});
