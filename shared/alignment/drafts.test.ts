import { describe, expect, it } from 'vitest';
import { alignDraft, alignmentToDrafts, linkTexts, type AlignUnit, type DraftAlignment } from './index.ts';
import { EN_FAITHFUL, EN_NEWSLETTER_AFTER, EN_NEWSLETTER_BEFORE, FR_ARTICLE, units, withParagraph } from './testing/article.ts';

const SOURCE = units(FR_ARTICLE);

/** An alignment written by hand (the drafts step does not care how links were found). */
function manual(links: [number[], number[]][], extra: number[] = []): DraftAlignment {
  return {
    links: links.map(([s, t]) => ({
      kind: `${s.length}-${t.length}` as DraftAlignment['links'][number]['kind'],
      source: s,
      target: t,
      confidence: 0.9,
      ...(s.length === 0 && t.some((x) => extra.includes(x)) ? { extra: true } : {}),
    })),
    warnings: [],
    stats: {} as DraftAlignment['stats'],
  };
}

const src: AlignUnit[] = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5'].map((text) => ({ text, paragraph: 0 }));
const tgt: AlignUnit[] = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5'].map((text) => ({ text, paragraph: 0 }));

describe('alignmentToDrafts: one draft text per segment', () => {
  it('1-1, 1-2 (joined by one space), 2-1 (whole to the first, the second marked), 1-0 (none), 0-1 (unplaced, after its segment)', () => {
    const a = manual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2, 3], [3]],
      [[4], []],
      [[], [4]],
      [[5], [5]],
    ]);
    const d = alignmentToDrafts(a, src, tgt);
    expect(d.segments.map((s) => [s.source, s.text, s.kind, s.mergedInto])).toEqual([
      [0, 'T0', '1-1', undefined],
      [1, 'T1 T2', '1-2', undefined],
      [2, 'T3', '2-1', undefined],
      [3, '', '2-1', 2],
      [4, '', '1-0', undefined],
      [5, 'T5', '1-1', undefined],
    ]);
    expect(d.segments.map((s) => s.link)).toEqual([0, 1, 2, 2, 3, 5]);
    expect(d.unplaced).toEqual([{ target: 4, text: 'T4', link: 4, after: 4, extra: false }]);
  });

  it('draft sentences before the first segment are unplaced with after = null; extra material is flagged', () => {
    const a = manual(
      [
        [[], [0]],
        [[0], [1]],
        [[1], [2]],
        [[2], []],
        [[3], []],
        [[4], []],
        [[5], []],
      ],
      [0],
    );
    const d = alignmentToDrafts(a, src, tgt);
    expect(d.unplaced).toEqual([{ target: 0, text: 'T0', link: 0, after: null, extra: true }]);
    expect(d.segments.map((s) => s.text)).toEqual(['T1', 'T2', '', '', '', '']);
  });

  it('refuses an alignment that leaves a segment out', () => {
    expect(() => alignmentToDrafts(manual([[[0], [0]]]), src, tgt)).toThrow(/source unit 1 is in no link/);
  });

  it('from a real alignment: a merged draft fills the first segment, the article in a newsletter fills every segment', () => {
    const merged = units(
      withParagraph(EN_FAITHFUL, 1, [
        'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
        'The programme covers 62 schools built before 1975, and work will begin in September, Mayor Grégory Doucet said.',
      ]),
    );
    const d = alignmentToDrafts(alignDraft(SOURCE, merged), SOURCE, merged);
    expect(d.segments[2]!.text).toBe(merged[2]!.text);
    expect(d.segments[3]).toMatchObject({ text: '', mergedInto: 2 });
    expect(d.unplaced).toEqual([]);

    const news = units([...EN_NEWSLETTER_BEFORE, ...EN_FAITHFUL, ...EN_NEWSLETTER_AFTER]);
    const n = alignmentToDrafts(alignDraft(SOURCE, news), SOURCE, news);
    expect(n.segments.map((s) => s.text)).toEqual(EN_FAITHFUL.flat());
    expect(n.unplaced.every((u) => u.extra)).toBe(true);
    expect(n.unplaced).toHaveLength(news.length - SOURCE.length);
  });
});

describe('linkTexts', () => {
  it('joins each side with one space, empty for an unlinked side', () => {
    const a = manual([
      [[0, 1], [0]],
      [[2], []],
      [[], [1]],
    ]);
    expect(linkTexts(a, src, tgt)).toEqual([
      { source: 'S0 S1', target: 'T0', confidence: 0.9 },
      { source: 'S2', target: '', confidence: 0.9 },
      { source: '', target: 'T1', confidence: 0.9 },
    ]);
  });
});
