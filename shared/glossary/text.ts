/**
 * Text normalisation and word tokenisation shared by term recognition and the QA checks.
 *
 * Words are maximal runs of letters, combining marks and digits. Everything else separates words, and the
 * separator between two words is classified so matching can treat variants alike:
 * - `space`: any run of white space, including U+00A0 and U+202F (ordinary and no-break spaces are equivalent);
 * - `hyphen`: exactly one hyphen-like character (- U+2010 U+2011 U+2012 U+2013), so "porte-parole",
 *   "porte‑parole" and "porte parole" tokenise to the same words;
 * - `apos`: exactly one apostrophe-like character (' ’ ʼ ‘ ` ´), so "l’arrestation" is the words "l" and
 *   "arrestation" (elision needs no special case) and "officer's" is "officer" + "s";
 * - `other`: anything else (punctuation, several separators), which a multi-word term never spans.
 * Offsets always point into the ORIGINAL string so the UI can underline.
 */

export type Sep = 'none' | 'space' | 'hyphen' | 'apos' | 'other';

export interface Token {
  /** Offsets in the original string (end exclusive). */
  start: number;
  end: number;
  /** The word as written. */
  text: string;
  /** Lower case, accents removed, œ/æ expanded: the matching key. */
  fold: string;
  /** Lower case with accents (NFC): used to prefer exact-accent matches. */
  lower: string;
  /** Case kept, accents removed: used for case-sensitive terms ("IA", "ONU"). */
  bare: string;
  /** Separator between the previous word and this one (`none` for the first word). */
  sepBefore: Sep;
}

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013']);
const APOSTROPHES = new Set(["'", '\u2019', '\u02BC', '\u2018', '`', '\u00B4']);
const SPACE_RE = /^[\s\u00A0\u202F\u2007\u2009\u200A]+$/u;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function stripMarks(s: string): string {
  if (isAscii(s)) return s;
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss');
}

interface WordKeys {
  fold: string;
  lower: string;
  bare: string;
}

/** Per-word cache: real text repeats words a lot, and normalisation (ICU) is the expensive part of tokenising. */
const wordCache = new Map<string, WordKeys>();

function keysOf(word: string): WordKeys {
  let k = wordCache.get(word);
  if (k === undefined) {
    const lowerCased = word.toLowerCase();
    const ascii = isAscii(word);
    k = ascii
      ? { fold: lowerCased, lower: lowerCased, bare: word }
      : { fold: stripMarks(lowerCased), lower: lowerCased.normalize('NFC'), bare: stripMarks(word) };
    if (wordCache.size > 500_000) wordCache.clear();
    wordCache.set(word, k);
  }
  return k;
}

/** Lower case, accents stripped, ligatures expanded: "États" → "etats", "Œuvre" → "oeuvre". */
export function fold(word: string): string {
  return keysOf(word).fold;
}

/** Accents stripped, case kept: "ÉTAT" → "ETAT". */
export function bare(word: string): string {
  return keysOf(word).bare;
}

/** Lower case with accents, NFC. */
export function lower(word: string): string {
  return keysOf(word).lower;
}

export function classifySep(gap: string): Sep {
  if (gap.length === 0) return 'none';
  if (gap.length === 1) {
    if (gap === ' ' || gap === '\u00A0' || gap === '\u202F') return 'space';
    if (HYPHENS.has(gap)) return 'hyphen';
    if (APOSTROPHES.has(gap)) return 'apos';
  }
  return SPACE_RE.test(gap) ? 'space' : 'other';
}

/** Split a string into words with offsets into the original string. */
export function tokenize(original: string): Token[] {
  // U+02BC (modifier letter apostrophe) is a letter for Unicode; treat it as an apostrophe (same length: offsets hold).
  const s = original.includes('\u02BC') ? original.replace(/\u02BC/g, "'") : original;
  const out: Token[] = [];
  let prevEnd = -1;
  const re = new RegExp(WORD_RE);
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const text = m[0];
    const start = m.index;
    const sepBefore: Sep = prevEnd < 0 ? 'none' : start === prevEnd + 1 && s.charCodeAt(prevEnd) === 32 ? 'space' : classifySep(s.slice(prevEnd, start));
    const k = keysOf(text);
    out.push({ start, end: start + text.length, text, fold: k.fold, lower: k.lower, bare: k.bare, sepBefore });
    prevEnd = start + text.length;
  }
  return out;
}

/** Words of a glossary term, as matching keys (lower case with accents); empty when the term has no word. */
export function termWords(text: string): string[] {
  return tokenize(text.normalize('NFC')).map((t) => t.lower);
}

export function isHyphen(ch: string): boolean {
  return HYPHENS.has(ch);
}

export function isApostrophe(ch: string): boolean {
  return APOSTROPHES.has(ch);
}
