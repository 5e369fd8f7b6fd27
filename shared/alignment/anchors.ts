/**
 * Anchors: what survives translation from a French sentence into its English draft, extracted per unit and
 * compared per bead as multisets.
 *
 * - numbers: the QA number reader (French "1 234,5", "3,5 millions", "dix-huit", "10 h 30"; English "1,234.5",
 *   "3.5 million", "eighteen", "10:30 a.m."), compared by value; ambiguous words (un/une/one) are left out;
 * - names and acronyms: capitalised words and acronyms, compared by their first five letters without accents
 *   ("Europol", "Catherine De Bolle", "IWF"), exonyms through the QA table ("La Haye" = "The Hague", "IA" = "AI");
 * - glossary terms: the concept of a French term recognised in the source, and the same concept's English terms
 *   (approved or forbidden: a forbidden term still names the concept) in the draft;
 * - quotations: one anchor per quotation (« », “ ”, " ");
 * - cognates: every content word of five letters or more, by its first five letters without accents
 *   ("opération"/"operation", "arrestation"/"arrest", "européenne"/"European"): weak evidence, many of them.
 */
import type { TermIndex, TermMatch } from '../glossary/index.ts';
import { tokenize, type Token } from '../glossary/text.ts';
import { extractNumbers } from '../qa/numbers.ts';
import { FR_EN_EXONYMS, FR_NAME_STOP_WORDS } from '../qa/names.ts';
import type { Interner } from '../math/multiset.ts';

export type AnchorType = 'numbers' | 'names' | 'terms' | 'quotes' | 'words';
export const ANCHOR_TYPES: readonly AnchorType[] = ['numbers', 'names', 'terms', 'quotes', 'words'];

/** Interned anchor keys of one unit (or of a span of units), sorted, per type. */
export type AnchorSet = Record<AnchorType, Int32Array>;

const EN_STOP_WORDS = new Set(
  [
    'the', 'a', 'an', 'and', 'or', 'but', 'in', 'on', 'at', 'of', 'to', 'for', 'by', 'with', 'from', 'as', 'it', 'its', 'he', 'she',
    'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'here', 'which', 'who',
    'whom', 'whose', 'what', 'when', 'where', 'while', 'after', 'before', 'about', 'above', 'below', 'under', 'other', 'others',
    'would', 'could', 'should', 'might', 'being', 'been', 'have', 'having', 'since', 'until', 'because', 'though', 'although',
    'however', 'still', 'also', 'even', 'every', 'many', 'much', 'more', 'most', 'some', 'such', 'than', 'then', 'them', 'into',
    'through', 'during', 'against', 'between', 'among', 'within', 'without', 'said', 'says', 'mr', 'mrs', 'ms', 'dr', 'monday',
    'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
    'july', 'august', 'september', 'october', 'november', 'december', 'if', 'so', 'not', 'no', 'yes', 'all', 'any', 'each',
    'both', 'either', 'neither', 'very', 'just', 'only', 'over', 'again', 'further', 'once', 'there', 'where', 'why', 'how',
  ],
);

/** French words that look like unrelated English words by their first five letters (comme ~ comment, contre ~ control). */
const FR_COGNATE_STOP = new Set(['comme', 'contre', 'entre', 'encore', 'toute', 'toutes', 'cette', 'autre', 'autres', 'parce', 'notre', 'votre', 'leurs', 'selon', 'depuis', 'pendant', 'avant', 'apres', 'aussi', 'ainsi', 'alors', 'quand', 'plusieurs', 'toujours', 'deja', 'etait', 'etaient', 'avait', 'avaient', 'meme', 'memes', 'elles', 'celle', 'celles', 'celui', 'ceux']);

const PREFIX = 5;

function wordKey(fold: string): string {
  return fold.length <= PREFIX ? fold : fold.slice(0, PREFIX);
}

function isAcronym(t: Token): boolean {
  return t.text.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(t.text) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}|\p{N}\p{Lu}/u.test(t.text);
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && t.text.length >= 2;
}

/** Exonyms, both ways: French key (folded words joined by a space) and the English phrases (folded) that render it. */
const EXONYM_MAX_WORDS = 3;
const EN_EXONYMS = new Map<string, string[]>();
for (const [fr, ens] of Object.entries(FR_EN_EXONYMS)) {
  for (const en of ens) {
    const list = EN_EXONYMS.get(en);
    if (list) list.push(fr);
    else EN_EXONYMS.set(en, [fr]);
  }
}

