/**
 * Numbers in French and English text, normalised so they can be compared across the two conventions.
 *
 * - Digits: French decimal comma / English decimal point ("3,5" = "3.5"); thousands separators space, U+00A0,
 *   U+202F or "." in French, "," (or a space) in English ("1 200" = "1.200" = "1,200" = "1200"). A group separator
 *   must be followed by exactly three digits, otherwise it is a decimal mark (French) or a separate number.
 * - Scale words after a number: millions/milliards (fr), million/billion/bn (en): "1,5 milliard" = "1.5 billion".
 * - Newsroom amounts: "€10m", "$3bn", "£1.2bn", "$1tn", "€10mn", "10m euros" (en) and "10 M€", "3 Md$",
 *   "2 Mds €" (fr) read the abbreviation as the scale, so "€10m" = "10 millions d’euros" and "$3bn" =
 *   "3 milliards de dollars". A bare "m" or "k" counts as million / thousand only in an amount of money (a currency
 *   sign before the number, or a currency word after it): "10m" alone is ten metres.
 * - Percentages compare by their number ("15 %" = "15%" = "15 per cent").
 * - Ordinals compare by their number ("1er" = "1st", "28e" = "28th"): the digits are read, the letters ignored;
 *   so do dates ("28 février" vs "February 28") and years.
 * - Times: "10 h 30", "10h30", "10 heures 30", "10:30" (fr) = "10:30", "10.30am", "10.30 a.m." (en); "15 h" =
 *   "3pm" = "15:00". A whole-hour time also matches the bare hour ("pendant 10 h" vs "for 10 hours").
 * - Spelled-out numbers: French "deux" and up ("dix-huit", "vingt et un", "quatre-vingt-dix", "deux mille")
 *   and English "two" and up ("eighteen", "twenty-five", "one hundred"), compound forms included, are numbers.
 *   "un"/"une" and "neuf" (also "new") in French and "one" in English are ambiguous: they are SOFT — never
 *   required, never reported, but they satisfy a missing 1 (or 9) on the other side ("1 victime" / "one victim").
 */

import { tokenize, type Token } from '../glossary/text.ts';

export interface NumberToken {
  /** Comparison key: canonical decimal ("1200", "3.5") or time ("T10:30"). */
  key: string;
  kind: 'number' | 'time';
  /** Soft tokens (un/une/neuf/one) only satisfy otherwise unmatched numbers. */
  soft: boolean;
  start: number;
  end: number;
  text: string;
}

const SP = '[ \\u00A0\\u202F]';

const FR_RE = new RegExp(
  '(?:' +
  [
    // 1-2: 10 h 30, 10h, 10 heures 30
    `(?<![\\p{L}\\p{N}])(\\d{1,2})${SP}?(?:h|heures?)(?:${SP}?(\\d{2}))?(?![\\p{L}\\p{N}])`,
    // 3-4: 10:30
    `(?<![\\p{N}])(\\d{1,2}):(\\d{2})(?!\\d)`,
    // 5: grouped thousands (space / nbsp / narrow nbsp / dot) with optional decimal comma
    `(?<![\\d,.])(\\d{1,3}(?:[ \\u00A0\\u202F.]\\d{3})+(?!\\d)(?:,\\d+)?)`,
    // 6: plain, decimal comma or point
    `(\\d+(?:[,.]\\d+)?)`,
  ].join('|') + `)(?:${SP}*(M(?=${SP}?[€$£])|Mds?(?=${SP}?[€$£])|Mrds?(?![\\p{L}]))|${SP}+(millions?|milliards?|billions?)(?![\\p{L}]))?`,
  'gu',
);

const EN_RE = new RegExp(
  '(?:' +
  [
    // 1-3: 10.30am, 3pm, 10:30 a.m.
    `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:[:.](\\d{2}))?${SP}?(a\\.m\\.|p\\.m\\.|am|pm)(?![\\p{L}])`,
    // 4-5: 10:30
    `(?<![\\p{N}])(\\d{1,2}):(\\d{2})(?!\\d)`,
    // 6: 1,200 or 1 200 with optional decimal point
    `(?<![\\d,.])(\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?!\\d)(?:\\.\\d+)?)`,
    // 7: plain
    `(\\d+(?:\\.\\d+)?)`,
  ].join('|') + `)(?:${SP}*(million|billion|trillion|bn|mn|tn|m|M|k)(?![\\p{L}]))?`,
  'gu',
);

const FR_SCALE: Record<string, number> = {
  million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, billion: 1e12, billions: 1e12, m: 1e6, md: 1e9, mds: 1e9, mrd: 1e9, mrds: 1e9,
};
const EN_SCALE: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, tn: 1e12, m: 1e6, k: 1e3 };

/** A currency sign (or code) right before a number. */
const MONEY_BEFORE_RE = /(?:[€$£¥]|\b(?:EUR|USD|GBP|CHF))[ \u00A0\u202F]?$/u;
/** A currency word right after a number and its scale ("10m euros"). */
const MONEY_AFTER_RE = /^[ \u00A0\u202F]+(?:euros?|dollars?|pounds?|sterling|yen|francs?)(?![\p{L}])/iu;

