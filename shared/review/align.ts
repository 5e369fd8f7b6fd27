/**
 * Source-version alignment: when the desk re-imports a newer version of the same French article, pair the old
 * segments (which carry translations) with the new segment drafts, so that translations of unchanged sentences are
 * kept, changed sentences are flagged for re-translation, and added/removed ones are shown where they belong.
 *
 * Algorithm
 *  1. Comparison key: the source with every run of white space (any Unicode space: U+00A0, U+202F, tabs…, plus
 *     zero-width spaces) collapsed to one ordinary space and trimmed. Differences in white space alone are not
 *     changes. This normalisation is used for comparing only; texts themselves are never altered.
 *  2. Anchors: a patience diff over the sequences of keys (common prefix and suffix, then segments unique in both
 *     versions chained in order, recursively; jsdiff's Myers `diffArrays` where no unique anchor is left) pairs
 *     identical segments in order → `unchanged`.
 *  3. In each gap between anchors, old and new segments are paired in order by similarity (Dice coefficient over
 *     the multisets of lower-cased word and punctuation tokens), maximising the total similarity of pairs whose
 *     similarity is ≥ {@link CHANGED_THRESHOLD} (a monotone alignment by dynamic programming; on very large gaps —
 *     a mostly different text — candidates come from an inverted index of tokens and are chained in order) → `changed`.
 *  4. Moves: a leftover new segment identical (by key) to a leftover old segment elsewhere is that sentence moved
 *     (e.g. into another paragraph): it is reported `unchanged` at its new place with `moved: true`, so its
 *     translation travels with it; nothing is reported at its old place. Only exact moves are detected; a sentence
 *     both moved and edited shows as removed + added.
 *  5. Leftover new → `added`, leftover old → `removed`, each placed where it was in its own document.
 *
 * Output pairs are in new-document order; a removed segment is placed after the new segments that precede it
 * (in the old document) and before those that follow it.
 */
import { diffArrays } from 'diff';
import { RelaisError } from '../errors.ts';
import type { BlockKind } from '../model.ts';
import { Interner, intersectionSize } from '../math/multiset.ts';

export interface AlignOldSegment {
  id: string;
  source: string;
  blockKind: BlockKind;
  blockIndex: number;
}

export interface AlignNewSegment {
  source: string;
  blockKind: BlockKind;
  blockIndex: number;
}

export type AlignKind = 'unchanged' | 'changed' | 'added' | 'removed';

export interface AlignPair {
  oldId: string | null;
  newIndex: number | null;
  kind: AlignKind;
  /** 1 for unchanged, the token Dice similarity (threshold..1) for changed, 0 for added/removed. */
  similarity: number;
  /** Set on an unchanged pair whose sentence moved to another place in the article. */
  moved?: boolean;
}

export interface AlignStats {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
}

export interface AlignResult {
  pairs: AlignPair[];
  stats: AlignStats;
  /** Share (0..1) of the old source words kept in the new version. Below {@link SAME_ARTICLE_WARNING} callers should ask for confirmation. */
  sameArticleScore: number;
}

/** Minimum similarity for an old and a new segment to be considered the same sentence, edited. */
export const CHANGED_THRESHOLD = 0.5;
/** Below this `sameArticleScore`, the new version "does not look like the same article". */
export const SAME_ARTICLE_WARNING = 0.3;
/** Maximum number of similarity evaluations per gap for the exact dynamic programme; larger gaps use an index. */
const MAX_CELLS_PER_GAP = 250_000;

// eslint-disable-next-line no-misleading-character-class -- a class of lone invisible spaces, U+200D included on purpose
const SPACE_RE = /[\s\u200B\u200C\u200D\u2060\uFEFF]+/g;

/** The comparison key of a source: white space of any kind collapsed to one space, trimmed. */
export function comparisonKey(source: string): string {
  return source.replace(SPACE_RE, ' ').trim();
}

