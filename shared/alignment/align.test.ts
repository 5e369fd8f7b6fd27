import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTermIndex, type Glossary } from '../glossary/index.ts';
import { alignDraft, type AlignUnit, type AlignmentLink, type DraftAlignment } from './index.ts';
import { DE_DRAFT, EN_FAITHFUL, EN_NEWSLETTER_AFTER, EN_NEWSLETTER_BEFORE, EN_OTHER_ARTICLE, FR_ARTICLE, units, withParagraph, type Paragraphs } from './testing/article.ts';

const SOURCE = units(FR_ARTICLE);

/** The links as readable pairs: "source indexes → target indexes" (e.g. "3+4→3", "5→", "→6"). */
function shape(r: DraftAlignment): string[] {
  return r.links.map((l) => `${l.source.join('+')}→${l.target.join('+')}`);
}

function linkOf(r: DraftAlignment, sourceIndex: number): AlignmentLink {
  const l = r.links.find((x) => x.source.includes(sourceIndex));
  if (!l) throw new Error(`no link for source ${sourceIndex}`);
  return l;
}

function align(draft: Paragraphs, source: AlignUnit[] = SOURCE): { r: DraftAlignment; d: AlignUnit[] } {
  const d = units(draft);
  return { r: alignDraft(source, d), d };
}

/** Every unit of both sides in exactly one link, links in document order on both sides. */
function expectPartition(r: DraftAlignment, n: number, m: number): void {
  const s = r.links.flatMap((l) => l.source);
  const t = r.links.flatMap((l) => l.target);
  expect(s).toEqual(Array.from({ length: n }, (_, k) => k));
  expect(t).toEqual(Array.from({ length: m }, (_, k) => k));
  for (const l of r.links) {
    expect(l.confidence).toBeGreaterThanOrEqual(0);
    expect(l.confidence).toBeLessThanOrEqual(1);
    expect(l.kind).toBe(`${l.source.length}-${l.target.length}`);
  }
}

describe('link types on a small article', () => {
  it('1-1: a faithful translation links sentence to sentence, with high confidence and no warning', () => {
    const { r, d } = align(EN_FAITHFUL);
    expectPartition(r, SOURCE.length, d.length);
    expect(shape(r)).toEqual(SOURCE.map((_, k) => `${k}→${k}`));
    expect(r.warnings).toEqual([]);
    expect(Math.min(...r.links.map((l) => l.confidence))).toBeGreaterThan(0.9);
  });

  it('2-1: two source sentences merged into one draft sentence', () => {
    const { r, d } = align(
      withParagraph(EN_FAITHFUL, 1, [
        'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
        'The programme covers 62 schools built before 1975, and work will begin in September, Mayor Grégory Doucet said.',
      ]),
    );
    expectPartition(r, SOURCE.length, d.length);
    expect(linkOf(r, 2)).toMatchObject({ kind: '2-1', source: [2, 3], target: [2] });
    expect(shape(r).filter((s) => s.includes('+'))).toEqual(['2+3→2']);
    expect(linkOf(r, 2).confidence).toBeGreaterThan(0.8);
  });

  it('1-2: one source sentence split into two draft sentences', () => {
    const { r, d } = align(
      withParagraph(EN_FAITHFUL, 3, [
        'The city will provide 60% of the funding.',
        'The state will pay the remaining 40%.',
        'The Banque des Territoires will lend €12.5 million.',
        'A first review is planned for June 2026.',
      ]),
    );
    expectPartition(r, SOURCE.length, d.length);
    expect(linkOf(r, 7)).toMatchObject({ kind: '1-2', source: [7], target: [7, 8] });
    expect(shape(r).slice(8)).toEqual(['8→9', '9→10']);
  });

  it('1-0: a dropped source sentence stays unlinked instead of being forced onto a neighbour', () => {
    const { r, d } = align(
      withParagraph(EN_FAITHFUL, 1, [
        'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
        'Work will begin in September, Mayor Grégory Doucet said.',
      ]),
    );
    expectPartition(r, SOURCE.length, d.length);
    expect(linkOf(r, 2)).toMatchObject({ kind: '1-0', source: [2], target: [] });
    expect(shape(r)).toEqual(['0→0', '1→1', '2→', '3→2', '4→3', '5→4', '6→5', '7→6', '8→7', '9→8']);
  });

  it('0-1: a sentence added by the translator stays unlinked', () => {
    const { r, d } = align(
      withParagraph(EN_FAITHFUL, 1, [
        'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
        'Lyon is France’s third-largest city.',
        'The programme covers 62 schools built before 1975.',
        'Work will begin in September, Mayor Grégory Doucet said.',
      ]),
    );
    expectPartition(r, SOURCE.length, d.length);
    expect(r.links.find((l) => l.target.includes(2))).toMatchObject({ kind: '0-1', source: [], target: [2] });
    expect(shape(r).filter((s) => !/^\d+→\d+$/.test(s))).toEqual(['→2']);
  });

  it('numbers in French and English formats are anchors: "1 234,5 millions" = "1,234.5 million"', () => {
    // One draft sentence for two source sentences of the same length: only the number tells which one it translates.
    const source: AlignUnit[] = [
      { text: 'La dette publique progresse toujours.', paragraph: 0 },
      { text: 'Le déficit atteint 1 234,5 millions.', paragraph: 0 },
    ];
    const draft: AlignUnit[] = [{ text: 'The deficit reached 1,234.5 million.', paragraph: 0 }];
    expect(shape(alignDraft(source, draft))).toEqual(['0→', '1→0']);
    const swapped = alignDraft([source[1]!, source[0]!], draft);
    expect(shape(swapped)).toEqual(['0→0', '1→']);
  });

  it('glossary terms are anchors: the concept of a French term finds its English translation', () => {
    const glossary: Glossary = {
      name: 'desk',
      scope: 'desk',
      entries: [
        {
          id: 'c1',
          terms: [
            { text: 'pédocriminalité', lang: 'fr', status: 'preferred', caseSensitive: false },
            { text: 'child sexual abuse', lang: 'en', status: 'preferred', caseSensitive: false },
          ],
        },
      ],
    };
    const source: AlignUnit[] = [
      { text: 'Les moyens consacrés à ce travail restent pourtant très limités.', paragraph: 0 },
      { text: 'La lutte contre la pédocriminalité s’intensifie.', paragraph: 0 },
    ];
    const draft: AlignUnit[] = [{ text: 'The fight against child sexual abuse is stepping up.', paragraph: 0 }];
    const withTerms = alignDraft(source, draft, { terms: createTermIndex([glossary]) });
    expect(shape(withTerms)).toEqual(['0→', '1→0']);
    const withoutTerms = alignDraft(source, draft);
    const confidence = (r: DraftAlignment) => r.links.find((l) => l.source.includes(1) && l.target.includes(0))?.confidence ?? 0;
    expect(confidence(withTerms)).toBeGreaterThan(confidence(withoutTerms));
  });

  it('titles pair with titles, and paragraph boundaries hold', () => {
    const { r } = align(EN_FAITHFUL);
    expect(r.links[0]).toMatchObject({ source: [0], target: [0] });
    // No link merges units of two paragraphs.
    for (const l of r.links) {
      expect(new Set(l.source.map((k) => SOURCE[k]!.paragraph)).size).toBeLessThanOrEqual(1);
    }
  });
});

