/**
 * The republished source: "Update source…" reads a new version of the article into the project (segments kept,
 * changed, added, archived), asks first when the file looks like another article, and shows what changed; the
 * archive lists the segments a new version removed.
 */
import type { ArchivedSegment, SourceUpdateResult } from '../../../../shared/ipc/channels/review.ts';
import type { FileChoice } from '../../../../shared/ipc/contract.ts';
import type { Core } from '../../lib/core/core.ts';
import { asRelaisError } from '../../lib/errors.ts';
import { createStore, watch, type StoreApi } from '../../lib/state/store.ts';

export interface SourceUpdateState {
  /** What the last update changed (its dialog), or null. */
  result: SourceUpdateResult | null;
  /** A file chosen in main's dialog that looks like another article, waiting for the user's confirmation. */
  differentFile: FileChoice | null;
  /** Archived segments while the archive panel is open. */
  archive: readonly ArchivedSegment[] | null;
}

export interface SourceUpdate {
  readonly store: StoreApi<SourceUpdateState>;
  updateSource(): Promise<unknown>;
  confirmDifferent(): void;
  cancelDifferent(): void;
  closeResult(): void;
  showArchive(): void;
  start(): () => void;
}

export function createSourceUpdate(core: Core): SourceUpdate {
  const { api, t, view, project } = core;
  const store = createStore<SourceUpdateState>(() => ({ result: null, differentFile: null, archive: null }));
  let serial = 0;

  const run = async (file: FileChoice, confirm: boolean) => {
    if (!api) return;
    try {
      const result = await api.updateSource(file.token, confirm);
      store.setState({ differentFile: null });
      await core.reloadProject();
      store.setState({ result });
      await core.reloadComments();
    } catch (e) {
      const err = asRelaisError(e);
      if (!confirm && err.code === 'invalid.operation' && err.detail === 'different-article') store.setState({ differentFile: file });
      else core.showError(err);
    }
  };

  const loadArchive = () => {
    const n = ++serial;
    if (view.getState().sidePanel !== 'archive' || !api || !project.getState().info) {
      store.setState({ archive: null });
      return;
    }
    api.listArchived().then((archive) => {
      if (n === serial) store.setState({ archive });
    }, (e: unknown) => core.showError(e));
  };

  return {
    store,
    updateSource: () =>
      core.mutate(async () => {
        if (!api) return;
        const file = await api.pickFile('article');
        if (file === null) {
          core.notify(t('sourceUpdate.announce.cancelled'));
          return;
        }
        await run(file, false);
      }),
    confirmDifferent() {
      const f = store.getState().differentFile;
      if (f) void core.mutate(() => run(f, true));
    },
    cancelDifferent() {
      store.setState({ differentFile: null });
      core.notify(t('sourceUpdate.announce.cancelled'));
    },
    closeResult: () => store.setState({ result: null }),
    showArchive() {
      store.setState({ result: null });
      view.setState({ sidePanel: 'archive' });
    },
    start: () => watch(() => (view.getState().sidePanel === 'archive' ? project.getState().segments : null), [view, project], loadArchive),
  };
}
