/**
 * House-style checks on one English target (the rules of ./rules.ts). Each returns partial findings, like the
 * formal checks of shared/qa/checks.ts; `suggestion` always replaces the finding's target range (a safe fix).
 * Text inside URLs, e-mail addresses, inline code and placeholders is left alone.
 */
import type { RawFinding } from '../qa/checks.ts';
import { skippedRanges } from '../spelling/tokens.ts';

type Range = { start: number; end: number };

function inside(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => start < r.end && end > r.start);
}

function finding(message: string, start: number, end: number, suggestion: string, params: Record<string, string | number>): RawFinding {
  return { message, range: { start, end, side: 'target' }, suggestion, params };
}

const SP = '[ \\u00A0\\u202F]';

// ——— per cent / % ———

const PERCENT_SIGN_RE = new RegExp(`(?<=\\d)${SP}?%`, 'gu');
const PERCENT_WORD_RE = /(?<=\d)[ \u00A0\u202F]?(?:per[ \u00A0]cent|percent)(?![\p{L}])/giu;
const PERCENT_ONE_WORD_RE = /(?<![\p{L}])percent(?![\p{L}])/giu;

export function checkPercent(target: string, form: string): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/%|per/i.test(target)) return out;
  const skip = skippedRanges(target);
  if (form === '%') {
    for (const m of target.matchAll(PERCENT_WORD_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inside(skip, start, end)) continue;
      out.push(finding(`House style writes "%" for "${m[0].trim()}"`, start, end, '%', { found: m[0].trim(), expected: '%' }));
    }
    return out;
  }
  for (const m of target.matchAll(PERCENT_SIGN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inside(skip, start, end)) continue;
    out.push(finding('House style writes "per cent" for "%"', start, end, ' per cent', { found: '%', expected: 'per cent' }));
  }
  for (const m of target.matchAll(PERCENT_ONE_WORD_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inside(skip, start, end)) continue;
    const expected = m[0][0] === 'P' ? 'Per cent' : 'per cent';
    out.push(finding(`House style writes "per cent" in two words`, start, end, expected, { found: m[0], expected }));
  }
  return out;
}

// ——— honorifics ———

const HONORIFICS = 'Mr|Mrs|Ms|Mx|Dr|Prof|Messrs';
const HONORIFIC_STOP_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${HONORIFICS})\\.(?=${SP}+\\p{Lu})`, 'gu');
const HONORIFIC_BARE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${HONORIFICS})(?![\\p{L}.])(?=${SP}+\\p{Lu})`, 'gu');
const FRENCH_HONORIFIC_RE = new RegExp(`(?<![\\p{L}\\p{N}])(Mme|Mlle|M\\.)(?=${SP}+\\p{Lu})`, 'gu');
const FRENCH_TO_ENGLISH: Record<string, string> = { Mme: 'Ms', Mlle: 'Ms', 'M.': 'Mr' };

