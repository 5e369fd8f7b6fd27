/**
 * From an accepted alignment to what gets written: one draft text per source segment.
 *
 * - 1-1: the draft sentence; 1-2: the two draft sentences joined by one space (the translator split the sentence);
 * - 2-1: the translator merged two segments into one sentence. A sentence is never cut in two: the FIRST segment
 *   receives it whole and the second gets no draft, marked `mergedInto` the first, so the editor can merge the two
 *   segments or share the text out by hand;
 * - 1-0: no draft (the sentence was dropped);
 * - 0-1: the draft sentence belongs to no segment; it is returned in `unplaced` with the segment it follows, so
 *   nothing of the draft is silently lost.
 */
import type { AlignUnit, DraftAlignment, LinkKind } from './types.ts';

export interface SegmentDraftText {
  /** Index of the source unit (segment). */
  source: number;
  /** The draft text for this segment; '' when it gets none. */
  text: string;
  /** Index of the link in the alignment. */
  link: number;
  kind: LinkKind;
  confidence: number;
  /** 2-1 links: the second segment's draft went whole into this segment (its index). */
  mergedInto?: number;
}

export interface UnplacedDraftText {
  /** Index of the draft unit. */
  target: number;
  text: string;
  link: number;
  /** The source segment this draft sentence comes after (null: before the first segment). */
  after: number | null;
  /** Material set aside around the article in a longer draft. */
  extra: boolean;
}

export interface DraftTexts {
  /** One entry per source unit, in source order. */
  segments: SegmentDraftText[];
  unplaced: UnplacedDraftText[];
}

/** Joins draft sentences the way segments are merged: one ordinary space. */
function join(texts: string[]): string {
  return texts.join(' ');
}

export function alignmentToDrafts(alignment: DraftAlignment, source: readonly AlignUnit[], draft: readonly AlignUnit[]): DraftTexts {
  const segments: (SegmentDraftText | undefined)[] = new Array(source.length);
  const unplaced: UnplacedDraftText[] = [];
  let lastSource: number | null = null;
  alignment.links.forEach((l, link) => {
    const text = join(l.target.map((t) => draft[t]!.text));
    if (l.source.length === 0) {
      for (const t of l.target) unplaced.push({ target: t, text: draft[t]!.text, link, after: lastSource, extra: l.extra === true });
      return;
    }
    l.source.forEach((s, k) => {
      const entry: SegmentDraftText = { source: s, text: k === 0 ? text : '', link, kind: l.kind, confidence: l.confidence };
      if (k > 0) entry.mergedInto = l.source[0]!;
      segments[s] = entry;
    });
    lastSource = l.source[l.source.length - 1]!;
  });
  const missing = segments.findIndex((s) => s === undefined);
  if (missing >= 0 || segments.length !== source.length) throw new Error(`alignmentToDrafts: source unit ${missing} is in no link`);
  return { segments: segments as SegmentDraftText[], unplaced };
}

/** A link as texts: the French of its source segments and the English of its draft sentences, each joined by one space. */
export interface LinkTexts {
  source: string;
  target: string;
  confidence: number;
}

/** The links as texts, in document order; an unlinked side is the empty string. */
export function linkTexts(alignment: DraftAlignment, source: readonly AlignUnit[], draft: readonly AlignUnit[]): LinkTexts[] {
  return alignment.links.map((l) => ({
    source: join(l.source.map((k) => source[k]!.text)),
    target: join(l.target.map((k) => draft[k]!.text)),
    confidence: l.confidence,
  }));
}
