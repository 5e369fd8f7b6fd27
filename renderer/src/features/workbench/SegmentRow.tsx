import { memo } from 'react';
import type { TFunction } from 'i18next';
import { Highlighted } from '../../components/Highlighted.tsx';
import { StatusBadgeView } from '../../components/StatusBadge.tsx';
import { useSegmentDecor } from '../../lib/segmentDecor.tsx';
import { TargetEditor } from './TargetEditor.tsx';
import type { CurrentHit, EditorCallbacks, RowModel } from './types.ts';

export interface RowProps {
  row: RowModel;
  /** Passed down from the grid (one i18n subscription for the whole list); changes with the language. */
  t: TFunction;
  active: boolean;
  findQuery: string;
  hit: CurrentHit | undefined;
  /** Text the editor starts with when this row is active (an autosaved draft, else the target). */
  editorText: string | undefined;
  editorKey: number;
  editor: EditorCallbacks;
  onActivate(segmentId: string, focusEditor: boolean): void;
  onToggleTranslatable(blockId: string, translatable: boolean): void;
}

function kindLabel(row: RowModel, t: TFunction): string | null {
  if (!row.blockStart) return null;
  if (row.kind === 'title') return t('kind.title');
  if (row.kind === 'heading') return t('kind.heading', { level: row.block.level ?? 2 });
  return null;
}

/** One segment: gutter, French source, English target (the editor when active), status. Memoised. */
export const SegmentRow = memo(function SegmentRow({ row, t, active, findQuery, hit, editorText, editorKey, editor, onActivate, onToggleTranslatable }: RowProps) {
  const { segment, block, kind } = row;
  // Slots the app shell fills (term underlines in the source, live QA findings under the editor): lib/segmentDecor.tsx.
  const decor = useSegmentDecor();
  const chromeOut = kind === 'chrome';
  const chromeIn = block.chrome !== null && block.translatable;
  const label = kindLabel(row, t);
  const status = t(`status.${segment.status}`);
  const classes = [
    'segment-row',
    `kind-${kind}`,
    `status-${segment.status}`,
    row.blockStart ? 'block-start' : '',
    active ? 'active' : '',
    chromeIn ? 'chrome-included' : '',
  ].filter(Boolean).join(' ');

  return (
    <div
      role="row"
      className={classes}
      data-testid="segment-row"
      data-segment-id={segment.id}
      data-block-id={block.id}
      data-status={segment.status}
      data-kind={kind}
      data-active={active ? 'true' : undefined}
      aria-selected={active}
      aria-label={t('workbench.rowLabel', { number: row.number, status })}
      tabIndex={active ? 0 : -1}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget && !chromeOut) {
          e.preventDefault();
          onActivate(segment.id, true);
        }
      }}
    >
      <div role="gridcell" className="cell gutter">
        <span className="seg-number">{row.number}</span>
        {label ? <span className="kind-label">{label}</span> : null}
      </div>
      <div
        role="gridcell"
        className="cell source"
        data-testid="segment-source"
        lang="fr"
        onMouseUp={() => { if (!chromeOut && !active) onActivate(segment.id, false); }}
      >
        {chromeOut && row.blockStart ? (
          <div className="chrome-note">
            <span className="chrome-label">{t('chrome.label')}</span>
            {block.chrome ? <span className="chrome-reason">{t('chrome.reasonPrefix', { reason: t(`chrome.reason.${block.chrome}`) })}</span> : null}
          </div>
        ) : null}
        {chromeIn && row.blockStart ? <div className="chrome-note"><span className="chrome-label">{t('chrome.translatedOnRequest')}</span></div> : null}
        <span className="source-text">
          {findQuery === '' && decor.source ? decor.source(segment.id, segment.source) : <Highlighted text={segment.source} query={findQuery} current={hit?.field === 'source' ? hit.start : undefined} />}
        </span>
      </div>
      <div
        role="gridcell"
        className="cell target"
        data-testid="segment-target"
        lang="en"
        onClick={() => { if (!chromeOut && !active) onActivate(segment.id, true); }}
      >
        {active && !chromeOut ? (
          <>
            <TargetEditor key={`${segment.id}:${editorKey}`} segmentId={segment.id} number={row.number} initialText={editorText ?? segment.target} callbacks={editor} readOnly={decor.readOnly?.(segment.id) ?? false} />
            {decor.belowEditor ? decor.belowEditor(segment.id) : null}
          </>
        ) : segment.target !== '' ? (
          <span className="target-text"><Highlighted text={segment.target} query={findQuery} current={hit?.field === 'target' ? hit.start : undefined} /></span>
        ) : chromeOut ? null : (
          <span className="target-empty">{t('workbench.emptyTarget')}</span>
        )}
        {(chromeOut || chromeIn) && row.blockStart ? (
          <button
            type="button"
            className="toggle-translatable"
            data-testid="toggle-translatable"
            onClick={(e) => { e.stopPropagation(); onToggleTranslatable(block.id, chromeOut); }}
          >
            {chromeOut ? t('chrome.translate') : t('chrome.exclude')}
          </button>
        ) : null}
        {decor.belowTarget && !chromeOut ? decor.belowTarget(segment.id) : null}
      </div>
      <div role="gridcell" className="cell status">
        <StatusBadgeView status={segment.status} label={status} />
        {decor.rowBadges ? decor.rowBadges(segment.id) : null}
      </div>
    </div>
  );
});
