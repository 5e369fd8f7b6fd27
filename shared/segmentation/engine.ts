import { RelaisError } from '../errors.ts';
import type { SegmentationRule, SegmentationRules } from './types.ts';
import { FR_NEWS_RULES } from './rules/fr-news.ts';
import { skipWhitespaceBackward, skipWhitespaceForward } from './whitespace.ts';

interface CompiledRule {
  break: boolean;
  /** Sticky zero-width test `(?<=before)(?=after)`, run with lastIndex = position. */
  test: RegExp;
  source: SegmentationRule;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** One global finder per break rule: `before(?=after)`, its match end is a candidate position. */
  finders: RegExp[];
}

const cache = new WeakMap<SegmentationRules, CompiledRules>();

function escapeRegExp(s: string): string {
  // No `-` or `/` here: with the `u` flag, `\-` outside a class is a syntax error.
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalised(s: string): string | null {
  const first = s[0];
  if (first === undefined) return null;
  const up = first.toUpperCase();
  return up === first ? null : up + s.slice(1);
}

function alternation(list: readonly string[]): string | null {
  const all = new Set<string>();
  for (const raw of list) {
    if (typeof raw !== 'string') continue;
    const a = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    if (!a) continue;
    all.add(a);
    const c = capitalised(a);
    if (c) all.add(c);
  }
  if (all.size === 0) return null;
  return [...all].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|');
}

/** Turns the abbreviation lists into the no-break rules that come first. */
export function abbreviationRules(rules: SegmentationRules): SegmentationRule[] {
  const out: SegmentationRule[] = [];
  const lists = rules.abbreviations ?? { always: [], beforeNumber: [], weak: [] };
  const before = (alt: string) => String.raw`(?<![\p{L}\p{N}_])(?:${alt})\.`;
  const always = alternation(lists.always ?? []);
  if (always) out.push({ break: false, before: before(always), after: '', comment: 'abbreviations: always' });
  const num = alternation(lists.beforeNumber ?? []);
  if (num) {
    out.push({
      break: false,
      before: before(num),
      after: String.raw`\s+(?:\p{N}|[IVXLCDM]+(?![\p{L}\p{N}’'-])|\p{Lu}\.)`,
      comment: 'abbreviations: before a number',
    });
  }
  const weak = alternation(lists.weak ?? []);
  if (weak) out.push({ break: false, before: before(weak), after: String.raw`\s+[\p{Ll}\p{N}]`, comment: 'abbreviations: weak' });
  return out;
}

function compileRegExp(source: string, flags: string, rules: SegmentationRules, index: number, which: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new RelaisError('invalid.arguments', `Segmentation rules "${rules.name}": invalid ${which} pattern in rule ${index + 1}`, {
      detail: `${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

/** Validates and compiles a rule set (cached per rules object). Throws RelaisError on a malformed rule. */
export function compileRules(rules: SegmentationRules): CompiledRules {
  const hit = cache.get(rules);
  if (hit) return hit;
  if (!rules || typeof rules !== 'object' || !Array.isArray(rules.rules)) {
    throw new RelaisError('invalid.arguments', 'Segmentation rules must be an object with an array of rules');
  }
  const all = [...abbreviationRules(rules), ...rules.rules];
  const compiled: CompiledRules = { rules: [], finders: [] };
  all.forEach((r, i) => {
    if (!r || typeof r.break !== 'boolean' || typeof r.before !== 'string' || typeof r.after !== 'string') {
      throw new RelaisError('invalid.arguments', `Segmentation rules "${rules.name}": rule ${i + 1} needs break (boolean), before and after (strings)`);
    }
    const b = r.before ? `(?<=${r.before})` : '';
    const a = r.after ? `(?=${r.after})` : '';
    compiled.rules.push({ break: r.break, test: compileRegExp(b + a, 'uy', rules, i, 'before/after'), source: r });
    if (r.break) compiled.finders.push(compileRegExp(`(?:${r.before})${a}`, 'gu', rules, i, 'before/after'));
  });
  cache.set(rules, compiled);
  return compiled;
}

/** Positions (offsets into text) where the rules put a sentence boundary, ascending, without duplicates. */
export function boundaryPositions(text: string, rules: SegmentationRules = FR_NEWS_RULES): number[] {
  const c = compileRules(rules);
  const candidates = new Set<number>();
  for (const f of c.finders) {
    f.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.exec(text)) !== null) {
      const end = m.index + m[0].length;
      if (end > 0 && end < text.length) candidates.add(end);
      f.lastIndex = m.index + 1;
    }
  }
  const sorted = [...candidates].sort((x, y) => x - y);
  const out: number[] = [];
  for (const pos of sorted) {
    for (const r of c.rules) {
      r.test.lastIndex = pos;
      if (r.test.test(text)) {
        if (r.break) out.push(pos);
        break;
      }
    }
  }
  return out;
}

/**
 * Splits one paragraph into sentences. Each sentence is an exact substring of `text` with the surrounding ordinary
 * whitespace removed (no-break spaces, ’ and « » are untouched); joined with the whitespace that separated them, they
 * give back the trimmed paragraph. Empty or whitespace-only text gives [].
 */
export function segmentText(text: string, rules: SegmentationRules = FR_NEWS_RULES): string[] {
  if (typeof text !== 'string') throw new RelaisError('invalid.arguments', 'segmentText expects a string');
  const out: string[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    const s = skipWhitespaceForward(text, from);
    const e = skipWhitespaceBackward(text, to, s);
    if (e > s) out.push(text.slice(s, e));
  };
  for (const pos of boundaryPositions(text, rules)) {
    push(start, pos);
    start = pos;
  }
  push(start, text.length);
  return out;
}
