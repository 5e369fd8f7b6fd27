/** The history of the active segment (read while its panel is open) and restoring an older version. */
import type { HistoryEntry } from '../../../../shared/ipc/channels/review.ts';
import type { Core } from '../../lib/core/core.ts';
import { createStore, watch, type StoreApi } from '../../lib/state/store.ts';

export interface HistoryState {
  /** Revisions of the active segment, oldest first; null while loading or closed. */
  entries: readonly HistoryEntry[] | null;
}

export interface History {
  readonly store: StoreApi<HistoryState>;
  canRestore(): true | string;
  restore(revisionId: string): void;
  start(): () => void;
}

export function createHistory(core: Core): History {
  const { api, view, t } = core;
  const store = createStore<HistoryState>(() => ({ entries: null }));
  let serial = 0;

  /** Follows the panel, the active segment and its changes. */
  const load = () => {
    const seg = core.activeSegment();
    const run = ++serial;
    if (view.getState().sidePanel !== 'history' || !api || !seg) {
      store.setState({ entries: null });
      return;
    }
    api.getHistory(seg.id).then((entries) => {
      if (run === serial) store.setState({ entries });
    }, (e: unknown) => core.showError(e));
  };

  return {
    store,
    canRestore: () => (core.session.getState().settings?.user ? true : 'reasons.noUser'),
    restore(revisionId) {
      const seg = core.activeSegment();
      if (!seg) return;
      void core.mutate(async () => {
        if (!api) return;
        core.applySegments([await api.restoreRevision(seg.id, revisionId)]);
        core.notify(t('history.announce.restored', { number: core.numberOf(seg.id) ?? 0 }));
      });
    },
    start: () => watch(() => (view.getState().sidePanel === 'history' ? core.activeSegment() : undefined), [view, core.project], load),
  };
}
