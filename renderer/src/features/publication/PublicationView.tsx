import { useTranslation } from 'react-i18next';
import type { PublicationStatus } from '../../../../shared/ipc/channels/review.ts';
import { SEGMENT_STATUSES } from '../../../../shared/model.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

export interface PublicationViewProps {
  /** null while loading. */
  status: PublicationStatus | null;
  /** 1-based grid number of a segment, for the blocker lists. */
  numberOf(segmentId: string): number | null;
  onJump(segmentId: string): void;
  onClose(): void;
}

const SHOWN = 50;

/** Is the article ready to publish? Counts by status and what still blocks it, each blocker a link to its segment. */
export function PublicationView({ status, numberOf, onJump, onClose }: PublicationViewProps) {
  const { t } = useTranslation();
  const jumpList = (ids: readonly string[], testId: string) => (
    <ul className="blocker-list" data-testid={testId}>
      {ids.slice(0, SHOWN).map((id) => (
        <li key={id}>
          <button type="button" className="link-button" data-testid="blocker-jump" data-segment-id={id} onClick={() => onJump(id)}>
            {t('publication.segment', { number: numberOf(id) ?? '?' })}
          </button>
        </li>
      ))}
      {ids.length > SHOWN ? <li className="muted">{t('publication.more', { count: ids.length - SHOWN })}</li> : null}
    </ul>
  );
  return (
    <section className="review-panel publication-view" data-testid="publication-view" aria-label={t('publication.title')} data-ready={status ? String(status.ready) : undefined}>
      <header className="review-panel-header">
        <h2>{t('publication.title')}</h2>
        <button type="button" className="icon-button" data-testid="publication-close" onClick={onClose} title={t('publication.close')} aria-label={t('publication.close')}>×</button>
      </header>
      {status === null ? <p className="muted">{t('publication.loading')}</p> : (
        <>
          <p className={`publication-verdict ${status.ready ? 'ready' : 'blocked'}`} data-testid="publication-verdict">
            <span aria-hidden="true">{status.ready ? '✓ ' : '⚠ '}</span>
            {status.ready ? t('publication.ready') : t('publication.notReady')}
          </p>
          <table className="publication-counts">
            <tbody>
              {SEGMENT_STATUSES.map((s) => (
                <tr key={s} data-status={s}>
                  <th scope="row"><StatusBadge status={s} /></th>
                  <td>{t('publication.number', { count: status.byStatus[s] })}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('publication.total')}</th>
                <td>{t('publication.number', { count: status.total })}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t('publication.notApproved', { count: status.blockers.notApproved.length })}</h3>
          {status.blockers.notApproved.length ? jumpList(status.blockers.notApproved, 'blockers-not-approved') : <p className="muted">{t('publication.none')}</p>}
          <h3>{t('publication.openComments', { count: status.blockers.openComments.count })}</h3>
          {status.blockers.openComments.count ? jumpList(status.blockers.openComments.segmentIds, 'blockers-comments') : <p className="muted">{t('publication.none')}</p>}
          <h3>{status.blockers.qaErrors ? t('publication.qaErrors', { count: status.blockers.qaErrors.count }) : t('publication.qaUnavailable')}</h3>
          {status.blockers.qaErrors ? (status.blockers.qaErrors.count ? jumpList(status.blockers.qaErrors.segmentIds, 'blockers-qa') : <p className="muted">{t('publication.none')}</p>) : null}
        </>
      )}
    </section>
  );
}