describe('warnings, returned before anything is written', () => {
  it('an empty draft: every segment unlinked, one warning', () => {
    const r = alignDraft(SOURCE, []);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.empty']);
    expect(r.links.every((l) => l.kind === '1-0')).toBe(true);
    expect(r.links).toHaveLength(SOURCE.length);
  });

  it('a draft of blank or punctuation-only lines counts as empty', () => {
    const r = alignDraft(SOURCE, [{ text: '…', paragraph: 0 }, { text: '—', paragraph: 1 }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.empty']);
  });

  it('a draft in the wrong language: French (the source picked twice) or German', () => {
    const fr = alignDraft(SOURCE, units(FR_ARTICLE));
    expect(fr.warnings.map((w) => w.code)).toEqual(['draft.wrongLanguage']);
    expect(fr.warnings[0]!.params).toMatchObject({ detected: 'fra', language: 'French' });
    expect(fr.warnings[0]!.message).toContain('French');
    const de = alignDraft(SOURCE, units(DE_DRAFT));
    expect(de.warnings.map((w) => w.code)).toContain('draft.wrongLanguage');
    expect(de.warnings[0]!.params).toMatchObject({ detected: 'deu' });
  });

  it('a draft of a different article: almost nothing aligns', () => {
    const { r } = align(EN_OTHER_ARTICLE);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.differentArticle']);
    expect(r.stats.supportedShare).toBeLessThan(0.25);
  });

  it('a short draft of another article that shares a name or two with the source is still flagged', () => {
    const { r } = align([
      ['Lyon fans celebrate a late win'],
      ['Supporters gathered in central Lyon on Sunday night after the match.', 'Police said the evening passed off calmly.', 'The club will play again in September.', 'Tickets go on sale next week.'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.differentArticle']);
  });

  it('no "different article" warning for a loose but real translation', () => {
    const { r } = align(
      withParagraph(EN_FAITHFUL, 2, ['Mr. Doucet said children deserved healthy buildings.', 'Energy bills went up by 38%.', 'Critics say it is all too rushed.']),
    );
    expect(r.warnings.map((w) => w.code)).not.toContain('draft.differentArticle');
  });

  it('a draft much longer than the source: paragraphs first, the newsletter around the article left unlinked', () => {
    const draft = [...EN_NEWSLETTER_BEFORE, ...EN_FAITHFUL, ...EN_NEWSLETTER_AFTER];
    const { r, d } = align(draft);
    expectPartition(r, SOURCE.length, d.length);
    expect(r.stats.paragraphsFirst).toBe(true);
    const before = units(EN_NEWSLETTER_BEFORE).length;
    const article = units(EN_FAITHFUL).length;
    // The article's sentences are linked one to one, exactly where they are in the newsletter.
    expect(r.links.filter((l) => l.source.length > 0).map((l) => `${l.source.join('+')}→${l.target.join('+')}`)).toEqual(
      SOURCE.map((_, k) => `${k}→${before + k}`),
    );
    // Everything else is extra material, unlinked.
    const extra = r.links.filter((l) => l.extra);
    expect(extra).toHaveLength(d.length - article);
    expect(extra.every((l) => l.kind === '0-1')).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.longer']);
    expect(r.warnings[0]!.params).toMatchObject({ extraSentences: d.length - article });
  });

  it('a longer draft with material inside the article: set aside, and no link spans it', () => {
    const ad = ['Advertisement: subscribe to our newsletter and get the best of our journalism every morning, for free, in your inbox.'];
    const draft = [...EN_NEWSLETTER_BEFORE, EN_FAITHFUL[0]!, EN_FAITHFUL[1]!, ad, EN_FAITHFUL[2]!, EN_FAITHFUL[3]!, ...EN_NEWSLETTER_AFTER];
    const { r, d } = align(draft);
    expectPartition(r, SOURCE.length, d.length);
    const adIndex = d.findIndex((u) => u.text === ad[0]);
    expect(r.links.find((l) => l.target.includes(adIndex))).toMatchObject({ kind: '0-1', extra: true });
    expect(r.links.filter((l) => l.source.length > 0).every((l) => l.kind === '1-1')).toBe(true);
  });

  it('a merge is never proposed across material set aside (the links would leave document order)', () => {
    const r = alignDraft(
      [
        { text: '', paragraph: 0, kind: 'title' },
        { text: '0   ', paragraph: 1 },
      ],
      [
        { text: '', paragraph: 4 },
        { text: ' ', paragraph: 0 },
        { text: '    ', paragraph: 4, kind: 'heading' },
        { text: ' 1', paragraph: 0 },
      ],
    );
    expectPartition(r, 2, 4);
  });

  it('a draft with many source sentences missing says so', () => {
    const { r } = align([EN_FAITHFUL[0]!, EN_FAITHFUL[1]!]);
    expect(r.warnings.map((w) => w.code)).toEqual(['draft.incomplete']);
    expect(r.warnings[0]!.params).toMatchObject({ total: SOURCE.length });
  });

  it('an empty source: every draft sentence unlinked, no crash', () => {
    const r = alignDraft([], units(EN_FAITHFUL));
    expect(r.links.every((l) => l.kind === '0-1')).toBe(true);
  });
});

describe('scale', () => {
  it('aligns a 600-sentence article with its draft in a few hundred milliseconds (banded dynamic programme)', () => {
    const src: AlignUnit[] = [];
    const tgt: AlignUnit[] = [];
    for (let k = 0; k < 60; k++) {
      FR_ARTICLE.forEach((p, pi) => p.forEach((t) => src.push({ text: t, paragraph: k * 10 + pi })));
      EN_FAITHFUL.forEach((p, pi) => p.forEach((t) => tgt.push({ text: t, paragraph: k * 10 + pi })));
    }
    const t0 = performance.now();
    const r = alignDraft(src, tgt);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.links.filter((l) => l.kind === '1-1' && l.source[0] === l.target[0]).length).toBe(src.length);
  });
});

describe('any input', () => {
  it('never throws, and links every unit of both sides exactly once, in order (property)', () => {
    const unit = fc.record({
      text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', '…', 'Le 3 mai, 1 234,5 €.', 'On May 3, €1,234.5.', 'M. Dupont a dit « non ».', '“No,” Mr Dupont said.')),
      paragraph: fc.integer({ min: 0, max: 4 }),
      kind: fc.constantFrom('paragraph' as const, 'heading' as const, 'title' as const),
    });
    // Paragraph numbers in any order too: a caller's mistake must not crash the aligner.
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 25 }), fc.array(unit, { maxLength: 25 }), (src, tgt) => {
        const r = alignDraft(src, tgt);
        expectPartition(r, src.length, tgt.length);
      }),
      { numRuns: 150 },
    );
  });
});
