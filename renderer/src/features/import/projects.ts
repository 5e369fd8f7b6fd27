/** Opening and closing projects: the open dialog, the sample, a recent project, a dropped file. */
import type { ProjectSnapshot } from '../../../../shared/model.ts';
import type { Core } from '../../lib/core/core.ts';

export interface Projects {
  open(): Promise<unknown>;
  openSample(): Promise<unknown>;
  openRecent(path: string): Promise<unknown>;
  importDropped(name: string, base64: string): Promise<void>;
  close(): Promise<unknown>;
}

export function createProjects(core: Core): Projects {
  const { api, t, session, view } = core;

  const refreshRecent = async () => {
    if (!api) return;
    const recent = await api.listRecent();
    session.setState((s) => (s.settings ? { settings: { ...s.settings, recent } } : {}));
  };

  const openWith = (fn: () => Promise<ProjectSnapshot | null>) =>
    core.enqueue(async () => {
      if (!(await core.commitPending('draft'))) return;
      const snap = await fn();
      if (!snap) return;
      core.setProject(snap, { keepActive: false });
      view.setState({ statusFilter: 'all', findQuery: '', gridQuery: '', findIndex: -1 });
      core.notify(t('announce.imported', { name: snap.info.name }));
      refreshRecent().catch(() => undefined);
    });

  return {
    open: () => openWith(() => api!.showOpenDialog()),
    openSample: () => openWith(() => api!.openSample()),
    openRecent: (path) => openWith(() => api!.openProject(path)),
    importDropped: async (name, base64) => {
      await openWith(() => api!.importDroppedFile(name, base64));
    },
    close: () =>
      core.enqueue(async () => {
        if (!api) return;
        if (!(await core.commitPending('draft'))) return;
        await api.closeProject();
        core.setProject(null);
        await refreshRecent();
      }),
  };
}
