/**
 * Slots the app shell fills in the workbench rows without features importing each other: components that render
 * inside a row for one segment (terminology underlines the source, live QA marks the active editor, review badges the
 * status cell…). Each slot component subscribes to its own feature's store for its own segment, so a row re-renders
 * only when its segment or its place changes, and a slot only when its own data does. The value is provided once
 * and never changes. Empty by default.
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { Role, Segment } from '../../../shared/model.ts';

export interface SegmentDecor {
  /** The source text of a row, decorated. Rendered for rows that show no find highlight. */
  Source?: ComponentType<{ segmentId: string; source: string }>;
  /**
   * The content of the active editor's mirror: its current `text` with marks over ranges (live QA findings). It is
   * laid out exactly like the textarea, its text transparent, so only the marks' underlines show over the words.
   */
  EditorMarks?: ComponentType<{ segmentId: string; text: string }>;
  /** Shown under the active segment's editor. */
  BelowEditor?: ComponentType<{ segmentId: string }>;
  /** Marks in a row's status cell (review: changed since my last look, open comments). */
  RowBadges?: ComponentType<{ segmentId: string }>;
  /** Shown under a row's target, active or not, in this order (a changed source, tracked changes, the approval lock). */
  BelowTarget?: readonly ComponentType<{ segmentId: string; active: boolean }>[];
  /** True when the user may not edit the segment (approved, for a translator): its editor is read-only. */
  readOnly?: (segment: Segment, role: Role | null) => boolean;
}

export const SegmentDecorContext = createContext<SegmentDecor>({});

export function useSegmentDecor(): SegmentDecor {
  return useContext(SegmentDecorContext);
}
