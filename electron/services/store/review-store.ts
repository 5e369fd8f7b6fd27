/**
 * Review on top of a ProjectStore (same SQLite file, tables from migration 2): revision history and diffs,
 * restoring a revision, tracked changes (the editor's edits against the translator's last confirmed text),
 * unlocking approved segments, threaded comments, "what changed since I last looked", and the publication status.
 *
 * Every write is one IMMEDIATE transaction and adds a revision row when it changes a segment, so the history says
 * who did what. Review actions are revisions with origin 'review' (or 'restore') whose comment is one of the
 * REVIEW_ACTION_COMMENTS below, so "changes accepted" is visible in the history like any other step.
 *
 * Tracked changes: the base of a segment is the text of its latest revision that is either a translator's
 * confirmation (role translator, status 'translated') or an editor's acceptance of changes. A segment has tracked
 * changes when its current target differs from that base and an editor changed the text since.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { Role, Segment, SegmentStatus, UserIdentity, RevisionOrigin } from '../../../shared/model.ts';
import { SEGMENT_STATUSES } from '../../../shared/model.ts';
import type {
  CommentList,
  CommentView,
  HistoryEntry,
  PublicationStatus,
  RevisionDiff,
  TrackedChanges,
} from '../../../shared/ipc/channels/review.ts';
import { trackChanges, wordDiff } from '../../../shared/review/diff.ts';
import type { ReviewExportInput, ReviewSegment } from '../export/review.ts';
import { sqliteError, toRevision, type ProjectStore, type RevisionRow, type SegmentRow } from './project-store.ts';

/** Comments that mark a revision as a review action (see HistoryEntry.action). */
export const REVIEW_ACTION_COMMENTS = {
  'accept-changes': 'Changes accepted',
  'reject-changes': 'Changes rejected: translator’s text restored',
  unlock: 'Unlocked for editing',
} as const;

const MAX_COMMENT = 10_000;

/** A live segment: not merged away, not archived (nor its block). */
const LIVE = 's.merged_into IS NULL AND s.archived_in_version IS NULL AND b.archived_in_version IS NULL';

type SegRow = Pick<SegmentRow, 'id' | 'source' | 'target' | 'status' | 'revision_id' | 'translatable'>;

type RevRow = RevisionRow & { qa_override: string | null };

interface CommentRow {
  id: number;
  segment_id: number;
  parent_id: number | null;
  author: string;
  role: Role;
  created_at: string;
  text: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** One QA finding as the publication status needs it (shared/qa Finding is compatible). */
export interface QaFindingLike {
  segment: string;
  severity: 'error' | 'warning';
}

export type QaCheck = (segments: Segment[]) => QaFindingLike[];

function parseNumericId(raw: string, what: string, code: 'segment.notFound' | 'invalid.arguments' = 'invalid.arguments'): number {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw)) throw new RelaisError(code, `No ${what} with id ${JSON.stringify(raw)}`);
  return Number(raw);
}

function actionOf(r: RevRow): HistoryEntry['action'] {
  if (r.origin === 'restore') return 'restore';
  if (r.origin !== 'review' || r.comment === null) return null;
  for (const [action, text] of Object.entries(REVIEW_ACTION_COMMENTS)) if (r.comment === text) return action as HistoryEntry['action'];
  return null;
}

/** A history entry: the revision as project-store maps it (same keys, same order), plus the review action. */
function toEntry(r: RevRow): HistoryEntry {
  return { ...toRevision(r), action: actionOf(r) };
}

