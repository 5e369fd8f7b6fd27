import type { BlockKind } from '../model.ts';

/** A block as a format parser produces it, before page-chrome detection. */
export interface RawBlock {
  kind: BlockKind;
  /** 1–6 for headings; 1 for the title. */
  level?: number;
  /** Exact text: typography kept (U+00A0, U+202F, ’, « »), no leading/trailing white space, no line breaks. */
  text: string;
}
