/** Helpers shared by the document exports: structure of the English article, escaping, labels. */
import { RelaisError } from '../../../shared/errors.ts';
import type { Block, BlockKind, Segment, SegmentStatus } from '../../../shared/model.ts';

export interface ExportWarning {
  segmentId: string;
  code: 'untranslated' | 'draft' | 'rejected';
  message: string;
}

export interface ArticleBlock {
  block: Block;
  kind: BlockKind;
  /** 1 for the title, 2–6 for headings (clamped: the title is the only level-1 heading), 0 for paragraphs. */
  level: number;
  /** The block's English text: its segments joined with one space. */
  text: string;
  segments: Segment[];
}

/** Groups segments by block, both in document order. Throws RelaisError('project.corrupt') for a segment whose block is unknown. */
export function groupByBlock(blocks: readonly Block[], segments: readonly Segment[], file?: string): { block: Block; segments: Segment[] }[] {
  const byId = new Map<string, { block: Block; segments: Segment[] }>();
  const ordered = [...blocks].sort((a, b) => a.ord - b.ord);
  for (const b of ordered) byId.set(b.id, { block: b, segments: [] });
  for (const s of [...segments].sort((a, b) => a.ord - b.ord)) {
    const g = byId.get(s.blockId);
    if (!g) throw new RelaisError('project.corrupt', `Segment ${s.id} belongs to an unknown block ${s.blockId}.`, file === undefined ? {} : { file });
    g.segments.push(s);
  }
  return ordered.map((b) => byId.get(b.id)!);
}

export function headingLevel(block: Block): number {
  if (block.kind === 'title') return 1;
  if (block.kind === 'paragraph') return 0;
  return Math.min(6, Math.max(2, block.level ?? 2));
}

/** A segment's text for the English article, with the reason when it is not a confirmed translation. */
export function englishText(s: Segment): { text: string; warning: ExportWarning | null } {
  const untranslated = s.status === 'new' || s.target.trim() === '';
  if (untranslated) {
    return { text: s.source, warning: { segmentId: s.id, code: 'untranslated', message: `Segment ${s.ord + 1} is not translated: the French source is used.` } };
  }
  if (s.status === 'rejected') {
    return { text: s.target, warning: { segmentId: s.id, code: 'rejected', message: `Segment ${s.ord + 1} was rejected by the editor: its translation is used as it is.` } };
  }
  if (s.status === 'draft') {
    return { text: s.target, warning: { segmentId: s.id, code: 'draft', message: `Segment ${s.ord + 1} is a draft, not confirmed by the translator.` } };
  }
  return { text: s.target, warning: null };
}

/** Line breaks inside a segment would break the block structure of txt/md output: they become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * Escapes Markdown so that the text renders as itself: inline specials anywhere, and the characters that would open
 * a heading, list, quote, rule or numbered list at the start of a line. Typographic spaces are left untouched.
 */
export function escapeMarkdown(text: string): string {
  let s = text.replace(/[\\`*_[\]<>&~|!]/g, (c) => '\\' + c);
  s = s.replace(/^(\s*)([#>+\-=])/u, '$1\\$2');
  s = s.replace(/^(\s*\d+)([.)])/u, '$1\\$2');
  return s;
}

export const STATUS_LABELS: Record<SegmentStatus, string> = {
  new: 'New',
  draft: 'Draft',
  translated: 'Translated',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** "2026-03-01 14:05 UTC" from an ISO time (the input back unchanged when it is not a date). */
export function formatTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
