/**
 * House style of the English edition, as data: each rule has a stable id, a default severity, options with their
 * defaults, and says whether its fix is safe to apply with one keystroke. docs/house-style.md documents the same
 * table (a test keeps the two in step). A desk changes the defaults in its settings, a project overrides the desk:
 * see `resolveRuleSettings`.
 */
import type { Severity } from '../qa/model.ts';

export type RuleOptionValue = string | number | boolean;

export interface RuleOptionDef {
  default: RuleOptionValue;
  /** Allowed values (strings and booleans); numbers give `min`/`max` instead. */
  values?: readonly RuleOptionValue[];
  min?: number;
  max?: number;
  description: string;
}

export interface StyleRuleDef {
  id: string;
  severity: Severity;
  description: string;
  /** Whether the rule looks at one segment or at the whole article. */
  scope: 'segment' | 'document';
  /** The rule needs the spelling dictionaries (it is silent without them). */
  needsDictionary?: boolean;
  options: Record<string, RuleOptionDef>;
}

export const STYLE_RULES: readonly StyleRuleDef[] = [
  {
    id: 'style.variant',
    severity: 'warning',
    description: 'A word is spelled the other variant’s way ("organize" in a British English project, "colour" in an American one); the fix is the project variant’s spelling.',
    scope: 'segment',
    needsDictionary: true,
    options: {},
  },
  {
    id: 'style.variantMixed',
    severity: 'warning',
    description: 'Both spellings of a word are used in one article ("organise" and "organize", "learnt" and "learned"); the form of the project variant (else the more frequent one) is kept.',
    scope: 'document',
    options: {},
  },
  {
    id: 'style.percent',
    severity: 'warning',
    description: 'Percentages are written the house way: "15 per cent" or "15%" ("percent" in one word is American).',
    scope: 'segment',
    options: { form: { default: 'per cent', values: ['per cent', '%'], description: 'How a percentage is written.' } },
  },
  {
    id: 'style.honorifics',
    severity: 'warning',
    description: 'Honorifics with or without a full stop (Mr, Mrs, Ms, Mx, Dr, Prof, Messrs), and French honorifics left in the English text (Mme, Mlle, M.) replaced by English ones.',
    scope: 'segment',
    options: { fullStop: { default: false, values: [true, false], description: 'Write "Mr." (true) or "Mr" (false).' } },
  },
  {
    id: 'style.numbers',
    severity: 'warning',
    description: 'Numbers below the threshold in words ("three suspects"), from it in figures ("18 countries"), except in measures, ages, percentages, money, dates, times, scores and references (page 3, Article 5), and at the start of a sentence.',
    scope: 'segment',
    options: { spellOutBelow: { default: 10, min: 2, max: 100, description: 'Whole numbers below this are written in words.' } },
  },
  {
    id: 'style.dashes',
    severity: 'warning',
    description: 'Parenthetical dashes are the house dash, spaced or not ("word — word" or "word—word"); a spaced hyphen or a double hyphen used as a dash is replaced.',
    scope: 'segment',
    options: {
      dash: { default: 'em', values: ['em', 'en'], description: 'The dash: em (—) or en (–).' },
      spaced: { default: true, values: [true, false], description: 'A space on each side of the dash.' },
    },
  },
  {
    id: 'style.quotes',
    severity: 'warning',
    description: 'Quotation marks and apostrophes are typographic (“ ” ‘ ’), not straight (" \').',
    scope: 'segment',
    options: { curly: { default: true, values: [true, false], description: 'Typographic (true) or straight (false) quotes and apostrophes.' } },
  },
  {
    id: 'style.money',
    severity: 'warning',
    description: 'Amounts in millions, billions and trillions take the house form: "€10m" / "$3bn" (abbreviated), "€10 million" (symbol) or "10 million euros" (words).',
    scope: 'segment',
    options: { form: { default: 'abbreviated', values: ['abbreviated', 'symbol', 'words'], description: 'How an amount of money in millions or more is written.' } },
  },
];

const BY_ID = new Map(STYLE_RULES.map((r) => [r.id, r]));

export function styleRule(id: string): StyleRuleDef | undefined {
  return BY_ID.get(id);
}

/** What a desk or a project says about one rule; anything left out falls back to the layer below. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, RuleOptionValue>;
}

export type RuleSettings = Record<string, RuleSetting>;

/** The options of a style rule with every default filled in from its definition. */
export function optionsOf(id: string, setting?: RuleSetting): Record<string, RuleOptionValue> {
  const def = BY_ID.get(id);
  const out: Record<string, RuleOptionValue> = {};
  if (!def) return { ...(setting?.options ?? {}) };
  for (const [k, o] of Object.entries(def.options)) out[k] = setting?.options?.[k] ?? o.default;
  return out;
}

/**
 * Merges layers (rule defaults < desk < project): for each rule, later layers win field by field, options key by
 * key. Layers are plain settings objects; ids are not checked here (see `validateRuleSetting`).
 */
export function resolveRuleSettings(...layers: (RuleSettings | null | undefined)[]): RuleSettings {
  const out: RuleSettings = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, s] of Object.entries(layer)) {
      if (!s) continue;
      const cur = out[id] ?? {};
      const next: RuleSetting = { ...cur };
      if (s.enabled !== undefined) next.enabled = s.enabled;
      if (s.severity !== undefined) next.severity = s.severity;
      if (s.options) next.options = { ...(cur.options ?? {}), ...s.options };
      out[id] = next;
    }
  }
  return out;
}

/** Null when `s` is a valid setting of rule `id` (options checked for style rules), else what is wrong. */
export function validateRuleSetting(id: string, s: RuleSetting): string | null {
  if (s.severity !== undefined && s.severity !== 'error' && s.severity !== 'warning') return `severity must be "error" or "warning"`;
  const def = BY_ID.get(id);
  if (!s.options) return null;
  if (!def) return Object.keys(s.options).length ? `rule ${id} has no options` : null;
  for (const [k, v] of Object.entries(s.options)) {
    const o = def.options[k];
    if (!o) return `unknown option "${k}" (options of ${id}: ${Object.keys(def.options).join(', ') || 'none'})`;
    if (typeof v !== typeof o.default) return `option "${k}" must be a ${typeof o.default}`;
    if (o.values && !o.values.includes(v)) return `option "${k}" must be one of ${o.values.map((x) => JSON.stringify(x)).join(', ')}`;
    if (typeof v === 'number' && (!Number.isInteger(v) || (o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max))) {
      return `option "${k}" must be a whole number from ${o.min} to ${o.max}`;
    }
  }
  return null;
}

/**
 * Rule settings from the rule states the services list (`listQaRules`: severity and options as configured for the
 * project), for a QA engine built elsewhere — the renderer's — to check with the same settings. `enabled` is left
 * to the caller's `disabledRules`.
 */
export function settingsFromStates(states: readonly { id: string; severity: Severity; options?: Record<string, RuleOptionValue> }[]): RuleSettings {
  const out: RuleSettings = {};
  for (const s of states) {
    const setting: RuleSetting = { severity: s.severity };
    if (s.options && BY_ID.has(s.id)) setting.options = { ...s.options };
    out[s.id] = setting;
  }
  return out;
}