// eslint-disable-next-line no-misleading-character-class -- invisible spaces are excluded one by one
const SIM_TOKEN_RE = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}\u200B\u200C\u200D\u2060\uFEFF]/gu;
const WORD_RE = /^[\p{L}\p{N}\p{M}]/u;
const WORD_RUN_RE = /[\p{L}\p{N}\p{M}]+/gu;

/** A segment ready for comparison. Tokens are computed only when needed (segments in gaps, changed pairs). */
class Prepared {
  readonly key: number;
  private t: Int32Array | null = null;
  private w: Int32Array | null = null;
  private n = -1;
  constructor(
    private readonly source: string,
    keys: Interner,
    private readonly toks: Interner,
  ) {
    this.key = keys.id(comparisonKey(source));
  }
  /** Sorted interned ids of the lower-cased word and punctuation tokens (a multiset), for similarity. */
  get tokens(): Int32Array {
    if (!this.t) this.tokenize();
    return this.t!;
  }
  /** Sorted interned ids of the word tokens only, for the kept-words score. */
  get words(): Int32Array {
    if (!this.w) this.tokenize();
    return this.w!;
  }
  /** Number of words, without building the tokens. */
  get wordCount(): number {
    if (this.w) return this.w.length;
    if (this.n < 0) {
      let n = 0;
      WORD_RUN_RE.lastIndex = 0;
      while (WORD_RUN_RE.exec(this.source)) n++;
      this.n = n;
    }
    return this.n;
  }
  private tokenize(): void {
    const all = this.source.toLowerCase().match(SIM_TOKEN_RE) ?? [];
    const t: number[] = [];
    const w: number[] = [];
    for (const s of all) {
      const id = this.toks.id(s);
      t.push(id);
      if (WORD_RE.test(s)) w.push(id);
    }
    this.t = Int32Array.from(t).sort();
    this.w = Int32Array.from(w).sort();
  }
}

function prepare(source: string, keys: Interner, toks: Interner): Prepared {
  return new Prepared(source, keys, toks);
}

function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  // Upper bound from the lengths alone: skip the merge when it cannot reach the threshold.
  if ((2 * Math.min(a.length, b.length)) / total < CHANGED_THRESHOLD) return 0;
  return (2 * intersectionSize(a, b)) / total;
}

/** Token similarity (0..1) of two sources, as used by {@link alignVersions}. */
export function sourceSimilarity(a: string, b: string): number {
  const keys = new Interner();
  const toks = new Interner();
  return dice(prepare(a, keys, toks).tokens, prepare(b, keys, toks).tokens);
}

type Item = { kind: 'pair'; o: number; n: number; sim: number } | { kind: 'old'; o: number } | { kind: 'new'; n: number };

/**
 * Aligns the segments of the old version of an article with the segment drafts of the new version.
 * Throws RelaisError('invalid.arguments') on duplicate old ids or non-string sources.
 */
