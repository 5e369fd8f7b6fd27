/**
 * Slots the app shell fills in the workbench rows without features importing each other: the source text of a row
 * (terminology underlines), marks over the active editor's text and what shows under it (live QA findings). Empty by default.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface SegmentDecor {
  /** The source text of a row, decorated. Called for rows that show no find highlight. */
  source?: (segmentId: string, source: string) => ReactNode;
  /**
   * The content of the active editor's mirror: its current `text` with marks over ranges (live QA findings). It is
   * laid out exactly like the textarea, its text transparent, so only the marks' underlines show over the words.
   */
  editorMarks?: (segmentId: string, text: string) => ReactNode;
  /** Shown under the active segment's editor. */
  belowEditor?: (segmentId: string) => ReactNode;
  /** Marks in a row's status cell (review: changed since my last look, open comments). */
  rowBadges?: (segmentId: string) => ReactNode;
  /** Shown under a row's target, active or not (review: tracked changes, a changed source, the approval lock). */
  belowTarget?: (segmentId: string) => ReactNode;
  /** True when the user may not edit the segment (approved, for a translator): its editor is read-only. */
  readOnly?: (segmentId: string) => boolean;
}

export const SegmentDecorContext = createContext<SegmentDecor>({});

export function useSegmentDecor(): SegmentDecor {
  return useContext(SegmentDecorContext);
}
