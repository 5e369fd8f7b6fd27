/** The review components on the stores: the row slots (badges, tracked changes, the lock), the toolbar, the reject dialog. */
import type { Role, Segment } from '../../../../shared/model.ts';
import { useCore } from '../../lib/core/context.tsx';
import { probeRender } from '../../lib/renderProbe.ts';
import { openThreadsBySegment } from '../../lib/state/comments.ts';
import { useStore, useStores } from '../../lib/state/store.ts';
import { LockNotice } from './LockNotice.tsx';
import { RejectDialog } from './RejectDialog.tsx';
import type { Review } from './review.ts';
import { ReviewToolbar } from './ReviewToolbar.tsx';
import { RowBadges } from './RowBadges.tsx';
import { TrackedChangesView } from './TrackedChangesView.tsx';

/** The row slots review fills (lib/segmentDecor.tsx), bound to one instance; create once. */
export function reviewSlots(review: Review) {
  return {
    RowBadges: function ReviewRowBadges({ segmentId }: { segmentId: string }) {
      probeRender('ReviewRowBadges', segmentId);
      const core = useCore();
      const changedSince = useStore(review.store, (s) => s.changed.has(segmentId));
      const open = useStore(core.comments, (s) => openThreadsBySegment(s.comments).get(segmentId) ?? 0);
      const role = useStore(core.session, (s) => (changedSince ? s.settings?.user?.role ?? null : null));
      return changedSince || open ? <RowBadges changedSince={changedSince} openComments={open} role={role} /> : null;
    },
    TrackedChanges: function ReviewTrackedChanges({ segmentId }: { segmentId: string; active: boolean }) {
      probeRender('ReviewTrackedChanges', segmentId);
      const core = useCore();
      const changes = useStore(review.store, (s) => (s.reviewMode ? s.tracked.get(segmentId) : undefined));
      const canAct = useStores(() => (changes ? review.editorOnly() : true), core.session);
      if (!changes) return null;
      return (
        <TrackedChangesView
          changes={changes}
          canAct={canAct}
          onAccept={(id) => void review.acceptChanges(id)}
          onReject={(id) => void review.rejectChanges(id)}
        />
      );
    },
    Lock: function ReviewLock({ segmentId, active }: { segmentId: string; active: boolean }) {
      probeRender('ReviewLock', segmentId);
      const core = useCore();
      const locked = useStore(core.project, (s) => {
        const seg = s.segments.get(segmentId);
        return active && seg !== undefined && seg.status === 'approved' && seg.translatable;
      });
      const isEditor = useStore(core.session, (s) => s.settings?.user?.role === 'editor');
      if (!locked) return null;
      return <LockNotice canUnlock={isEditor} onUnlock={() => void review.unlock(segmentId)} />;
    },
    /** Approved segments are locked for translators: their editor is read-only. */
    readOnly: (segment: Segment, role: Role | null) => role !== 'editor' && segment.status === 'approved',
  };
}

export function ReviewToolbarContainer({ review }: { review: Review }) {
  const core = useCore();
  const reviewMode = useStore(review.store, (s) => s.reviewMode);
  const filter = useStore(review.store, (s) => s.filter);
  const panel = useStore(core.view, (s) => s.sidePanel);
  const role = useStore(core.session, (s) => s.settings?.user?.role ?? null);
  const counts = useStores(review.counts, review.store, core.comments, core.project);
  return <ReviewToolbar reviewMode={reviewMode} panel={panel} filter={filter} onFilterChange={review.setFilter} role={role} counts={counts} />;
}

export function ReviewModeBanner({ review, text }: { review: Review; text: string }) {
  const on = useStore(review.store, (s) => s.reviewMode);
  return on ? <p className="review-mode-banner" data-testid="review-mode-banner">{text}</p> : null;
}

export function RejectDialogContainer({ review }: { review: Review }) {
  const rejecting = useStore(review.store, (s) => s.rejecting);
  if (!rejecting) return null;
  return <RejectDialog segmentNumber={rejecting.number} onSubmit={(c) => void review.submitReject(c)} onCancel={review.cancelReject} />;
}