export function alignVersions(oldSegments: readonly AlignOldSegment[], newSegments: readonly AlignNewSegment[]): AlignResult {
  const ids = new Set<string>();
  for (const s of oldSegments) {
    if (typeof s.source !== 'string' || typeof s.id !== 'string') {
      throw new RelaisError('invalid.arguments', 'Alignment: an old segment has no id or no source text.');
    }
    if (ids.has(s.id)) throw new RelaisError('invalid.arguments', `Alignment: duplicate segment id ${s.id}.`);
    ids.add(s.id);
  }
  for (const s of newSegments) {
    if (typeof s.source !== 'string') throw new RelaisError('invalid.arguments', 'Alignment: a new segment has no source text.');
  }

  const keys = new Interner();
  const toks = new Interner();
  const olds = oldSegments.map((s) => prepare(s.source, keys, toks));
  const news = newSegments.map((s) => prepare(s.source, keys, toks));

  // 2. Anchors by exact (normalised) identity.
  const items: Item[] = [];
  let oi = 0;
  let ni = 0;
  const gapOld: number[] = [];
  const gapNew: number[] = [];
  const flushGap = () => {
    if (gapOld.length || gapNew.length) items.push(...alignGap(gapOld, gapNew, olds, news));
    gapOld.length = 0;
    gapNew.length = 0;
  };
  for (const [mo, mn] of exactMatches(
    olds.map((p) => p.key),
    news.map((p) => p.key),
  )) {
    while (oi < mo) gapOld.push(oi++);
    while (ni < mn) gapNew.push(ni++);
    flushGap();
    items.push({ kind: 'pair', o: oi++, n: ni++, sim: 1 });
  }
  while (oi < olds.length) gapOld.push(oi++);
  while (ni < news.length) gapNew.push(ni++);
  flushGap();

  // 4. Exact moves among leftovers.
  const leftoverOldByKey = new Map<number, number[]>();
  for (const it of items) {
    if (it.kind === 'old') {
      const k = olds[it.o]!.key;
      const list = leftoverOldByKey.get(k);
      if (list) list.push(it.o);
      else leftoverOldByKey.set(k, [it.o]);
    }
  }
  const movedOld = new Set<number>();
  const pairs: AlignPair[] = [];
  const movedPairs = new Map<number, number>(); // new index → old index
  if (leftoverOldByKey.size) {
    for (const it of items) {
      if (it.kind !== 'new') continue;
      const list = leftoverOldByKey.get(news[it.n]!.key);
      if (list && list.length) {
        const o = list.shift()!;
        movedOld.add(o);
        movedPairs.set(it.n, o);
      }
    }
  }

  // 5. Output.
  const stats: AlignStats = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  let keptWords = 0;
  let oldWords = 0;
  for (const p of olds) oldWords += p.wordCount;
  for (const it of items) {
    if (it.kind === 'pair') {
      const unchanged = olds[it.o]!.key === news[it.n]!.key;
      if (unchanged) {
        stats.unchanged++;
        keptWords += olds[it.o]!.wordCount;
        pairs.push({ oldId: oldSegments[it.o]!.id, newIndex: it.n, kind: 'unchanged', similarity: 1 });
      } else {
        stats.changed++;
        keptWords += intersectionSize(olds[it.o]!.words, news[it.n]!.words);
        pairs.push({ oldId: oldSegments[it.o]!.id, newIndex: it.n, kind: 'changed', similarity: round(it.sim) });
      }
    } else if (it.kind === 'old') {
      if (movedOld.has(it.o)) continue;
      stats.removed++;
      pairs.push({ oldId: oldSegments[it.o]!.id, newIndex: null, kind: 'removed', similarity: 0 });
    } else {
      const o = movedPairs.get(it.n);
      if (o !== undefined) {
        stats.unchanged++;
        keptWords += olds[o]!.wordCount;
        pairs.push({ oldId: oldSegments[o]!.id, newIndex: it.n, kind: 'unchanged', similarity: 1, moved: true });
      } else {
        stats.added++;
        pairs.push({ oldId: null, newIndex: it.n, kind: 'added', similarity: 0 });
      }
    }
  }
  const sameArticleScore = oldWords === 0 ? (news.every((p) => p.wordCount === 0) ? 1 : 0) : keptWords / oldWords;
  return { pairs, stats, sameArticleScore: round(sameArticleScore) };
}

/**
 * Pairs of equal keys (old index, new index), increasing in both: patience diff — common prefix/suffix, then keys
 * occurring exactly once in each side chained by a longest increasing subsequence, recursively between them; ranges
 * with no unique key fall back to Myers (jsdiff `diffArrays`). Near-linear on versions of the same article.
 */
export function exactMatches(a: readonly number[], b: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  const rec = (aLo: number, aHi: number, bLo: number, bHi: number, depth: number) => {
    const head: [number, number][] = [];
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) head.push([aLo++, bLo++]);
    const tail: [number, number][] = [];
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) tail.push([--aHi, --bHi]);
    out.push(...head);
    if (aLo < aHi && bLo < bHi) {
      const anchors = depth < 64 ? uniqueAnchors(a, aLo, aHi, b, bLo, bHi) : [];
      if (anchors.length) {
        let pa = aLo;
        let pb = bLo;
        for (const [i, j] of anchors) {
          rec(pa, i, pb, j, depth + 1);
          out.push([i, j]);
          pa = i + 1;
          pb = j + 1;
        }
        rec(pa, aHi, pb, bHi, depth + 1);
      } else if (haveCommonKey(a, aLo, aHi, b, bLo, bHi)) {
        const changes = diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi), { maxEditLength: MAX_MYERS_EDITS });
        if (changes) {
          let i = aLo;
          let j = bLo;
          for (const c of changes) {
            if (c.removed) i += c.count;
            else if (c.added) j += c.count;
            else for (let k = 0; k < c.count; k++) out.push([i++, j++]);
          }
        } else out.push(...greedyMatches(a, aLo, aHi, b, bLo, bHi));
      }
    }
    for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
  };
  rec(0, a.length, 0, b.length, 0);
  return out;
}

