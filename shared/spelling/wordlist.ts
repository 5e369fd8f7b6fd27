/**
 * Plain word lists (the desk dictionary and the ignored words, exported and imported): UTF-8, one word per line.
 * Reading also accepts a byte-order mark, CRLF line ends, blank lines, `#` comments, and a Hunspell .dic file
 * (a first line that is only the word count, and `/FLAGS` after each word, which are dropped).
 */

/** The word as stored: trimmed, NFC, typographic apostrophes as '. Null when it is not one word. */
export function normalizeWord(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const w = raw.trim().normalize('NFC').replace(/[’ʼ]/g, "'");
  if (w === '' || w.length > 100) return null;
  // One word: letters (any script), marks, digits, and internal apostrophes, hyphens or dots ("e.g", "co-op").
  if (!/^[\p{L}\p{M}\p{N}]+(?:['.\-‐‑][\p{L}\p{M}\p{N}]+)*$/u.test(w)) return null;
  return w;
}

export interface ParsedWordList {
  words: string[];
  /** Lines that are not one word, with their 1-based line number. */
  rejected: { line: number; text: string }[];
}

export function parseWordList(text: string): ParsedWordList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const seen = new Set<string>();
  const words: string[] = [];
  const rejected: ParsedWordList['rejected'] = [];
  lines.forEach((line, i) => {
    let t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    if (i === 0 && /^\d+$/.test(t)) return; // Hunspell .dic word count
    const slash = t.indexOf('/');
    if (slash > 0) t = t.slice(0, slash);
    const w = normalizeWord(t);
    if (w === null) {
      rejected.push({ line: i + 1, text: line.trim().slice(0, 100) });
      return;
    }
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  });
  return { words, rejected };
}

/** One word per line, sorted case-insensitively (then by case), ending with a line break. */
export function serializeWordList(words: Iterable<string>): string {
  const list = [...new Set(words)].sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return list.length ? `${list.join('\n')}\n` : '';
}