function toComment(r: CommentRow): CommentView {
  return {
    id: String(r.id),
    segmentId: String(r.segment_id),
    parentId: r.parent_id === null ? null : String(r.parent_id),
    author: r.author,
    role: r.role,
    createdAt: r.created_at,
    text: r.text,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

/** The tracked changes of a segment from its revisions (oldest first) and current target; null when none. */
export function trackedFromRevisions(segmentId: string, revs: readonly RevRow[] | readonly HistoryEntry[], current: string): TrackedChanges | null {
  let baseIdx = -1;
  for (let i = revs.length - 1; i >= 0; i--) {
    const r = revs[i]!;
    const accepted = r.origin === 'review' && r.comment === REVIEW_ACTION_COMMENTS['accept-changes'];
    if ((r.role === 'translator' && r.status === 'translated') || accepted) {
      baseIdx = i;
      break;
    }
  }
  if (baseIdx < 0) return null;
  const base = revs[baseIdx]!.text;
  if (base === current) return null;
  const editors = new Set<string>();
  let prev = base;
  for (let i = baseIdx + 1; i < revs.length; i++) {
    const r = revs[i]!;
    if (r.role === 'editor' && r.text !== prev) editors.add(r.author);
    prev = r.text;
  }
  if (editors.size === 0) return null;
  return { segmentId, base, current, parts: trackChanges(base, current), editors: [...editors] };
}

export class ReviewStore {
  readonly project: ProjectStore;
  private readonly now: () => Date;

  constructor(project: ProjectStore, opts: { now?: () => Date } = {}) {
    this.project = project;
    this.now = opts.now ?? (() => new Date());
  }

  private get db() {
    if (!this.project.isOpen) throw new RelaisError('project.notOpen', 'The project is closed', { file: this.project.path });
    return this.project.db;
  }

  /** One IMMEDIATE transaction; SQLite failures (busy, read-only, disk full) become RelaisErrors about the file. */
  private write<T>(fn: () => T): T {
    const db = this.db;
    try {
      return db.transaction(fn).immediate();
    } catch (e) {
      throw sqliteError(e, this.project.path);
    }
  }

  // ------------------------------------------------------------------ history

  /** Revisions of a segment (live, merged away or archived), oldest first. */
  history(segmentId: string): HistoryEntry[] {
    return this.revRows(this.anySegmentId(segmentId)).map(toEntry);
  }

  /** Word diff from revision `fromId` to revision `toId` of the same segment. */
  diffRevisions(segmentId: string, fromId: string, toId: string): RevisionDiff {
    const seg = this.anySegmentId(segmentId);
    const a = this.revRow(fromId, seg);
    const b = this.revRow(toId, seg);
    return { from: toEntry(a), to: toEntry(b), parts: wordDiff(a.text, b.text) };
  }

  /**
   * Makes the text of an older revision current again, as a new revision (origin 'restore'), respecting locks:
   * a translator cannot restore over an approved segment. The restored text is 'translated' if it had been
   * confirmed (translated or approved: approving again goes through the approval QA gate), otherwise 'draft'
   * ('new' when empty).
   */
  restoreRevision(segmentId: string, revisionId: string, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.liveRow(segmentId);
      const rev = this.revRow(revisionId, row.id);
      this.assertEditable(row, user);
      const status: SegmentStatus =
        rev.text.trim() === '' ? 'new' : rev.status === 'translated' || rev.status === 'approved' ? 'translated' : 'draft';
      if (rev.text !== row.target || status !== row.status) {
        this.change(row, rev.text, status, 'restore', user, `Restored revision ${rev.id}`);
      }
      return this.project.segment(String(row.id));
    });
  }

  // ------------------------------------------------------------------ tracked changes

  /** The editor's changes to one segment against the translator's last confirmed text; null when there are none. */
  trackedChanges(segmentId: string): TrackedChanges | null {
    const row = this.liveRow(segmentId);
    return trackedFromRevisions(String(row.id), this.revRows(row.id), row.target);
  }

  /** Tracked changes of every live segment that has some, in document order. */
  allTrackedChanges(): TrackedChanges[] {
    const out: TrackedChanges[] = [];
    const byId = this.allRevisionsBySegment();
    for (const s of this.liveRows()) {
      const t = trackedFromRevisions(String(s.id), byId.get(s.id) ?? [], s.target);
      if (t) out.push(t);
    }
    return out;
  }

  /**
   * Editor: accepts the tracked changes of one segment (or of all, with 'all'): a revision (origin 'review',
   * comment "Changes accepted") that makes the current text the new base. Returns the segments concerned.
   */
  acceptChanges(segmentId: string | 'all', user: UserIdentity): Segment[] {
    this.assertEditor(user, 'accept changes');
    return this.write(() =>
      this.changesTargets(segmentId).map(({ row }) => {
        this.change(row, row.target, row.status, 'review', user, REVIEW_ACTION_COMMENTS['accept-changes']);
        return this.project.segment(String(row.id));
      }),
    );
  }

  /** Editor: rejects the tracked changes of one segment (or all): the translator's text comes back, status 'translated'. */
  rejectChanges(segmentId: string | 'all', user: UserIdentity): Segment[] {
    this.assertEditor(user, 'reject changes');
    return this.write(() =>
      this.changesTargets(segmentId).map(({ row, changes }) => {
        const status: SegmentStatus = changes.base.trim() === '' ? 'new' : 'translated';
        this.change(row, changes.base, status, 'review', user, REVIEW_ACTION_COMMENTS['reject-changes']);
        return this.project.segment(String(row.id));
      }),
    );
  }

  /** Editor: an approved segment goes back to 'translated' (a revision), so translators can edit it again. */
  unlock(segmentId: string, user: UserIdentity): Segment {
    this.assertEditor(user, 'unlock a segment');
    return this.write(() => {
      const row = this.liveRow(segmentId);
      if (row.status !== 'approved') {
        throw new RelaisError('invalid.operation', 'Only an approved segment can be unlocked', { detail: `segment ${row.id} is ${row.status}` });
      }
      this.change(row, row.target, 'translated', 'review', user, REVIEW_ACTION_COMMENTS.unlock);
      return this.project.segment(String(row.id));
    });
  }

  // ------------------------------------------------------------------ seen marks

  /** Records that `user` has seen these segments as they are now (their head revision). */
  markSeen(user: UserIdentity, segmentIds: readonly string[]): void {
    this.write(() => {
      const head = this.db.prepare('SELECT revision_id FROM segments WHERE id = ?');
      const up = this.db.prepare(
        `INSERT INTO review_marks(user_name, segment_id, revision_id, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(user_name, segment_id) DO UPDATE SET revision_id = excluded.revision_id, seen_at = excluded.seen_at`,
      );
      const ts = this.now().toISOString();
      for (const raw of segmentIds) {
        const id = parseNumericId(raw, 'segment', 'segment.notFound');
        const r = head.get(id) as { revision_id: number | null } | undefined;
        if (!r) throw new RelaisError('segment.notFound', `No segment with id ${raw}`);
        up.run(user.name, id, r.revision_id, ts);
      }
    });
  }

  /** Live segments whose head revision is by someone else and newer than what `user` last saw, in document order. */
  changedSince(user: UserIdentity): string[] {
    const rows = this.db
      .prepare(
        `SELECT s.id FROM segments s JOIN blocks b ON b.id = s.block_id JOIN revisions r ON r.id = s.revision_id
         LEFT JOIN review_marks m ON m.user_name = ? AND m.segment_id = s.id
         WHERE ${LIVE} AND r.author <> ? AND r.id > COALESCE(m.revision_id, 0)
         ORDER BY b.ord, s.ord`,
      )
      .all(user.name, user.name) as { id: number }[];
    return rows.map((r) => String(r.id));
  }

  // ------------------------------------------------------------------ comments

  addComment(segmentId: string, text: string, user: UserIdentity, parentId?: string | null): CommentView {
    const body = typeof text === 'string' ? text.trim() : '';
    if (body === '') throw new RelaisError('invalid.arguments', 'A comment cannot be empty');
    if (body.length > MAX_COMMENT) throw new RelaisError('invalid.arguments', `A comment is limited to ${MAX_COMMENT} characters`);
    return this.write(() => {
      const row = this.liveRow(segmentId);
      let parent: number | null = null;
      if (parentId !== undefined && parentId !== null) {
        const p = this.commentRow(parentId);
        if (p.segment_id !== row.id) throw new RelaisError('invalid.arguments', 'A reply must be on the same segment as the comment it answers');
        parent = p.id;
      }
      const r = this.db
        .prepare('INSERT INTO comments(segment_id, parent_id, author, role, created_at, text) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.id, parent, user.name, user.role, this.now().toISOString(), body);
      return toComment(this.commentRow(String(r.lastInsertRowid)));
    });
  }

  /** Resolves the thread the comment belongs to (its first comment). Resolving a resolved thread changes nothing. */
  resolveComment(commentId: string, user: UserIdentity): CommentView {
    return this.write(() => {
      const root = this.threadRoot(commentId);
      if (root.resolved_at === null) {
        this.db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(this.now().toISOString(), user.name, root.id);
      }
      return toComment(this.commentRow(String(root.id)));
    });
  }

  /** Reopens a resolved thread. */
  reopenComment(commentId: string, _user: UserIdentity): CommentView {
    return this.write(() => {
      const root = this.threadRoot(commentId);
      this.db.prepare('UPDATE comments SET resolved_at = NULL, resolved_by = NULL WHERE id = ?').run(root.id);
      return toComment(this.commentRow(String(root.id)));
    });
  }

  /** Comments of one segment (or all), oldest first, with the number of open threads among them. */
  comments(segmentId?: string | null): CommentList {
    let rows: CommentRow[];
    if (segmentId === undefined || segmentId === null) {
      rows = this.db.prepare('SELECT * FROM comments ORDER BY id').all() as CommentRow[];
    } else {
      const id = this.anySegmentId(segmentId);
      rows = this.db.prepare('SELECT * FROM comments WHERE segment_id = ? ORDER BY id').all(id) as CommentRow[];
    }
    const comments = rows.map(toComment);
    return { comments, open: comments.filter((c) => c.parentId === null && c.resolvedAt === null).length };
  }

  // ------------------------------------------------------------------ publication

  /**
   * What still blocks publication: translatable segments not approved, open comment threads on live segments and,
   * when a QA check is given, segments with QA errors.
   */
  publicationStatus(qaCheck?: QaCheck): PublicationStatus {
    const segs = this.project.segments().filter((s) => s.translatable);
    const byStatus = Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
    for (const s of segs) byStatus[s.status]++;
    const notApproved = segs.filter((s) => s.status !== 'approved').map((s) => s.id);
    const open = this.db
      .prepare(
        `SELECT c.segment_id AS id, COUNT(*) AS n FROM comments c JOIN segments s ON s.id = c.segment_id JOIN blocks b ON b.id = s.block_id
         WHERE c.parent_id IS NULL AND c.resolved_at IS NULL AND ${LIVE} GROUP BY c.segment_id ORDER BY b.ord, s.ord`,
      )
      .all() as { id: number; n: number }[];
    const openCount = open.reduce((a, r) => a + r.n, 0);
    let qaErrors: PublicationStatus['blockers']['qaErrors'] = null;
    if (qaCheck) {
      const errors = qaCheck(segs).filter((f) => f.severity === 'error');
      const ids = new Set(errors.map((f) => f.segment));
      qaErrors = { count: errors.length, segmentIds: segs.filter((s) => ids.has(s.id)).map((s) => s.id) };
    }
    return {
      byStatus,
      total: segs.length,
      ready: notApproved.length === 0 && openCount === 0 && (qaErrors === null || qaErrors.count === 0),
      blockers: { notApproved, openComments: { count: openCount, segmentIds: open.map((r) => String(r.id)) }, qaErrors },
    };
  }

  /** Input of the bilingual review export: live segments with the translator's base text and their comments. */
  exportInput(): ReviewExportInput {
    const snap = this.project.snapshot();
    const revs = this.allRevisionsBySegment();
    const comments = new Map<string, CommentView[]>();
    for (const c of this.comments().comments) {
      const list = comments.get(c.segmentId) ?? [];
      list.push(c);
      comments.set(c.segmentId, list);
    }
    const segments: ReviewSegment[] = snap.segments.map((s) => {
      const t = trackedFromRevisions(s.id, revs.get(Number(s.id)) ?? [], s.target);
      const own = comments.get(s.id) ?? [];
      const rootOf = new Map(own.map((c) => [c.id, c]));
      const resolved = (c: CommentView): boolean => {
        let cur: CommentView | undefined = c;
        while (cur && cur.parentId !== null) cur = rootOf.get(cur.parentId);
        return (cur ?? c).resolvedAt !== null;
      };
      return {
        ...s,
        ...(t ? { baseText: t.base } : {}),
        comments: own.map((c) => ({ author: c.author, role: c.role, createdAt: c.createdAt, text: c.text, resolved: resolved(c) })),
      };
    });
    return { info: snap.info, blocks: snap.blocks, segments };
  }

  // ------------------------------------------------------------------ internals

  private assertEditor(user: UserIdentity, what: string): void {
    if (user.role !== 'editor') throw new RelaisError('permission.denied', `Only an editor can ${what}`);
  }

  private assertEditable(row: SegRow, user: UserIdentity): void {
    if (row.translatable !== 1) throw new RelaisError('invalid.operation', 'This segment is out of translation', { detail: `segment ${row.id}` });
    if (row.status === 'approved' && user.role !== 'editor') {
      throw new RelaisError('segment.locked', 'This segment is approved: only an editor can change it', { detail: `segment ${row.id}` });
    }
  }

  private changesTargets(segmentId: string | 'all'): { row: SegRow; changes: TrackedChanges }[] {
    if (segmentId !== 'all') {
      const row = this.liveRow(segmentId);
      const changes = trackedFromRevisions(String(row.id), this.revRows(row.id), row.target);
      if (!changes) throw new RelaisError('invalid.operation', 'This segment has no tracked changes', { detail: `segment ${row.id}` });
      return [{ row, changes }];
    }
    const byId = this.allRevisionsBySegment();
    const out: { row: SegRow; changes: TrackedChanges }[] = [];
    for (const row of this.liveRows()) {
      const changes = trackedFromRevisions(String(row.id), byId.get(row.id) ?? [], row.target);
      if (changes) out.push({ row, changes });
    }
    return out;
  }

  /** Writes a new head revision and the segment's target/status (inside the caller's transaction). */
  private change(row: SegRow, target: string, status: SegmentStatus, origin: RevisionOrigin, user: UserIdentity, comment: string | null): void {
    const ts = this.now().toISOString();
    const rev = this.db
      .prepare(
        `INSERT INTO revisions(segment_id, prev_revision_id, author, role, created_at, source, text, status, origin, comment)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, row.revision_id, user.name, user.role, ts, row.source, target, status, origin, comment);
    const confirmed = status === 'translated' || status === 'approved';
    this.db
      .prepare(
        `UPDATE segments SET target = ?, status = ?, revision_id = ?, updated_at = ?, updated_by = ?,
           source_changed_from = CASE WHEN ? THEN NULL ELSE source_changed_from END WHERE id = ?`,
      )
      .run(target, status, rev.lastInsertRowid, ts, user.name, confirmed ? 1 : 0, row.id);
    this.db.prepare('DELETE FROM drafts WHERE segment_id = ?').run(row.id);
  }

  private liveRows(): SegRow[] {
    return this.db
      .prepare(`SELECT s.id, s.source, s.target, s.status, s.revision_id, b.translatable FROM segments s JOIN blocks b ON b.id = s.block_id WHERE ${LIVE} ORDER BY b.ord, s.ord`)
      .all() as SegRow[];
  }

  private liveRow(segmentId: string): SegRow {
    const id = parseNumericId(segmentId, 'segment', 'segment.notFound');
    const row = this.db
      .prepare(`SELECT s.id, s.source, s.target, s.status, s.revision_id, b.translatable FROM segments s JOIN blocks b ON b.id = s.block_id WHERE s.id = ? AND ${LIVE}`)
      .get(id) as SegRow | undefined;
    if (!row) throw new RelaisError('segment.notFound', `No segment with id ${segmentId}`);
    return row;
  }

  private anySegmentId(segmentId: string): number {
    const id = parseNumericId(segmentId, 'segment', 'segment.notFound');
    if (!this.db.prepare('SELECT 1 FROM segments WHERE id = ?').get(id)) throw new RelaisError('segment.notFound', `No segment with id ${segmentId}`);
    return id;
  }

  private revRows(segmentId: number): RevRow[] {
    return this.db.prepare('SELECT * FROM revisions WHERE segment_id = ? ORDER BY id').all(segmentId) as RevRow[];
  }

  private allRevisionsBySegment(): Map<number, RevRow[]> {
    const m = new Map<number, RevRow[]>();
    for (const r of this.db.prepare('SELECT * FROM revisions ORDER BY segment_id, id').iterate() as IterableIterator<RevRow>) {
      const list = m.get(r.segment_id);
      if (list) list.push(r);
      else m.set(r.segment_id, [r]);
    }
    return m;
  }

  private revRow(revisionId: string, segmentId: number): RevRow {
    const id = parseNumericId(revisionId, 'revision');
    const r = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevRow | undefined;
    if (!r || r.segment_id !== segmentId) {
      throw new RelaisError('invalid.arguments', `Segment ${segmentId} has no revision ${revisionId}`);
    }
    return r;
  }

  private commentRow(commentId: string): CommentRow {
    const id = parseNumericId(commentId, 'comment');
    const r = this.db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    if (!r) throw new RelaisError('invalid.arguments', `No comment with id ${commentId}`);
    return r;
  }

  private threadRoot(commentId: string): CommentRow {
    let r = this.commentRow(commentId);
    for (let guard = 0; r.parent_id !== null && guard < 10_000; guard++) r = this.commentRow(String(r.parent_id));
    return r;
  }
}
