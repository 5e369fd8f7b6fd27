/**
 * The comment threads of the open project, read from main. Several features show them: the comments panel, the
 * row badges and the review filter (open threads), the publication view (blockers).
 */
import type { CommentView } from '../../../../shared/ipc/channels/review.ts';
import { createStore, memoLast, type StoreApi } from './store.ts';

export interface CommentsState {
  comments: readonly CommentView[];
}

export type CommentsStore = StoreApi<CommentsState>;

export function createCommentsStore(): CommentsStore {
  return createStore<CommentsState>(() => ({ comments: [] }));
}

/** Open threads per segment (a thread is its first comment, not resolved). */
export const openThreadsBySegment = memoLast((comments: readonly CommentView[]): ReadonlyMap<string, number> => {
  const m = new Map<string, number>();
  for (const c of comments) if (c.parentId === null && c.resolvedAt === null) m.set(c.segmentId, (m.get(c.segmentId) ?? 0) + 1);
  return m;
});
