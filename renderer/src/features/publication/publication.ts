/** Is the article ready to publish: read from main while the publication panel is open, after every change. */
import type { PublicationStatus } from '../../../../shared/ipc/channels/review.ts';
import type { Core } from '../../lib/core/core.ts';
import { createStore, watch, type StoreApi } from '../../lib/state/store.ts';

export interface Publication {
  readonly store: StoreApi<{ status: PublicationStatus | null }>;
  start(): () => void;
}

export function createPublication(core: Core): Publication {
  const { api, view, project } = core;
  const store = createStore<{ status: PublicationStatus | null }>(() => ({ status: null }));
  let serial = 0;
  const load = () => {
    const run = ++serial;
    if (view.getState().sidePanel !== 'publication' || !api || !project.getState().info) return;
    api.getPublicationStatus().then((status) => {
      if (run === serial) store.setState({ status });
    }, (e: unknown) => core.showError(e));
  };
  return {
    store,
    // Follows the panel, the segments and the comments (both can block publication).
    start: () => watch(() => (view.getState().sidePanel === 'publication' ? [project.getState().segments, core.comments.getState().comments] : null), [view, project, core.comments], load, (a, b) => a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1])),
  };
}
