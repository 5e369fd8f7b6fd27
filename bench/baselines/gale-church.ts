/**
 * The classic length-only aligner of Gale & Church (1993), "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1):75–102, as the baseline of the alignment bench. Published parameters: c = 1,
 * s² = 6.8, and the match probabilities of the paper's table (1-1: 0.89; 1-0 or 0-1: 0.0099; 2-1 or 1-2: 0.089;
 * 2-2: 0.011), used as in the paper's program: each bead kind costs −log of its category's probability, and every
 * bead, deletions and insertions included, also pays the length cost −log 2(1 − Φ(|δ|)) with
 * δ = (l1·c − l2) / √(s² · (l1 + l2/c) / 2), lengths in characters. Minimum-cost path by dynamic programming.
 *
 * Two variants: sentences of the whole text at once, and the paper's two-level procedure (paragraphs aligned with the
 * same model, then sentences inside each pair of aligned paragraph groups).
 */
import { GALE_CHURCH_C, GALE_CHURCH_S2, lengthCost } from '../../shared/alignment/gale-church.ts';

export interface Bead {
  /** First source and target index, and how many of each. */
  i: number;
  j: number;
  a: number;
  b: number;
}

const PRIOR: [a: number, b: number, p: number][] = [
  [1, 1, 0.89],
  [1, 0, 0.0099],
  [0, 1, 0.0099],
  [2, 1, 0.089],
  [1, 2, 0.089],
  [2, 2, 0.011],
];

function sum(xs: readonly number[], from: number, n: number): number {
  let s = 0;
  for (let k = from; k < from + n; k++) s += xs[k]!;
  return s;
}

/** Gale–Church on two sequences of lengths (characters): the minimum-cost sequence of beads. */
export function galeChurch(src: readonly number[], tgt: readonly number[]): Bead[] {
  const n = src.length;
  const m = tgt.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int8Array(m + 1).fill(-1));
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (let k = 0; k < PRIOR.length; k++) {
        const [a, b, p] = PRIOR[k]!;
        if (i < a || j < b) continue;
        const prev = cost[i - a]![j - b]!;
        if (prev === Infinity) continue;
        const c = prev - Math.log(p) + lengthCost(sum(src, i - a, a), sum(tgt, j - b, b), GALE_CHURCH_C, GALE_CHURCH_S2);
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          back[i]![j] = k;
        }
      }
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [a, b] = PRIOR[back[i]![j]!]!;
    beads.push({ i: i - a, j: j - b, a, b });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}

/**
 * The paper's procedure: paragraphs first (same model on paragraph lengths), then sentences within each aligned group
 * of paragraphs. `srcPara[k]` / `tgtPara[k]`: the paragraph of sentence k (non-decreasing).
 */
export function galeChurchTwoLevel(src: readonly number[], srcPara: readonly number[], tgt: readonly number[], tgtPara: readonly number[]): Bead[] {
  const groups = (para: readonly number[]) => {
    const out: { from: number; to: number }[] = [];
    para.forEach((p, k) => {
      if (k === 0 || p !== para[k - 1]) out.push({ from: k, to: k + 1 });
      else out[out.length - 1]!.to = k + 1;
    });
    return out;
  };
  const sp = groups(srcPara);
  const tp = groups(tgtPara);
  const len = (xs: readonly number[], g: { from: number; to: number }) => sum(xs, g.from, g.to - g.from);
  const beads: Bead[] = [];
  for (const pb of galeChurch(sp.map((g) => len(src, g)), tp.map((g) => len(tgt, g)))) {
    const si = pb.a ? sp[pb.i]!.from : (sp[pb.i]?.from ?? src.length);
    const se = pb.a ? sp[pb.i + pb.a - 1]!.to : si;
    const tj = pb.b ? tp[pb.j]!.from : (tp[pb.j]?.from ?? tgt.length);
    const te = pb.b ? tp[pb.j + pb.b - 1]!.to : tj;
    for (const sb of galeChurch(src.slice(si, se), tgt.slice(tj, te))) beads.push({ i: sb.i + si, j: sb.j + tj, a: sb.a, b: sb.b });
  }
  return beads;
}
