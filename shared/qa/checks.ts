/**
 * Formal checks on one segment (no glossary): empty / untranslated target, end punctuation, quotes and brackets,
 * double spaces, repeated words. Each returns partial findings (without segment id / severity, added by the engine).
 */
import { tokenize, type Token } from '../glossary/text.ts';

export interface RawFinding {
  message: string;
  term?: string;
  suggestion?: string;
  range?: { start: number; end: number; side: 'source' | 'target' };
  params?: Record<string, string | number>;
}

const NON_WS = /[^\s\u00A0\u202F\u2007\u2009\u200A\u200B\uFEFF]/u;

export function isBlank(s: string): boolean {
  if (s.length > 0 && s.charCodeAt(0) > 32 && s.charCodeAt(0) < 127) return false;
  return !NON_WS.test(s);
}

const NEEDS_SPACE_NORMALISATION = /[^\S ]| {2}|^ | $/u;

/** Whitespace-collapsed, trimmed, NFC. */
export function normalizeSpaces(s: string): string {
  let t = s;
  if (NEEDS_SPACE_NORMALISATION.test(t)) t = t.replace(/[\s\u00A0\u202F\u2007\u2009\u200A]+/gu, ' ').trim();
  return isAsciiOnly(t) ? t : t.normalize('NFC');
}

function isAsciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Number of characters that are not white space (a cheap test before comparing normalised texts). */
function inkLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x202f && c !== 0x2007 && c !== 0x2009 && c !== 0x200a) n++;
  }
  return n;
}

/** A source is translatable when it has at least one letter or digit. */
export function isTranslatable(source: string): boolean {
  return /[\p{L}\p{N}]/u.test(source);
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** True when the text has words to translate: some word of 2+ letters starting with a lower-case letter, URLs removed. */
export function hasTranslatableWords(source: string): boolean {
  const stripped = source.replace(URL_RE, ' ');
  return tokenize(stripped).some((t) => t.text.length >= 2 && /^\p{Ll}\p{L}*$/u.test(t.text));
}

export function checkEmpty(source: string, target: string): RawFinding | null {
  if (!isTranslatable(source) || !isBlank(target)) return null;
  return { message: 'Target is empty', range: { start: 0, end: source.length, side: 'source' } };
}

export function checkSameAsSource(source: string, target: string): RawFinding | null {
  if (isBlank(target) || inkLength(source) !== inkLength(target) || normalizeSpaces(source) !== normalizeSpaces(target)) return null;
  if (!hasTranslatableWords(source)) return null;
  return { message: 'Target is identical to the source', range: { start: 0, end: target.length, side: 'target' } };
}

const TRAILING_CLOSERS = /[\s\u00A0\u202F»”"’')\]}›]+$/u;

type EndClass = '.' | '?' | '!' | '…' | '';

function endClass(s: string): { cls: EndClass; pos: number } {
  const t = s.replace(TRAILING_CLOSERS, '');
  if (t.endsWith('...') || t.endsWith('…')) return { cls: '…', pos: t.length - (t.endsWith('…') ? 1 : 3) };
  const c = t.slice(-1);
  if (c === '.' || c === '?' || c === '!') return { cls: c, pos: t.length - 1 };
  return { cls: '', pos: t.length };
}

export function checkEndPunctuation(source: string, target: string): RawFinding | null {
  if (isBlank(target) || isBlank(source)) return null;
  const s = endClass(source);
  const t = endClass(target);
  if (s.cls === t.cls) return null;
  const name = (c: EndClass) => (c === '' ? 'no end punctuation' : `"${c}"`);
  return {
    message: `Source ends with ${name(s.cls)} but target ends with ${name(t.cls)}`,
    range: { start: Math.max(0, t.pos - 1), end: Math.min(target.length, Math.max(t.pos, 1)), side: 'target' },
    params: { source: s.cls, target: t.cls },
    ...(s.cls ? { suggestion: s.cls } : {}),
  };
}

interface Imbalance {
  /** Unclosed openers and unmatched closers, as a comparable signature. */
  signature: string;
  /** Position of the first offending character, or -1. */
  pos: number;
  char: string;
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['›']);

/** Quote balance: « » “ ” „ " ‘ ’ ‹ ›. A ’ is an apostrophe unless a ‘ is open and it is not inside a word. */
const ANY_QUOTE = /["“”«»„‘’‹›]/;
const ANY_BRACKET = /[()[\]{}]/;

export function quoteImbalance(s: string): Imbalance {
  if (!ANY_QUOTE.test(s)) return { signature: '', pos: -1, char: '' };
  const dStack: number[] = [];
  const sStack: number[] = [];
  let dStray = -1;
  let sStray = -1;
  let straight: number[] = [];
  let firstBad = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (DOUBLE_OPEN.has(c)) dStack.push(i);
    else if (DOUBLE_CLOSE.has(c)) {
      if (dStack.length) dStack.pop();
      else if (dStray < 0) dStray = i;
    } else if (c === '"') straight.push(i);
    else if (SINGLE_OPEN.has(c)) sStack.push(i);
    else if (SINGLE_CLOSE.has(c)) {
      if (sStack.length) sStack.pop();
      else if (sStray < 0) sStray = i;
    } else if (c === '’') {
      const prevLetter = i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!);
      const nextLetter = i + 1 < s.length && /[\p{L}\p{N}]/u.test(s[i + 1]!);
      if (sStack.length && !(prevLetter && nextLetter)) sStack.pop();
    }
  }
  if (straight.length % 2 === 0) straight = [];
  const sig = `d+${dStack.length},d-${dStray >= 0 ? 1 : 0},s+${sStack.length},s-${sStray >= 0 ? 1 : 0},q${straight.length % 2}`;
  for (const p of [dStray, sStray, dStack[0] ?? -1, sStack[0] ?? -1, straight[straight.length - 1] ?? -1]) {
    if (p >= 0 && (firstBad < 0 || p < firstBad)) firstBad = p;
  }
  return { signature: firstBad < 0 ? '' : sig, pos: firstBad, char: firstBad >= 0 ? s[firstBad]! : '' };
}

const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function bracketImbalance(s: string): Imbalance {
  if (!ANY_BRACKET.test(s)) return { signature: '', pos: -1, char: '' };
  const stack: { c: string; i: number }[] = [];
  const stray: { c: string; i: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '[' || c === '{') stack.push({ c, i });
    else if (c in BRACKETS) {
      const top = stack[stack.length - 1];
      if (top && top.c === BRACKETS[c]) stack.pop();
      else stray.push({ c, i });
    }
  }
  const bad = [...stray, ...stack].sort((a, b) => a.i - b.i);
  const first = bad[0];
  if (!first) return { signature: '', pos: -1, char: '' };
  return { signature: `${stack.map((x) => x.c).join('')}|${stray.map((x) => x.c).join('')}`, pos: first.i, char: first.c };
}

