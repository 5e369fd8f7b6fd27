import { useCore } from '../../lib/core/context.tsx';
import { useStore, useStores } from '../../lib/state/store.ts';
import type { History } from './history.ts';
import { HistoryPanel } from './HistoryPanel.tsx';

export function HistoryPanelContainer({ history }: { history: History }) {
  const core = useCore();
  const open = useStore(core.view, (s) => s.sidePanel === 'history');
  const number = useStores(() => core.activeRow()?.number ?? null, core.project, core.view);
  const entries = useStore(history.store, (s) => s.entries);
  const canRestore = useStores(history.canRestore, core.session);
  if (!open) return null;
  return <HistoryPanel segmentNumber={number} entries={entries} canRestore={canRestore} onRestore={history.restore} onClose={() => core.view.setState({ sidePanel: null })} />;
}
