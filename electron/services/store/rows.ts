/**
 * Rows of the project file as the store reads them, the one definition of a live segment, and the mapping of rows
 * to the shared model. Used by every module of the store (project, review, glossary, source update) and by nothing
 * outside it.
 */
import type { BlockKind, ChromeReason, Revision, RevisionOrigin, Role, Segment, SegmentStatus } from '../../../shared/model.ts';

/**
 * A segment of the live document: not merged away, not archived (nor its block) by a source update.
 * Written against the aliases `s` (segments) and `b` (blocks).
 */
export const LIVE_SEGMENT = 's.merged_into IS NULL AND s.archived_in_version IS NULL AND b.archived_in_version IS NULL';

/** A segment row with its block's order and translatability: `SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} WHERE …`. */
export const SEGMENT_COLUMNS = `s.id, s.block_id, s.ord, s.source, s.target, s.status, s.revision_id, s.merged_into, s.updated_at, s.updated_by,
         s.source_changed_from, b.translatable AS translatable, b.ord AS block_ord, b.kind AS block_kind`;
export const SEGMENT_FROM = 'segments s JOIN blocks b ON b.id = s.block_id';

export interface SegmentRow {
  id: string;
  block_id: string;
  ord: number;
  source: string;
  target: string;
  status: SegmentStatus;
  revision_id: string | null;
  merged_into: string | null;
  updated_at: string | null;
  updated_by: string | null;
  source_changed_from: string | null;
  translatable: number;
  block_ord: number;
  block_kind: BlockKind;
}

export interface BlockRow {
  id: string;
  ord: number;
  kind: BlockKind;
  level: number | null;
  chrome: ChromeReason | null;
  translatable: number;
}

/** A row of `revisions` (`SELECT *`). */
export interface RevisionRow {
  id: string;
  legacy_id: number | null;
  segment_id: string;
  prev_revision_id: string | null;
  merge_parent_id: string | null;
  author: string;
  author_id: string;
  role: Role;
  created_at: string;
  source: string;
  text: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  comment: string | null;
  qa_override: string | null;
}

/** A revision as stored: the shared Revision plus the chain and review fields. */
export interface StoredRevision extends Revision {
  /** Head revision this one was made on top of (for split halves: the revision of the segment that was split). */
  prevRevisionId: string | null;
  /** Second parent of a revision that resolves a conflict between two heads (null otherwise). */
  mergeParentId: string | null;
  /** Source text of the segment when the revision was made. */
  source: string;
  comment: string | null;
  /** Reason given by an editor who approved despite QA errors. */
  qaOverride: string | null;
}

export function toSegment(r: SegmentRow, ord: number): Segment {
  return {
    id: r.id,
    blockId: r.block_id,
    ord,
    source: r.source,
    target: r.target,
    status: r.status,
    translatable: r.translatable === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    revisionId: r.revision_id,
    sourceChangedFrom: r.source_changed_from,
  };
}

export function toRevision(r: RevisionRow): StoredRevision {
  return {
    id: r.id,
    segmentId: r.segment_id,
    author: r.author,
    authorId: r.author_id,
    role: r.role,
    createdAt: r.created_at,
    source: r.source,
    text: r.text,
    status: r.status,
    origin: r.origin,
    prevRevisionId: r.prev_revision_id,
    mergeParentId: r.merge_parent_id,
    comment: r.comment,
    qaOverride: r.qa_override,
  };
}
