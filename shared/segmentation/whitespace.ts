/**
 * Ordinary whitespace: what separates sentences and what segments are trimmed of. No-break spaces (U+00A0, U+202F)
 * and the typographic fixed-width spaces (U+2000–U+200A) are part of the text and are never trimmed, unlike
 * `String.prototype.trim`, which would eat them.
 */
const ORDINARY = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u0085', '\u2028', '\u2029']);

export function isOrdinaryWhitespace(ch: string | undefined): boolean {
  return ch !== undefined && ORDINARY.has(ch);
}

/** Index of the first non-ordinary-whitespace character at or after `from` (text.length if none). */
export function skipWhitespaceForward(text: string, from: number): number {
  let i = from;
  while (i < text.length && ORDINARY.has(text[i]!)) i++;
  return i;
}

/** Index just after the last non-ordinary-whitespace character before `to` (from if none). */
export function skipWhitespaceBackward(text: string, to: number, from = 0): number {
  let i = to;
  while (i > from && ORDINARY.has(text[i - 1]!)) i--;
  return i;
}

/** Trims ordinary whitespace only; no-break spaces are kept. */
export function trimOrdinary(text: string): string {
  const start = skipWhitespaceForward(text, 0);
  const end = skipWhitespaceBackward(text, text.length, start);
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
