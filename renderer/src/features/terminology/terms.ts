/**
 * Terms recognised in a source, as the workbench shows them: underline spans (non-overlapping), the numbered
 * options of the term panel (Ctrl/⌘+1…9), and the text of a term's tooltip.
 */
import type { TFunction } from 'i18next';
import type { TermMatch } from '../../../../shared/glossary/index.ts';

export const MAX_TERM_OPTIONS = 9;

/** A French term discouraged by the glossary (deprecated or superseded in French). */
export function isForbiddenSource(m: TermMatch): boolean {
  return m.term.status === 'deprecated' || m.term.status === 'superseded';
}

/** Matches without overlaps (first wins; the index already puts the longest first), in text order. */
export function underlineSpans(matches: readonly TermMatch[]): TermMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  let end = -1;
  for (const m of sorted) {
    if (m.start < end || m.end <= m.start) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

export interface TermConceptView {
  key: string;
  /** The source text that matched (first occurrence). */
  source: string;
  forbiddenSource: boolean;
  approved: { text: string; status: string; note?: string }[];
  forbidden: { text: string; note?: string }[];
  note?: string;
  scope: 'project' | 'desk';
}

export interface TermOption {
  /** 1-based; Ctrl/⌘ + index inserts it. */
  index: number;
  text: string;
  conceptKey: string;
}

/** One entry per concept, in source order. */
export function conceptsOf(matches: readonly TermMatch[]): TermConceptView[] {
  const seen = new Map<string, TermConceptView>();
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const c = m.concept;
    if (seen.has(c.key)) continue;
    const v: TermConceptView = {
      key: c.key,
      source: m.text,
      forbiddenSource: isForbiddenSource(m),
      approved: c.approved.map((t) => ({ text: t.text, status: t.status, ...(t.note ? { note: t.note } : {}) })),
      forbidden: [...c.deprecated, ...c.superseded].map((t) => ({ text: t.text, ...(t.note ? { note: t.note } : {}) })),
      scope: c.scope,
    };
    if (c.entry.note) v.note = c.entry.note;
    seen.set(c.key, v);
  }
  return [...seen.values()];
}

/** The approved English terms of the segment's concepts, numbered 1…9 in panel order. */
export function termOptions(concepts: readonly TermConceptView[]): TermOption[] {
  const out: TermOption[] = [];
  for (const c of concepts) {
    for (const a of c.approved) {
      if (out.length >= MAX_TERM_OPTIONS) return out;
      if (out.some((o) => o.text === a.text)) continue;
      out.push({ index: out.length + 1, text: a.text, conceptKey: c.key });
    }
  }
  return out;
}

/** Tooltip of an underlined term: approved English terms (preferred first), then the forbidden ones. */
export function termTooltip(m: TermMatch, t: TFunction): string {
  const c = m.concept;
  const lines: string[] = [];
  if (isForbiddenSource(m)) lines.push(t('terminology.tooltip.sourceDiscouraged', { term: m.term.text }));
  if (c.approved.length) lines.push(t('terminology.tooltip.approved', { terms: c.approved.map((x) => x.text).join(', ') }));
  const forbidden = [...c.deprecated, ...c.superseded];
  if (forbidden.length) lines.push(t('terminology.tooltip.forbidden', { terms: forbidden.map((x) => x.text).join(', ') }));
  if (c.entry.note) lines.push(c.entry.note);
  return lines.join('\n');
}

/** Inserts `term` at `caret` with a space on either side where words would otherwise touch. */
export function insertAt(target: string, caret: number, term: string, selectionEnd = caret): { text: string; caret: number } {
  const start = Math.max(0, Math.min(caret, target.length));
  const end = Math.max(start, Math.min(selectionEnd, target.length));
  const before = target.slice(0, start);
  const after = target.slice(end);
  const lead = before !== '' && /[\p{L}\p{N}]$/u.test(before) ? ' ' : '';
  const trail = after !== '' && /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
  return { text: before + lead + term + trail + after, caret: before.length + lead.length + term.length };
}
