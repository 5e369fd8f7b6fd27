export { CommentsPanel, OpenCommentsCount, type CommentsPanelProps } from './CommentsPanel.tsx';
export { createComments, type Comments } from './comments.ts';
export { COMMENTS_COMMANDS } from './commands.ts';
export { CommentsPanelContainer, OpenCommentsCountContainer } from './connected.tsx';
