/**
 * The QA engine: glossary enforcement, numbers, names and formal checks, per segment and per document.
 *
 * Every rule has a stable id, a severity and an English description, and can be disabled per project
 * (`disabledRules`). Findings carry an English `message` for logs and the CLI; the UI renders its own text from
 * `rule` + `params`, and marks `range` live.
 *
 * Decisions (documented behaviour):
 * - glossary.missing counts concepts, not occurrences: a concept recognised twice in the source is satisfied by one
 *   approved English term in the target (pronouns and ellipsis are normal in English). It is reported once per
 *   concept, on its first source occurrence.
 * - glossary.forbidden / glossary.superseded: deprecated / superseded English terms of every glossary are flagged
 *   wherever they appear in the target, whether or not the source has the concept, unless the same words are an
 *   approved term of a concept recognised in this segment's source (the project's approval wins).
 * - When the target is empty, only target.empty is reported for that segment.
 * - Spelling (spelling.unknown) runs when the engine is given a spelling checker; its findings are warnings and
 *   stay warnings (never an approval or publication blocker). House-style rules (style.*, see shared/style and
 *   docs/house-style.md) run with the severity and options of `rules` (desk settings merged with the project's).
 * - Names copied from the source are not misspellings: checkSegment takes a QaContext (`context(segments)`) with
 *   the names of the whole article, so "De Bolle" stays accepted in a later segment whose source says "elle".
 */
import { RelaisError } from '../errors.ts';
import type { Glossary } from '../glossary/model.ts';
import { createTermIndex, type TermIndex, type TermMatch } from '../glossary/index.ts';
import { tokenize, type Token } from '../glossary/text.ts';
import type { Finding, Severity } from './model.ts';
import {
  checkBrackets,
  checkDoubleSpaces,
  checkEmpty,
  checkEndPunctuation,
  checkQuotes,
  checkRepeatedWords,
  checkSameAsSource,
  isBlank,
  normalizeSpaces,
  type RawFinding,
} from './checks.ts';
import { compareNumbers } from './numbers.ts';
import { findNames, nameInTarget, targetWords } from './names.ts';
import { sourceNames, type SpellChecker } from '../spelling/checker.ts';
import { variantName, type EnglishVariant } from '../spelling/variants.ts';
import { checkDashes, checkHonorifics, checkMoney, checkNumbers, checkPercent, checkQuoteStyle } from '../style/checks.ts';
import { optionsOf, STYLE_RULES, validateRuleSetting, type RuleOptionValue, type RuleSettings } from '../style/rules.ts';
import { findVariantMixes } from '../style/variantMix.ts';

export type { Finding, Severity } from './model.ts';
export { extractNumbers, compareNumbers, type NumberToken, type NumberComparison } from './numbers.ts';
export { findNames, nameInTarget, type NameCandidate } from './names.ts';
export type { RuleSetting, RuleSettings, RuleOptionValue } from '../style/rules.ts';

export interface QaSegment {
  id: string;
  source: string;
  target: string;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** Options of a house-style rule (defaults in QA_RULES; as configured in QaEngine.rules). */
  options?: Record<string, RuleOptionValue>;
}

/** What checkSegment may know about the rest of the article (see QaEngine.context). */
export interface QaContext {
  /** Names of every source segment of the article (capitalised words as written): never spelling mistakes. */
  names?: ReadonlySet<string>;
}

export interface QaEngineOptions {
  glossaries: Glossary[];
  /** Rules switched off (the project's list; unknown ids are refused). */
  disabledRules?: string[];
  /**
   * Per-rule settings — enabled, severity, options — already merged from the desk and the project
   * (shared/style/rules.ts `resolveRuleSettings`). spelling.unknown stays a warning whatever is set.
   */
  rules?: RuleSettings;
  /** The project variant's spelling checker: without one, spelling.unknown and style.variant are silent. */
  spelling?: SpellChecker | null;
  /** The project's English variant (default: the checker's, else en-GB); decides style.variantMixed. */
  variant?: EnglishVariant;
  /**
   * Give each unknown word its best correction as `suggestion` (default false: Hunspell's search costs 2 ms to 1 s
   * per word — see `npm run bench -- spelling`; the CLI turns it on, the workbench asks on demand).
   */
  spellingSuggestions?: boolean;
}

