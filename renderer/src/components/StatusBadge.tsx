import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentStatus } from '../../../shared/model.ts';

/** One glyph per status, so a status never depends on colour alone. */
export const STATUS_ICONS: Record<SegmentStatus, string> = {
  new: '○',
  draft: '✎',
  translated: '✓',
  approved: '★',
  rejected: '✗',
};

/** The badge given its translated label (for long lists, where one useTranslation per row would be wasteful). */
export function StatusBadgeView({ status, label, testId = 'status-badge' }: { status: SegmentStatus; label: string; testId?: string }) {
  return (
    <span className={`status-badge status-${status}`} data-testid={testId} data-status={status}>
      <span className="status-icon" aria-hidden="true">{STATUS_ICONS[status]}</span>
      <span className="status-text">{label}</span>
    </span>
  );
}

export const StatusBadge = memo(function StatusBadge({ status, testId = 'status-badge' }: { status: SegmentStatus; testId?: string }) {
  const { t } = useTranslation();
  return <StatusBadgeView status={status} label={t(`status.${status}`)} testId={testId} />;
});
