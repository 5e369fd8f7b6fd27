import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchivedSegment } from '../../../../shared/ipc/channels/review.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/** Segments a republished source removed, with the translations they had (nothing is ever lost). */
export function ArchiveView({ items, onClose }: { items: readonly ArchivedSegment[] | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const fmt = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }), [i18n.language]);
  return (
    <section className="review-panel archive-view" data-testid="archive-view" aria-label={t('sourceUpdate.archiveTitle')}>
      <header className="review-panel-header">
        <h2>{t('sourceUpdate.archiveTitle')}</h2>
        <button type="button" className="icon-button" data-testid="archive-close" onClick={onClose} title={t('sourceUpdate.close')} aria-label={t('sourceUpdate.close')}>×</button>
      </header>
      {items === null ? <p className="muted">{t('sourceUpdate.loading')}</p> : items.length === 0 ? <p className="muted">{t('sourceUpdate.archiveEmpty')}</p> : (
        <ol className="archive-list">
          {items.map((a) => (
            <li key={a.id} className="archive-item" data-testid="archive-item" data-segment-id={a.id}>
              <div className="archive-meta">
                <StatusBadge status={a.status} />
                <span>{t('sourceUpdate.archivedIn', { version: a.archivedInVersion })}</span>
                {a.updatedBy && a.updatedAt ? <span className="muted">{t('sourceUpdate.lastEdit', { name: a.updatedBy, when: fmt.format(new Date(a.updatedAt)) })}</span> : null}
              </div>
              <div className="archive-source" lang="fr">{a.source}</div>
              <div className="archive-target" lang="en">{a.target === '' ? <span className="muted">{t('sourceUpdate.noTranslation')}</span> : a.target}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