function isMoney(text: string, start: number, end: number): boolean {
  return MONEY_BEFORE_RE.test(text.slice(Math.max(0, start - 5), start)) || MONEY_AFTER_RE.test(text.slice(end, end + 20));
}

function canon(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

function timeKey(h: number, m: number): string {
  return `T${h}:${String(m).padStart(2, '0')}`;
}

function digitsValue(raw: string, lang: 'fr' | 'en', grouped: boolean): number {
  let s = raw;
  if (lang === 'fr') {
    if (grouped) s = s.replace(/[ \u00A0\u202F.]/g, '');
    s = s.replace(',', '.');
  } else {
    s = s.replace(/[ \u00A0\u202F,]/g, '');
  }
  return Number(s);
}

function scanDigits(text: string, lang: 'fr' | 'en', out: NumberToken[]): void {
  const re = lang === 'fr' ? FR_RE : EN_RE;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const raw = m[0];
    if (lang === 'fr') {
      if (m[1] !== undefined) {
        const h = Number(m[1]);
        const min = m[2] !== undefined ? Number(m[2]) : 0;
        if (h <= 24 && min < 60) out.push({ key: timeKey(h, min), kind: 'time', soft: false, start, end, text: raw });
        else out.push({ key: canon(h), kind: 'number', soft: false, start, end, text: raw });
        continue;
      }
      if (m[3] !== undefined) {
        out.push({ key: timeKey(Number(m[3]), Number(m[4])), kind: 'time', soft: false, start, end, text: raw });
        continue;
      }
      const grouped = m[5] !== undefined;
      let v = digitsValue((m[5] ?? m[6])!, 'fr', grouped);
      const scale = m[7] ?? m[8];
      if (scale) v *= FR_SCALE[scale.toLowerCase()] ?? 1;
      out.push({ key: canon(v), kind: 'number', soft: false, start, end, text: raw });
    } else {
      if (m[1] !== undefined) {
        let h = Number(m[1]);
        const min = m[2] !== undefined ? Number(m[2]) : 0;
        const pm = m[3]!.toLowerCase().startsWith('p');
        if (h === 12) h = pm ? 12 : 0;
        else if (pm) h += 12;
        out.push({ key: timeKey(h, min), kind: 'time', soft: false, start, end, text: raw });
        continue;
      }
      if (m[4] !== undefined) {
        out.push({ key: timeKey(Number(m[4]), Number(m[5])), kind: 'time', soft: false, start, end, text: raw });
        continue;
      }
      const digits = (m[6] ?? m[7])!;
      let v = digitsValue(digits, 'en', m[6] !== undefined);
      let scale = m[8];
      let stop = end;
      // "m" / "k" are a scale only in an amount of money; otherwise the number ends before them ("10m" = ten metres).
      if (scale && /^(?:m|M|k)$/.test(scale) && !isMoney(text, start, end)) {
        scale = undefined;
        stop = start + digits.length;
      }
      if (scale) v *= EN_SCALE[scale.toLowerCase()] ?? 1;
      out.push({ key: canon(v), kind: 'number', soft: false, start, end: stop, text: text.slice(start, stop) });
    }
  }
}

/** Word values; `mul` = scale word, `hundred`/`thousand` handled in the parser. */
const FR_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50,
  soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90, cent: 100, cents: 100, mille: 1000,
  million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9,
};
const FR_SOFT = new Set(['un', 'une', 'neuf']);

const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  million: 1e6, billion: 1e9, trillion: 1e12,
};
const EN_SOFT = new Set(['one']);

function parseWords(words: string[], lang: 'fr' | 'en'): number {
  let total = 0;
  let cur = 0;
  let prev = '';
  for (const w of words) {
    const v = (lang === 'fr' ? FR_WORDS : EN_WORDS)[w]!;
    if (v === 100) cur = (cur || 1) * 100;
    else if (v === 1000) {
      total += (cur || 1) * 1000;
      cur = 0;
    } else if (v >= 1e6) {
      total = (total + (cur || 1)) * v;
      cur = 0;
    } else if (lang === 'fr' && v === 20 && prev === 'quatre') cur += 76; // quatre-vingt(s) = 80
    else cur += v;
    prev = w;
  }
  return total + cur;
}

