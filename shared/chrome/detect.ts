/**
 * Page-chrome detection: recognises the parts of an article page that are not the article (share buttons,
 * "Lire aussi" teasers, subscription prompts, quiz promos, navigation, rights and credit lines…) by general rules,
 * so that such blocks start out of translation. Three layers:
 *  1. table rules (`rules.ts`): a block that is, or starts with, a known label;
 *  2. duplicates: a short non-sentence line repeated verbatim elsewhere in the article (a promo shown twice);
 *  3. context: a short line glued to other chrome (the name of a promo above its call to action, a lone
 *     call-to-action word between chrome blocks) — applied until nothing changes.
 * A block keeps its structural kind; only its reason is reported. Pure: no I/O, no DOM.
 */
import type { BlockKind, ChromeReason } from '../model.ts';
import { PREFIX_RULES, WHOLE_LINE_RULES, isByline, isDateLine, type ChromeRule } from './rules.ts';

export interface ChromeCandidate {
  kind: BlockKind;
  text: string;
}

/** A short line repeated verbatim is a duplicate promo when it has between these many words. */
export const DUPLICATE_MIN_WORDS = 3;
export const DUPLICATE_MAX_WORDS = 15;
/** A lead-in line (promo name above its calls to action) has at most this many words. */
export const LEAD_IN_MAX_WORDS = 5;
/** A lone call-to-action line between chrome blocks has at most this many words. */
export const CTA_MAX_WORDS = 3;

/** A promo box's pitch line between two promo/subscription blocks has at most this many words. */
export const PROMO_BODY_MAX_WORDS = 15;
const PROMO_REASONS: ReadonlySet<ChromeReason | null> = new Set<ChromeReason | null>(['promo', 'subscription', 'short-cta']);
const STARTS_UPPER = /^[«"“‘'(]*\s*\p{Lu}/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** Text as the rules see it: no-break spaces → space, ’ → ', spaces collapsed, trimmed. */
const NEEDS_NORMALISING = /[\u00A0\u202F\u2007\u2009\u200A’‘ʼ]|\s\s|[^\S ]|^\s|\s$/u;

export function normaliseForRules(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(/[\u00A0\u202F\u2007\u2009\u200A]/gu, ' ')
    .replace(/[’‘ʼ]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Words of a normalised text (single spaces between words). */
function wordsOf(norm: string): number {
  if (norm === '') return 0;
  let n = 1;
  for (let i = norm.indexOf(' '); i >= 0; i = norm.indexOf(' ', i + 1)) n++;
  return n;
}

/** No rule looks at a block of more words than this (the largest maxWords of the tables). */
const MAX_RULE_WORDS = Math.max(DUPLICATE_MAX_WORDS, PROMO_BODY_MAX_WORDS, ...[...WHOLE_LINE_RULES, ...PREFIX_RULES].map((r) => r.maxWords ?? 40));

/** Cheap word count (white-space separated tokens) that stops counting past `cap`: long paragraphs skip the rules. */
function roughWords(text: string, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x202f || c === 0x2007 || c === 0x2009 || c === 0x200a || c === 0x3000 || c === 0x2028 || c === 0x2029) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++n > cap) return n;
    }
  }
  return n;
}

function ruleMatches(rule: ChromeRule, norm: string, words: number, defaultMax: number): boolean {
  return words <= (rule.maxWords ?? defaultMax) && rule.pattern.test(norm);
}

function matchNormalised(norm: string, words: number): ChromeReason | null {
  if (norm === '') return null;
  for (const rule of WHOLE_LINE_RULES) if (ruleMatches(rule, norm, words, 8)) return rule.reason;
  for (const rule of PREFIX_RULES) if (ruleMatches(rule, norm, words, 40)) return rule.reason;
  if (isByline(norm) || isDateLine(norm)) return 'credit';
  return null;
}

/** The reason a single line is chrome on its own (table rules, bylines, date lines), or null. */
export function matchChromeRule(text: string): ChromeReason | null {
  if (roughWords(text, MAX_RULE_WORDS) > MAX_RULE_WORDS) return null;
  const norm = normaliseForRules(text);
  return matchNormalised(norm, wordsOf(norm));
}

