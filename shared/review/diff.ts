/**
 * Word-level diffs for revision history, review and tracked changes.
 *
 * Tokens are words (runs of letters/digits), single white-space characters and single punctuation marks, so that
 *  - a changed space (ordinary space → U+00A0 no-break space, a doubled space) or a changed punctuation mark shows as
 *    its own small change instead of being swallowed into the neighbouring words;
 *  - a changed word shows as that word replaced (never a soup of letters: the smallest unit is a whole word).
 * The raw Myers diff over such tokens (jsdiff `diffArrays`) is then cleaned up the way diff-match-patch's semantic
 * clean-up does, restricted to word edits: a short equality (typically the single space between two replaced words)
 * wedged between two word-changing edits is folded into them, so "big cat" → "small dog" reads as one replacement
 * and not "big·small ␣ cat·dog". White-space-only and punctuation-only edits are never folded, so they stay visible.
 *
 * Output: a list of parts in text order. Consecutive non-equal parts are normalised to (at most) one `delete`
 * followed by one `insert` — a replacement is a delete immediately followed by an insert.
 * Invariant: joining `equal`+`delete` parts gives `before`, joining `equal`+`insert` parts gives `after`.
 */
import { diffArrays } from 'diff';

export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const WORD_CP_RE = /^[\p{L}\p{N}\p{M}_]$/u;
const SPACE_CP_RE = /^\s$/u;
const cpClass = new Map<number, number>();

/** 1 = word character (letter, digit, combining mark, underscore), 2 = white space, 0 = anything else. */
function classOf(cp: number): number {
  if (cp < 128) {
    if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95) return 1;
    return cp === 32 || (cp >= 9 && cp <= 13) ? 2 : 0;
  }
  let c = cpClass.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = WORD_CP_RE.test(ch) ? 1 : SPACE_CP_RE.test(ch) ? 2 : 0;
    cpClass.set(cp, c);
  }
  return c;
}

/**
 * Diff tokens: words (runs of letters, digits, combining marks), each white-space character alone, each other
 * character alone. Joining the tokens gives the text back.
 */
export function tokenizeForDiff(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (classOf(cp) === 1) {
      let j = i + w;
      while (j < n) {
        const c2 = text.codePointAt(j)!;
        if (classOf(c2) !== 1) break;
        j += c2 > 0xffff ? 2 : 1;
      }
      out.push(text.slice(i, j));
      i = j;
    } else {
      out.push(text.slice(i, i + w));
      i += w;
    }
  }
  return out;
}

/**
 * Word diff between two texts. Pure and deterministic; about linear for similar texts
 * (Myers O(N·D) over tokens).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'equal', text: before }];
  if (before === '') return [{ kind: 'insert', text: after }];
  if (after === '') return [{ kind: 'delete', text: before }];

  // Common prefix/suffix at token level first: cheap, and keeps Myers focused on the edited middle.
  const a = tokenizeForDiff(before);
  const b = tokenizeForDiff(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;

  const raw: DiffPart[] = [];
  if (pre > 0) raw.push({ kind: 'equal', text: a.slice(0, pre).join('') });
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  if (midA.length === 0) {
    if (midB.length) raw.push({ kind: 'insert', text: midB.join('') });
  } else if (midB.length === 0) {
    raw.push({ kind: 'delete', text: midA.join('') });
  } else {
    for (const c of diffArrays(midA, midB)) {
      raw.push({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') });
    }
  }
  if (suf > 0) raw.push({ kind: 'equal', text: a.slice(a.length - suf).join('') });
  return cleanupSemantic(normalise(raw));
}

/** Merges adjacent parts of the same kind and orders each run of edits as one delete then one insert. */
function normalise(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'delete', text: del });
    if (ins) out.push({ kind: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const p of parts) {
    if (p.text === '') continue;
    if (p.kind === 'delete') del += p.text;
    else if (p.kind === 'insert') ins += p.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.kind === 'equal') last.text += p.text;
      else out.push({ kind: 'equal', text: p.text });
    }
  }
  flush();
  return out;
}

interface EditGroup {
  del: string;
  ins: string;
}

function hasWordChange(g: EditGroup): boolean {
  return WORD_CHAR_RE.test(g.del) || WORD_CHAR_RE.test(g.ins);
}

/**
 * Folds an equality lying between two word edits into them when it holds no word (a space, a comma and space) or
 * is tiny next to both edits (at most half the larger side of each: diff-match-patch's semantic rule, made stricter
 * so that a kept word such as "were" between two replaced words stays visible). Repeats until nothing changes.
 */
