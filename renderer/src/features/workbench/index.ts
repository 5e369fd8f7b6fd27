export { SegmentGrid, type SegmentGridProps } from './SegmentGrid.tsx';
export { sourceCaretOffset } from './caret.ts';
export { SegmentToolbar } from './SegmentToolbar.tsx';
export type { CurrentHit, EditorCallbacks, EditorHandle, RowModel } from './types.ts';
