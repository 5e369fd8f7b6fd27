import { memo } from 'react';
import type { TFunction } from 'i18next';
import { Highlighted } from '../../components/Highlighted.tsx';
import { StatusBadgeView } from '../../components/StatusBadge.tsx';
import { useCore } from '../../lib/core/context.tsx';
import type { Core } from '../../lib/core/core.ts';
import { probeRender } from '../../lib/renderProbe.ts';
import { useSegmentDecor } from '../../lib/segmentDecor.tsx';
import type { RowPlace } from '../../lib/state/project.ts';
import { useStore, useStores } from '../../lib/state/store.ts';
import { TargetEditor } from './TargetEditor.tsx';
import type { CurrentHit } from './types.ts';

export interface RowProps {
  segmentId: string;
  /** Passed down from the grid (one i18n subscription for the whole list); changes with the language. */
  t: TFunction;
  onActivate(segmentId: string, focusEditor: boolean): void;
  onToggleTranslatable(blockId: string, translatable: boolean): void;
}

function kindLabel(place: RowPlace, t: TFunction): string | null {
  if (!place.blockStart) return null;
  if (place.kind === 'title') return t('kind.title');
  if (place.kind === 'heading') return t('kind.heading', { level: place.block.level ?? 2 });
  return null;
}

/** The query this row highlights: the grid's query when the row has a hit of it, else ''. */
function useRowQuery(core: Core, id: string): string {
  return useStores(() => {
    const v = core.view.getState();
    return core.select.gridMatched(core.project.getState(), v).has(id) ? v.gridQuery : '';
  }, core.project, core.view);
}

/** The current find hit when it is in this row ("source:12"), else ''. */
function useRowHit(core: Core, id: string): CurrentHit | undefined {
  const key = useStores(() => {
    const v = core.view.getState();
    if (v.findIndex < 0) return '';
    const h = core.select.findHits(core.project.getState(), v)[v.findIndex];
    return h && h.segmentId === id ? `${h.field}:${h.start}` : '';
  }, core.project, core.view);
  if (key === '') return undefined;
  const [field, start] = key.split(':');
  return { field: field as CurrentHit['field'], start: Number(start) };
}

/**
 * One segment: gutter, French source, English target (the editor when active), status. It reads its own segment,
 * place, active flag and find highlight from the stores, so it re-renders only when one of those changes.
 */
export const SegmentRow = memo(function SegmentRow({ segmentId, t, onActivate, onToggleTranslatable }: RowProps) {
  const core = useCore();
  const segment = useStore(core.project, (s) => s.segments.get(segmentId));
  const place = useStore(core.project, (s) => s.places.get(segmentId));
  const active = useStore(core.view, (s) => s.activeId === segmentId);
  const editorKey = useStore(core.view, (s) => (s.activeId === segmentId ? s.editorKey : 0));
  // Only the active row has an editor that may be read-only for this role.
  const role = useStore(core.session, (s) => (active ? s.settings?.user?.role ?? null : null));
  const findQuery = useRowQuery(core, segmentId);
  const hit = useRowHit(core, segmentId);
  // Slots the app shell fills (term underlines in the source, live QA under the editor, review marks): lib/segmentDecor.tsx.
  const decor = useSegmentDecor();
  probeRender('SegmentRow', segmentId);
  if (!segment || !place) return null;

  const { block, kind } = place;
  const chromeOut = kind === 'chrome';
  const chromeIn = block.chrome !== null && block.translatable;
  const label = kindLabel(place, t);
  const status = t(`status.${segment.status}`);
  const classes = [
    'segment-row',
    `kind-${kind}`,
    `status-${segment.status}`,
    place.blockStart ? 'block-start' : '',
    active ? 'active' : '',
    chromeIn ? 'chrome-included' : '',
  ].filter(Boolean).join(' ');
  const { Source, BelowEditor, RowBadges, BelowTarget } = decor;

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
      aria-label={t('workbench.rowLabel', { number: place.number, status })}
      tabIndex={active ? 0 : -1}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget && !chromeOut) {
          e.preventDefault();
          onActivate(segment.id, true);
        }
      }}
    >
      <div role="gridcell" className="cell gutter">
        <span className="seg-number">{place.number}</span>
        {label ? <span className="kind-label">{label}</span> : null}
      </div>
      <div
        role="gridcell"
        className="cell source"
        data-testid="segment-source"
        lang="fr"
        onMouseUp={() => { if (!chromeOut && !active) onActivate(segment.id, false); }}
      >
        {chromeOut && place.blockStart ? (
          <div className="chrome-note">
            <span className="chrome-label">{t('chrome.label')}</span>
            {block.chrome ? <span className="chrome-reason">{t('chrome.reasonPrefix', { reason: t(`chrome.reason.${block.chrome}`) })}</span> : null}
          </div>
        ) : null}
        {chromeIn && place.blockStart ? <div className="chrome-note"><span className="chrome-label">{t('chrome.translatedOnRequest')}</span></div> : null}
        <span className="source-text">
          {findQuery === '' && Source ? <Source segmentId={segment.id} source={segment.source} /> : <Highlighted text={segment.source} query={findQuery} current={hit?.field === 'source' ? hit.start : undefined} />}
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
            <TargetEditor
              key={`${segment.id}:${editorKey}`}
              segmentId={segment.id}
              number={place.number}
              initialText={core.editor.draftOf(segment.id) ?? segment.target}
              callbacks={core.editor.callbacks}
              readOnly={decor.readOnly?.(segment, role) ?? false}
            />
            {BelowEditor ? <BelowEditor segmentId={segment.id} /> : null}
          </>
        ) : segment.target !== '' ? (
          <span className="target-text"><Highlighted text={segment.target} query={findQuery} current={hit?.field === 'target' ? hit.start : undefined} /></span>
        ) : chromeOut ? null : (
          <span className="target-empty">{t('workbench.emptyTarget')}</span>
        )}
        {(chromeOut || chromeIn) && place.blockStart ? (
          <button
            type="button"
            className="toggle-translatable"
            data-testid="toggle-translatable"
            onClick={(e) => { e.stopPropagation(); onToggleTranslatable(block.id, chromeOut); }}
          >
            {chromeOut ? t('chrome.translate') : t('chrome.exclude')}
          </button>
        ) : null}
        {BelowTarget && !chromeOut ? BelowTarget.map((Slot, i) => <Slot key={i} segmentId={segment.id} active={active} />) : null}
      </div>
      <div role="gridcell" className="cell status">
        <StatusBadgeView status={segment.status} label={status} />
        {RowBadges ? <RowBadges segmentId={segment.id} /> : null}
      </div>
    </div>
  );
});
