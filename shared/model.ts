/**
 * The Relais domain model, shared by main-process services, the CLI and the renderer.
 * Pure TypeScript: nothing here may import Node, Electron, React or the DOM.
 */

/** Structural kind of a block of the source article. */
export type BlockKind = 'title' | 'heading' | 'paragraph';

/** Kind as reported to users and by `relais segment --json`: chrome that is out of translation shows as `chrome`. */
export type DisplayKind = BlockKind | 'chrome';

export type SegmentStatus = 'new' | 'draft' | 'translated' | 'approved' | 'rejected';
export const SEGMENT_STATUSES: readonly SegmentStatus[] = ['new', 'draft', 'translated', 'approved', 'rejected'];

export type Role = 'translator' | 'editor';

/** Where a revision's text came from. Later features add their origins here. */
export type RevisionOrigin =
  | 'import'
  | 'typed'
  | 'pasted'
  | 'copy-source'
  | 'term'
  | 'qa-fix'
  | 'draft-import'
  | 'tm'
  | 'source-update'
  | 'restore'
  | 'review'
  | 'split'
  | 'merge';

export type ImportFormat = 'txt' | 'html' | 'md' | 'docx';

/** Why a block was recognised as page chrome (navigation, share buttons, teasers…). Stable ids, translated in the UI. */
export type ChromeReason =
  | 'share'
  | 'related'
  | 'promo'
  | 'subscription'
  | 'navigation'
  | 'credit'
  | 'reuse'
  | 'mobile'
  | 'duplicate'
  | 'short-cta'
  | 'other';

/** One block of an imported article, before segmentation. */
export interface ImportedBlock {
  kind: BlockKind;
  /** Heading level (1–6) for headings; the title is level 1 by definition. */
  level?: number;
  /** Exact text, typography preserved (no-break spaces, ’, « »). */
  text: string;
  /** Set when the block was recognised as page chrome; such blocks start out of translation. */
  chrome: ChromeReason | null;
}

export interface ImportedDocument {
  format: ImportFormat;
  /** File name the article came from (no directories), for display. */
  sourceName: string;
  blocks: ImportedBlock[];
}

/** A segment as produced by segmentation (no ids yet). */
export interface SegmentDraft {
  blockIndex: number;
  source: string;
}

export interface Block {
  id: string;
  ord: number;
  kind: BlockKind;
  level: number | null;
  chrome: ChromeReason | null;
  translatable: boolean;
}

export interface Segment {
  /** A global id (shared/ids.ts): opaque, compare and pass it as a string. */
  id: string;
  blockId: string;
  /** Position in the document (0-based, document order). */
  ord: number;
  source: string;
  target: string;
  status: SegmentStatus;
  /** Derived from the block: false for chrome left out of translation. */
  translatable: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /**
   * The head revision: the one the current target and status come from (null before anyone changed the segment).
   * A commit sends it back as `expectedRevisionId`, so an edit made from an older head is refused, not lost.
   */
  revisionId: string | null;
  /**
   * Set when a republished source changed this segment's French text after it was translated: the source the
   * translation was made for. Cleared when the segment is confirmed again (translated or approved).
   */
  sourceChangedFrom?: string | null;
}

export interface Revision {
  id: string;
  segmentId: string;
  /** Display name of the author when the revision was made. */
  author: string;
  /** The author's stable user id (UserIdentity.id). */
  authorId: string;
  role: Role;
  /** ISO 8601 time. */
  createdAt: string;
  text: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  /** Reason given by an editor who approved this revision despite QA errors (null/absent: no override). */
  qaOverride?: string | null;
}

/**
 * Who is acting. `id` is stable (a UUIDv7 the settings store makes once per profile, or an account id on a desk
 * server); `name` is the display name, recorded next to the id in every revision and comment; `role` decides what the
 * person may do.
 */
export interface UserIdentity {
  id: string;
  name: string;
  role: Role;
}

export interface ProjectInfo {
  /** The project's global id (UUIDv7), the same in every copy of the project. */
  id: string;
  /** Absolute path of the project file. */
  path: string;
  name: string;
  sourceName: string;
  sourceFormat: ImportFormat;
  createdAt: string;
  sourceLang: string;
  targetLang: string;
}

export interface ProjectSnapshot {
  info: ProjectInfo;
  blocks: Block[];
  segments: Segment[];
  /** Unconfirmed drafts autosaved while typing, by segment id. */
  drafts: Record<string, string>;
}

export interface WordCounts {
  total: number;
  byStatus: Record<SegmentStatus, number>;
}

export interface ProjectStats {
  segments: { total: number; byStatus: Record<SegmentStatus, number> };
  words: WordCounts;
  /** Translated-or-approved words / total translatable words, 0..1. */
  progress: number;
  chromeBlocks: number;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export type UiLanguage = 'en' | 'fr';

export interface AppSettings {
  user: UserIdentity | null;
  language: UiLanguage;
  recent: RecentProject[];
}

/** Display kind of a block: chrome that is out of translation shows as `chrome`. */
export function displayKind(block: { kind: BlockKind; chrome: ChromeReason | null; translatable: boolean }): DisplayKind {
  return block.chrome !== null && !block.translatable ? 'chrome' : block.kind;
}

/** Words in a text, the way newsroom word counts are made: runs of letters/digits, apostrophe-joined forms count once per part. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:[-’'.,][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