export interface QaEngine {
  /** Findings of one segment; `ctx` (from `context`) carries what the rest of the article says. */
  checkSegment(seg: QaSegment, ctx?: QaContext): Finding[];
  /** All per-segment findings, then the cross-segment ones (consistency.target). */
  checkDocument(segs: QaSegment[]): Finding[];
  rules: RuleInfo[];
  /** The term index the engine uses (for live term highlighting in the editor). */
  termIndex: TermIndex;
  /** What checkSegment should know about the article: the names of all its sources. Build it once per article. */
  context(segs: readonly { source: string }[]): QaContext;
  /** The spelling checker the engine uses (null: none), for suggestions on demand. */
  spelling: SpellChecker | null;
  /** The English variant the engine checks against. */
  variant: EnglishVariant;
}

/** Rules whose `suggestion` replaces the finding's target range (a one-keystroke fix). */
export const REPLACING_RULES: ReadonlySet<string> = new Set([
  'glossary.forbidden',
  'glossary.superseded',
  'number.mismatch',
  'spaces.double',
  'spelling.unknown',
  ...STYLE_RULES.map((r) => r.id),
]);

/** True when applying `f.suggestion` means replacing `f.range` in the target. */
export function replacesRange(f: Finding): boolean {
  if (f.suggestion === undefined || f.suggestion === '' || !f.range || f.range.side !== 'target') return false;
  if (!REPLACING_RULES.has(f.rule)) return false;
  return f.rule !== 'number.mismatch' || f.params?.kind === 'changed';
}

export const QA_RULES: readonly RuleInfo[] = [
  { id: 'target.empty', severity: 'error', description: 'The source has text to translate and the target is empty.' },
  { id: 'glossary.missing', severity: 'error', description: 'A glossary term is recognised in the source but none of its approved English terms (preferred or admitted) is in the target.' },
  { id: 'glossary.forbidden', severity: 'error', description: 'The target uses an English term the glossary marks as deprecated.' },
  { id: 'glossary.superseded', severity: 'warning', description: 'The target uses an English term the glossary marks as superseded.' },
  { id: 'number.mismatch', severity: 'error', description: 'A number of the source is missing, changed or extra in the target (French and English formats, spelled-out numbers, times and percentages are compared by value).' },
  { id: 'target.sameAsSource', severity: 'warning', description: 'The target is identical to the source although the source has words to translate.' },
  { id: 'punctuation.end', severity: 'warning', description: 'The source and the target end with different punctuation (. ? ! …).' },
  { id: 'quotes.unbalanced', severity: 'warning', description: 'Quotation marks are unbalanced in the target (and not in the same way as in the source).' },
  { id: 'brackets.unbalanced', severity: 'warning', description: 'Brackets are unbalanced in the target (and not in the same way as in the source).' },
  { id: 'spaces.double', severity: 'warning', description: 'Two or more spaces in a row in the target.' },
  { id: 'words.repeated', severity: 'warning', description: 'The same word twice in a row in the target ("the the").' },
  { id: 'names.missing', severity: 'warning', description: 'A name or acronym of the source does not appear in the target.' },
  { id: 'consistency.target', severity: 'warning', description: 'The same source text is translated differently in the document.' },
  { id: 'spelling.unknown', severity: 'warning', description: 'A word of the target is not in the dictionary of the project’s English variant (names of the source, glossary terms, numbers, URLs, placeholders, the desk dictionary and ignored words excepted).' },
  ...STYLE_RULES.map((r): RuleInfo => {
    const info: RuleInfo = { id: r.id, severity: r.severity, description: r.description };
    if (Object.keys(r.options).length) info.options = optionsOf(r.id);
    return info;
  }),
];