/**
 * Unbalanced in the target, unless the source is unbalanced the same way (a quotation spanning several segments
 * opens in one and closes in another: « in the source and “ in the target are the same imbalance).
 */
function imbalanceFinding(kind: 'quotes' | 'brackets', source: string, target: string): RawFinding | null {
  const f = kind === 'quotes' ? quoteImbalance : bracketImbalance;
  const t = f(target);
  if (t.pos < 0) return null;
  if (f(source).signature === t.signature) return null;
  return {
    message: kind === 'quotes' ? `Unbalanced quotation mark ${t.char} in the target` : `Unbalanced bracket ${t.char} in the target`,
    range: { start: t.pos, end: t.pos + 1, side: 'target' },
    params: { char: t.char },
  };
}

export function checkQuotes(source: string, target: string): RawFinding | null {
  return imbalanceFinding('quotes', source, target);
}

export function checkBrackets(source: string, target: string): RawFinding | null {
  return imbalanceFinding('brackets', source, target);
}

/** Two or more spaces in a row inside the target (leading/trailing space is the segmenter's business). */
export function checkDoubleSpaces(target: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of target.matchAll(/[ \u00A0\u202F\t]{2,}/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end === target.length) continue;
    out.push({ message: 'Double space in the target', range: { start, end, side: 'target' }, suggestion: ' ', params: { length: m[0].length } });
  }
  return out;
}

/** Words that may legitimately repeat ("had had", "that that"). */
export const REPEAT_ALLOWED = new Set(['had', 'that']);

export function checkRepeatedWords(target: string, tokens: Token[] = tokenize(target)): RawFinding[] {
  const out: RawFinding[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (b.sepBefore !== 'space') continue;
    if (a.fold !== b.fold || !/^\p{L}+$/u.test(a.text) || REPEAT_ALLOWED.has(a.fold)) continue;
    // "the the" but not a hyphen/apostrophe-joined pair; skip triples already reported.
    out.push({ message: `Repeated word "${b.text}"`, range: { start: a.start, end: b.end, side: 'target' }, term: b.text, params: { word: b.text } });
  }
  return out;
}
