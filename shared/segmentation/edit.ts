import { RelaisError } from '../errors.ts';
import { isOrdinaryWhitespace, skipWhitespaceBackward, skipWhitespaceForward } from './whitespace.ts';

export interface SplitResult {
  /** Text before the split, without trailing ordinary whitespace. */
  before: string;
  /** The ordinary whitespace removed at the split point ('' when the split fell between two characters). */
  gap: string;
  /** Text after the split, without leading ordinary whitespace. */
  after: string;
}

/**
 * Splits a segment's source at a UTF-16 offset (as given by a text caret), keeping the text exactly: only the ordinary
 * whitespace around the split point is dropped (and reported as `gap`), so `before + gap + after === source`.
 * Throws RelaisError('invalid.arguments') when the offset is not an integer inside the text, falls inside a surrogate
 * pair, or would leave one side empty.
 */
export function splitAtDetailed(source: string, offset: number): SplitResult {
  if (typeof source !== 'string') throw new RelaisError('invalid.arguments', 'splitAt expects a string');
  if (!Number.isInteger(offset) || offset <= 0 || offset >= source.length) {
    throw new RelaisError('invalid.arguments', `Cannot split a ${source.length}-character segment at offset ${String(offset)}`, {
      detail: 'The split point must be strictly inside the text.',
    });
  }
  const lead = source.charCodeAt(offset - 1);
  const trail = source.charCodeAt(offset);
  if (lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff) {
    throw new RelaisError('invalid.arguments', `Cannot split inside a character at offset ${offset}`);
  }
  const end = skipWhitespaceBackward(source, offset);
  const start = skipWhitespaceForward(source, offset);
  const before = source.slice(0, end);
  const after = source.slice(start);
  if (!before.trim() || !after.trim()) {
    throw new RelaisError('invalid.arguments', `Splitting at offset ${offset} would leave an empty segment`);
  }
  return { before, gap: source.slice(end, start), after };
}

/** The two halves of `source` split at `offset` (see splitAtDetailed); the whitespace at the split point is dropped. */
export function splitAt(source: string, offset: number): [string, string] {
  const r = splitAtDetailed(source, offset);
  return [r.before, r.after];
}

/**
 * Joins two adjacent segments for a merge, keeping both texts exactly. They are joined with `separator`, by default
 * ONE ordinary space — the usual space between French sentences. A caller that knows the original whitespace (the
 * `gap` of splitAtDetailed, or the text between two sentences of the imported paragraph) passes it so a
 * split-then-merge gives back the original text byte for byte. If `a` already ends (or `b` already starts) with
 * whitespace — ordinary or no-break — no separator is added. Only ordinary whitespace is accepted as a separator.
 */
export function joinSegments(a: string, b: string, separator = ' '): string {
  if (typeof a !== 'string' || typeof b !== 'string') throw new RelaisError('invalid.arguments', 'joinSegments expects two strings');
  if (typeof separator !== 'string' || [...separator].some((ch) => !isOrdinaryWhitespace(ch))) {
    throw new RelaisError('invalid.arguments', 'The separator of two merged segments must be ordinary whitespace');
  }
  if (!a) return b;
  if (!b) return a;
  if (/\s$/u.test(a) || /^\s/u.test(b)) return a + b;
  return a + separator + b;
}
