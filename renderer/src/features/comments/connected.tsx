import { useCore } from '../../lib/core/context.tsx';
import { useStore, useStores } from '../../lib/state/store.ts';
import type { Comments } from './comments.ts';
import { CommentsPanel, OpenCommentsCount } from './CommentsPanel.tsx';

export function CommentsPanelContainer({ comments }: { comments: Comments }) {
  const core = useCore();
  const open = useStore(core.view, (s) => s.sidePanel === 'comments');
  const number = useStores(() => core.activeRow()?.number ?? null, core.project, core.view);
  const list = useStores(comments.activeComments, core.comments, core.view);
  const canComment = useStore(core.session, (s) => s.settings?.user != null);
  if (!open) return null;
  return (
    <CommentsPanel
      segmentNumber={number}
      comments={list}
      canComment={canComment}
      onAdd={comments.add}
      onResolve={comments.resolve}
      onReopen={comments.reopen}
      onClose={() => core.view.setState({ sidePanel: null })}
    />
  );
}

export function OpenCommentsCountContainer({ comments, onShow }: { comments: Comments; onShow(): void }) {
  const core = useCore();
  const count = useStores(comments.openCount, core.comments);
  return <OpenCommentsCount count={count} onShow={onShow} />;
}