/** Bound on Myers' work (edit distance) for ranges without unique anchors; beyond it, a greedy in-order match. */
const MAX_MYERS_EDITS = 400;

function haveCommonKey(a: readonly number[], aLo: number, aHi: number, b: readonly number[], bLo: number, bHi: number): boolean {
  const set = new Set<number>();
  for (let i = aLo; i < aHi; i++) set.add(a[i]!);
  for (let j = bLo; j < bHi; j++) if (set.has(b[j]!)) return true;
  return false;
}

/** In-order greedy match: each new key takes the next unused occurrence in the old range after the previous match. */
function greedyMatches(a: readonly number[], aLo: number, aHi: number, b: readonly number[], bLo: number, bHi: number): [number, number][] {
  const positions = new Map<number, number[]>();
  for (let i = aLo; i < aHi; i++) {
    const list = positions.get(a[i]!);
    if (list) list.push(i);
    else positions.set(a[i]!, [i]);
  }
  const out: [number, number][] = [];
  let last = aLo - 1;
  for (let j = bLo; j < bHi; j++) {
    const list = positions.get(b[j]!);
    if (!list) continue;
    while (list.length && list[0]! <= last) list.shift();
    const i = list.shift();
    if (i !== undefined) {
      out.push([i, j]);
      last = i;
    }
  }
  return out;
}

