import { describe, expect, it } from 'vitest';
import { createQaEngine, QA_RULES } from './index.ts';
import { RelaisError } from '../errors.ts';
import { CASE_GLOSSARIES, GLOSSARY_CASES, NUMBER_CASES, RULE_CASES, disabledRulesFor, type QaCase } from '../glossary/testing/cases.ts';

function run(c: QaCase) {
  const engine = createQaEngine({ glossaries: CASE_GLOSSARIES, disabledRules: disabledRulesFor(c) });
  return engine.checkSegment({ id: 's1', source: c.source, target: c.target });
}

function ruleIds(c: QaCase) {
  return run(c).map((f) => f.rule).sort();
}

describe('QA engine — glossary cases', () => {
  it.each(GLOSSARY_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(ruleIds(c)).toEqual([...c.expected].sort());
  });
});

describe('QA engine — number cases', () => {
  it.each(NUMBER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(ruleIds(c)).toEqual([...c.expected].sort());
  });
});

describe('QA engine — other rules', () => {
  it.each(RULE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(ruleIds(c)).toEqual([...c.expected].sort());
  });
});

describe('QA engine — finding details', () => {
  const engine = createQaEngine({ glossaries: CASE_GLOSSARIES });

  it('a forbidden term names the deprecated term, proposes the preferred one and marks the target range', () => {
    const target = 'They shared Child-Pornography online.';
    const f = engine.checkSegment({ id: 'p1', source: 'Ils ont partagé des contenus pédopornographiques.', target }).find((x) => x.rule === 'glossary.forbidden')!;
    expect(f).toMatchObject({ segment: 'p1', severity: 'error', term: 'child pornography', suggestion: 'child sexual abuse material' });
    expect(target.slice(f.range!.start, f.range!.end)).toBe('Child-Pornography');
    expect(f.range!.side).toBe('target');
    expect(f.params).toMatchObject({ found: 'Child-Pornography', concept: 'csam', glossary: 'desk-cases' });
  });

  it('a missing term marks the French occurrence and proposes the preferred English term', () => {
    const source = 'Les victimes ont parlé.';
    const f = engine.checkSegment({ id: 'p2', source, target: 'The people spoke.' }).find((x) => x.rule === 'glossary.missing')!;
    expect(source.slice(f.range!.start, f.range!.end)).toBe('victimes');
    expect(f).toMatchObject({ severity: 'error', term: 'victime', suggestion: 'victim', range: { side: 'source' } });
    expect(f.message).toBe('"victimes" should be translated as "victim"');
  });

  it('superseded terms are warnings', () => {
    const f = engine.checkSegment({ id: 'p3', source: 'Le porte-parole.', target: 'The spokesman.' }).find((x) => x.rule === 'glossary.superseded')!;
    expect(f).toMatchObject({ severity: 'warning', term: 'spokesman', suggestion: 'spokesperson' });
  });

  it('a changed number points at the target and carries both values', () => {
    const target = 'At least 52 people.';
    const [f] = engine.checkSegment({ id: 'n1', source: 'Au moins 25 individus.', target }).filter((x) => x.rule === 'number.mismatch');
    expect(f).toMatchObject({ params: { kind: 'changed', source: '25', target: '52' }, suggestion: '25' });
    expect(target.slice(f!.range!.start, f!.range!.end)).toBe('52');
  });

  it('a missing number points at the source', () => {
    const source = 'Au moins 25 individus de 18 pays.';
    const [f] = engine.checkSegment({ id: 'n2', source, target: 'At least 25 people from several countries.' }).filter((x) => x.rule === 'number.mismatch');
    expect(f).toMatchObject({ params: { kind: 'missing', source: '18' }, range: { side: 'source' } });
    expect(source.slice(f!.range!.start, f!.range!.end)).toBe('18');
  });

  it('an empty target reports only target.empty', () => {
    const fs = engine.checkSegment({ id: 'e', source: 'Au moins 25 individus, La Haye.', target: '' });
    expect(fs.map((f) => f.rule)).toEqual(['target.empty']);
  });

  it('a name missing is reported with its source range', () => {
    const source = 'Selon l’opération Cumberland.';
    const [f] = engine.checkSegment({ id: 'm', source, target: 'According to the operation.' }).filter((x) => x.rule === 'names.missing');
    expect(source.slice(f!.range!.start, f!.range!.end)).toBe('Cumberland');
    expect(f!.params).toEqual({ name: 'Cumberland' });
  });
});

