import { useTranslation } from 'react-i18next';
import type { TrackedChanges } from '../../../../shared/ipc/channels/review.ts';
import { listChanges } from '../../../../shared/review/diff.ts';
import { DiffText } from '../../components/DiffText.tsx';

/**
 * One segment's tracked changes in review mode: the editor's edits against the translator's last confirmed text,
 * inline (deletions struck, insertions underlined), with Accept / Reject for this segment.
 */
export function TrackedChangesView({ changes, canAct, onAccept, onReject }: {
  changes: TrackedChanges;
  /** true when the user may accept/reject, else the i18n key of the reason. */
  canAct: true | string;
  onAccept(segmentId: string): void;
  onReject(segmentId: string): void;
}) {
  const { t } = useTranslation();
  const n = listChanges(changes.parts).length;
  const disabled = canAct === true ? undefined : 'true';
  const reason = canAct === true ? undefined : t(canAct);
  return (
    <div className="tracked-changes" data-testid="tracked-changes" data-segment-id={changes.segmentId}>
      <div className="tracked-head">
        <span className="tracked-count">{t('review.changesCount', { count: n })}</span>
        {changes.editors.length ? <span className="tracked-by">{t('review.changesBy', { names: changes.editors.join(', ') })}</span> : null}
      </div>
      <div className="tracked-text" lang="en"><DiffText parts={changes.parts} testId="tracked-change" lang="en" /></div>
      <div className="tracked-actions">
        <button type="button" className="cmd-button" data-testid="accept-changes" aria-disabled={disabled} title={reason ?? t('review.acceptHint')}
          onClick={(e) => { e.stopPropagation(); if (canAct === true) onAccept(changes.segmentId); }}>
          <span aria-hidden="true">✓ </span>{t('review.accept')}
        </button>
        <button type="button" className="cmd-button" data-testid="reject-changes" aria-disabled={disabled} title={reason ?? t('review.rejectHint')}
          onClick={(e) => { e.stopPropagation(); if (canAct === true) onReject(changes.segmentId); }}>
          <span aria-hidden="true">↶ </span>{t('review.rejectChanges')}
        </button>
      </div>
    </div>
  );
}
