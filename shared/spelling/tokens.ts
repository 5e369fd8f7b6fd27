/**
 * Words of an English target, as the spelling check sees them.
 *
 * - A word is a run of letters (and combining marks) with internal apostrophes (' ’ ʼ): "don’t", "Europol’s",
 *   "O’Brien". Hyphens split compounds into their parts ("e-mail", "co-operate", "well-known"); the whole compound
 *   is kept too, so a dictionary that knows it ("x-ray") can accept it at once.
 * - Skipped, never checked: runs that contain a digit ("10th", "G7", "€10m", "COVID-19", "1990s"), URLs, e-mail
 *   addresses, inline-code placeholders and anything between backticks (see PLACEHOLDER_RE), and single letters.
 * Offsets are UTF-16 offsets into the original string, like every range in QA findings.
 */

export interface SpellToken {
  start: number;
  end: number;
  /** The word as written, with ’ turned into ' (same length, so offsets hold). */
  text: string;
}

export interface SpellCompound {
  start: number;
  end: number;
  /** The whole hyphenated run ("e-mail"); equal to the only part when there is no hyphen. */
  text: string;
  parts: SpellToken[];
}

const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”«»]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|fr|eu|uk|int|gov|edu|io|de|be|dk|nl)(?:\/[^\s<>"“”«»]*)?/giu;

/**
 * Inline code and placeholders that must not be checked: `code`, {1}, {name}, {{name}}, %s, %1$s, %(name)s,
 * ${name}, <x id="1"/>, <ph …/>, <g id="2">, </g>, [1] / [[name]].
 */
const PLACEHOLDER_RE = /`[^`\n]*`|\{\{[^{}\n]*\}\}|\$?\{[^{}\s]*\}|%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcop@]|%\([A-Za-z_][\w]*\)[sdif]|<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|\[\[[^\]\n]*\]\]|\[\d+\]/gu;

/** Ranges of the text the spelling check skips (URLs, e-mail addresses, placeholders, inline code). */
export function skippedRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (/[.@:]/.test(text)) for (const m of text.matchAll(URL_RE)) out.push({ start: m.index, end: m.index + m[0].length });
  if (/[`{%<[]/.test(text)) for (const m of text.matchAll(PLACEHOLDER_RE)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Letters, digits, and the joiners a compound may contain. */
const RUN_RE = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const PART_RE = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const HAS_DIGIT = /\p{N}/u;

/** The hyphenated runs of words of `text` that the spelling check looks at, in order. */
export function spellCompounds(text: string): SpellCompound[] {
  const skip = skippedRanges(text);
  const out: SpellCompound[] = [];
  for (const m of text.matchAll(RUN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (HAS_DIGIT.test(m[0])) continue;
    if (skip.some((r) => start < r.end && end > r.start)) continue;
    const norm = m[0].replace(/[’ʼ]/g, "'");
    const parts: SpellToken[] = [];
    for (const p of norm.matchAll(PART_RE)) parts.push({ start: start + p.index, end: start + p.index + p[0].length, text: p[0] });
    out.push({ start, end, text: norm.replace(/[‐‑]/g, '-'), parts });
  }
  return out;
}
