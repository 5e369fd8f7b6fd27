/**
 * The one writer of revision rows. Every change of a segment's target, status or source — a commit, a status
 * change, a split, a merge, a restore, a review action, a republished source — goes through `write`, inside the
 * caller's transaction: it records the acting user, adds the revision (its parent is the head the change was made
 * on), moves the segment's head, target, status and source, clears the changed-source flag when the translation is
 * confirmed, and drops the segment's autosaved draft.
 */
import type Database from 'better-sqlite3';
import { newId } from '../../../shared/ids.ts';
import type { RevisionOrigin, SegmentStatus, UserIdentity } from '../../../shared/model.ts';
import { CONFIRMED_STATUSES, isBlank } from '../../../shared/workflow.ts';

export interface RevisionChange {
  target: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  comment?: string | null;
  /** An editor's reason for approving despite QA errors; kept only on approvals. */
  qaOverride?: string | null;
  /** The segment's new source (split, merge, republished source); default: unchanged. */
  source?: string;
  /** The revision this one is made on top of; default: the segment's head. */
  prevRevisionId?: string | null;
  /** Second parent, for a revision that resolves a conflict between two heads. */
  mergeParentId?: string | null;
}

/** What the writer needs of the segment being changed. */
export interface SegmentHead {
  id: string;
  source: string;
  revision_id: string | null;
}

export class RevisionWriter {
  private readonly st;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.st = {
      upsertUser: db.prepare(
        `INSERT INTO users(id, display_name, role, legacy, created_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role
         WHERE display_name IS NOT excluded.display_name OR role IS NOT excluded.role`,
      ),
      insert: db.prepare(
        `INSERT INTO revisions(id, segment_id, prev_revision_id, merge_parent_id, author, author_id, role, created_at, source, text, status,
                               origin, comment, qa_override)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      head: db.prepare(
        `UPDATE segments SET source = ?, target = ?, status = ?, revision_id = ?, updated_at = ?, updated_by = ?,
                source_changed_from = CASE WHEN ? THEN NULL ELSE source_changed_from END
         WHERE id = ?`,
      ),
      dropDraft: db.prepare('DELETE FROM drafts WHERE segment_id = ?'),
    };
  }

  /** Records `user` in the project's users (display name and role as they are now). */
  ensureUser(user: UserIdentity, at: string = this.now().toISOString()): void {
    this.st.upsertUser.run(user.id, user.name, user.role, at);
  }

  /** Writes a revision of `segment` and makes it the head; returns its id. Runs inside the caller's transaction. */
  write(segment: SegmentHead, change: RevisionChange, user: UserIdentity): string {
    const now = this.now();
    const ts = now.toISOString();
    this.ensureUser(user, ts);
    const id = newId(now);
    const source = change.source ?? segment.source;
    const override = change.status === 'approved' && change.qaOverride && !isBlank(change.qaOverride) ? change.qaOverride.trim() : null;
    this.st.insert.run(
      id,
      segment.id,
      change.prevRevisionId === undefined ? segment.revision_id : change.prevRevisionId,
      change.mergeParentId ?? null,
      user.name,
      user.id,
      user.role,
      ts,
      source,
      change.target,
      change.status,
      change.origin,
      change.comment ?? null,
      override,
    );
    this.st.head.run(source, change.target, change.status, id, ts, user.name, CONFIRMED_STATUSES.has(change.status) ? 1 : 0, segment.id);
    this.st.dropDraft.run(segment.id);
    return id;
  }
}
