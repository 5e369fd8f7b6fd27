import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_STATUSES } from '../../../../shared/model.ts';
import { STATUS_ICONS } from '../../components/StatusBadge.tsx';
import { useCommands } from '../../lib/commandsContext.tsx';
import type { StatusFilter } from '../../lib/state/view.ts';

export interface FindBarProps {
  query: string;
  onQueryChange(q: string): void;
  /** 0-based index of the current hit, or -1. */
  index: number;
  count: number;
  onNext(): void;
  onPrevious(): void;
  onDone(): void;
  filter: StatusFilter;
  onFilterChange(f: StatusFilter): void;
  inputRef: RefObject<HTMLInputElement | null>;
  filterRef: RefObject<HTMLSelectElement | null>;
}

/** Find (source and target, with hits highlighted in the grid) and the status filter. */
export function FindBar({ inputRef, filterRef, ...p }: FindBarProps) {
  const { t } = useTranslation();
  const commands = useCommands();
  const findShortcut = commands.shortcutLabel('find.focus');
  const filterShortcut = commands.shortcutLabel('filter.focus');
  const nextShortcut = commands.shortcutLabel('find.next');
  const prevShortcut = commands.shortcutLabel('find.previous');
  const summary = p.query === '' ? '' : p.count === 0 ? t('find.none') : p.index >= 0 ? t('find.position', { index: p.index + 1, count: p.count }) : t('find.total', { count: p.count });
  return (
    <div className="findbar" role="search">
      <label className="field">
        <span className="field-label">{t('filter.label')}</span>
        <select
          ref={filterRef}
          data-testid="status-filter"
          value={p.filter}
          title={t('filter.tooltip', { shortcut: filterShortcut })}
          onChange={(e) => p.onFilterChange(e.target.value as StatusFilter)}
        >
          <option value="all">{t('filter.all')}</option>
          {SEGMENT_STATUSES.map((s) => (
            <option key={s} value={s}>{`${STATUS_ICONS[s]} ${t(`status.${s}`)}`}</option>
          ))}
        </select>
      </label>
      <div className="find-field">
        <input
          ref={inputRef}
          type="search"
          data-testid="find-input"
          aria-label={t('find.label')}
          title={t('commands.shortcutHint', { label: t('find.label'), shortcut: findShortcut })}
          placeholder={t('find.placeholder')}
          value={p.query}
          onChange={(e) => p.onQueryChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              if (e.shiftKey) p.onPrevious();
              else p.onNext();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              if (p.query !== '') p.onQueryChange('');
              else p.onDone();
            }
          }}
        />
        <button type="button" className="icon-button" data-testid="find-previous" aria-label={t('find.previous')} title={t('commands.shortcutHint', { label: t('find.previous'), shortcut: prevShortcut })} disabled={p.count === 0} onClick={p.onPrevious}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" className="icon-button" data-testid="find-next" aria-label={t('find.next')} title={t('commands.shortcutHint', { label: t('find.next'), shortcut: nextShortcut })} disabled={p.count === 0} onClick={p.onNext}>
          <span aria-hidden="true">↓</span>
        </button>
        <span className="find-count" data-testid="find-count" aria-live="polite">{summary}</span>
      </div>
    </div>
  );
}
