export { SegmentGrid, type SegmentGridProps } from './SegmentGrid.tsx';
export { sourceCaretOffset } from './caret.ts';
export { SegmentToolbar } from './SegmentToolbar.tsx';
export type { CurrentHit } from './types.ts';
export { createWorkbench, type Workbench } from './workbench.ts';
export { WORKBENCH_COMMANDS } from './commands.ts';
