import { useCore } from '../../lib/core/context.tsx';
import { useStore } from '../../lib/state/store.ts';
import { ErrorDialog } from './ErrorDialog.tsx';

export function ErrorDialogContainer() {
  const core = useCore();
  const error = useStore(core.session, (s) => s.error);
  if (!error) return null;
  return (
    <ErrorDialog
      error={error.error}
      textKept={error.textKept}
      onClose={() => {
        core.session.setState({ error: null });
        requestAnimationFrame(() => core.editor.focus());
      }}
    />
  );
}
