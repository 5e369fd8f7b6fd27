/**
 * Aligns the English draft of an article with its French segments. See README.md for the model; in short:
 *
 * 1. A draft much longer than the source (a newsletter with the article inside) is first aligned paragraph by
 *    paragraph; draft paragraphs left without a counterpart are set aside as extra material (0-1 links marked
 *    `extra`), never forced onto segments.
 * 2. Sentences are aligned by a monotone dynamic programme over beads 1-1, 1-2, 2-1, 1-0 and 0-1. The cost of a bead
 *    is its prior (−log P(kind)), the Gale–Church length cost with the length ratio c estimated on this pair of
 *    texts, minus the evidence of the anchors it pairs (numbers, names and acronyms, glossary terms, quotations,
 *    cognates), plus structure: a bead may not merge sentences of two paragraphs, paragraph boundaries met on both
 *    sides at once earn a bonus, titles and headings pair with titles and headings.
 * 3. Each link's confidence is its posterior probability over all alignments (forward–backward).
 * 4. Warnings (empty draft, wrong language, a different article, a much longer draft, many segments without a
 *    counterpart) are returned with the links, for the user to see before anything is written.
 */
import type { TermIndex, TermMatch } from '../glossary/index.ts';
import { Interner, intersectionSize } from '../math/multiset.ts';
import { ANCHOR_TYPES, mergeAnchors, unitAnchors, type AnchorSet, type AnchorType } from './anchors.ts';
import { alignMonotone, type Bead, type DpStep } from './dp.ts';
import { lengthCost } from './gale-church.ts';
import { guessLanguage, languageName } from './language.ts';
import type { AlignUnit, AlignmentLink, AlignmentStats, AlignmentWarning, DraftAlignment, LinkKind } from './types.ts';

export interface AlignParams {
  /** Prior probability of each link kind. */
  priors: Record<LinkKind, number>;
  /** Variance per character of the length model (Gale–Church s²). */
  s2: number;
  /** Weight of the length cost. */
  lengthWeight: number;
  /** Evidence per matched anchor, by type (subtracted from the cost of a bead that pairs units). */
  anchorWeights: Record<AnchorType, number>;
  /**
   * Cost per anchor left unmatched inside a bead that pairs units, by type: a number of a linked sentence should be in
   * its translation. Anchors of a 1-0 or 0-1 bead cost nothing (the sentence was dropped or added).
   */
  anchorMiss: Record<AnchorType, number>;
  /** Bonus for a paragraph boundary met on both sides at the same point. */
  paragraphBonus: number;
  /** Cost of merging two units of different paragraphs into one link. */
  paragraphCross: number;
  /** Cost of pairing a title or heading with body text. */
  kindMismatch: number;
  /** Temperature of the posterior (calibrates the confidence). */
  temperature: number;
  /** Expected English characters per French character before the texts are measured. */
  expectedRatio: number;
}

/** Chosen on the dev part of the gold alignments (bench/data/alignment-gold.json); the test part is never used. */
export const DEFAULT_ALIGN_PARAMS: AlignParams = {
  priors: { '1-1': 0.89, '1-2': 0.045, '2-1': 0.045, '1-0': 0.01, '0-1': 0.01 },
  s2: 6.8,
  lengthWeight: 1,
  anchorWeights: { numbers: 2.5, names: 2, terms: 2, quotes: 1, words: 0.6 },
  anchorMiss: { numbers: 2, names: 1, terms: 0.8, quotes: 0.5, words: 0.1 },
  paragraphBonus: 3,
  paragraphCross: 4,
  kindMismatch: 4,
  temperature: 1,
  expectedRatio: 0.95,
};

export interface AlignOptions {
  /** Glossaries of the project and desk: their terms become anchors. */
  terms?: TermIndex;
  params?: Partial<AlignParams>;
}

/** The draft is "much longer" above this many times the expected length of a translation of the source. */
export const LONG_DRAFT_FACTOR = 1.6;
/** A link is "supported" when it shares this much anchor evidence (one number, name or term, or two cognates). */
const SUPPORT_THRESHOLD = 1.2;

