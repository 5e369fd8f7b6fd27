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
import { newId, parseId } from '../../../shared/ids.ts';
import type { Role, Segment, SegmentStatus, UserIdentity } from '../../../shared/model.ts';
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
import { assertUnlocked, refusalError, restoredStatus, statusAfterRejectedChanges, UNLOCKED_STATUS } from '../../../shared/workflow.ts';
import type { ReviewExportInput, ReviewSegment } from '../export/review.ts';
import type { ProjectStore } from './project-store.ts';
import { LIVE_SEGMENT, SEGMENT_FROM, toRevision, type RevisionRow, type SegmentRow } from './rows.ts';

/** Comments that mark a revision as a review action (see HistoryEntry.action). */
export const REVIEW_ACTION_COMMENTS = {
  'accept-changes': 'Changes accepted',
  'reject-changes': 'Changes rejected: translator’s text restored',
  unlock: 'Unlocked for editing',
} as const;

const MAX_COMMENT = 10_000;

type RevRow = RevisionRow;

interface CommentRow {
  id: string;
  segment_id: string;
  parent_id: string | null;
  author: string;
  author_id: string;
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
    id: r.id,
    segmentId: r.segment_id,
    parentId: r.parent_id,
    author: r.author,
    authorId: r.author_id,
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

  /** The store's clock is the project's: every revision, comment and mark of one file is stamped by one clock. */
  constructor(project: ProjectStore) {
    this.project = project;
  }

  private get db() {
    this.project.assertOpen();
    return this.project.db;
  }

  private now(): Date {
    return this.project.now();
  }

  private write<T>(fn: () => T): T {
    return this.project.write(fn);
  }

  // ------------------------------------------------------------------ history

  /** Revisions of a segment (live, merged away or archived), oldest first. */
  history(segmentId: string): HistoryEntry[] {
    return this.revRows(this.project.anySegmentId(segmentId)).map(toEntry);
  }

