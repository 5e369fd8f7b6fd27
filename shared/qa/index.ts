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

export type { Finding, Severity } from './model.ts';
export { extractNumbers, compareNumbers, type NumberToken, type NumberComparison } from './numbers.ts';
export { findNames, nameInTarget, type NameCandidate } from './names.ts';

export interface QaSegment {
  id: string;
  source: string;
  target: string;
}

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

export interface QaEngine {
  checkSegment(seg: QaSegment): Finding[];
  /** All per-segment findings, then the cross-segment ones (consistency.target). */
  checkDocument(segs: QaSegment[]): Finding[];
  rules: RuleInfo[];
  /** The term index the engine uses (for live term highlighting in the editor). */
  termIndex: TermIndex;
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
];

const RULE_BY_ID = new Map(QA_RULES.map((r) => [r.id, r]));

export function createQaEngine(opts: { glossaries: Glossary[]; disabledRules?: string[] }): QaEngine {
  const disabled = new Set(opts.disabledRules ?? []);
  const unknown = [...disabled].filter((id) => !RULE_BY_ID.has(id));
  if (unknown.length) {
    throw new RelaisError('invalid.arguments', `Unknown QA rule id(s): ${unknown.join(', ')}`, {
      detail: `Known rules: ${QA_RULES.map((r) => r.id).join(', ')}`,
    });
  }
  const index = createTermIndex(opts.glossaries);
  const on = (id: string) => !disabled.has(id);

  function make(seg: QaSegment, rule: string, raw: RawFinding): Finding {
    const info = RULE_BY_ID.get(rule)!;
    const f: Finding = { segment: seg.id, rule, severity: info.severity, message: raw.message };
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

  function checkSegment(seg: QaSegment): Finding[] {
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

  function checkDocument(segs: QaSegment[]): Finding[] {
    if (!Array.isArray(segs)) throw new RelaisError('invalid.arguments', 'checkDocument expects an array of segments');
    const out: Finding[] = [];
    for (const seg of segs) out.push(...checkSegment(seg));
    if (on('consistency.target')) out.push(...consistencyFindings(segs));
    return out;
  }

  return { checkSegment, checkDocument, rules: QA_RULES.map((r) => ({ ...r })), termIndex: index };
}