function cleanupSemantic(parts: DiffPart[]): DiffPart[] {
  // Represent as alternating [equal, group, equal, group, …, equal] with possibly empty equals.
  const equals: string[] = [];
  const groups: EditGroup[] = [];
  let curEq = '';
  let cur: EditGroup | null = null;
  for (const p of parts) {
    if (p.kind === 'equal') {
      if (cur) {
        groups.push(cur);
        cur = null;
      }
      curEq += p.text;
    } else {
      if (!cur) {
        equals.push(curEq);
        curEq = '';
        cur = { del: '', ins: '' };
      }
      if (p.kind === 'delete') cur.del += p.text;
      else cur.ins += p.text;
    }
  }
  if (cur) groups.push(cur);
  equals.push(curEq);
  // equals.length === groups.length + 1; groups[i] lies between equals[i] and equals[i+1].

  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i + 1 < groups.length; i++) {
      const g1 = groups[i]!;
      const g2 = groups[i + 1]!;
      const eq = equals[i + 1]!;
      if (!hasWordChange(g1) || !hasWordChange(g2)) continue;
      const len = [...eq].length;
      const noWord = !WORD_CHAR_RE.test(eq);
      const tiny = 2 * len <= Math.max(g1.del.length, g1.ins.length) && 2 * len <= Math.max(g2.del.length, g2.ins.length);
      if (!noWord && !tiny) continue;
      groups.splice(i, 2, { del: g1.del + eq + g2.del, ins: g1.ins + eq + g2.ins });
      equals.splice(i + 1, 1);
      changed = true;
      i--;
      if (i < -1) i = -1;
    }
  }

  const out: DiffPart[] = [];
  for (let i = 0; i < equals.length; i++) {
    const eq = equals[i]!;
    if (eq) out.push({ kind: 'equal', text: eq });
    const g = groups[i];
    if (g) {
      if (g.del) out.push({ kind: 'delete', text: g.del });
      if (g.ins) out.push({ kind: 'insert', text: g.ins });
    }
  }
  return out;
}

/** The text on one side of a diff: `before` = equal + delete parts, `after` = equal + insert parts. */
export function diffText(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffKind = side === 'before' ? 'insert' : 'delete';
  let s = '';
  for (const p of parts) if (p.kind !== skip) s += p.text;
  return s;
}

/** True when the two texts differ only in white space (kind or amount), e.g. a space turned into U+00A0. */
export function isWhitespaceOnlyChange(parts: readonly DiffPart[]): boolean {
  let any = false;
  for (const p of parts) {
    if (p.kind === 'equal') continue;
    any = true;
    if (!/^\s*$/u.test(p.text)) return false;
  }
  return any;
}

/** Marks used by {@link visibleWhitespace}. */
export const WHITESPACE_MARKS: Readonly<Record<string, string>> = {
  ' ': '·',
  '\u00A0': '°',
  '\u202F': '˙',
  '\u2009': '˙',
  '\t': '→',
  '\n': '¶',
  '\r': '',
};

/**
 * Makes white space visible for display of a changed run: · ordinary space, ° no-break space (U+00A0),
 * ˙ narrow no-break space (U+202F) and thin space (U+2009), → tab, ¶ line break; other space characters
 * show as ⍽. Meant for the text of `insert`/`delete` parts (or any text where spaces matter); never store its output.
 */
export function visibleWhitespace(text: string): string {
  return text.replace(/\s/gu, (c) => WHITESPACE_MARKS[c] ?? '⍽');
}

// ---------------------------------------------------------------------------------------------------------------
// Tracked changes
// ---------------------------------------------------------------------------------------------------------------

/** One tracked change: a deletion, an insertion or a replacement (deletion immediately followed by an insertion). */
export interface TrackedChange {
  /** 0-based number of the change, in text order. */
  index: number;
  /** Text the editor removed from the base ('' for a pure insertion). */
  deleted: string;
  /** Text the editor added ('' for a pure deletion). */
  inserted: string;
  /** Index in the parts array of the first part of the change. */
  partIndex: number;
}

/**
 * The editor's edits against the translator's last confirmed text, as inline insert/delete runs
 * (same representation as {@link wordDiff}).
 */
export function trackChanges(base: string, edited: string): DiffPart[] {
  return wordDiff(base, edited);
}

/** Groups the parts into numbered changes: each run of delete/insert between two equal parts is one change. */
export function listChanges(parts: readonly DiffPart[]): TrackedChange[] {
  const out: TrackedChange[] = [];
  let cur: TrackedChange | null = null;
  parts.forEach((p, i) => {
    if (p.kind === 'equal') {
      cur = null;
      return;
    }
    if (!cur) {
      cur = { index: out.length, deleted: '', inserted: '', partIndex: i };
      out.push(cur);
    }
    if (p.kind === 'delete') cur.deleted += p.text;
    else cur.inserted += p.text;
  });
  return out;
}

/**
 * Resolves tracked changes: every change whose index (see {@link listChanges}) is in `rejected` is undone — its
 * deleted text comes back and its inserted text goes — and every other change is accepted. Returns the resulting text.
 *  - `applyReject(parts, [])` → the edited text (all accepted);
 *  - `applyReject(parts, listChanges(parts).map(c => c.index))` → the base text (all rejected);
 *  - rejecting one half of a replacement is not possible: a replacement is one change.
 * Unknown indexes are ignored.
 */
export function applyReject(parts: readonly DiffPart[], rejected: Iterable<number>): string {
  const rej = new Set(rejected);
  let s = '';
  let idx = -1;
  let inChange = false;
  for (const p of parts) {
    if (p.kind === 'equal') {
      inChange = false;
      s += p.text;
      continue;
    }
    if (!inChange) {
      idx++;
      inChange = true;
    }
    const undo = rej.has(idx);
    if (p.kind === 'delete' && undo) s += p.text;
    if (p.kind === 'insert' && !undo) s += p.text;
  }
  return s;
}
