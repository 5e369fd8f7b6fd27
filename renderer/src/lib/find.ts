/**
 * Find in source and target: case-insensitive, and typography-insensitive for what a keyboard cannot easily type
 * (’ matches ', no-break spaces match a space). Folding keeps every character in place so offsets stay valid.
 */
export interface TextMatch {
  start: number;
  end: number;
}

function foldChar(ch: string): string {
  if (ch === '’' || ch === '‘' || ch === 'ʼ') return "'";
  if (ch === '\u00a0' || ch === '\u202f' || ch === '\u2009') return ' ';
  if (ch === '“' || ch === '”') return '"';
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/** Same length as the input, so indices map one to one. */
export function foldForSearch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text.charAt(i));
  return out;
}

export function findMatches(text: string, query: string): TextMatch[] {
  if (query === '' || text === '') return [];
  const hay = foldForSearch(text);
  const needle = foldForSearch(query);
  const out: TextMatch[] = [];
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    out.push({ start: i, end: i + needle.length });
    from = i + Math.max(needle.length, 1);
  }
  return out;
}
