import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentProject } from '../../../../shared/model.ts';
import { CommandButton } from '../../components/CommandButton.tsx';
import { RecentProjects } from './RecentProjects.tsx';

/** Header menu: open, the sample, recent projects. */
export function ProjectsMenu({ recent, onOpenRecent }: { recent: readonly RecentProject[]; onOpenRecent(path: string): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute('open');
  return (
    <details className="menu" ref={ref} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }}>
      <summary data-testid="projects-menu">{t('header.projects')}</summary>
      <div className="menu-popup" onClick={(e) => { if ((e.target as HTMLElement).closest('button')) close(); }}>
        <CommandButton id="project.openSample" testId="menu-open-sample" />
        <CommandButton id="project.close" testId="menu-close-project" />
        <h3 className="menu-heading">{t('empty.recent')}</h3>
        <RecentProjects recent={recent} onOpen={onOpenRecent} testId="recent-menu" />
      </div>
    </details>
  );
}
