export { LockNotice } from './LockNotice.tsx';
export { RejectDialog } from './RejectDialog.tsx';
export { ReviewFilter, type ReviewFilterValue } from './ReviewFilter.tsx';
export { TrackedChangesView } from './TrackedChangesView.tsx';
export { RowBadges } from './RowBadges.tsx';
export { ReviewToolbar } from './ReviewToolbar.tsx';
export { createReview, type Review, type ReviewCounts } from './review.ts';
export { REVIEW_COMMANDS } from './commands.ts';
export { RejectDialogContainer, ReviewModeBanner, ReviewToolbarContainer, reviewSlots } from './connected.tsx';