  /** Segments that have a history (live, archived or merged away) in document order, with their revisions. */
  allHistory(): { segment: string; source: string; archived: boolean; revisions: HistoryEntry[] }[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.source, (s.archived_in_version IS NOT NULL OR b.archived_in_version IS NOT NULL) AS archived
         FROM ${SEGMENT_FROM} WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.segment_id = s.id) ORDER BY b.ord, s.ord, s.id`,
      )
      .all() as { id: string; source: string; archived: number }[];
    const byId = this.allRevisionsBySegment();
    return rows.map((r) => ({ segment: r.id, source: r.source, archived: r.archived === 1, revisions: (byId.get(r.id) ?? []).map(toEntry) }));
  }

  /** Word diff from revision `fromId` to revision `toId` of the same segment. */
  diffRevisions(segmentId: string, fromId: string, toId: string): RevisionDiff {
    const seg = this.project.anySegmentId(segmentId);
    const a = this.revRow(fromId, seg);
    const b = this.revRow(toId, seg);
    return { from: toEntry(a), to: toEntry(b), parts: wordDiff(a.text, b.text) };
  }

  /**
   * Makes the text of an older revision current again, as a new revision (origin 'restore'), respecting locks:
   * a translator cannot restore over an approved segment. The status follows shared/workflow.ts restoredStatus.
   */
  restoreRevision(segmentId: string, revisionId: string, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.project.liveRow(segmentId);
      const rev = this.revRow(revisionId, row.id);
      this.assertEditable(row, user);
      const status = restoredStatus(rev);
      if (rev.text !== row.target || status !== row.status) {
        this.project.writer.write(row, { target: rev.text, status, origin: 'restore', comment: `Restored revision ${rev.id}` }, user);
      }
      return this.project.segment(row.id);
    });
  }

  // ------------------------------------------------------------------ tracked changes

  /** The editor's changes to one segment against the translator's last confirmed text; null when there are none. */
  trackedChanges(segmentId: string): TrackedChanges | null {
    const row = this.project.liveRow(segmentId);
    return trackedFromRevisions(row.id, this.revRows(row.id), row.target);
  }

  /** Tracked changes of every live segment that has some, in document order. */
  allTrackedChanges(): TrackedChanges[] {
    const out: TrackedChanges[] = [];
    const byId = this.allRevisionsBySegment();
    for (const s of this.project.liveRows()) {
      const t = trackedFromRevisions(s.id, byId.get(s.id) ?? [], s.target);
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
        this.project.writer.write(row, { target: row.target, status: row.status, origin: 'review', comment: REVIEW_ACTION_COMMENTS['accept-changes'] }, user);
        return this.project.segment(row.id);
      }),
    );
  }

  /** Editor: rejects the tracked changes of one segment (or all): the translator's text comes back, status 'translated'. */
  rejectChanges(segmentId: string | 'all', user: UserIdentity): Segment[] {
    this.assertEditor(user, 'reject changes');
    return this.write(() =>
      this.changesTargets(segmentId).map(({ row, changes }) => {
        const status = statusAfterRejectedChanges(changes.base);
        this.project.writer.write(row, { target: changes.base, status, origin: 'review', comment: REVIEW_ACTION_COMMENTS['reject-changes'] }, user);
        return this.project.segment(row.id);
      }),
    );
  }

  /** Editor: an approved segment goes back to 'translated' (a revision), so translators can edit it again. */
  unlock(segmentId: string, user: UserIdentity): Segment {
    this.assertEditor(user, 'unlock a segment');
    return this.write(() => {
      const row = this.project.liveRow(segmentId);
      if (row.status !== 'approved') {
        throw new RelaisError('invalid.operation', 'Only an approved segment can be unlocked', { detail: `segment ${row.id} is ${row.status}` });
      }
      this.project.writer.write(row, { target: row.target, status: UNLOCKED_STATUS, origin: 'review', comment: REVIEW_ACTION_COMMENTS.unlock }, user);
      return this.project.segment(row.id);
    });
  }

  // ------------------------------------------------------------------ seen marks

  /** Records that `user` has seen these segments as they are now (their head revision). */
  markSeen(user: UserIdentity, segmentIds: readonly string[]): void {
    this.write(() => {
      const head = this.db.prepare('SELECT revision_id FROM segments WHERE id = ?');
      const up = this.db.prepare(
        `INSERT INTO review_marks(id, user_id, segment_id, revision_id, seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(user_id, segment_id) DO UPDATE SET revision_id = excluded.revision_id, seen_at = excluded.seen_at`,
      );
      const now = this.now();
      const ts = now.toISOString();
      this.project.writer.ensureUser(user, ts);
      for (const raw of segmentIds) {
        const id = parseId(raw, 'segment');
        const r = head.get(id) as { revision_id: string | null } | undefined;
        if (!r) throw new RelaisError('segment.notFound', `No segment with id ${raw}`);
        up.run(newId(now), user.id, id, r.revision_id, ts);
      }
    });
  }

  /**
   * Live segments whose head revision is by someone else and is not the one `user` last saw, in document order.
   * Marks and authors are compared by user id (ProjectStore.userKeys: an upgraded file's people were names).
   */
  changedSince(user: UserIdentity): string[] {
    const keys = this.project.userKeys(user);
    const list = keys.map(() => '?').join(', ');
    const rows = this.db
      .prepare(
        `SELECT s.id FROM ${SEGMENT_FROM} JOIN revisions r ON r.id = s.revision_id
         WHERE ${LIVE_SEGMENT} AND r.author_id NOT IN (${list})
           AND NOT EXISTS (SELECT 1 FROM review_marks m WHERE m.segment_id = s.id AND m.user_id IN (${list}) AND m.revision_id = s.revision_id)
         ORDER BY b.ord, s.ord`,
      )
      .all(...keys, ...keys) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // ------------------------------------------------------------------ comments

  addComment(segmentId: string, text: string, user: UserIdentity, parentId?: string | null): CommentView {
    const body = typeof text === 'string' ? text.trim() : '';
    if (body === '') throw new RelaisError('invalid.arguments', 'A comment cannot be empty');
    if (body.length > MAX_COMMENT) throw new RelaisError('invalid.arguments', `A comment is limited to ${MAX_COMMENT} characters`);
    return this.write(() => {
      const row = this.project.liveRow(segmentId);
      let parent: string | null = null;
      if (parentId !== undefined && parentId !== null) {
        const p = this.commentRow(parentId);
        if (p.segment_id !== row.id) throw new RelaisError('invalid.arguments', 'A reply must be on the same segment as the comment it answers');
        parent = p.id;
      }
      return toComment(this.commentRow(this.project.insertComment(row.id, parent, body, user)));
    });
  }

  /** Resolves the thread the comment belongs to (its first comment). Resolving a resolved thread changes nothing. */
  resolveComment(commentId: string, user: UserIdentity): CommentView {
    return this.write(() => {
      const root = this.threadRoot(commentId);
      if (root.resolved_at === null) {
        const ts = this.now().toISOString();
        this.project.writer.ensureUser(user, ts);
        this.db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ?, resolved_by_id = ? WHERE id = ?').run(ts, user.name, user.id, root.id);
      }
      return toComment(this.commentRow(root.id));
    });
  }

  /** Reopens a resolved thread. */
  reopenComment(commentId: string, _user: UserIdentity): CommentView {
    return this.write(() => {
      const root = this.threadRoot(commentId);
      this.db.prepare('UPDATE comments SET resolved_at = NULL, resolved_by = NULL, resolved_by_id = NULL WHERE id = ?').run(root.id);
      return toComment(this.commentRow(root.id));
    });
  }

  /** Comments of one segment (or all), oldest first, with the number of open threads among them. */
  comments(segmentId?: string | null): CommentList {
    let rows: CommentRow[];
    if (segmentId === undefined || segmentId === null) {
      rows = this.db.prepare('SELECT * FROM comments ORDER BY id').all() as CommentRow[];
    } else {
      const id = this.project.anySegmentId(segmentId);
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
         WHERE c.parent_id IS NULL AND c.resolved_at IS NULL AND ${LIVE_SEGMENT} GROUP BY c.segment_id ORDER BY b.ord, s.ord`,
      )
      .all() as { id: string; n: number }[];
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
      blockers: { notApproved, openComments: { count: openCount, segmentIds: open.map((r) => r.id) }, qaErrors },
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
      const t = trackedFromRevisions(s.id, revs.get(s.id) ?? [], s.target);
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

