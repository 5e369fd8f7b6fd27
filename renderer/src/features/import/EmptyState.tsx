import { useTranslation } from 'react-i18next';
import type { RecentProject } from '../../../../shared/model.ts';
import { CommandButton } from '../../components/CommandButton.tsx';
import { RecentProjects } from './RecentProjects.tsx';

/** Shown when no project is open: open, the sample, and the recent projects. */
export function EmptyState({ recent, onOpenRecent }: { recent: readonly RecentProject[]; onOpenRecent(path: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="empty-state" data-testid="empty-state">
      <h1>{t('empty.title')}</h1>
      <p className="muted">{t('empty.intro')}</p>
      <div className="empty-actions">
        <CommandButton id="project.openSample" testId="action-open-sample" className="primary" />
      </div>
      <h2>{t('empty.recent')}</h2>
      <RecentProjects recent={recent} onOpen={onOpenRecent} />
    </section>
  );
}
