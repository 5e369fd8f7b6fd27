/**
 * An Aho–Corasick automaton over UTF-16 code units, the baseline the glossary bench compares the term index with: the
 * classic way to find many fixed strings in one pass over a text.
 *
 * Written here rather than taken from npm: the maintained package (modern-ahocorasick 3.3) scans grapheme clusters
 * through Intl.Segmenter, which costs it about 1 µs per character on the bench's document (1.1 s per pass, against
 * tens of milliseconds for a code-unit automaton), so it would not be the strongest baseline (docs/benchmarks.md).
 *
 * Goto function: the code units that occur in the patterns are numbered 1…A−1 (any other unit sends the automaton
 * back to the root at once); a dense row for the root and one hash map for the other states, keyed by
 * state × A + symbol (a small integer, so V8 hashes it fast); failure links and dictionary-suffix links computed
 * breadth-first, so every occurrence of every pattern is reported, overlaps and duplicates included. Bench-only code,
 * tested in aho-corasick.test.ts.
 */
export class AhoCorasick {
  /** Number of states, root included. */
  readonly states: number;
  /** Code unit → symbol (0: in no pattern). */
  private readonly symbols: Uint16Array;
  private readonly alphabet: number;
  private readonly root: Int32Array;
  private readonly edges: Map<number, number>;
  private readonly fail: Int32Array;
  /** First pattern ending at a state (-1: none); further ones through `nextPattern`. */
  private readonly firstPattern: Int32Array;
  private readonly nextPattern: Int32Array;
  /** Nearest state down the failure chain where a pattern ends (-1: none). */
  private readonly dict: Int32Array;
  private readonly lengths: Int32Array;

  /**
   * `fold` maps a code unit to the one it stands for (lower case, one kind of space…): patterns and texts are matched
   * through it, at no cost per character (it is applied once to every code unit, here).
   */
  constructor(patterns: readonly string[], opts: { fold?: (unit: number) => number } = {}) {
    const fold = opts.fold ?? ((u: number) => u);
    const canonical = new Uint16Array(65536);
    let alphabet = 1;
    for (const p of patterns) {
      for (let k = 0; k < p.length; k++) {
        const u = fold(p.charCodeAt(k));
        if (canonical[u] === 0) canonical[u] = alphabet++;
      }
    }
    const symbols = new Uint16Array(65536);
    for (let u = 0; u < 65536; u++) symbols[u] = canonical[fold(u)]!;
    const A = alphabet;
    const edges = new Map<number, number>();
    const root = new Int32Array(A);
    let count = 1;
    const ends: number[] = [];
    patterns.forEach((p, i) => {
      if (p.length === 0) throw new Error(`AhoCorasick: pattern ${i} is empty`);
      let s = 0;
      for (let k = 0; k < p.length; k++) {
        const c = symbols[p.charCodeAt(k)]!;
        if (s === 0) {
          if (root[c] === 0) root[c] = count++;
          s = root[c]!;
        } else {
          const key = s * A + c;
          let t = edges.get(key);
          if (t === undefined) {
            t = count++;
            edges.set(key, t);
          }
          s = t;
        }
      }
      ends.push(s);
    });
    this.states = count;
    this.symbols = symbols;
    this.alphabet = A;
    this.root = root;
    this.edges = edges;
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    this.firstPattern = new Int32Array(count).fill(-1);
    this.nextPattern = new Int32Array(patterns.length).fill(-1);
    for (let i = patterns.length - 1; i >= 0; i--) {
      const s = ends[i]!;
      this.nextPattern[i] = this.firstPattern[s]!;
      this.firstPattern[s] = i;
    }

    // Children lists for the breadth-first pass: the map's keys, grouped by parent.
    const childStart = new Int32Array(count + 1);
    for (const key of edges.keys()) childStart[Math.floor(key / A) + 1]!++;
    for (let s = 0; s < count; s++) childStart[s + 1]! += childStart[s]!;
    const childSymbol = new Uint16Array(edges.size);
    const childState = new Int32Array(edges.size);
    const fill = childStart.slice(0, count);
    for (const [key, t] of edges) {
      const parent = Math.floor(key / A);
      const at = fill[parent]!++;
      childSymbol[at] = key % A;
      childState[at] = t;
    }

    const fail = new Int32Array(count);
    const dict = new Int32Array(count).fill(-1);
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    for (let c = 1; c < A; c++) {
      const t = root[c]!;
      if (t !== 0) queue[tail++] = t; // fail = 0, dict = -1
    }
    while (head < tail) {
      const s = queue[head++]!;
      for (let e = childStart[s]!; e < childStart[s + 1]!; e++) {
        const c = childSymbol[e]!;
        const t = childState[e]!;
        let f = fail[s]!;
        let next: number;
        for (;;) {
          if (f === 0) {
            next = root[c]!;
            break;
          }
          const g = edges.get(f * A + c);
          if (g !== undefined) {
            next = g;
            break;
          }
          f = fail[f]!;
        }
        fail[t] = next;
        dict[t] = this.firstPattern[next]! >= 0 ? next : dict[next]!;
        queue[tail++] = t;
      }
    }
    this.fail = fail;
    this.dict = dict;
  }

  /** Calls `onMatch(pattern, start, end)` for every occurrence of every pattern in `text` (UTF-16 offsets, end exclusive). */
  forEachMatch(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const { symbols, alphabet: A, root, edges, fail, firstPattern, nextPattern, dict, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = symbols[text.charCodeAt(i)]!;
      if (c === 0) {
        s = 0; // in no pattern: no state has a way on
        continue;
      }
      for (;;) {
        if (s === 0) {
          s = root[c]!;
          break;
        }
        const t = edges.get(s * A + c);
        if (t !== undefined) {
          s = t;
          break;
        }
        s = fail[s]!;
      }
      for (let o = firstPattern[s]! >= 0 ? s : dict[s]!; o !== -1; o = dict[o]!) {
        for (let p = firstPattern[o]!; p !== -1; p = nextPattern[p]!) onMatch(p, i + 1 - lengths[p]!, i + 1);
      }
    }
  }
}
