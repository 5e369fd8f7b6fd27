import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/model.ts';

export type ReviewFilterValue = 'all' | 'changedSince' | 'openComments' | 'sourceChanged' | 'trackedChanges';

/** Extra row filters of review: changed since my last look (review), with open comments, source changed. */
export function ReviewFilter({ value, onChange, role, counts }: {
  value: ReviewFilterValue;
  onChange(v: ReviewFilterValue): void;
  role: Role | null;
  counts: Record<Exclude<ReviewFilterValue, 'all'>, number>;
}) {
  const { t } = useTranslation();
  const changedLabel = role === 'editor' ? 'review.filter.changedSinceReview' : 'review.filter.changedSince';
  return (
    <label className="field">
      <span className="field-label">{t('review.filter.label')}</span>
      <select data-testid="review-filter" value={value} onChange={(e) => onChange(e.target.value as ReviewFilterValue)}>
        <option value="all">{t('review.filter.all')}</option>
        <option value="changedSince">{t(changedLabel, { count: counts.changedSince })}</option>
        <option value="openComments">{t('review.filter.openComments', { count: counts.openComments })}</option>
        <option value="trackedChanges">{t('review.filter.trackedChanges', { count: counts.trackedChanges })}</option>
        <option value="sourceChanged">{t('review.filter.sourceChanged', { count: counts.sourceChanged })}</option>
      </select>
    </label>
  );
}
