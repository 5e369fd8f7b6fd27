import { useCore } from '../../lib/core/context.tsx';
import { useStore } from '../../lib/state/store.ts';
import { StatusBar } from './StatusBar.tsx';

export function StatusBarContainer() {
  const core = useCore();
  const stats = useStore(core.project, (s) => (s.info ? s.stats : null));
  const draftState = useStore(core.view, (s) => s.draftState);
  return <StatusBar stats={stats} draftState={draftState} />;
}