  private assertEditable(row: SegmentRow, user: UserIdentity): void {
    if (row.translatable !== 1) throw refusalError('out-of-translation', { role: user.role, from: row.status, to: row.status, target: row.target }, row.id);
    assertUnlocked(row.status, user.role, row.id);
  }

  private changesTargets(segmentId: string | 'all'): { row: SegmentRow; changes: TrackedChanges }[] {
    if (segmentId !== 'all') {
      const row = this.project.liveRow(segmentId);
      const changes = trackedFromRevisions(row.id, this.revRows(row.id), row.target);
      if (!changes) throw new RelaisError('invalid.operation', 'This segment has no tracked changes', { detail: `segment ${row.id}` });
      return [{ row, changes }];
    }
    const byId = this.allRevisionsBySegment();
    const out: { row: SegmentRow; changes: TrackedChanges }[] = [];
    for (const row of this.project.liveRows()) {
      const changes = trackedFromRevisions(row.id, byId.get(row.id) ?? [], row.target);
      if (changes) out.push({ row, changes });
    }
    return out;
  }

  private revRows(segmentId: string): RevRow[] {
    return this.project.revisionRows(segmentId);
  }

  private allRevisionsBySegment(): Map<string, RevRow[]> {
    const m = new Map<string, RevRow[]>();
    for (const r of this.db.prepare('SELECT * FROM revisions ORDER BY segment_id, id').iterate() as IterableIterator<RevRow>) {
      const list = m.get(r.segment_id);
      if (list) list.push(r);
      else m.set(r.segment_id, [r]);
    }
    return m;
  }

  private revRow(revisionId: string, segmentId: string): RevRow {
    const id = parseId(revisionId, 'revision');
    const r = this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(id) as RevRow | undefined;
    if (!r || r.segment_id !== segmentId) {
      throw new RelaisError('invalid.arguments', `Segment ${segmentId} has no revision ${revisionId}`);
    }
    return r;
  }

  private commentRow(commentId: string): CommentRow {
    const id = parseId(commentId, 'comment');
    const r = this.db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    if (!r) throw new RelaisError('invalid.arguments', `No comment with id ${commentId}`);
    return r;
  }

  private threadRoot(commentId: string): CommentRow {
    let r = this.commentRow(commentId);
    for (let guard = 0; r.parent_id !== null && guard < 10_000; guard++) r = this.commentRow(r.parent_id);
    return r;
  }
}