export function checkHonorifics(target: string, fullStop: boolean): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/M|D|P/.test(target)) return out;
  const re = fullStop ? HONORIFIC_BARE_RE : HONORIFIC_STOP_RE;
  for (const m of target.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const expected = fullStop ? `${m[1]}.` : m[1]!;
    out.push(finding(`House style writes "${expected}"`, start, end, expected, { found: m[0], expected }));
  }
  for (const m of target.matchAll(FRENCH_HONORIFIC_RE)) {
    const start = m.index;
    // "John M. Smith": an initial, not "Monsieur".
    if (m[1] === 'M.' && /\p{Lu}[\p{L}'’-]*[ \u00A0]$/u.test(target.slice(Math.max(0, start - 30), start))) continue;
    const end = start + m[0].length;
    const english = FRENCH_TO_ENGLISH[m[1]!]!;
    const expected = fullStop ? `${english}.` : english;
    out.push(finding(`French honorific "${m[1]}" in the English text: write "${expected}"`, start, end, expected, { found: m[1]!, expected, french: 1 }));
  }
  return out;
}

// ——— numbers in words / figures ———

const UNITS = [
  '%', 'per[ \\u00A0]?cent', 'percent', 'km', 'kilomet(?:re|er)s?', 'miles?', 'mi', 'm', 'metres?', 'meters?', 'cm', 'mm', 'centimet(?:re|er)s?',
  'millimet(?:re|er)s?', 'kg', 'kilos?', 'kilogram(?:me)?s?', 'g', 'grams?', 'mg', 'tonnes?', 'tons?', 'lbs?', 'pounds?', 'oz', 'ounces?',
  'litres?', 'liters?', 'l', 'ml', 'gallons?', 'pints?', 'mph', 'km/h', 'kph', 'knots?', '°[CF]?', 'degrees?', 'ft', 'feet', 'foot', 'inch(?:es)?',
  'yards?', 'acres?', 'hectares?', 'ha', 'gb', 'mb', 'tb', 'kb', 'kw', 'mw', 'gw', 'kwh', 'mwh', 'volts?', 'watts?', 'hz', 'bn', 'tn', 'mn',
  'million', 'billion', 'trillion', 'am', 'pm', 'a\\.m\\.', 'p\\.m\\.', 'h', 'o[\'’]clock', 'euros?', 'dollars?', 'pence', 'p', 'cents?', 'yen',
  'francs?', 'sterling', 'x',
];
const UNIT_AFTER_RE = new RegExp(`^[ \\u00A0\\u202F]?(?:${UNITS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const MONTH_AFTER_RE = new RegExp(`^${SP}(?:${MONTHS})\\.?(?![\\p{L}])`, 'u');
const MONTH_BEFORE_RE = new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?${SP}$`, 'u');
const AGE_BEFORE_RE = /(?<![\p{L}])(?:aged?|ages)[ \u00A0]$/iu;
const AGE_AFTER_RE = /^[-‐‑ \u00A0](?:years?|months?|weeks?|days?)[-‐‑ \u00A0]old(?![\p{L}])/iu;
/** "John Smith, 7, said": the British way of giving an age after a name. */
const AGE_COMMA_BEFORE_RE = /\p{Lu}[\p{L}'’-]*,[ \u00A0]$/u;
const REFERENCE_BEFORE_RE =
  /(?<![\p{L}])(?:no\.?|nos\.?|number|numbers|article|art\.|chapter|page|pages|p\.|pp\.|section|room|level|grade|phase|stage|category|platform|line|route|version|season|episode|series|round|group|tier|year|part|volume|vol\.|figure|table|step|item|paragraph|para|term|gate|terminal|district|zone|unit|ward|floor|division|league|class|lane|highway|band|case|war|paragraphs|articles|sections|chapters)[ \u00A0]$/iu;
const RANGE_BEFORE_RE = /(?:\d{2,}|\d[.,]\d+)[ \u00A0]?(?:-|–|‐|to|and|or|,)[ \u00A0]?$/u;
const RANGE_AFTER_RE = /^[ \u00A0]?(?:-|–|‐|to|and|or|,)[ \u00A0]?\d/u;
const SENTENCE_START_RE = /(?:^|[.!?…][ \u00A0"”’)\]]*[ \u00A0]+|^["“‘([—–-][ \u00A0]*)$/u;
const CAPITALISED_WORD_BEFORE_RE = /(\p{Lu}[\p{L}'’-]*)[ \u00A0]$/u;

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 1–99 in words ("twenty-five"). */
export function numberInWords(n: number): string {
  if (n < 10) return ONES[n]!;
  if (n < 20) return TEENS[n - 10]!;
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

const WORD_VALUE = new Map<string, number>();
for (let n = 1; n < 100; n++) WORD_VALUE.set(numberInWords(n), n);

const NUMBER_WORD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])((?:${[...TENS.slice(2), ...TEENS, ...ONES.slice(1)].join('|')})(?:[-‐‑](?:${ONES.slice(1).join('|')}))?)(?![\\p{L}\\p{N}]|[-‐‑]\\p{L})`,
  'giu',
);
const DIGITS_RE = /(?<![\p{L}\p{N}.,:/#£$€¥+\-–—‐‑_])(\d{1,2})(?![\p{L}\p{N}]|[.,:]\d|\/\d|[-–‐‑]\d|%)/gu;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function checkNumbers(target: string, spellOutBelow: number): RawFinding[] {
  const out: RawFinding[] = [];
  const skip = skippedRanges(target);
  if (/\d/.test(target)) {
    for (const m of target.matchAll(DIGITS_RE)) {
      const v = Number(m[1]);
      if (v < 1 || v >= spellOutBelow) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (inside(skip, start, end)) continue;
      const before = target.slice(Math.max(0, start - 40), start);
      const after = target.slice(end, end + 40);
      if (UNIT_AFTER_RE.test(after) || MONTH_AFTER_RE.test(after) || MONTH_BEFORE_RE.test(before)) continue;
      if (AGE_BEFORE_RE.test(before) || AGE_AFTER_RE.test(after) || (AGE_COMMA_BEFORE_RE.test(before) && after.startsWith(','))) continue;
      if (REFERENCE_BEFORE_RE.test(before) || RANGE_BEFORE_RE.test(before) || RANGE_AFTER_RE.test(after)) continue;
      // A numbered list item ("3. Then…", "2) …") at the start of the segment.
      if (/^\s*$/.test(target.slice(0, start)) && /^[.)]\s/.test(after)) continue;
      const sentenceStart = SENTENCE_START_RE.test(target.slice(0, start));
      // "Channel 4", "Radio 4", "Windows 7": a figure after a capitalised word inside a sentence is part of a name.
      const cap = before.match(CAPITALISED_WORD_BEFORE_RE);
      if (cap && !SENTENCE_START_RE.test(target.slice(0, start - cap[0].length))) continue;
      const words = numberInWords(v);
      const expected = sentenceStart ? capitalise(words) : words;
      out.push(finding(`House style writes numbers below ${spellOutBelow} in words: "${expected}"`, start, end, expected, { found: m[1]!, expected, kind: 'words' }));
    }
  }
  for (const m of target.matchAll(NUMBER_WORD_RE)) {
    const text = m[1]!;
    const v = WORD_VALUE.get(text.toLowerCase().replace(/[‐‑]/g, '-'));
    if (v === undefined || v < spellOutBelow) continue;
    const start = m.index;
    const end = start + text.length;
    if (inside(skip, start, end)) continue;
    // Numbers may be spelled out at the start of a sentence; a capitalised one inside a sentence is a name.
    if (SENTENCE_START_RE.test(target.slice(0, start)) || /^\p{Lu}/u.test(text)) continue;
    const after = target.slice(end, end + 20);
    if (/^[ \u00A0-](?:hundred|thousand)/iu.test(after)) continue;
    out.push(finding(`House style writes numbers from ${spellOutBelow} in figures: "${v}"`, start, end, String(v), { found: text, expected: String(v), kind: 'figures' }));
  }
  return out.sort((a, b) => a.range!.start - b.range!.start);
}

// ——— dashes ———

const DASH_RE = /[ \u00A0\u202F\u2009]*(?:—|–|--+|(?<=[ \u00A0\u202F\u2009])-(?=[ \u00A0\u202F\u2009]))[ \u00A0\u202F\u2009]*/gu;

export function checkDashes(target: string, dash: string, spaced: boolean): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/[—–-]/.test(target)) return out;
  const skip = skippedRanges(target);
  const d = dash === 'en' ? '–' : '—';
  const expected = spaced ? ` ${d} ` : d;
  for (const m of target.matchAll(DASH_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const core = m[0].trim();
    // Only dashes between two pieces of text; a dash opening or closing the segment is left alone.
    if (start === 0 || end >= target.length) continue;
    if (inside(skip, start, end)) continue;
    const spacedHere = m[0] !== core;
    // An unspaced en dash joins a range or a pair ("2010–2015", "Paris–London"): not a parenthetical dash.
    if (core === '–' && !spacedHere && !(d === '–' && !spaced)) continue;
    if (m[0] === expected) continue;
    if (core === '–' && !spacedHere) continue;
    const what = core.startsWith('-') ? (core.length > 1 ? 'a double hyphen' : 'a spaced hyphen') : spacedHere ? 'a spaced dash' : 'an unspaced dash';
    out.push(finding(`House style writes a dash as "${expected}", not ${what}`, start, end, expected, { found: m[0], expected }));
  }
  return out;
}

// ——— quotes and apostrophes ———

const OPENING_CONTEXT = /[\s\u00A0\u202F([{<—–\-‘“/]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ELISIONS = /^(?:n['’]|tis\b|twas\b|em\b|cause\b|til\b)/iu;

/** The typographic form of each straight quote of `s` (offsets kept: one character for one). */
export function curlyQuotes(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const prev = i > 0 ? s[i - 1]! : '';
    const next = i + 1 < s.length ? s[i + 1]! : '';
    const opening = prev === '' || OPENING_CONTEXT.test(prev);
    if (c === '"') out += opening ? '“' : '”';
    else if (!opening) out += '’'; // don't, dogs', 'quoted'
    else if (/\p{N}/u.test(next) || ELISIONS.test(s.slice(i + 1, i + 6))) out += '’'; // ’90s, rock ’n’ roll
    else out += LETTER_OR_DIGIT.test(next) || next === '' ? '‘' : '’';
  }
  return out;
}

export function straightQuotes(s: string): string {
  return s.replace(/[“”„]/g, '"').replace(/[‘’]/g, "'");
}

export function checkQuoteStyle(target: string, curly: boolean): RawFinding[] {
  const re = curly ? /["']/g : /[“”„‘’]/g;
  if (!re.test(target)) return [];
  re.lastIndex = 0;
  const skip = skippedRanges(target);
  const converted = curly ? curlyQuotes(target) : straightQuotes(target);
  const out: RawFinding[] = [];
  for (const m of target.matchAll(re)) {
    const i = m.index;
    if (inside(skip, i, i + 1)) continue;
    // 5'10", 12": feet and inches, not quotes.
    if (curly && i > 0 && /\p{N}/u.test(target[i - 1]!)) continue;
    const found = m[0];
    const expected = converted[i]!;
    const apostrophe = expected === '’' && i > 0 && /[\p{L}\p{N}]/u.test(target[i - 1]!);
    const what = found === "'" || found === '’' || found === '‘' ? (apostrophe ? 'apostrophe' : 'single quotation mark') : 'quotation mark';
    const message = curly ? `Straight ${what} ${found}: house style writes ${expected}` : `Typographic ${what} ${found}: house style writes ${expected}`;
    out.push(finding(message, i, i + 1, expected, { found, expected }));
  }
  return out;
}

// ——— money ———

const SYMBOL_WORD: Record<string, string> = { '€': 'euros', $: 'dollars', '£': 'pounds', '¥': 'yen' };
const WORD_SYMBOL: Record<string, string> = { euro: '€', euros: '€', dollar: '$', dollars: '$', pound: '£', pounds: '£', sterling: '£', 'pounds sterling': '£', yen: '¥' };
const SCALE_ABBR: Record<string, string> = { million: 'm', billion: 'bn', trillion: 'tn' };
const ABBR_SCALE: Record<string, string> = { m: 'million', mn: 'million', bn: 'billion', tn: 'trillion' };

const MONEY_ABBR_RE = /(?<![\p{L}\p{N}])(US)?([€$£¥])[ \u00A0]?(\d+(?:[.,]\d+)?)[ \u00A0]?(m|mn|bn|tn)(?![\p{L}\p{N}])/gu;
const MONEY_SYMBOL_RE = /(?<![\p{L}\p{N}])(US)?([€$£¥])[ \u00A0]?(\d+(?:[.,]\d+)?)[ \u00A0](million|billion|trillion)(?![\p{L}])/gu;
const MONEY_WORDS_RE = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?)[ \u00A0](million|billion|trillion)[ \u00A0](US[ \u00A0])?(euros?|dollars?|pounds(?:[ \u00A0]sterling)?|pound|sterling|yen)(?![\p{L}])/gu;

interface Amount {
  start: number;
  end: number;
  us: boolean;
  symbol: string;
  number: string;
  scale: string;
}

function moneyForm(a: Amount, form: string): string {
  const us = a.us ? 'US' : '';
  if (form === 'symbol') return `${us}${a.symbol}${a.number} ${a.scale}`;
  if (form === 'words') return `${a.number} ${a.scale} ${a.us ? 'US ' : ''}${SYMBOL_WORD[a.symbol]}`;
  return `${us}${a.symbol}${a.number}${SCALE_ABBR[a.scale]}`;
}

export function checkMoney(target: string, form: string): RawFinding[] {
  if (!/[€$£¥]|euro|dollar|pound|sterling|yen/.test(target)) return [];
  const amounts: Amount[] = [];
  for (const m of target.matchAll(MONEY_ABBR_RE)) {
    amounts.push({ start: m.index, end: m.index + m[0].length, us: !!m[1], symbol: m[2]!, number: m[3]!, scale: ABBR_SCALE[m[4]!]! });
  }
  for (const m of target.matchAll(MONEY_SYMBOL_RE)) {
    amounts.push({ start: m.index, end: m.index + m[0].length, us: !!m[1], symbol: m[2]!, number: m[3]!, scale: m[4]! });
  }
  for (const m of target.matchAll(MONEY_WORDS_RE)) {
    const word = m[4]!.toLowerCase().replace(/[ \u00A0]/g, ' ');
    const symbol = WORD_SYMBOL[word];
    if (!symbol) continue;
    amounts.push({ start: m.index, end: m.index + m[0].length, us: !!m[3], symbol, number: m[1]!, scale: m[2]! });
  }
  const skip = skippedRanges(target);
  const out: RawFinding[] = [];
  for (const a of amounts.sort((x, y) => x.start - y.start)) {
    if (inside(skip, a.start, a.end)) continue;
    const found = target.slice(a.start, a.end);
    const expected = moneyForm(a, form);
    if (found === expected) continue;
    out.push(finding(`House style writes this amount as "${expected}"`, a.start, a.end, expected, { found, expected, form }));
  }
  return out;
}
