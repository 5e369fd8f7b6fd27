export { ArchiveView } from './ArchiveView.tsx';
export { SourceChangedNote } from './SourceChangedNote.tsx';
export { DifferentArticleDialog, SourceUpdateResultDialog } from './SourceUpdateResultDialog.tsx';
export { createSourceUpdate, type SourceUpdate } from './sourceUpdate.ts';
export { SOURCE_UPDATE_COMMANDS } from './commands.ts';
export { ArchiveContainer, SourceChangedSlot, SourceUpdateDialogs } from './connected.tsx';
