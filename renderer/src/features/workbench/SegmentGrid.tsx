import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentRow } from './SegmentRow.tsx';
import type { CurrentHit, EditorCallbacks, RowModel } from './types.ts';

export interface SegmentGridProps {
  rows: readonly RowModel[];
  activeId: string | null;
  findQuery: string;
  /** Segments with a find match: only their rows get the query (and re-render when it changes). */
  matched: ReadonlySet<string>;
  /** The current find hit and the segment it is in. */
  hit: (CurrentHit & { segmentId: string }) | null;
  editorText: string | undefined;
  editorKey: number;
  editor: EditorCallbacks;
  onActivate(segmentId: string, focusEditor: boolean): void;
  onToggleTranslatable(blockId: string, translatable: boolean): void;
}

/** French source left, English target right, one row per segment. */
export const SegmentGrid = memo(function SegmentGrid(p: SegmentGridProps) {
  const { t } = useTranslation();
  return (
    <div className="segment-grid" role="grid" aria-label={t('workbench.gridLabel')} aria-rowcount={p.rows.length + 1} data-testid="segment-grid">
      <div role="row" className="segment-row grid-header">
        <div role="columnheader" className="cell gutter" aria-hidden="true" />
        <div role="columnheader" className="cell source">{t('workbench.sourceHeader')}</div>
        <div role="columnheader" className="cell target">{t('workbench.targetHeader')}</div>
        <div role="columnheader" className="cell status" aria-hidden="true" />
      </div>
      {p.rows.length === 0 ? <div className="grid-empty" role="row"><div role="gridcell">{t('workbench.noRows')}</div></div> : null}
      {p.rows.map((row) => {
        const active = row.segment.id === p.activeId;
        return (
          <SegmentRow
            key={row.segment.id}
            row={row}
            t={t}
            active={active}
            findQuery={p.matched.has(row.segment.id) ? p.findQuery : ''}
            hit={p.hit && p.hit.segmentId === row.segment.id ? p.hit : undefined}
            editorText={active ? p.editorText : undefined}
            editorKey={active ? p.editorKey : 0}
            editor={p.editor}
            onActivate={p.onActivate}
            onToggleTranslatable={p.onToggleTranslatable}
          />
        );
      })}
    </div>
  );
});
