import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/model.ts';

/** Small marks on a row: changed by someone else since I last looked, open comment threads. */
export function RowBadges({ changedSince, openComments, role }: { changedSince: boolean; openComments: number; role: Role | null }) {
  const { t } = useTranslation();
  if (!changedSince && openComments === 0) return null;
  return (
    <span className="row-badges">
      {changedSince ? (
        <span className="row-badge badge-changed" data-testid="changed-since-badge" title={t(role === 'editor' ? 'review.changedSinceReviewHint' : 'review.changedSinceHint')}>
          <span aria-hidden="true">● </span>{t('review.changedBadge')}
        </span>
      ) : null}
      {openComments > 0 ? (
        <span className="row-badge badge-comments" data-testid="row-comments-badge" title={t('comments.rowHint', { count: openComments })}>
          <span aria-hidden="true">✉ </span>{t('comments.rowCount', { count: openComments })}
        </span>
      ) : null}
    </span>
  );
}
