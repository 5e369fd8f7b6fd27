import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/model.ts';
import { CommandButton } from '../../components/CommandButton.tsx';
import { useCommands } from '../../lib/commandsContext.tsx';
import { ReviewFilter, type ReviewFilterValue } from './ReviewFilter.tsx';

/**
 * The review bar: review mode (a toggle), accept / reject all tracked changes, the panels (history, comments,
 * publication) and the review filter. Every button runs a registered command.
 */
export function ReviewToolbar({ reviewMode, panel, filter, onFilterChange, role, counts }: {
  reviewMode: boolean;
  panel: string | null;
  filter: ReviewFilterValue;
  onFilterChange(v: ReviewFilterValue): void;
  role: Role | null;
  counts: Record<Exclude<ReviewFilterValue, 'all'>, number>;
}) {
  const { t } = useTranslation();
  const commands = useCommands();
  const shortcut = commands.shortcutLabel('review.toggle');
  const label = t('review.commands.toggle');
  return (
    <div className="toolbar review-toolbar" role="toolbar" aria-label={t('review.toolbar')}>
      <button
        type="button"
        className={`cmd-button toggle${reviewMode ? ' on' : ''}`}
        data-testid="review-toggle"
        data-command="review.toggle"
        aria-pressed={reviewMode}
        title={shortcut ? t('commands.shortcutHint', { label, shortcut }) : label}
        onClick={() => commands.run('review.toggle')}
      >
        <span aria-hidden="true">{reviewMode ? '◉ ' : '○ '}</span><span className="cmd-label">{label}</span>
      </button>
      {reviewMode ? (
        <>
          <CommandButton id="review.acceptAll" testId="accept-all" compact />
          <CommandButton id="review.rejectAll" testId="reject-all" compact />
        </>
      ) : null}
      <span className="toolbar-sep" aria-hidden="true" />
      <CommandButton id="history.toggle" testId="history-toggle" className={panel === 'history' ? 'on' : ''} compact />
      <CommandButton id="comments.toggle" testId="comments-toggle" className={panel === 'comments' ? 'on' : ''} compact />
      <CommandButton id="publication.show" testId="publication-toggle" className={panel === 'publication' ? 'on' : ''} compact />
      <ReviewFilter value={filter} onChange={onFilterChange} role={role} counts={counts} />
    </div>
  );
}