/** Ends like a sentence or a clause (. : ; , … ! ?), possibly followed by closing quotes/brackets. */
function endsWithPunctuation(norm: string): boolean {
  return /[.:;,…!?]["'»”)\]]*$/u.test(norm);
}

/** A short line that reads like a label, not a sentence. */
function isShortLabel(norm: string, w: number, maxWords: number): boolean {
  return w > 0 && w <= maxWords && norm.length <= maxWords * 14 && !endsWithPunctuation(norm);
}

export function detectChrome(blocks: ReadonlyArray<ChromeCandidate>): (ChromeReason | null)[] {
  // Long paragraphs are never chrome: they are not even normalised ('' stands for "too long to look at").
  const norms = blocks.map((b) => (roughWords(b.text, MAX_RULE_WORDS) > MAX_RULE_WORDS ? '' : normaliseForRules(b.text)));
  const wordCounts = norms.map((norm) => (norm === '' ? Infinity : wordsOf(norm)));
  const reasons: (ChromeReason | null)[] = blocks.map((_, i) => {
    const norm = norms[i] ?? '';
    if (norm === '') return null;
    // A block without a single letter or digit (a "* * *" separator, a lone dash) has nothing to translate.
    if (!HAS_WORD.test(norm)) return 'other';
    return matchNormalised(norm, wordCounts[i] ?? Infinity);
  });

  // Duplicates: the same short label-like line more than once (the title itself is never the duplicate).
  const occurrences = new Map<string, number[]>();
  norms.forEach((norm, i) => {
    // Sentences (ending with . or ;) may legitimately repeat, e.g. a pull quote; labels may not.
    // One- and two-word lines repeat legitimately (table cells such as "Oui", "Non"); promos are longer.
    const w = wordCounts[i] ?? Infinity;
    if (norm === '' || w < DUPLICATE_MIN_WORDS || w > DUPLICATE_MAX_WORDS || /[.;]["'»”)\]]*$/u.test(norm)) return;
    const key = norm.toLowerCase();
    const list = occurrences.get(key);
    if (list) list.push(i);
    else occurrences.set(key, [i]);
  });
  for (const list of occurrences.values()) {
    if (list.length < 2) continue;
    for (const i of list) {
      if (blocks[i]?.kind !== 'title' && reasons[i] === null) reasons[i] = 'duplicate';
    }
  }

  // Rubric labels above the title ("International", "Europe", "Planète"): when everything before the title is
  // chrome or such short labels, the labels are navigation.
  const titleIdx = blocks.findIndex((b) => b.kind === 'title');
  if (titleIdx > 0) {
    const isKicker = (k: number): boolean => reasons[k] === null && isShortLabel(norms[k] ?? '', wordCounts[k] ?? Infinity, CTA_MAX_WORDS);
    let allLabels = true;
    for (let k = 0; k < titleIdx && allLabels; k++) allLabels = reasons[k] !== null || isKicker(k);
    if (allLabels) for (let k = 0; k < titleIdx; k++) if (isKicker(k)) reasons[k] = 'navigation';
  }

  // Context: short lines glued to chrome. Repeat until stable (each pass can only add reasons).
  const isChrome = (i: number): boolean => i >= 0 && i < blocks.length && reasons[i] !== null;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < blocks.length; i++) {
      if (reasons[i] !== null || blocks[i]?.kind === 'title') continue;
      const norm = norms[i] ?? '';
      const w = wordCounts[i] ?? Infinity;
      if (w > PROMO_BODY_MAX_WORDS) continue;
      let reason: ChromeReason | null = null;
      if (isShortLabel(norm, w, LEAD_IN_MAX_WORDS) && STARTS_UPPER.test(norm)) {
        // Run of chrome right after this line.
        let j = i + 1;
        let promo = false;
        while (isChrome(j)) {
          if (reasons[j] === 'promo' || reasons[j] === 'subscription' || reasons[j] === 'short-cta') promo = true;
          j++;
        }
        const run = j - (i + 1);
        // The name of a promo block above its calls to action ("Le Monde Mémorable" above a quiz promo),
        // or a short line followed by nothing but chrome up to the end of the page.
        if ((run >= 2 && promo) || (run >= 2 && j === blocks.length)) reason = 'short-cta';
      }
      if (reason === null && w <= PROMO_BODY_MAX_WORDS && PROMO_REASONS.has(reasons[i - 1] ?? null) && PROMO_REASONS.has(reasons[i + 1] ?? null)) {
        // The pitch inside a promo box: "Sign up to First Edition" / "Our morning email…" / "Sign up".
        reason = 'promo';
      }
      if (reason === null && isShortLabel(norm, w, CTA_MAX_WORDS)) {
        const prev = isChrome(i - 1);
        const next = isChrome(i + 1);
        let j = i + 1;
        while (isChrome(j)) j++;
        // A lone call to action between chrome blocks, trailing after chrome at the very end, or followed by
        // nothing but chrome ("Contribuer" above "Réutiliser ce contenu").
        if ((prev && next) || (prev && i === blocks.length - 1) || (next && j === blocks.length)) reason = 'short-cta';
      }
      if (reason !== null) {
        reasons[i] = reason;
        changed = true;
      }
    }
  }
  return reasons;
}
