import { useTranslation } from 'react-i18next';
import { SEGMENT_STATUSES, type ProjectStats } from '../../../../shared/model.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { DraftState } from '../../lib/state/view.ts';

/** Words translated and approved (separately), progress, segment counts by status, and the autosave state. */
export function StatusBar({ stats, draftState }: { stats: ProjectStats | null; draftState: DraftState }) {
  const { t } = useTranslation();
  const words = stats?.words;
  const translated = words?.byStatus.translated ?? 0;
  const approved = words?.byStatus.approved ?? 0;
  const total = words?.total ?? 0;
  const progress = stats ? Math.max(0, Math.min(1, stats.progress)) : 0;
  const pct = (n: number) => (total > 0 ? `${(100 * n) / total}%` : '0%');
  return (
    <footer className="statusbar" aria-label={t('statusBar.label')}>
      <div className="progress-wrap">
        <div
          className="progress"
          role="progressbar"
          data-testid="progress"
          aria-label={t('statusBar.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
          aria-valuetext={t('statusBar.progressValue', { value: progress })}
        >
          <span className="progress-approved" style={{ width: pct(approved) }} />
          <span className="progress-translated" style={{ width: pct(translated) }} />
        </div>
        <span className="progress-text">{t('statusBar.progressValue', { value: progress })}</span>
      </div>
      <div className="word-counts" data-testid="word-counts" data-total={total} data-translated={translated} data-approved={approved}>
        <span className="wc wc-translated"><span className="swatch swatch-translated" aria-hidden="true" />{t('statusBar.translatedWords', { count: translated })}</span>
        <span className="wc wc-approved"><span className="swatch swatch-approved" aria-hidden="true" />{t('statusBar.approvedWords', { count: approved })}</span>
        <span className="wc wc-total">{t('statusBar.totalWords', { count: total })}</span>
      </div>
      <div className="segment-counts" data-testid="segment-counts">
        <span>{t('statusBar.segments', { count: stats?.segments.total ?? 0 })}</span>
        {SEGMENT_STATUSES.map((s) => (
          <span key={s} className="segment-count" data-status={s} title={t('statusBar.statusCount', { status: t(`status.${s}`), count: stats?.segments.byStatus[s] ?? 0 })}>
            <StatusBadge status={s} testId="status-count" />
            <span className="count">{t('statusBar.number', { count: stats?.segments.byStatus[s] ?? 0 })}</span>
          </span>
        ))}
      </div>
      <div className="draft-state" data-testid="draft-state" data-state={draftState} aria-live="polite">
        {draftState === 'idle' ? '' : t(`draft.${draftState}`)}
      </div>
    </footer>
  );
}
