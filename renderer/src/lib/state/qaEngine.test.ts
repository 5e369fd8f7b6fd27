/**
 * One QA engine: the renderer's live check and main's approval gate and whole-article check give the same findings,
 * because both build the engine with the shared factory from the same inputs. Checked against the real services:
 * a project term added, a rule switched off, a house-style rule made an error by the desk, targets with errors
 * committed. The findings that need the dictionaries (spelling) are main's alone: the renderer gets them from
 * checkSpelling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DICTIONARY_RULES, projectGlossaries } from '../../../../shared/qa/project.ts';
import { createTestBackend, disposeTestBackends } from '../../test/backend.ts';
import { TEST_GLOSSARY } from '../../test/glossary.ts';
import { createQaEngineStore, reloadQaEngine } from './qaEngine.ts';

afterEach(disposeTestBackends);

async function project() {
  const tb = createTestBackend({ user: { name: 'Ed', role: 'editor' } });
  const snap = await tb.api.openSample();
  const segs = [...snap.segments].sort((a, b) => a.ord - b.ord).filter((s) => s.translatable);
  return { tb, segs };
}

describe('the renderer’s QA engine', () => {
  it('finds what main finds, segment by segment and for the whole article, with a project term and a rule off', async () => {
    const { tb, segs } = await project();
    await tb.api.addGlossaryEntry('project', { fr: 'coup de filet', en: 'sweep' });
    await tb.api.setQaRuleEnabled('punctuation.end', false);
    await tb.api.setQaRuleSetting('desk', 'style.percent', { severity: 'error' });
    const targets = [
      'Operation Cumberland: at least 52 arrests',
      'It is one of the first operations of its kind, a rise of 15%',
      'At least 25 people were arrested, Europol said on Friday 28 February, child pornography.',
      'Exponential growth of content',
      'The raid follows the arrest in November of the main suspect.',
    ];
    for (const [i, target] of targets.entries()) {
      await tb.api.commitSegment({ segmentId: segs[i]!.id, target, status: 'translated', origin: 'typed' });
    }

    const store = createQaEngineStore();
    await reloadQaEngine(store, tb.api);
    const engine = store.getState().engine!;
    expect(engine).not.toBeNull();

    const stored = (await tb.api.getAppState()).project!.segments.filter((s) => s.translatable).sort((a, b) => a.ord - b.ord);
    const ours = engine.checkDocument(stored.map((s) => ({ id: s.id, source: s.source, target: s.target })));
    const withoutDictionaries = (findings: readonly { rule: string }[]) => findings.filter((f) => !DICTIONARY_RULES.has(f.rule));
    const main = await tb.project().checkDocument();
    expect(ours).toEqual(withoutDictionaries(main));
    // Main spell-checks ("Exponential growth of content" has none; a misspelling below has one), the renderer does not.
    expect(ours.some((f) => DICTIONARY_RULES.has(f.rule))).toBe(false);
    // The checks the inputs are meant to exercise are there: a forbidden desk term, a changed number, the project term.
    const rules = new Set(ours.map((f) => `${f.rule}:${f.segment}`));
    expect(rules.has(`glossary.forbidden:${segs[2]!.id}`)).toBe(true);
    expect(rules.has(`number.mismatch:${segs[0]!.id}`)).toBe(true);
    expect(rules.has(`glossary.missing:${segs[4]!.id}`)).toBe(true); // "coup de filet" → "sweep", not in the target
    expect(ours.some((f) => f.rule === 'punctuation.end')).toBe(false);
    // The desk's house style: 15% is an error (per cent), as in main.
    expect(ours).toContainEqual(expect.objectContaining({ rule: 'style.percent', severity: 'error', segment: segs[1]!.id }));

    for (const s of stored) {
      for (const target of ['', s.source, 'child pornography 12', `${s.target} the the`, 'The investigaton rose by 15%.']) {
        const mainFindings = await tb.project().checkSegment(s.id, target);
        expect(engine.checkSegment({ id: s.id, source: s.source, target }), `${s.id}: ${target}`).toEqual(withoutDictionaries(mainFindings));
      }
    }
    // What main adds is what the renderer asks checkSpelling for.
    const misspelt = 'The investigaton rose by 15%.';
    const spelling = (await tb.project().checkSegment(stored[0]!.id, misspelt)).filter((f) => DICTIONARY_RULES.has(f.rule));
    expect(spelling.map((f) => f.term)).toEqual(['investigaton']);
    expect(await tb.api.checkSpelling(stored[0]!.id, misspelt)).toEqual(spelling);
  });

  it('is built from the glossaries as main assembles them: the project glossary first, then the desk glossary', async () => {
    const { tb } = await project();
    await tb.api.addGlossaryEntry('project', { fr: 'coup de filet', en: 'sweep' });
    const projectGlossary = tb.project().projectGlossary();
    const desk = await tb.project().deskGlossary.load();
    expect(projectGlossaries(projectGlossary.entries, desk)).toEqual(await tb.api.getGlossaries());
    // The component tests' glossary is the test backend's desk glossary.
    const terms = (g: typeof desk) => g.entries.map((e) => [e.id, e.terms.map((t) => [t.text, t.lang, t.status, t.caseSensitive])]);
    expect(terms(desk)).toEqual(terms(TEST_GLOSSARY));
  });
});
