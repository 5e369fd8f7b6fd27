/**
 * Plain-text article parsing (text as copied from a web page or typed in an editor). Pure.
 *
 * - Every line is its own block: pages copied from a browser separate paragraphs by blank lines OR by single line
 *   breaks ("Réutiliser ce contenu\nPartager\nExit mobile version" are three blocks). Only a document that is
 *   visibly hard-wrapped (lines filled up to a fixed width, breaking mid-sentence) has its wrapped lines re-joined.
 * - Headings are recognised by general rules (`looksLikeHeadline`): a short line, no final . : ; , …, starting with
 *   an upper-case letter, standing alone after body text (or the title) and followed by a longer body paragraph.
 * - The title is the first line when it looks like a headline and is followed by body text; otherwise there is
 *   no title block (none is invented).
 */
import { countWords } from '../model.ts';
import { matchChromeRule } from '../chrome/detect.ts';
import type { RawBlock } from './types.ts';

/** A heading has at most this many words / characters. */
export const HEADLINE_MAX_WORDS = 12;
export const HEADLINE_MAX_CHARS = 100;
/** Titles run longer than subheadings ("Opération Cumberland : au moins 25 arrestations…"). */
export const TITLE_MAX_WORDS = 20;
export const TITLE_MAX_CHARS = 160;
/** A body paragraph has more than this many words (longer than any title), or is a sentence of at least BODY_SENTENCE_MIN_WORDS words. */
export const BODY_MIN_WORDS = TITLE_MAX_WORDS;
export const BODY_SENTENCE_MIN_WORDS = 6;

/** Short rubric labels that may stand above the title ("International", "Europe", "Société"). */
export const MAX_KICKERS = 4;
function isKicker(line: string): boolean {
  return line.length <= 40 && countWords(line) <= 3 && !ENDS_WITH_CLAUSE_PUNCT.test(line) && STARTS_UPPER.test(line);
}

