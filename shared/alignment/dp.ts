/**
 * Monotone alignment of two sequences by dynamic programming over "beads" (a source units × b target units), as in
 * Gale & Church: the cheapest path from (0, 0) to (n, m) is the alignment (Viterbi), and the forward–backward sums
 * over ALL paths give each bead of that path its posterior probability, P(bead) ∝ exp(−cost / temperature).
 * Used twice: paragraphs of a long draft, then sentences.
 *
 * Memory and time are proportional to the number of cells visited; above MAX_FULL_CELLS the search is limited to a
 * band around the diagonal that always contains both corners.
 */

export interface Bead {
  a: number;
  b: number;
}

export interface DpStep {
  /** First source unit and first target unit of the bead. */
  i: number;
  j: number;
  a: number;
  b: number;
  cost: number;
  /** Posterior probability of this bead, 0..1. */
  posterior: number;
}

/** Cost of the bead covering source units i..i+a−1 and target units j..j+b−1 (Infinity: not allowed). */
export type BeadCost = (i: number, j: number, a: number, b: number) => number;

const MAX_FULL_CELLS = 250_000;

function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

interface Grid {
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array;
  size: number;
}

function grid(n: number, m: number): Grid {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const offset = new Int32Array(n + 1);
  const full = (n + 1) * (m + 1) <= MAX_FULL_CELLS;
  const width = Math.max(60, Math.abs(n - m) + Math.ceil(0.05 * Math.max(n, m)));
  let size = 0;
  for (let i = 0; i <= n; i++) {
    if (full || n === 0) {
      lo[i] = 0;
      hi[i] = m;
    } else {
      const centre = (i * m) / n;
      lo[i] = Math.max(0, Math.floor(centre) - width);
      hi[i] = Math.min(m, Math.ceil(centre) + width);
    }
    offset[i] = size;
    size += hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, offset, size };
}

function at(g: Grid, i: number, j: number): number {
  if (i < 0 || j < g.lo[i]! || j > g.hi[i]!) return -1;
  return g.offset[i]! + j - g.lo[i]!;
}

/**
 * The cheapest monotone path of beads from (0, 0) to (n, m), each step with its posterior probability.
 * Throws if no path exists (impossible when the beads include 1-0 and 0-1 and their cost is finite).
 */
export function alignMonotone(n: number, m: number, beads: readonly Bead[], cost: BeadCost, temperature = 1): DpStep[] {
  const g = grid(n, m);
  const best = new Float64Array(g.size).fill(Infinity);
  const back = new Int8Array(g.size).fill(-1);
  const fwd = new Float64Array(g.size).fill(-Infinity);
  best[0] = 0;
  fwd[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = g.lo[i]!; j <= g.hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      const here = at(g, i, j);
      let b = Infinity;
      let arg = -1;
      let f = -Infinity;
      for (let k = 0; k < beads.length; k++) {
        const { a, b: bb } = beads[k]!;
        const from = at(g, i - a, j - bb);
        if (from < 0 || best[from] === Infinity) continue;
        const c = cost(i - a, j - bb, a, bb);
        if (c === Infinity) continue;
        const total = best[from]! + c;
        if (total < b) {
          b = total;
          arg = k;
        }
        f = logAddExp(f, fwd[from]! - c / temperature);
      }
      best[here] = b;
      back[here] = arg;
      fwd[here] = f;
    }
  }
  const end = at(g, n, m);
  if (end < 0 || best[end] === Infinity) throw new Error('alignMonotone: no path');
  const bwd = new Float64Array(g.size).fill(-Infinity);
  bwd[end] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = g.hi[i]!; j >= g.lo[i]!; j--) {
      if (i === n && j === m) continue;
      let s = -Infinity;
      for (const { a, b } of beads) {
        const to = at(g, i + a, j + b);
        if (i + a > n || j + b > m || to < 0 || bwd[to] === -Infinity) continue;
        const c = cost(i, j, a, b);
        if (c === Infinity) continue;
        s = logAddExp(s, bwd[to]! - c / temperature);
      }
      bwd[at(g, i, j)] = s;
    }
  }
  const z = fwd[end]!;
  const steps: DpStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(g, i, j);
    const k = back[here]!;
    const { a, b } = beads[k]!;
    const pi = i - a;
    const pj = j - b;
    const c = cost(pi, pj, a, b);
    const posterior = Math.exp(fwd[at(g, pi, pj)]! - c / temperature + bwd[here]! - z);
    steps.push({ i: pi, j: pj, a, b, cost: c, posterior: Math.min(1, Math.max(0, posterior)) });
    i = pi;
    j = pj;
  }
  return steps.reverse();
}
