/**
 * style.variantMixed: both spellings of a word in one article ("organise" in one paragraph, "organize" in another;
 * "learnt" and "learned").
 *
 * Pairs come from the British/American rules and stems of shared/spelling/variants.ts and from the free variants
 * ("learnt"/"learned"); two distinct British words ("licence"/"license") are never a pair. With the dictionaries
 * loaded, each form must be a word of one of them, so a typo never makes a pair. Which form stays: for a
 * British/American pair, the project variant's; for a free variant, the more frequent one (the first seen on a tie).
 * Every occurrence of the other form is reported, with the form that stays as its fix.
 */
import type { SpellChecker } from '../spelling/checker.ts';
import { spellCompounds } from '../spelling/tokens.ts';
import { freeVariantOf, isGbDistinct, matchCase, pairKey, variantCandidates, type EnglishVariant } from '../spelling/variants.ts';

export interface VariantMix {
  segment: string;
  start: number;
  end: number;
  /** The word as written. */
  found: string;
  /** The form that stays, in the case of `found`. */
  expected: string;
  /** 'variant': British/American pair; 'free': both correct, house style picks one. */
  kind: 'variant' | 'free';
}

interface Occurrence {
  segment: string;
  start: number;
  end: number;
  text: string;
  order: number;
}

export function findVariantMixes(
  segments: readonly { id: string; target: string }[],
  opts: { variant: EnglishVariant; spelling?: SpellChecker | null },
): VariantMix[] {
  const uses = new Map<string, Occurrence[]>();
  let order = 0;
  for (const seg of segments) {
    if (typeof seg.target !== 'string' || seg.target === '') continue;
    for (const c of spellCompounds(seg.target)) {
      for (const p of c.parts) {
        if (p.text.length < 3 || p.text.includes("'")) continue;
        const lower = p.text.toLowerCase();
        const list = uses.get(lower);
        const occ = { segment: seg.id, start: p.start, end: p.end, text: seg.target.slice(p.start, p.end), order: order++ };
        if (list) list.push(occ);
        else uses.set(lower, [occ]);
      }
    }
  }
  const sp = opts.spelling ?? null;
  const isWord = (w: string): boolean => {
    if (!sp) return true;
    return sp.knownIn(w, 'en-GB') === true || sp.knownIn(w, 'en-US') === true;
  };
  const done = new Set<string>();
  const out: (VariantMix & { order: number })[] = [];
  for (const w of uses.keys()) {
    const pairs: { other: string; gb: string | null }[] = [];
    for (const c of variantCandidates(w, 'en-US')) if (uses.has(c)) pairs.push({ other: c, gb: w });
    for (const c of variantCandidates(w, 'en-GB')) if (uses.has(c)) pairs.push({ other: c, gb: c });
    const free = freeVariantOf(w);
    if (free && uses.has(free)) pairs.push({ other: free, gb: null });
    for (const { other, gb } of pairs) {
      const key = pairKey(w, other);
      if (done.has(key)) continue;
      done.add(key);
      if (isGbDistinct(w, other) || !isWord(w) || !isWord(other)) continue;
      const a = uses.get(w)!;
      const b = uses.get(other)!;
      let keep: string;
      if (gb !== null) {
        const us = gb === w ? other : w;
        keep = opts.variant === 'en-GB' ? gb : us;
      } else if (a.length !== b.length) keep = a.length > b.length ? w : other;
      else keep = a[0]!.order < b[0]!.order ? w : other;
      const drop = keep === w ? b : a;
      for (const o of drop) {
        out.push({ segment: o.segment, start: o.start, end: o.end, found: o.text, expected: matchCase(keep, o.text), kind: gb !== null ? 'variant' : 'free', order: o.order });
      }
    }
  }
  return out.sort((x, y) => x.order - y.order).map(({ order: _o, ...m }) => m);
}
