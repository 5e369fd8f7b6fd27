/**
 * The length model of Gale & Church (1993), "A program for aligning sentences in bilingual corpora",
 * Computational Linguistics 19(1): the length in characters of a translation is roughly c times the length of the
 * original, with a variance proportional to the length (s²). For a bead of source length l1 and target length l2,
 *
 *   δ = (l1·c − l2) / √(s² · (l1 + l2/c) / 2)
 *
 * and the cost of the bead is −log P(|Δ| ≥ |δ|) = −log 2(1 − Φ(|δ|)), Φ the standard normal distribution.
 */

/** Published parameters: c = 1 (characters of L2 per character of L1), s² = 6.8. */
export const GALE_CHURCH_C = 1;
export const GALE_CHURCH_S2 = 6.8;

/**
 * log(1 − Φ(x)) for x ≥ 0, accurate in the far tail (no underflow): log(erfc(x/√2) / 2), with the Chebyshev
 * approximation of erfc from Numerical Recipes (fractional error below 1.2e-7 everywhere).
 */
export function logNormalSurvival(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const logErfc = Math.log(t) + poly;
  if (x >= 0) return logErfc - Math.LN2;
  // 1 − Φ(−|x|) = 1 − erfc(z)/2
  return Math.log(1 - Math.exp(logErfc) / 2);
}

/** −log P(|Δ| ≥ |δ|) for a bead of lengths l1 (source) and l2 (target): 0 for a perfect ratio, growing with the gap. */
export function lengthCost(l1: number, l2: number, c: number = GALE_CHURCH_C, s2: number = GALE_CHURCH_S2): number {
  if (l1 === 0 && l2 === 0) return 0;
  const mean = (l1 + l2 / c) / 2;
  const delta = (l1 * c - l2) / Math.sqrt(s2 * mean);
  return -(Math.LN2 + logNormalSurvival(Math.abs(delta)));
}
