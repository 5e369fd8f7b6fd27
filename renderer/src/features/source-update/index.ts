export { ArchiveView } from './ArchiveView.tsx';
export { SourceChangedNote } from './SourceChangedNote.tsx';
export { DifferentArticleDialog, SourceUpdateResultDialog } from './SourceUpdateResultDialog.tsx';