/** Keys unique in both ranges, as (old, new) positions, longest chain increasing in both. */
function uniqueAnchors(a: readonly number[], aLo: number, aHi: number, b: readonly number[], bLo: number, bHi: number): [number, number][] {
  const countA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) countA.set(a[i]!, countA.has(a[i]!) ? -1 : i);
  const countB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) countB.set(b[j]!, countB.has(b[j]!) ? -1 : j);
  const cands: [number, number][] = [];
  for (let j = bLo; j < bHi; j++) {
    const k = b[j]!;
    const ia = countA.get(k);
    if (ia !== undefined && ia >= 0 && countB.get(k) === j) cands.push([ia, j]);
  }
  if (!cands.length) return [];
  const tails: number[] = [];
  const prev = new Int32Array(cands.length).fill(-1);
  cands.forEach((c, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[tails[mid]!]![0] < c[0]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: [number, number][] = [];
  for (let k = tails[tails.length - 1]!; k >= 0; k = prev[k]!) chain.push(cands[k]!);
  return chain.reverse();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Monotone alignment of a gap (old indexes `go`, new indexes `gn`), maximising the sum of similarities of pairs
 * at or above the threshold. Emits items in order; within a stretch between two pairs, old leftovers come first.
 */
function alignGap(go: readonly number[], gn: readonly number[], olds: Prepared[], news: Prepared[]): Item[] {
  const n = go.length;
  const m = gn.length;
  if (n === 0) return gn.map((x) => ({ kind: 'new', n: x }));
  if (m === 0) return go.map((x) => ({ kind: 'old', o: x }));
  const pairs = n * m <= MAX_CELLS_PER_GAP ? dpPairs(go, gn, olds, news) : indexedPairs(go, gn, olds, news);

  const out: Item[] = [];
  let i = 0;
  let j = 0;
  for (const p of pairs) {
    while (i < p.i) out.push({ kind: 'old', o: go[i++]! });
    while (j < p.j) out.push({ kind: 'new', n: gn[j++]! });
    out.push({ kind: 'pair', o: go[i++]!, n: gn[j++]!, sim: p.sim });
  }
  while (i < n) out.push({ kind: 'old', o: go[i++]! });
  while (j < m) out.push({ kind: 'new', n: gn[j++]! });
  return out;
}

interface GapPair {
  /** Position in the gap's old list. */
  i: number;
  /** Position in the gap's new list. */
  j: number;
  sim: number;
}

/** Exact weighted monotone matching by dynamic programming, O(n·m) similarity evaluations (small gaps). */
function dpPairs(go: readonly number[], gn: readonly number[], olds: Prepared[], news: Prepared[]): GapPair[] {
  const n = go.length;
  const m = gn.length;
  const W = m + 1;
  const score = new Float64Array((n + 1) * W);
  const move = new Uint8Array((n + 1) * W); // 1 = skip old, 2 = skip new, 3 = pair
  const sims = new Float64Array((n + 1) * W);
  for (let i = 1; i <= n; i++) {
    const row = i * W;
    const prev = (i - 1) * W;
    const a = olds[go[i - 1]!]!.tokens;
    move[row] = 1;
    for (let j = 1; j <= m; j++) {
      let best = score[prev + j]!;
      let mv = 1;
      const left = score[row + j - 1]!;
      if (left > best) {
        best = left;
        mv = 2;
      }
      const s = dice(a, news[gn[j - 1]!]!.tokens);
      if (s >= CHANGED_THRESHOLD && score[prev + j - 1]! + s > best) {
        best = score[prev + j - 1]! + s;
        mv = 3;
        sims[row + j] = s;
      }
      score[row + j] = best;
      move[row + j] = mv;
    }
  }
  const rev: GapPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const mv = move[i * W + j]!;
    if (mv === 3) {
      rev.push({ i: i - 1, j: j - 1, sim: sims[i * W + j]! });
      i--;
      j--;
    } else if (mv === 2) j--;
    else i--;
  }
  return rev.reverse();
}

/**
 * Large gaps (mostly a different text): candidates through an inverted index of the less common tokens, the best
 * candidate per new segment, then the longest chain of candidates increasing in both documents. Near-linear.
 */
function indexedPairs(go: readonly number[], gn: readonly number[], olds: Prepared[], news: Prepared[]): GapPair[] {
  const index = new Map<number, number[]>();
  go.forEach((o, i) => {
    let last = -1;
    for (const t of olds[o]!.tokens) {
      if (t === last) continue;
      last = t;
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  // Tokens found in many old segments say little about which one is the match: they are left out of the index.
  const common = Math.max(8, Math.ceil(Math.sqrt(go.length)));
  const cands: GapPair[] = [];
  const hits = new Int32Array(go.length);
  const touched: number[] = [];
  gn.forEach((nIdx, j) => {
    touched.length = 0;
    let last = -1;
    for (const t of news[nIdx]!.tokens) {
      if (t === last) continue;
      last = t;
      const list = index.get(t);
      if (!list || list.length > common) continue;
      for (const i of list) {
        if (hits[i] === 0) touched.push(i);
        hits[i]!++;
      }
    }
    // The few old segments sharing the most distinctive tokens are scored exactly.
    touched.sort((x, y) => hits[y]! - hits[x]!);
    let best: GapPair | null = null;
    for (let k = 0; k < touched.length && k < 10; k++) {
      const i = touched[k]!;
      const s = dice(olds[go[i]!]!.tokens, news[nIdx]!.tokens);
      if (s >= CHANGED_THRESHOLD && (!best || s > best.sim)) best = { i, j, sim: s };
    }
    for (const i of touched) hits[i] = 0;
    if (best) cands.push(best);
  });
  // Longest strictly increasing subsequence in i (candidates are already increasing in j).
  const tails: number[] = [];
  const prevOf = new Int32Array(cands.length).fill(-1);
  cands.forEach((c, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[tails[mid]!]!.i < c.i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prevOf[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const chain: GapPair[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prevOf[k]!) chain.push(cands[k]!);
  return chain.reverse();
}
