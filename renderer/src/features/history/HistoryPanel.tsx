import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/ipc/channels/review.ts';
import { wordDiff } from '../../../../shared/review/diff.ts';
import { DiffText } from '../../components/DiffText.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

export interface HistoryPanelProps {
  /** 1-based number of the segment in the grid. */
  segmentNumber: number | null;
  /** Revisions, oldest first; null while loading. */
  entries: readonly HistoryEntry[] | null;
  /** true when restoring is allowed, else the i18n key of the reason. */
  canRestore: true | string;
  onRestore(revisionId: string): void;
  onClose(): void;
}

/**
 * The history of the active segment: every revision with who (name, role), when, text, status change and origin.
 * Tick two revisions to see what changed between them as a word diff; "Restore this version" makes an older text
 * current again (a new revision).
 */
export function HistoryPanel({ segmentNumber, entries, canRestore, onRestore, onClose }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const fmt = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }), [i18n.language]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const list = entries ?? [];
  // By default compare the two latest revisions.
  const selected = picked ?? list.slice(-2).map((e) => e.id);
  const pair = list.filter((e) => selected.includes(e.id));
  const diff = pair.length === 2 ? wordDiff(pair[0]!.text, pair[1]!.text) : null;
  const headId = list[list.length - 1]?.id;

  const toggle = (id: string) => {
    const cur = selected.filter((x) => list.some((e) => e.id === x));
    if (cur.includes(id)) setPicked(cur.filter((x) => x !== id));
    else setPicked([...cur, id].slice(-2));
  };

  return (
    <section className="review-panel history-panel" data-testid="history-panel" aria-label={t('history.title')}>
      <header className="review-panel-header">
        <h2>{segmentNumber === null ? t('history.title') : t('history.titleFor', { number: segmentNumber })}</h2>
        <button type="button" className="icon-button" data-testid="history-close" onClick={onClose} title={t('history.close')} aria-label={t('history.close')}>×</button>
      </header>
      {entries === null ? <p className="muted">{t('history.loading')}</p> : null}
      {entries !== null && list.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      {diff ? (
        <div className="history-diff" data-testid="history-diff" aria-live="polite">
          <div className="history-diff-head">{t('history.diffBetween', { from: fmt.format(new Date(pair[0]!.createdAt)), to: fmt.format(new Date(pair[1]!.createdAt)) })}</div>
          {diff.some((p) => p.kind !== 'equal') ? <DiffText parts={diff} testId="diff-part" lang="en" /> : <span className="muted">{t('history.noDifference')}</span>}
        </div>
      ) : list.length > 1 ? <p className="muted">{t('history.pickTwo')}</p> : null}
      <ol className="history-list">
        {[...list].reverse().map((e) => {
          const prev = list[list.indexOf(e) - 1];
          const statusChanged = prev !== undefined && prev.status !== e.status;
          const isHead = e.id === headId;
          return (
            <li key={e.id} className={`history-item${selected.includes(e.id) ? ' selected' : ''}`} data-testid="history-item" data-revision-id={e.id}>
              <label className="history-pick">
                <input type="checkbox" checked={selected.includes(e.id)} onChange={() => toggle(e.id)} aria-label={t('history.compare')} />
                <span className="history-who">{t('history.who', { name: e.author, role: t(`roles.${e.role}`) })}</span>
                <time dateTime={e.createdAt} className="history-when">{fmt.format(new Date(e.createdAt))}</time>
              </label>
              <div className="history-meta">
                <span className="history-origin">{t(`history.origin.${e.origin}`)}</span>
                {e.action ? <span className="history-action">{t(`history.action.${e.action}`)}</span> : null}
                {statusChanged ? (
                  <span className="history-status-change">
                    {t('history.statusChange')} <StatusBadge status={prev.status} /> <span aria-hidden="true">→</span> <StatusBadge status={e.status} />
                  </span>
                ) : <StatusBadge status={e.status} />}
                {isHead ? <span className="history-current">{t('history.current')}</span> : null}
              </div>
              <div className="history-text" lang="en">{e.text === '' ? <span className="muted">{t('history.emptyText')}</span> : e.text}</div>
              {e.comment ? <div className="history-comment">{t('history.comment', { text: e.comment })}</div> : null}
              {e.qaOverride ? <div className="history-comment">{t('history.qaOverride', { text: e.qaOverride })}</div> : null}
              {!isHead ? (
                <button
                  type="button"
                  className="cmd-button"
                  data-testid="history-restore"
                  aria-disabled={canRestore === true ? undefined : 'true'}
                  title={canRestore === true ? t('history.restoreHint') : t(canRestore)}
                  onClick={() => { if (canRestore === true) onRestore(e.id); }}
                >
                  {t('history.restore')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
