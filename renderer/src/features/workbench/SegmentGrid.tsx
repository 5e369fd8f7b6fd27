import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentRow } from './SegmentRow.tsx';

export interface SegmentGridProps {
  /** The rows shown, in order (filters applied); each row reads its own data from the stores. */
  ids: readonly string[];
  onActivate(segmentId: string, focusEditor: boolean): void;
  onToggleTranslatable(blockId: string, translatable: boolean): void;
}

/** French source left, English target right, one row per segment. */
export const SegmentGrid = memo(function SegmentGrid({ ids, onActivate, onToggleTranslatable }: SegmentGridProps) {
  const { t } = useTranslation();
  return (
    <div className="segment-grid" role="grid" aria-label={t('workbench.gridLabel')} aria-rowcount={ids.length + 1} data-testid="segment-grid">
      <div role="row" className="segment-row grid-header">
        <div role="columnheader" className="cell gutter" aria-hidden="true" />
        <div role="columnheader" className="cell source">{t('workbench.sourceHeader')}</div>
        <div role="columnheader" className="cell target">{t('workbench.targetHeader')}</div>
        <div role="columnheader" className="cell status" aria-hidden="true" />
      </div>
      {ids.length === 0 ? <div className="grid-empty" role="row"><div role="gridcell">{t('workbench.noRows')}</div></div> : null}
      {ids.map((id) => (
        <SegmentRow key={id} segmentId={id} t={t} onActivate={onActivate} onToggleTranslatable={onToggleTranslatable} />
      ))}
    </div>
  );
});