describe('QA engine — document', () => {
  const engine = createQaEngine({ glossaries: CASE_GLOSSARIES });

  it('flags the same source translated differently, against the majority translation', () => {
    const segs = [
      { id: '1', source: 'Partager', target: 'Share' },
      { id: '2', source: 'Partager', target: 'Share' },
      { id: '3', source: 'Partager\u00A0', target: 'Split' },
      { id: '4', source: 'Réutiliser ce contenu', target: 'Reuse this content' },
    ];
    const fs = engine.checkDocument(segs).filter((f) => f.rule === 'consistency.target');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ segment: '3', severity: 'warning', suggestion: 'Share', params: { otherSegment: '1', variants: 2, occurrences: 3 } });
  });

  it('the same translation everywhere is consistent; spacing differences do not count', () => {
    const segs = [
      { id: '1', source: 'Partager', target: 'Share' },
      { id: '2', source: 'Partager', target: ' Share ' },
    ];
    expect(engine.checkDocument(segs).filter((f) => f.rule === 'consistency.target')).toEqual([]);
  });

  it('includes the per-segment findings', () => {
    const fs = engine.checkDocument([
      { id: 'a', source: 'La victime.', target: '' },
      { id: 'b', source: 'Des contenus pédopornographiques.', target: 'Child pornography.' },
    ]);
    expect(fs.map((f) => `${f.segment}:${f.rule}`).sort()).toEqual(['a:target.empty', 'b:glossary.forbidden', 'b:glossary.missing']);
  });

  it('consistency can be disabled', () => {
    const e = createQaEngine({ glossaries: [], disabledRules: ['consistency.target'] });
    const segs = [
      { id: '1', source: 'Partager', target: 'Share' },
      { id: '2', source: 'Partager', target: 'Split' },
    ];
    expect(e.checkDocument(segs).filter((f) => f.rule === 'consistency.target')).toEqual([]);
  });
});

describe('QA engine — rules and options', () => {
  it('lists every rule with a stable id, a severity and a description', () => {
    const e = createQaEngine({ glossaries: [] });
    expect(e.rules.map((r) => r.id)).toEqual([
      'target.empty', 'glossary.missing', 'glossary.forbidden', 'glossary.superseded', 'number.mismatch', 'target.sameAsSource',
      'punctuation.end', 'quotes.unbalanced', 'brackets.unbalanced', 'spaces.double', 'words.repeated', 'names.missing', 'consistency.target',
      'spelling.unknown', 'style.variant', 'style.variantMixed', 'style.percent', 'style.honorifics', 'style.numbers', 'style.dashes',
      'style.quotes', 'style.money',
    ]);
    for (const r of e.rules) expect(r.description.length).toBeGreaterThan(10);
    expect(e.rules.find((r) => r.id === 'glossary.missing')!.severity).toBe('error');
    expect(e.rules.find((r) => r.id === 'spaces.double')!.severity).toBe('warning');
  });

  it('a disabled rule reports nothing', () => {
    const seg = { id: 'x', source: 'Des contenus pédopornographiques.', target: 'Child pornography.' };
    const on = createQaEngine({ glossaries: CASE_GLOSSARIES });
    const off = createQaEngine({ glossaries: CASE_GLOSSARIES, disabledRules: ['glossary.forbidden'] });
    expect(on.checkSegment(seg).map((f) => f.rule)).toContain('glossary.forbidden');
    expect(off.checkSegment(seg).map((f) => f.rule)).not.toContain('glossary.forbidden');
    expect(off.checkSegment(seg).map((f) => f.rule)).toContain('glossary.missing');
  });

  it('an unknown rule id is refused with a RelaisError listing the known rules', () => {
    let err: unknown;
    try {
      createQaEngine({ glossaries: [], disabledRules: ['glossary.mising'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe('invalid.arguments');
    expect((err as RelaisError).message).toContain('glossary.mising');
    expect((err as RelaisError).detail).toContain('glossary.missing');
  });

  it('works without glossaries', () => {
    const e = createQaEngine({ glossaries: [] });
    expect(e.checkSegment({ id: '1', source: 'La victime.', target: 'The victim.' })).toEqual([]);
  });

  it('every rule of QA_RULES is exercised by a case table', () => {
    const used = new Set([...GLOSSARY_CASES, ...NUMBER_CASES, ...RULE_CASES].flatMap((c) => c.expected));
    // Document-level rules and the rules that need the dictionaries have their own suites
    // (engine.test.ts above, shared/qa/spelling.test.ts, shared/style/*.test.ts).
    const elsewhere = new Set(['consistency.target', 'spelling.unknown', 'style.variant', 'style.variantMixed']);
    for (const r of QA_RULES) if (!elsewhere.has(r.id)) expect(used.has(r.id), r.id).toBe(true);
  });
});