/** Drops a UTF-8 BOM and turns CRLF and lone CR line endings into LF. */
export function normaliseNewlines(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Trims ASCII white space only (a no-break space next to text is typography); a line of nothing but spaces is empty. */
function trimLine(line: string): string {
  if (line === '') return '';
  const first = line.charCodeAt(0);
  const last = line.charCodeAt(line.length - 1);
  if (first > 32 && last > 32 && first !== 0xa0 && first !== 0x202f && first !== 0x2007) return line;
  const t = line.replace(/^[ \t\f\v]+|[ \t\f\v]+$/gu, '');
  return /^[\s\u00A0\u202F\u2007]*$/u.test(t) ? '' : t;
}

const TRAILING_CLOSERS = String.raw`["'»”’)\]\s\u00A0\u202F]*`;
const ENDS_WITH_CLAUSE_PUNCT = new RegExp(String.raw`[.:;,…]${TRAILING_CLOSERS}$`, 'u');
const ENDS_WITH_SENTENCE_PUNCT = new RegExp(String.raw`[.!?…]${TRAILING_CLOSERS}$`, 'u');
const STARTS_UPPER = /^[«"“‘'(\s\u00A0\u202F]*\p{Lu}/u;

function headlineLike(line: string, maxWords: number, maxChars: number): boolean {
  if (line.length > maxChars || ENDS_WITH_CLAUSE_PUNCT.test(line) || !STARTS_UPPER.test(line)) return false;
  const words = countWords(line);
  return words > 0 && words <= maxWords;
}

/** Short, no final . : ; , (may end with ? or !), starts with an upper-case letter. */
export function looksLikeHeadline(line: string): boolean {
  return headlineLike(line, HEADLINE_MAX_WORDS, HEADLINE_MAX_CHARS);
}

/** Body text: a sentence of some length (ends with . ! ? …, possibly inside quotes), or a paragraph longer than any title. */
export function looksLikeBody(line: string): boolean {
  const words = countWords(line);
  return words > BODY_MIN_WORDS || (words >= BODY_SENTENCE_MIN_WORDS && ENDS_WITH_SENTENCE_PUNCT.test(line));
}

/**
 * Lines of a hard-wrapped document re-joined into paragraphs. A document counts as hard-wrapped when no line is
 * longer than 100 characters, at least three lines are "full" (within 20 characters of the longest) and most
 * full lines that have a follower in the same paragraph break mid-sentence. Web copies, whose paragraphs are
 * single long lines, are never affected.
 */
function unwrap(groups: string[][]): string[] {
  const all = groups.flat();
  let maxLen = 0;
  for (const l of all) if (l.length > maxLen) maxLen = l.length;
  const isFull = (l: string): boolean => l.length >= maxLen - 20;
  let wrapped = false;
  if (maxLen >= 40 && maxLen <= 100) {
    let fullWithFollower = 0;
    let midSentence = 0;
    for (const g of groups) {
      for (let i = 0; i < g.length - 1; i++) {
        const l = g[i] ?? '';
        if (!isFull(l)) continue;
        fullWithFollower++;
        if (!ENDS_WITH_SENTENCE_PUNCT.test(l) && !/:$/u.test(l)) midSentence++;
      }
    }
    wrapped = fullWithFollower >= 3 && midSentence * 2 > fullWithFollower;
  }
  if (!wrapped) return all;
  const out: string[] = [];
  for (const g of groups) {
    let current = '';
    for (const l of g) {
      current = current === '' ? l : `${current} ${l}`;
      if (!isFull(l)) {
        out.push(current);
        current = '';
      }
    }
    if (current !== '') out.push(current);
  }
  return out;
}

export function parsePlainText(input: string): RawBlock[] {
  const lines = normaliseNewlines(input).split('\n').map(trimLine);
  const groups: string[][] = [];
  let group: string[] = [];
  for (const l of lines) {
    if (l === '') {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(l);
  }
  if (group.length > 0) groups.push(group);
  const texts = unwrap(groups);

  const isChrome = texts.map((t) => matchChromeRule(t) !== null);
  const blocks: RawBlock[] = texts.map((text) => ({ kind: 'paragraph', text }));

  const nextNonChrome = (i: number): number => {
    for (let j = i + 1; j < texts.length; j++) if (!isChrome[j]) return j;
    return -1;
  };
  // The title: the first line that is not page chrome ("Skip to main content" above it is), when it reads like a
  // headline and body text follows. Up to MAX_KICKERS short rubric labels may stand above it ("International",
  // "Europe"): they are skipped over (page-chrome detection then marks them).
  let titleIdx = -1;
  let firstIdx = isChrome.indexOf(false);
  for (let idx = firstIdx, kickers = 0; idx >= 0 && idx < texts.length; kickers++) {
    const line = texts[idx] ?? '';
    if (headlineLike(line, TITLE_MAX_WORDS, TITLE_MAX_CHARS)) {
      const next = texts[nextNonChrome(idx)];
      if (next !== undefined && looksLikeBody(next)) {
        titleIdx = idx;
        break;
      }
    }
    if (kickers >= MAX_KICKERS || !isKicker(line)) break;
    idx = nextNonChrome(idx);
  }
  if (titleIdx >= 0) {
    blocks[titleIdx] = { kind: 'title', level: 1, text: texts[titleIdx] ?? '' };
    firstIdx = titleIdx;
  }

  for (let i = firstIdx + 1; i < texts.length - 1; i++) {
    const text = texts[i] ?? '';
    if (isChrome[i] || !looksLikeHeadline(text)) continue;
    // Before it: body text or the title, possibly with page chrome in between (a "Related:" teaser);
    // right after it: a longer body paragraph.
    let p = i - 1;
    while (p >= 0 && isChrome[p]) p--;
    const prev = blocks[p];
    const next = texts[i + 1] ?? '';
    const prevOk = prev !== undefined && (prev.kind === 'title' || looksLikeBody(prev.text));
    const nextOk = !isChrome[i + 1] && looksLikeBody(next) && countWords(next) > countWords(text);
    if (prevOk && nextOk) blocks[i] = { kind: 'heading', level: 2, text };
  }
  return blocks;
}
