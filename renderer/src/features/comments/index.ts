export { CommentsPanel, OpenCommentsCount, type CommentsPanelProps } from './CommentsPanel.tsx';