const SENTENCE_BEADS: readonly Bead[] = [
  { a: 1, b: 1 },
  { a: 1, b: 0 },
  { a: 0, b: 1 },
  { a: 2, b: 1 },
  { a: 1, b: 2 },
];

function kindOf(a: number, b: number): LinkKind {
  return `${a}-${b}` as LinkKind;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

interface Side {
  units: readonly AlignUnit[];
  anchors: AnchorSet[];
  lengths: number[];
  /** true at k when unit k starts a paragraph (k = 0 included). */
  starts: boolean[];
  heading: boolean[];
  /** true at k when units k−1 and k were not next to each other in the draft (material set aside between them). */
  gapBefore: boolean[];
}

function side(units: readonly AlignUnit[], anchors: AnchorSet[], gapBefore: boolean[] = units.map(() => false)): Side {
  return {
    units,
    anchors,
    lengths: units.map((u) => u.text.length),
    starts: units.map((u, k) => k === 0 || units[k - 1]!.paragraph !== u.paragraph || gapBefore[k]!),
    heading: units.map((u) => u.kind === 'title' || u.kind === 'heading'),
    gapBefore,
  };
}

/** Anchors of spans of one or two units, cached. */
function spanAnchors(s: Side): (i: number, a: number) => AnchorSet {
  const pairs: (AnchorSet | undefined)[] = [];
  return (i, a) => {
    if (a === 1) return s.anchors[i]!;
    return (pairs[i] ??= mergeAnchors([s.anchors[i]!, s.anchors[i + 1]!]));
  };
}

function evidence(x: AnchorSet, y: AnchorSet, w: Record<AnchorType, number>, miss?: Record<AnchorType, number>): number {
  let e = 0;
  for (const t of ANCHOR_TYPES) {
    const both = x[t].length === 0 || y[t].length === 0 ? 0 : intersectionSize(x[t], y[t]);
    e += w[t] * both;
    if (miss) e -= miss[t] * (x[t].length + y[t].length - 2 * both);
  }
  return e;
}

/** Support of a pair: strong anchors count 1, cognates 0.6 each; ≥ SUPPORT_THRESHOLD means the pair shares real evidence. */
function support(x: AnchorSet, y: AnchorSet): number {
  return evidence(x, y, { numbers: 1.2, names: 1.2, terms: 1.2, quotes: 0.3, words: 0.6 });
}

/** Sentence-level alignment of two sides (the draft side already reduced to the article). */
function alignSentences(src: Side, tgt: Side, p: AlignParams, c: number): DpStep[] {
  const srcSpan = spanAnchors(src);
  const tgtSpan = spanAnchors(tgt);
  const prior: Record<string, number> = {};
  for (const [k, v] of Object.entries(p.priors)) prior[k] = -Math.log(v);
  const n = src.units.length;
  const m = tgt.units.length;
  const cost = (i: number, j: number, a: number, b: number): number => {
    // Draft sentences on either side of material set aside are never one link (its links would not be in order).
    if (b === 2 && tgt.gapBefore[j + 1]) return Infinity;
    let cst = prior[kindOf(a, b)]!;
    if (a === 2 && src.starts[i + 1]) cst += p.paragraphCross;
    if (b === 2 && tgt.starts[j + 1]) cst += p.paragraphCross;
    if (a > 0 && b > 0) {
      let l1 = src.lengths[i]!;
      if (a === 2) l1 += src.lengths[i + 1]!;
      let l2 = tgt.lengths[j]!;
      if (b === 2) l2 += tgt.lengths[j + 1]!;
      cst += p.lengthWeight * lengthCost(l1, l2, c, p.s2);
      cst -= evidence(srcSpan(i, a), tgtSpan(j, b), p.anchorWeights, p.anchorMiss);
      const hs = src.heading[i]! || (a === 2 && src.heading[i + 1]!);
      const ht = tgt.heading[j]! || (b === 2 && tgt.heading[j + 1]!);
      if (hs !== ht) cst += p.kindMismatch;
    }
    // The bead ends on a node where both sides start a paragraph: the boundaries agree.
    const ei = i + a;
    const ej = j + b;
    if (ei < n && ej < m && ei > 0 && ej > 0 && src.starts[ei] && tgt.starts[ej]) cst -= p.paragraphBonus;
    return cst;
  };
  return alignMonotone(n, m, SENTENCE_BEADS, cost, p.temperature);
}

interface Paragraph {
  from: number;
  to: number;
  length: number;
  anchors: AnchorSet;
}

function paragraphs(s: Side): Paragraph[] {
  const out: Paragraph[] = [];
  s.units.forEach((_u, k) => {
    if (s.starts[k]) out.push({ from: k, to: k + 1, length: 0, anchors: s.anchors[k]! });
    const last = out[out.length - 1]!;
    last.to = k + 1;
    last.length += s.lengths[k]!;
  });
  for (const para of out) para.anchors = mergeAnchors(s.anchors.slice(para.from, para.to));
  return out;
}

const PARAGRAPH_BEADS: readonly Bead[] = [
  { a: 1, b: 1 },
  { a: 1, b: 0 },
  { a: 0, b: 1 },
  { a: 2, b: 1 },
  { a: 1, b: 2 },
];

/**
 * Paragraph alignment of a long draft: which draft paragraphs hold the article. Draft paragraphs cost little to leave
 * out (most of a newsletter is not the article); a source paragraph costs much to leave out (the article should be
 * there); pairing paragraphs is paid by length and rewarded by anchors. Returns the indexes of draft units kept.
 */
function articleParagraphs(src: Side, tgt: Side, p: AlignParams): { keep: boolean[]; extraParagraphs: number } {
  const sp = paragraphs(src);
  const tp = paragraphs(tgt);
  const prior: Record<string, number> = { '1-1': 0, '2-1': 2, '1-2': 2, '1-0': 8, '0-1': 1.5 };
  const cost = (i: number, j: number, a: number, b: number): number => {
    let cst = prior[kindOf(a, b)]!;
    if (a > 0 && b > 0) {
      const s = a === 2 ? mergeAnchors([sp[i]!.anchors, sp[i + 1]!.anchors]) : sp[i]!.anchors;
      const t = b === 2 ? mergeAnchors([tp[j]!.anchors, tp[j + 1]!.anchors]) : tp[j]!.anchors;
      const l1 = sp[i]!.length + (a === 2 ? sp[i + 1]!.length : 0);
      const l2 = tp[j]!.length + (b === 2 ? tp[j + 1]!.length : 0);
      cst += 0.5 * lengthCost(l1, l2, p.expectedRatio, p.s2 * 4);
      cst -= evidence(s, t, p.anchorWeights);
      cst += 3; // an unsupported pairing costs more than leaving both paragraphs out
    }
    return cst;
  };
  const steps = alignMonotone(sp.length, tp.length, PARAGRAPH_BEADS, cost, p.temperature);
  const keep = new Array<boolean>(tgt.units.length).fill(false);
  let extraParagraphs = 0;
  for (const st of steps) {
    if (st.a === 0) {
      extraParagraphs += st.b;
      continue;
    }
    for (let q = st.j; q < st.j + st.b; q++) for (let k = tp[q]!.from; k < tp[q]!.to; k++) keep[k] = true;
  }
  return { keep, extraParagraphs };
}

function sumLengths(s: Side, keep?: boolean[]): number {
  let n = 0;
  s.lengths.forEach((l, k) => {
    if (!keep || keep[k]) n += l;
  });
  return n;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Characters of prior weight given to the expected ratio when estimating a pair's ratio. */
const RATIO_PRIOR_CHARS = 400;

/** English/French length ratio of two texts, shrunk towards `expected` (as if RATIO_PRIOR_CHARS had been seen at it). */
function ratio(srcChars: number, tgtChars: number, expected: number): number {
  if (srcChars === 0 || tgtChars === 0) return expected;
  return clamp((tgtChars + RATIO_PRIOR_CHARS * expected) / (srcChars + RATIO_PRIOR_CHARS), 0.6, 1.6);
}

function subSide(s: Side, keep: boolean[]): { side: Side; index: number[] } {
  const index: number[] = [];
  keep.forEach((k, i) => {
    if (k) index.push(i);
  });
  const gapBefore = index.map((i, k) => k > 0 && i !== index[k - 1]! + 1);
  return { side: side(index.map((i) => s.units[i]!), index.map((i) => s.anchors[i]!), gapBefore), index };
}

/** Share of pairs with real anchor support, for deliberately mismatched pairs: the level chance gives. */
function chanceSupport(src: Side, tgt: Side, pairs: readonly [number, number][]): number {
  const n = src.units.length;
  const m = tgt.units.length;
  if (pairs.length === 0 || n < 2 || m < 2) return 0;
  let supported = 0;
  let total = 0;
  for (const shift of [0.5, 0.33, 0.67]) {
    const d = Math.max(1, Math.round(m * shift));
    for (const [i, j] of pairs) {
      total++;
      if (support(src.anchors[i]!, tgt.anchors[(j + d) % m]!) >= SUPPORT_THRESHOLD) supported++;
    }
  }
  return supported / total;
}

function message(code: AlignmentWarning['code'], params: Record<string, string | number>): string {
  switch (code) {
    case 'draft.empty':
      return 'The draft has no text to align.';
    case 'draft.wrongLanguage':
      return `The draft does not look English (it looks ${params.language}). Check that you chose the English draft.`;
    case 'draft.differentArticle':
      return `The draft does not seem to be a translation of this article: only ${params.supported} of ${params.links} linked sentences share names, numbers or terms with the source.`;
    case 'draft.longer':
      return `The draft is much longer than the article: paragraphs were aligned first and ${params.extraParagraphs} paragraph(s) (${params.extraSentences} sentence(s)) were left unlinked as extra material.`;
    case 'draft.incomplete':
      return `${params.unlinked} of ${params.total} segments have no counterpart in the draft.`;
  }
}

function warning(code: AlignmentWarning['code'], severity: AlignmentWarning['severity'], params: Record<string, string | number>): AlignmentWarning {
  return { code, severity, message: message(code, params), params };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Aligns draft sentences (English) with source segments (French). Every source unit and every draft unit appears in
 * exactly one link, links in document order. Never throws on odd input: an empty or foreign draft gives warnings.
 */
export function alignDraft(source: readonly AlignUnit[], draft: readonly AlignUnit[], options: AlignOptions = {}): DraftAlignment {
  const p: AlignParams = { ...DEFAULT_ALIGN_PARAMS, ...options.params };
  const interner = new Interner();
  const srcAnchors = source.map((u) => unitAnchors(u.text, 'fr', { interner, terms: options.terms }));
  const sourceMatches: TermMatch[] = srcAnchors.flatMap((a) => a.matches);
  const tgtAnchors = draft.map((u) => unitAnchors(u.text, 'en', { interner, terms: options.terms, sourceMatches }));
  const src = side(source, srcAnchors);
  const fullTgt = side(draft, tgtAnchors);
  const warnings: AlignmentWarning[] = [];

  const draftText = draft.map((u) => u.text).join(' ');
  const lang = guessLanguage(draftText);
  const draftHasWords = draft.some((u) => HAS_WORD.test(u.text));
  if (!draftHasWords) warnings.push(warning('draft.empty', 'warning', {}));
  else if (!lang.english) warnings.push(warning('draft.wrongLanguage', 'warning', { detected: lang.code, language: languageName(lang.code) }));

  // 1. A much longer draft: keep the paragraphs that hold the article.
  const srcChars = sumLengths(src);
  let keep = new Array<boolean>(draft.length).fill(true);
  let paragraphsFirst = false;
  if (source.length > 0 && draftHasWords && sumLengths(fullTgt) > LONG_DRAFT_FACTOR * p.expectedRatio * srcChars) {
    const r = articleParagraphs(src, fullTgt, p);
    paragraphsFirst = true;
    keep = r.keep;
    const extraSentences = keep.filter((k) => !k).length;
    if (extraSentences > 0) warnings.push(warning('draft.longer', 'info', { extraParagraphs: r.extraParagraphs, extraSentences }));
  }
  const { side: tgt, index: tgtIndex } = subSide(fullTgt, keep);

  // 2. Sentences.
  // The length ratio of this pair of texts, shrunk towards the expected ratio when there is little text; then
  // measured again on the sentences actually paired (dropped or added sentences distort the first estimate).
  let c = ratio(srcChars, sumLengths(tgt), p.expectedRatio);
  let steps = alignSentences(src, tgt, p, c);
  let pairedSrc = 0;
  let pairedTgt = 0;
  for (const st of steps) {
    if (st.a === 0 || st.b === 0) continue;
    for (let k = st.i; k < st.i + st.a; k++) pairedSrc += src.lengths[k]!;
    for (let k = st.j; k < st.j + st.b; k++) pairedTgt += tgt.lengths[k]!;
  }
  const c1 = ratio(pairedSrc, pairedTgt, p.expectedRatio);
  if (Math.abs(c1 - c) > 0.02) {
    c = c1;
    steps = alignSentences(src, tgt, p, c);
  }

  // 3. Links in document order, extra material inserted where it stands in the draft.
  const links: AlignmentLink[] = [];
  let nextDraft = 0;
  const flushExtra = (upTo: number) => {
    for (; nextDraft < upTo; nextDraft++) {
      if (!keep[nextDraft]) links.push({ kind: '0-1', source: [], target: [nextDraft], confidence: 1, extra: true });
    }
  };
  for (const st of steps) {
    const target = Array.from({ length: st.b }, (_, k) => tgtIndex[st.j + k]!);
    if (target.length) flushExtra(target[0]!);
    links.push({ kind: kindOf(st.a, st.b), source: Array.from({ length: st.a }, (_, k) => st.i + k), target, confidence: round(st.posterior) });
    if (target.length) nextDraft = Math.max(nextDraft, target[target.length - 1]! + 1);
  }
  flushExtra(draft.length);

  // 4. Evidence that the draft translates this article.
  const paired = steps.filter((s) => s.a > 0 && s.b > 0);
  let supported = 0;
  for (const s of paired) {
    const x = s.a === 2 ? mergeAnchors([src.anchors[s.i]!, src.anchors[s.i + 1]!]) : src.anchors[s.i]!;
    const y = s.b === 2 ? mergeAnchors([tgt.anchors[s.j]!, tgt.anchors[s.j + 1]!]) : tgt.anchors[s.j]!;
    if (support(x, y) >= SUPPORT_THRESHOLD) supported++;
  }
  const supportedShare = paired.length ? supported / paired.length : 0;
  const chanceShare = chanceSupport(src, tgt, paired.map((s) => [s.i, s.j] as [number, number]));
  // "Almost nothing aligns": few linked pairs share evidence, not clearly more than chance pairs do, or (for a short
  // draft, where a couple of coincidences weigh a lot) the supported pairs cover only a sliver of the source.
  const fewSupported = supportedShare < 0.25 || supportedShare < chanceShare + 0.15 || (supportedShare < 0.5 && supported < 0.2 * source.length);
  if (draftHasWords && lang.english && source.length >= 3 && tgt.units.length >= 2 && fewSupported) {
    warnings.push(warning('draft.differentArticle', 'warning', { supported, links: paired.length }));
  }
  const unlinked = links.filter((l) => l.kind === '1-0').length;
  if (draftHasWords && source.length >= 4 && unlinked / source.length > 0.3 && !warnings.some((w) => w.code === 'draft.differentArticle')) {
    warnings.push(warning('draft.incomplete', 'warning', { unlinked, total: source.length }));
  }

  const kinds: Record<LinkKind, number> = { '1-1': 0, '1-2': 0, '2-1': 0, '1-0': 0, '0-1': 0 };
  for (const l of links) kinds[l.kind]++;
  const stats: AlignmentStats = {
    sourceUnits: source.length,
    draftUnits: draft.length,
    kinds,
    meanConfidence: links.length ? round(links.reduce((s, l) => s + l.confidence, 0) / links.length) : 0,
    lengthRatio: round(c, 3),
    supportedShare: round(supportedShare, 3),
    chanceShare: round(chanceShare, 3),
    draftLanguage: lang.code,
    paragraphsFirst,
  };
  return { links, warnings, stats };
}