/** Token ranges [from, to) of phrases of 1..3 words (joined by space or hyphen) found in `table`. Longest first, no overlap. */
function phrases(tokens: Token[], has: (key: string) => boolean): { from: number; to: number; key: string }[] {
  const out: { from: number; to: number; key: string }[] = [];
  for (let i = 0; i < tokens.length; ) {
    let found: { from: number; to: number; key: string } | null = null;
    for (let len = Math.min(EXONYM_MAX_WORDS, tokens.length - i); len >= 1 && !found; len--) {
      let ok = true;
      for (let k = i + 1; k < i + len; k++) if (tokens[k]!.sepBefore !== 'space' && tokens[k]!.sepBefore !== 'hyphen') ok = false;
      if (!ok) continue;
      const key = tokens
        .slice(i, i + len)
        .map((t) => t.fold)
        .join(' ');
      if (has(key)) found = { from: i, to: i + len, key };
    }
    if (found) {
      out.push(found);
      i = found.to;
    } else i++;
  }
  return out;
}

function quotationCount(text: string, side: 'fr' | 'en'): number {
  const curly = (text.match(/[«“]/g) ?? []).length;
  const straight = Math.floor((text.match(/"/g) ?? []).length / 2);
  return side === 'fr' ? curly + straight : (text.match(/“/g) ?? []).length + straight + (text.match(/«/g) ?? []).length;
}

export interface AnchorContext {
  interner: Interner;
  terms?: TermIndex | undefined;
  /** Draft side: the term matches of the whole source, whose concepts' English terms are looked for. */
  sourceMatches?: readonly TermMatch[];
}

function sorted(values: number[]): Int32Array {
  return Int32Array.from(values).sort();
}

/** Anchors of one unit. `side` is the unit's language: 'fr' for the source, 'en' for the draft. */
export function unitAnchors(text: string, side: 'fr' | 'en', ctx: AnchorContext): AnchorSet & { matches: TermMatch[] } {
  const { interner } = ctx;
  const tokens = tokenize(text);
  const numbers = extractNumbers(text, side, tokens)
    .filter((n) => !n.soft)
    .map((n) => interner.id(`n:${n.key}`));
  let matches: TermMatch[] = [];
  const terms: number[] = [];
  if (ctx.terms) {
    if (side === 'fr') {
      matches = ctx.terms.recognize(text, tokens);
      for (const m of matches) terms.push(interner.id(`t:${m.concept.key}`));
    } else if (ctx.sourceMatches?.length) {
      for (const h of ctx.terms.findInTarget(text, ctx.sourceMatches, tokens)) terms.push(interner.id(`t:${h.concept.key}`));
    }
  }
  const names: number[] = [];
  const exo = phrases(tokens, side === 'fr' ? (k) => k in FR_EN_EXONYMS : (k) => EN_EXONYMS.has(k));
  const inExonym = new Set<number>();
  for (const p of exo) {
    for (let k = p.from; k < p.to; k++) inExonym.add(k);
    const keys = side === 'fr' ? [p.key] : EN_EXONYMS.get(p.key)!;
    // An English phrase may render several French names ("us" for États-Unis); one anchor per French name.
    for (const k of keys) names.push(interner.id(`x:${k}`));
  }
  const words: number[] = [];
  tokens.forEach((t, k) => {
    if (/^\p{N}/u.test(t.text)) return;
    const stop = side === 'fr' ? FR_NAME_STOP_WORDS.has(t.fold) : EN_STOP_WORDS.has(t.fold);
    if (!inExonym.has(k) && !stop && (isAcronym(t) || isCapitalised(t))) {
      // A capitalised first word is usually just the start of the sentence; it still counts when it matches.
      names.push(interner.id(`w:${isAcronym(t) ? t.fold : wordKey(t.fold)}`));
    }
    if (t.fold.length >= PREFIX && !stop && !(side === 'fr' && FR_COGNATE_STOP.has(t.fold))) words.push(interner.id(`w:${wordKey(t.fold)}`));
  });
  const q = interner.id('q');
  const quotes = new Array<number>(quotationCount(text, side)).fill(q);
  return { numbers: sorted(numbers), names: sorted(names), terms: sorted(terms), quotes: sorted(quotes), words: sorted(words), matches };
}

/** Anchors of the concatenation of units. */
export function mergeAnchors(sets: readonly AnchorSet[]): AnchorSet {
  if (sets.length === 1) return sets[0]!;
  const out = {} as AnchorSet;
  for (const t of ANCHOR_TYPES) {
    const all: number[] = [];
    for (const s of sets) for (const v of s[t]) all.push(v);
    out[t] = sorted(all);
  }
  return out;
}
