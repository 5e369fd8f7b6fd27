/**
 * IPC channels of review: history, tracked changes, approval, comments, "changed since I last looked",
 * publication status, republished source, review and article exports.
 * Their schemas are spread into `channels` of shared/ipc/schemas.ts; their result types are in {@link ReviewResults}.
 * The types below are also what the application layer (electron/services/app) returns.
 */
import { z } from 'zod';
import type { Role, Segment, SegmentStatus, RevisionOrigin } from '../../model.ts';
import type { DiffPart } from '../../review/diff.ts';

const id = z.string().min(1).max(64);
/** A file chosen in a native dialog run by main (pickFile, showSaveDialog), as its token. */
export const fileToken = z.string().regex(/^[0-9a-f-]{36}$/, 'a file token from a dialog');
const commentText = z.string().trim().min(1).max(10_000);

/** One revision of a segment, as shown in its history. */
export interface HistoryEntry {
  id: string;
  segmentId: string;
  /** Display name of the author when the revision was made. */
  author: string;
  /** The author's stable user id. */
  authorId: string;
  role: Role;
  /** ISO 8601 time. */
  createdAt: string;
  /** Source text of the segment when the revision was made (changes when the article is republished). */
  source: string;
  text: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  prevRevisionId: string | null;
  /** Second parent of a revision that resolves a conflict between two heads (null otherwise). */
  mergeParentId: string | null;
  comment: string | null;
  /** Reason given by an editor who approved despite QA errors. */
  qaOverride: string | null;
  /** Review action this revision records, when it is one (see review-store.ts). */
  action: 'accept-changes' | 'reject-changes' | 'restore' | 'unlock' | null;
}

export interface RevisionDiff {
  from: HistoryEntry;
  to: HistoryEntry;
  parts: DiffPart[];
}

/** The editor's changes to a segment against the translator's last confirmed text. */
export interface TrackedChanges {
  segmentId: string;
  /** The translator's last confirmed text (or the text of the last acceptance of changes). */
  base: string;
  current: string;
  parts: DiffPart[];
  /** Editors who changed the text since the base. */
  editors: string[];
}

export interface CommentView {
  id: string;
  segmentId: string;
  /** Comment this one answers (null: starts a thread). */
  parentId: string | null;
  author: string;
  authorId: string;
  role: Role;
  createdAt: string;
  text: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CommentList {
  comments: CommentView[];
  /** Open threads (unresolved comments that start a thread). */
  open: number;
}

export interface PublicationStatus {
  /** Translatable live segments by status. */
  byStatus: Record<SegmentStatus, number>;
  total: number;
  /** True when nothing blocks publication. */
  ready: boolean;
  blockers: {
    /** Translatable segments not approved, in document order. */
    notApproved: string[];
    openComments: { count: number; segmentIds: string[] };
    /** QA errors (severity error), null when no QA engine was given. */
    qaErrors: { count: number; segmentIds: string[] } | null;
  };
}

export interface SourceUpdateResult {
  /** The new source version number (2 after the first update). */
  version: number;
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  /** Unchanged segments that moved to another paragraph (counted in `unchanged`). */
  moved: number;
  sameArticleScore: number;
  segments: {
    changed: { id: string; before: string; after: string; target: string }[];
    added: { id: string; source: string }[];
    removed: { id: string; source: string; target: string; status: SegmentStatus }[];
  };
}

export interface ArchivedSegment {
  id: string;
  source: string;
  target: string;
  status: SegmentStatus;
  /** Source version in which the segment disappeared from the article. */
  archivedInVersion: number;
  addedInVersion: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface SourceVersionInfo {
  version: number;
  importedAt: string;
  importedBy: string | null;
  sourceName: string;
  sourceFormat: string;
  blocks: number;
}

export interface ExportResult {
  file: string;
  warnings: { code: string; message: string }[];
}

export const reviewChannels = {
  /** Revisions of a segment, oldest first. */
  getHistory: z.tuple([id]),
  /** Makes an older revision's text current again (a new revision, origin 'restore'). */
  restoreRevision: z.tuple([id, id]),
  /** Tracked changes of one segment, or of every segment that has some (segment id null/omitted). */
  getTrackedChanges: z.tuple([id.nullable().optional()]),
  /** Editor: accepts the changes of one segment, or of all (null). Returns the segments concerned. */
  acceptChanges: z.tuple([id.nullable()]),
  /** Editor: restores the translator's text of one segment, or of all (null). */
  rejectChanges: z.tuple([id.nullable()]),
  /** Editor: an approved segment goes back to 'translated' so it can be edited. */
  unlockSegment: z.tuple([id]),
  addComment: z.tuple([id, commentText, id.nullable().optional()]),
  resolveComment: z.tuple([id]),
  reopenComment: z.tuple([id]),
  /** Comments of one segment, or of the whole project (null/omitted). */
  listComments: z.tuple([id.nullable().optional()]),
  /** Records that the current user has seen these segments as they are now. */
  markSeen: z.tuple([z.array(id).max(100_000)]),
  /** Segments changed by someone else since the current user last looked. */
  changedSinceLastLook: z.tuple([]),
  getPublicationStatus: z.tuple([]),
  /**
   * Re-imports a newer version of the article, chosen with pickFile('article') (its token);
   * `confirm` overrides the "different article" refusal.
   */
  updateSource: z.tuple([fileToken, z.boolean().optional()]),
  listArchived: z.tuple([]),
  /** Writes the bilingual review document to the file chosen with showSaveDialog('exportReview', …) (its token). */
  exportReview: z.tuple([z.enum(['html', 'docx']), fileToken]),
  /** Writes the translated article to the file chosen with showSaveDialog('exportArticle', …) (its token). */
  exportArticle: z.tuple([z.enum(['txt', 'md', 'html', 'docx']), fileToken]),
} as const satisfies Record<string, z.ZodTuple>;

export interface ReviewResults {
  getHistory: HistoryEntry[];
  restoreRevision: Segment;
  getTrackedChanges: TrackedChanges[];
  acceptChanges: Segment[];
  rejectChanges: Segment[];
  unlockSegment: Segment;
  addComment: CommentView;
  resolveComment: CommentView;
  reopenComment: CommentView;
  listComments: CommentList;
  markSeen: null;
  changedSinceLastLook: string[];
  getPublicationStatus: PublicationStatus;
  updateSource: SourceUpdateResult;
  listArchived: ArchivedSegment[];
  exportReview: ExportResult;
  exportArticle: ExportResult;
}
