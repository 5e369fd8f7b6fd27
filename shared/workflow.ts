/**
 * The segment workflow: the one place that says which status a segment may move to, who may move it, and what a
 * change of source or a review action does to its status. The project store applies it to every change (commit,
 * set status, drafts, split, merge, restore, tracked-change actions, source updates); the renderer may ask it too,
 * to grey out what would be refused.
 *
 *   new ──type──▶ draft ──confirm──▶ translated ──editor──▶ approved (locked: only an editor changes it)
 *                   ▲                    │                      │
 *                   └────── editor rejects (with a comment) ◀───┘ ──▶ rejected ──translator fixes──▶ draft / translated
 *
 * Rules:
 *  - a segment left out of translation (chrome) takes no change;
 *  - approved and rejected are set by an editor only;
 *  - an approved segment is locked: only an editor may change it (text, status, draft, split, merge, restore);
 *  - the status follows the target: an empty target is `new` (a `draft` of nothing is `new`) and can be neither
 *    translated nor approved; a non-empty target is never `new`;
 *  - rejecting (from any other status) needs a comment that says why.
 */
import { RelaisError, type ErrorCode } from './errors.ts';
import type { Role, SegmentStatus } from './model.ts';

/** A person's request to give a segment the status `to`, with `target` as its text afterwards. */
export interface TransitionRequest {
  role: Role;
  from: SegmentStatus;
  to: SegmentStatus;
  /** The segment's target after the change (the new text for a commit, the stored one for a status change). */
  target: string;
  /** The comment given with the change; a rejection needs one. */
  comment?: string | null;
  /** False for a segment left out of translation (default true). */
  translatable?: boolean;
}

export type TransitionRefusal =
  | 'out-of-translation'
  | 'editor-only'
  | 'locked'
  | 'blank-confirmed'
  | 'filled-new'
  | 'reject-needs-comment';

export type TransitionVerdict = { ok: true; status: SegmentStatus } | { ok: false; refusal: TransitionRefusal };

/** Statuses only an editor may give. */
export const EDITOR_ONLY_STATUSES: ReadonlySet<SegmentStatus> = new Set(['approved', 'rejected']);
/** Statuses that mean "a person has confirmed this translation" (they clear a changed-source flag). */
export const CONFIRMED_STATUSES: ReadonlySet<SegmentStatus> = new Set(['translated', 'approved']);

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** True when `role` may not change a segment that has status `from` (the approved lock). */
export function isLocked(from: SegmentStatus, role: Role): boolean {
  return from === 'approved' && role !== 'editor';
}

/** Decides a transition; the status it returns is the one to store (a draft with an empty target becomes `new`). */
export function decideTransition(req: TransitionRequest): TransitionVerdict {
  if (req.translatable === false) return { ok: false, refusal: 'out-of-translation' };
  if (EDITOR_ONLY_STATUSES.has(req.to) && req.role !== 'editor') return { ok: false, refusal: 'editor-only' };
  if (isLocked(req.from, req.role)) return { ok: false, refusal: 'locked' };
  let status = req.to;
  if (isBlank(req.target)) {
    if (status === 'draft') status = 'new';
    if (CONFIRMED_STATUSES.has(status)) return { ok: false, refusal: 'blank-confirmed' };
  } else if (status === 'new') {
    return { ok: false, refusal: 'filled-new' };
  }
  const comment = req.comment ?? null;
  if (status === 'rejected' && req.from !== 'rejected' && (comment === null || isBlank(comment))) {
    return { ok: false, refusal: 'reject-needs-comment' };
  }
  return { ok: true, status };
}

const REFUSALS: Record<TransitionRefusal, { code: ErrorCode; message: (req: TransitionRequest, status: SegmentStatus) => string }> = {
  'out-of-translation': { code: 'invalid.operation', message: () => 'This segment is out of translation' },
  'editor-only': { code: 'permission.denied', message: (r) => `Only an editor can set a segment to ${r.to}` },
  locked: { code: 'segment.locked', message: () => 'This segment is approved: only an editor can change it' },
  'blank-confirmed': { code: 'invalid.operation', message: (r) => `An untranslated segment cannot be ${r.to}` },
  'filled-new': { code: 'invalid.operation', message: () => 'A segment with a translation cannot be new: use draft' },
  'reject-needs-comment': { code: 'invalid.arguments', message: () => 'Say why you reject this segment: a comment is required' },
};

/** The error a refused transition is reported with (stable code, English message, the segment in the detail). */
export function refusalError(refusal: TransitionRefusal, req: TransitionRequest, segmentId: string): RelaisError {
  const r = REFUSALS[refusal];
  return new RelaisError(r.code, r.message(req, req.to), { detail: `segment ${segmentId}` });
}

/** decideTransition, throwing the refusal as a RelaisError about `segmentId`. */
export function assertTransition(req: TransitionRequest, segmentId: string): SegmentStatus {
  const v = decideTransition(req);
  if (!v.ok) throw refusalError(v.refusal, req, segmentId);
  return v.status;
}

/** Throws segment.locked when `role` may not touch a segment with status `from` (drafts, split, merge, restore). */
export function assertUnlocked(from: SegmentStatus, role: Role, segmentId: string): void {
  if (isLocked(from, role)) throw refusalError('locked', { role, from, to: from, target: '' }, segmentId);
}

/** Status of a segment whose source changed under its translation (split, merge, republished source). */
export function statusAfterSourceChange(target: string): SegmentStatus {
  return isBlank(target) ? 'new' : 'draft';
}

/**
 * Status of an older revision made current again: confirmed text comes back `translated` (approving it again goes
 * through the approval gate), anything else `draft`, an empty text `new`.
 */
export function restoredStatus(revision: { text: string; status: SegmentStatus }): SegmentStatus {
  if (isBlank(revision.text)) return 'new';
  return CONFIRMED_STATUSES.has(revision.status) ? 'translated' : 'draft';
}

/** Status after an editor rejects tracked changes: the translator's confirmed text is back. */
export function statusAfterRejectedChanges(base: string): SegmentStatus {
  return isBlank(base) ? 'new' : 'translated';
}

/** An editor unlocks an approved segment: it goes back to translated. */
export const UNLOCKED_STATUS: SegmentStatus = 'translated';
