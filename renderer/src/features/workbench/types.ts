import type { Block, DisplayKind, RevisionOrigin, Segment } from '../../../../shared/model.ts';

/** One line of the workbench: a segment, its block and how it shows. */
export interface RowModel {
  segment: Segment;
  block: Block;
  kind: DisplayKind;
  /** First segment of its block: paragraphs are spaced apart, labels show once. */
  blockStart: boolean;
  /** 1-based number shown in the gutter. */
  number: number;
}

/** The current find hit, given only to the row that holds it. */
export interface CurrentHit {
  field: 'source' | 'target';
  start: number;
}

/** What the app shell can do with the active editor without re-rendering the list. */
export interface EditorHandle {
  segmentId: string;
  getText(): string;
  getOrigin(): RevisionOrigin;
  setText(text: string, origin: RevisionOrigin): void;
  focus(): void;
  caret(): number;
}

export interface EditorCallbacks {
  /** Every change of the buffer (typing, paste, copy source): the shell debounces the draft autosave. */
  onInput(segmentId: string, text: string): void;
  /** The shell keeps the handle of the one mounted editor. */
  register(handle: EditorHandle | null, segmentId: string): void;
}
