import { useCore } from '../../lib/core/context.tsx';
import { useStore } from '../../lib/state/store.ts';
import type { Publication } from './publication.ts';
import { PublicationView } from './PublicationView.tsx';

export function PublicationContainer({ publication }: { publication: Publication }) {
  const core = useCore();
  const open = useStore(core.view, (s) => s.sidePanel === 'publication');
  const status = useStore(publication.store, (s) => s.status);
  if (!open) return null;
  return (
    <PublicationView
      status={status}
      numberOf={core.numberOf}
      onJump={(id) => void core.activate(id, true)}
      onClose={() => core.view.setState({ sidePanel: null })}
    />
  );
}