/** Rules whose severity is fixed (settings cannot make a misspelling block approval or publication). */
const FIXED_SEVERITY = new Set(['spelling.unknown']);

/** The rules with the severity and options `settings` give them (what QaEngine.rules lists). */
export function ruleInfos(settings: RuleSettings = {}): RuleInfo[] {
  return QA_RULES.map((r): RuleInfo => {
    const severity = FIXED_SEVERITY.has(r.id) ? r.severity : (settings[r.id]?.severity ?? r.severity);
    const info: RuleInfo = { ...r, severity };
    if (r.options) info.options = optionsOf(r.id, settings[r.id]);
    return info;
  });
}

const RULE_BY_ID = new Map(QA_RULES.map((r) => [r.id, r]));

export function createQaEngine(opts: QaEngineOptions): QaEngine {
  const disabled = new Set(opts.disabledRules ?? []);
  const settings = opts.rules ?? {};
  const unknown = [...new Set([...disabled, ...Object.keys(settings)])].filter((id) => !RULE_BY_ID.has(id));
  if (unknown.length) {
    throw new RelaisError('invalid.arguments', `Unknown QA rule id(s): ${unknown.join(', ')}`, {
      detail: `Known rules: ${QA_RULES.map((r) => r.id).join(', ')}`,
    });
  }
  for (const [id, setting] of Object.entries(settings)) {
    const problem = validateRuleSetting(id, setting);
    if (problem) throw new RelaisError('invalid.arguments', `QA rule ${id}: ${problem}`);
  }
  const index = createTermIndex(opts.glossaries);
  const on = (id: string) => !disabled.has(id) && settings[id]?.enabled !== false;
  const severityOf = (id: string): Severity => (FIXED_SEVERITY.has(id) ? RULE_BY_ID.get(id)!.severity : (settings[id]?.severity ?? RULE_BY_ID.get(id)!.severity));
  const option = (id: string, key: string): RuleOptionValue => optionsOf(id, settings[id])[key]!;
  const spelling = opts.spelling ?? null;
  const variant: EnglishVariant = opts.variant ?? spelling?.variant ?? 'en-GB';
  const wantSuggestions = opts.spellingSuggestions === true;
  const suggestionCache = new Map<string, string | null>();

  function make(seg: QaSegment, rule: string, raw: RawFinding): Finding {
    const f: Finding = { segment: seg.id, rule, severity: severityOf(rule), message: raw.message };
    if (raw.term !== undefined) f.term = raw.term;
    if (raw.suggestion !== undefined) f.suggestion = raw.suggestion;
    if (raw.range) f.range = raw.range;
    if (raw.params) f.params = raw.params;
    return f;
  }

  function glossaryFindings(seg: QaSegment, matches: TermMatch[], targetTokens: Token[], out: Finding[]): void {
    const wantMissing = on('glossary.missing');
    const wantForbidden = on('glossary.forbidden');
    const wantSuperseded = on('glossary.superseded');
    if (!wantMissing && !wantForbidden && !wantSuperseded) return;
    const hits = index.findInTarget(seg.target, matches, targetTokens);
    if (wantMissing) {
      const satisfied = new Set(hits.filter((h) => h.kind === 'approved').map((h) => h.concept.key));
      const reported = new Set<string>();
      for (const m of matches) {
        const c = m.concept;
        if (c.approved.length === 0 || satisfied.has(c.key) || reported.has(c.key)) continue;
        reported.add(c.key);
        const expected = c.approved[0]!.text;
        const occurrences = matches.filter((x) => x.concept.key === c.key).length;
        const alternatives = c.approved.map((t) => t.text).join(' | ');
        out.push(
          make(seg, 'glossary.missing', {
            message: `"${m.text}" should be translated as "${expected}"${c.approved.length > 1 ? ` (or: ${c.approved.slice(1).map((t) => t.text).join(', ')})` : ''}`,
            term: m.term.text,
            suggestion: expected,
            range: { start: m.start, end: m.end, side: 'source' },
            params: { sourceTerm: m.text, expected, alternatives, concept: c.entry.id, glossary: c.glossary, occurrences },
          }),
        );
      }
    }
    for (const h of hits) {
      if (h.kind === 'approved') continue;
      const rule = h.kind === 'deprecated' ? 'glossary.forbidden' : 'glossary.superseded';
      if (!on(rule)) continue;
      const preferred = h.concept.approved[0]?.text;
      const raw: RawFinding = {
        message: `"${h.text}" is ${h.kind} in the glossary${preferred ? `; use "${preferred}"` : ''}`,
        term: h.term.text,
        range: { start: h.start, end: h.end, side: 'target' },
        params: { found: h.text, concept: h.concept.entry.id, glossary: h.concept.glossary, ...(preferred ? { expected: preferred } : {}) },
      };
      if (preferred) raw.suggestion = preferred;
      out.push(make(seg, rule, raw));
    }
  }

  function numberFindings(seg: QaSegment, sourceTokens: Token[], targetTokens: Token[], out: Finding[]): void {
    const { missing, extra } = compareNumbers(seg.source, seg.target, sourceTokens, targetTokens);
    const n = Math.min(missing.length, extra.length);
    for (let i = 0; i < n; i++) {
      const s = missing[i]!;
      const t = extra[i]!;
      out.push(
        make(seg, 'number.mismatch', {
          message: `Number "${s.text}" in the source became "${t.text}" in the target`,
          range: { start: t.start, end: t.end, side: 'target' },
          term: t.text,
          suggestion: s.text,
          params: { kind: 'changed', source: s.text, target: t.text, sourceStart: s.start, sourceEnd: s.end },
        }),
      );
    }
    for (const s of missing.slice(n)) {
      out.push(
        make(seg, 'number.mismatch', {
          message: `Number "${s.text}" of the source is missing from the target`,
          range: { start: s.start, end: s.end, side: 'source' },
          term: s.text,
          params: { kind: 'missing', source: s.text },
        }),
      );
    }
    for (const t of extra.slice(n)) {
      out.push(
        make(seg, 'number.mismatch', {
          message: `Number "${t.text}" of the target is not in the source`,
          range: { start: t.start, end: t.end, side: 'target' },
          term: t.text,
          params: { kind: 'extra', target: t.text },
        }),
      );
    }
  }

  function bestSuggestion(word: string, s: QaSegment, ctx: QaContext | undefined): string | null {
    let v = suggestionCache.get(word);
    if (v === undefined) {
      v = spelling!.suggest(word, 1, ctx?.names ? { source: s.source, names: ctx.names } : { source: s.source })[0] ?? null;
      if (suggestionCache.size > 5_000) suggestionCache.clear();
      suggestionCache.set(word, v);
    }
    return v;
  }

  function spellingFindings(s: QaSegment, ctx: QaContext | undefined, out: Finding[]): void {
    const wantUnknown = on('spelling.unknown');
    const wantVariant = on('style.variant');
    if (!spelling || (!wantUnknown && !wantVariant)) return;
    const spellCtx = ctx?.names ? { source: s.source, names: ctx.names, isTermWord: index.isEnglishTermWord } : { source: s.source, isTermWord: index.isEnglishTermWord };
    for (const m of spelling.check(s.target, spellCtx)) {
      const range = { start: m.start, end: m.end, side: 'target' as const };
      if (m.kind === 'variant') {
        if (!wantVariant) continue;
        const other = variantName(variant === 'en-GB' ? 'en-US' : 'en-GB');
        const raw: RawFinding = {
          message: `${other} spelling "${m.word}" in a ${variantName(variant)} English text${m.counterpart ? `; write "${m.counterpart}"` : ''}`,
          term: m.word,
          range,
          params: { word: m.word, variant, ...(m.counterpart ? { expected: m.counterpart } : {}) },
        };
        if (m.counterpart) raw.suggestion = withApostrophes(m.counterpart, m.word);
        out.push(make(s, 'style.variant', raw));
        continue;
      }
      if (!wantUnknown) continue;
      const raw: RawFinding = { message: `Unknown word "${m.word}"`, term: m.word, range, params: { word: m.word, variant } };
      if (wantSuggestions) {
        const best = bestSuggestion(m.word, s, ctx);
        if (best !== null) {
          raw.suggestion = withApostrophes(best, m.word);
          raw.message += `; did you mean "${raw.suggestion}"?`;
        }
      }
      out.push(make(s, 'spelling.unknown', raw));
    }
  }

  function styleFindings(s: QaSegment, out: Finding[]): void {
    const t = s.target;
    const add = (rule: string, list: RawFinding[]) => {
      for (const f of list) out.push(make(s, rule, f));
    };
    if (on('style.percent')) add('style.percent', checkPercent(t, String(option('style.percent', 'form'))));
    if (on('style.honorifics')) add('style.honorifics', checkHonorifics(t, option('style.honorifics', 'fullStop') === true));
    if (on('style.numbers')) add('style.numbers', checkNumbers(t, Number(option('style.numbers', 'spellOutBelow'))));
    if (on('style.dashes')) add('style.dashes', checkDashes(t, String(option('style.dashes', 'dash')), option('style.dashes', 'spaced') === true));
    if (on('style.quotes')) add('style.quotes', checkQuoteStyle(t, option('style.quotes', 'curly') === true));
    if (on('style.money')) add('style.money', checkMoney(t, String(option('style.money', 'form'))));
  }

  function checkSegment(seg: QaSegment, ctx?: QaContext): Finding[] {
    const source = typeof seg.source === 'string' ? seg.source : '';
    const target = typeof seg.target === 'string' ? seg.target : '';
    const s: QaSegment = { id: String(seg.id), source, target };
    const out: Finding[] = [];
    if (isBlank(source)) return out;
    if (isBlank(target)) {
      const e = checkEmpty(source, target);
      if (e && on('target.empty')) out.push(make(s, 'target.empty', e));
      return out;
    }
    const sourceTokens = tokenize(source);
    const targetTokens = tokenize(target);
    const needMatches = on('glossary.missing') || on('names.missing');
    const matches = needMatches ? index.recognize(source, sourceTokens) : [];
    glossaryFindings(s, matches, targetTokens, out);
    if (on('number.mismatch')) numberFindings(s, sourceTokens, targetTokens, out);
    if (on('target.sameAsSource')) {
      const f = checkSameAsSource(source, target);
      if (f) out.push(make(s, 'target.sameAsSource', f));
    }
    if (on('punctuation.end')) {
      const f = checkEndPunctuation(source, target);
      if (f) out.push(make(s, 'punctuation.end', f));
    }
    if (on('quotes.unbalanced')) {
      const f = checkQuotes(source, target);
      if (f) out.push(make(s, 'quotes.unbalanced', f));
    }
    if (on('brackets.unbalanced')) {
      const f = checkBrackets(source, target);
      if (f) out.push(make(s, 'brackets.unbalanced', f));
    }
    if (on('spaces.double')) for (const f of checkDoubleSpaces(target)) out.push(make(s, 'spaces.double', f));
    spellingFindings(s, ctx, out);
    styleFindings(s, out);
    if (on('words.repeated')) for (const f of checkRepeatedWords(target, targetTokens)) out.push(make(s, 'words.repeated', f));
    if (on('names.missing')) {
      const names = findNames(source, matches, sourceTokens);
      const tw = names.length ? targetWords(target, targetTokens) : null;
      for (const name of names) {
        if (nameInTarget(name, tw!)) continue;
        out.push(
          make(s, 'names.missing', {
            message: `Name "${name.text}" of the source is not in the target`,
            term: name.text,
            range: { start: name.start, end: name.end, side: 'source' },
            params: { name: name.text },
          }),
        );
      }
    }
    return out;
  }

  function consistencyFindings(segs: QaSegment[]): Finding[] {
    const groups = new Map<string, { seg: QaSegment; norm: string }[]>();
    for (const seg of segs) {
      if (isBlank(seg.source) || isBlank(seg.target)) continue;
      const key = normalizeSpaces(seg.source);
      const list = groups.get(key);
      const item = { seg, norm: normalizeSpaces(seg.target) };
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
    const out: Finding[] = [];
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const counts = new Map<string, number>();
      for (const it of list) counts.set(it.norm, (counts.get(it.norm) ?? 0) + 1);
      if (counts.size < 2) continue;
      // The majority translation (first seen on ties) is the reference; the others are flagged.
      let ref = list[0]!.norm;
      for (const it of list) if ((counts.get(it.norm) ?? 0) > (counts.get(ref) ?? 0)) ref = it.norm;
      const refSeg = list.find((it) => it.norm === ref)!.seg;
      for (const it of list) {
        if (it.norm === ref) continue;
        out.push(
          make(it.seg, 'consistency.target', {
            message: `Same source as segment ${refSeg.id}, translated differently`,
            suggestion: refSeg.target,
            range: { start: 0, end: it.seg.target.length, side: 'target' },
            params: { otherSegment: refSeg.id, variants: counts.size, occurrences: list.length },
          }),
        );
      }
    }
    return out;
  }

  function context(segs: readonly { source: string }[]): QaContext {
    if (!Array.isArray(segs)) return {};
    return { names: sourceNames(segs.map((s) => (s && typeof s.source === 'string' ? s.source : ''))) };
  }

  function variantMixFindings(segs: QaSegment[], perSegment: Finding[]): Finding[] {
    const live = segs.filter((s) => typeof s.target === 'string' && !isBlank(s.target) && typeof s.source === 'string' && !isBlank(s.source));
    const already = new Set(perSegment.filter((f) => f.rule === 'style.variant' && f.range).map((f) => `${f.segment}:${f.range!.start}`));
    const out: Finding[] = [];
    for (const m of findVariantMixes(live.map((s) => ({ id: String(s.id), target: s.target })), { variant, spelling })) {
      if (already.has(`${m.segment}:${m.start}`)) continue;
      out.push(
        make({ id: m.segment, source: '', target: '' }, 'style.variantMixed', {
          message: `"${m.found}" and "${m.expected}" are both used in the article; house style keeps "${m.expected}"`,
          term: m.found,
          suggestion: m.expected,
          range: { start: m.start, end: m.end, side: 'target' },
          params: { found: m.found, expected: m.expected, kind: m.kind },
        }),
      );
    }
    return out;
  }

  function checkDocument(segs: QaSegment[]): Finding[] {
    if (!Array.isArray(segs)) throw new RelaisError('invalid.arguments', 'checkDocument expects an array of segments');
    const out: Finding[] = [];
    const ctx = spelling && on('spelling.unknown') ? context(segs) : undefined;
    for (const seg of segs) out.push(...checkSegment(seg, ctx));
    if (on('consistency.target')) out.push(...consistencyFindings(segs));
    if (on('style.variantMixed')) out.push(...variantMixFindings(segs, out));
    return out;
  }

  return { checkSegment, checkDocument, rules: ruleInfos(settings), termIndex: index, context, spelling, variant };
}

/** A suggestion written with the apostrophes of the word it replaces ("don't" → "don’t" when the text used ’). */
function withApostrophes(suggestion: string, original: string): string {
  return original.includes('’') ? suggestion.replace(/'/g, '’') : suggestion;
}
