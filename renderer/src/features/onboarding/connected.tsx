import { useCore } from '../../lib/core/context.tsx';
import { useStore } from '../../lib/state/store.ts';
import { closeOnboarding, setUser } from './onboarding.ts';
import { OnboardingDialog } from './OnboardingDialog.tsx';

export function OnboardingContainer() {
  const core = useCore();
  const mode = useStore(core.session, (s) => s.onboarding);
  const user = useStore(core.session, (s) => s.settings?.user ?? null);
  if (!mode) return null;
  return <OnboardingDialog initial={user} firstRun={mode === 'first'} onSubmit={(u) => setUser(core, u)} onCancel={() => closeOnboarding(core)} />;
}
