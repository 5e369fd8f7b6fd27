import { useTranslation } from 'react-i18next';
import type { RecentProject } from '../../../../shared/model.ts';

export function RecentProjects({ recent, onOpen, testId = 'recent-projects' }: { recent: readonly RecentProject[]; onOpen(path: string): void; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (recent.length === 0) return <p className="muted" data-testid={testId}>{t('empty.noRecent')}</p>;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="recent-list" data-testid={testId}>
      {recent.map((r) => {
        const d = new Date(r.openedAt);
        return (
          <li key={r.path}>
            <button type="button" className="recent-item" data-path={r.path} title={r.path} onClick={() => onOpen(r.path)}>
              <span className="recent-name">{r.name}</span>
              <span className="recent-meta muted">{Number.isNaN(d.getTime()) ? r.path : t('empty.openedAt', { date: fmt.format(d) })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
