/**
 * How a QA finding reads in the UI (from its rule and params, in the UI language) and the fix it offers.
 * Pure functions: the components and the app shell share them.
 */
import type { TFunction } from 'i18next';
import type { Finding, Severity } from '../../../../shared/qa/model.ts';

/** i18n key segment of a rule id (`glossary.forbidden` → `glossary_forbidden`). */
export function ruleKey(rule: string): string {
  return rule.replace(/\./g, '_');
}

/** The short name of a rule ("Forbidden term"); unknown rules show their id. */
export function ruleLabel(rule: string, t: TFunction): string {
  return t(`qa.rules.${ruleKey(rule)}`, { defaultValue: rule });
}

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** One sentence describing a finding, in the UI language. */
export function findingText(f: Finding, t: TFunction): string {
  const p = f.params ?? {};
  switch (f.rule) {
    case 'glossary.missing':
      return t('qa.messages.missing', { sourceTerm: str(p.sourceTerm ?? f.term), expected: str(p.expected ?? f.suggestion) });
    case 'glossary.forbidden':
      return p.expected !== undefined
        ? t('qa.messages.forbiddenUse', { found: str(p.found ?? f.term), expected: str(p.expected) })
        : t('qa.messages.forbidden', { found: str(p.found ?? f.term) });
    case 'glossary.superseded':
      return p.expected !== undefined
        ? t('qa.messages.supersededUse', { found: str(p.found ?? f.term), expected: str(p.expected) })
        : t('qa.messages.superseded', { found: str(p.found ?? f.term) });
    case 'number.mismatch':
      if (p.kind === 'changed') return t('qa.messages.numberChanged', { source: str(p.source), target: str(p.target) });
      if (p.kind === 'missing') return t('qa.messages.numberMissing', { source: str(p.source) });
      if (p.kind === 'extra') return t('qa.messages.numberExtra', { target: str(p.target) });
      return ruleLabel(f.rule, t);
    default:
      return ruleLabel(f.rule, t);
  }
}

/** The text a finding is about ("child pornography" in the target), or null. */
export function findingExcerpt(f: Finding, seg: { source: string; target: string }): { side: 'source' | 'target'; text: string } | null {
  const r = f.range;
  if (!r) return null;
  const text = (r.side === 'source' ? seg.source : seg.target).slice(r.start, r.end);
  return text === '' ? null : { side: r.side, text };
}

export interface Fix {
  /** replace: the offending text is replaced; insert: the suggestion goes in at the caret. */
  kind: 'replace' | 'insert';
  text: string;
}

/** Rules whose suggestion replaces the finding's target range (other suggestions are hints, not replacements). */
const REPLACING_RULES = new Set(['glossary.forbidden', 'glossary.superseded', 'number.mismatch']);

/** The one-click fix a finding offers on a given target, or null. */
export function fixFor(f: Finding, target: string): Fix | null {
  if (f.suggestion === undefined || f.suggestion === '') return null;
  const r = f.range;
  const replaces = REPLACING_RULES.has(f.rule) && (f.rule !== 'number.mismatch' || f.params?.kind === 'changed');
  if (replaces && r && r.side === 'target' && r.start >= 0 && r.end <= target.length && r.end > r.start) return { kind: 'replace', text: f.suggestion };
  if (f.rule === 'glossary.missing') return { kind: 'insert', text: f.suggestion };
  return null;
}

/** Applies a fix: the new target and where the caret goes (after the inserted text). */
export function applyFix(f: Finding, target: string, caret: number): { text: string; caret: number } | null {
  const fix = fixFor(f, target);
  if (!fix) return null;
  if (fix.kind === 'replace') {
    const r = f.range!;
    return { text: target.slice(0, r.start) + fix.text + target.slice(r.end), caret: r.start + fix.text.length };
  }
  const at = Math.max(0, Math.min(caret, target.length));
  const before = target.slice(0, at);
  const after = target.slice(at);
  const lead = before !== '' && !/\s$/.test(before) ? ' ' : '';
  const trail = after !== '' && !/^[\s.,;:!?)]/.test(after) ? ' ' : '';
  const text = before + lead + fix.text + trail + after;
  return { text, caret: before.length + lead.length + fix.text.length };
}

/** Errors first, then warnings; within a severity, by position in the text. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (s: Severity) => (s === 'error' ? 0 : 1);
  return [...findings].sort((a, b) => rank(a.severity) - rank(b.severity) || (a.range?.start ?? 0) - (b.range?.start ?? 0));
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
