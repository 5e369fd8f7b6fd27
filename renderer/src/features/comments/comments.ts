/** Threaded comments on segments: add, reply, resolve, reopen. The threads are the core's (lib/state/comments.ts). */
import type { CommentView } from '../../../../shared/ipc/channels/review.ts';
import type { Core } from '../../lib/core/core.ts';
import { openThreadsBySegment } from '../../lib/state/comments.ts';
import { memoLast } from '../../lib/state/store.ts';

export interface Comments {
  /** The active segment's comments, or null without an active segment. */
  activeComments(): readonly CommentView[] | null;
  /** Open threads in the whole project. */
  openCount(): number;
  add(text: string, parentId: string | null): void;
  resolve(commentId: string): void;
  reopen(commentId: string): void;
}

export function createComments(core: Core): Comments {
  const { api } = core;
  const ofSegment = memoLast((comments: readonly CommentView[], id: string | null) => (id ? comments.filter((c) => c.segmentId === id) : null));
  const then = (p: Promise<unknown> | undefined) => {
    p?.then(() => core.reloadComments(), (e: unknown) => core.showError(e));
  };
  return {
    activeComments: () => ofSegment(core.comments.getState().comments, core.view.getState().activeId),
    openCount: () => [...openThreadsBySegment(core.comments.getState().comments).values()].reduce((a, b) => a + b, 0),
    add(text, parentId) {
      const id = core.view.getState().activeId;
      if (!api || !id) return;
      then(api.addComment(id, text, parentId));
    },
    resolve: (id) => then(api?.resolveComment(id)),
    reopen: (id) => then(api?.reopenComment(id)),
  };
}