function scanWords(text: string, lang: 'fr' | 'en', covered: (pos: number) => boolean, tokens: Token[], out: NumberToken[]): void {
  const table = lang === 'fr' ? FR_WORDS : EN_WORDS;
  const soft = lang === 'fr' ? FR_SOFT : EN_SOFT;
  const conj = lang === 'fr' ? 'et' : 'and';
  if (!tokens.some((t) => t.lower in table)) return;
  const toks = tokens.map((t) => ({ w: t.lower, start: t.start, end: t.end }));
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!(t.w in table) || covered(t.start)) {
      i++;
      continue;
    }
    // Extend over number words joined by a space or hyphen, and "et un"/"and five" inside compounds.
    const group = [t];
    let j = i + 1;
    while (j < toks.length) {
      const prev = group[group.length - 1]!;
      const gap = text.slice(prev.end, toks[j]!.start);
      if (!/^[ \u00A0\u202F\-\u2010\u2011]$/.test(gap)) break;
      const w = toks[j]!.w;
      if (w in table && !covered(toks[j]!.start)) {
        group.push(toks[j]!);
        j++;
        continue;
      }
      if (w === conj && j + 1 < toks.length && toks[j + 1]!.w in table && /^[ \u00A0\u202F]$/.test(text.slice(toks[j]!.end, toks[j + 1]!.start))) {
        const nextW = toks[j + 1]!.w;
        const ok = lang === 'fr' ? ['un', 'une', 'onze'].includes(nextW) && ['vingt', 'trente', 'quarante', 'cinquante', 'soixante'].includes(prev.w)
          : prev.w === 'hundred' || prev.w === 'thousand';
        if (ok) {
          group.push(toks[j + 1]!);
          j += 2;
          continue;
        }
      }
      break;
    }
    const words = group.map((g) => g.w);
    // A lone scale word ("des millions de") is not a number.
    if (words.length === 1 && table[words[0]!]! >= 1e6) {
      i = j;
      continue;
    }
    const start = group[0]!.start;
    const end = group[group.length - 1]!.end;
    const isSoft = words.length === 1 && soft.has(words[0]!);
    out.push({ key: canon(parseWords(words, lang)), kind: 'number', soft: isSoft, start, end, text: text.slice(start, end) });
    i = j;
  }
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const FR_ROMAN_ORDINAL_RE = /(?<![\p{L}\p{N}])([IVXLC]+)(?:e|er|ème|è)(?![\p{L}\p{N}])/gu;

function romanValue(r: string): number {
  let v = 0;
  for (let i = 0; i < r.length; i++) {
    const a = ROMAN[r[i]!]!;
    const b = i + 1 < r.length ? ROMAN[r[i + 1]!]! : 0;
    v += a < b ? -a : a;
  }
  return v;
}

/** All numbers of a text, in order of position. French Roman ordinals ("XXIe siècle") count as numbers. */
export function extractNumbers(text: string, lang: 'fr' | 'en', tokens?: Token[]): NumberToken[] {
  const out: NumberToken[] = [];
  if (/\d/.test(text)) scanDigits(text, lang, out);
  if (lang === 'fr') {
    for (const m of text.matchAll(FR_ROMAN_ORDINAL_RE)) {
      if (m[1] === 'L' || m[1] === 'C') continue; // "Le", "Ce"
      out.push({ key: canon(romanValue(m[1]!)), kind: 'number', soft: false, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  const ranges = out.map((t) => [t.start, t.end] as const);
  scanWords(text, lang, (pos) => ranges.some(([s, e]) => pos >= s && pos < e), tokens ?? tokenize(text), out);
  return out.sort((a, b) => a.start - b.start);
}

export interface NumberComparison {
  /** Source numbers with no counterpart in the target. */
  missing: NumberToken[];
  /** Target numbers with no counterpart in the source. */
  extra: NumberToken[];
}

/** Compare the numbers of a French source and an English target as multisets. */
export function compareNumbers(source: string, target: string, sourceTokens?: Token[], targetTokens?: Token[]): NumberComparison {
  const src = extractNumbers(source, 'fr', sourceTokens);
  const tgt = extractNumbers(target, 'en', targetTokens);
  const srcHard = src.filter((t) => !t.soft);
  const tgtHard = tgt.filter((t) => !t.soft);
  const tgtUsed = new Set<NumberToken>();
  const srcUsed = new Set<NumberToken>();
  const pair = (pred: (s: NumberToken, t: NumberToken) => boolean, srcList: NumberToken[], tgtList: NumberToken[]) => {
    for (const s of srcList) {
      if (srcUsed.has(s)) continue;
      const t = tgtList.find((x) => !tgtUsed.has(x) && pred(s, x));
      if (t) {
        srcUsed.add(s);
        tgtUsed.add(t);
      }
    }
  };
  pair((s, t) => s.key === t.key, srcHard, tgtHard);
  // A whole-hour time against the bare hour ("10 h" / "10 hours").
  const hourOf = (x: NumberToken) => (x.kind === 'time' && x.key.endsWith(':00') ? x.key.slice(1, -3) : null);
  pair((s, t) => (hourOf(s) !== null && hourOf(s) === t.key && t.kind === 'number') || (hourOf(t) !== null && hourOf(t) === s.key && s.kind === 'number'), srcHard, tgtHard);
  // Soft words satisfy otherwise unmatched numbers on the other side.
  pair((s, t) => s.key === t.key, srcHard, tgt.filter((t) => t.soft));
  pair((s, t) => s.key === t.key, src.filter((t) => t.soft), tgtHard);
  return {
    missing: srcHard.filter((s) => !srcUsed.has(s)),
    extra: tgtHard.filter((t) => !tgtUsed.has(t)),
  };
}
