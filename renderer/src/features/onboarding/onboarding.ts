/** Who the user is (name and role): asked on first run, changed with "Switch user". */
import type { UserIdentity } from '../../../../shared/model.ts';
import type { Command } from '../../lib/commands.ts';
import type { CommandContext } from '../../lib/core/guards.ts';
import type { Core } from '../../lib/core/core.ts';

export function openOnboarding(core: Core): void {
  core.session.setState({ onboarding: 'switch' });
}

/** Closes the dialog, except on first run (a name is needed before anything else). */
export function closeOnboarding(core: Core): void {
  core.session.setState((s) => ({ onboarding: s.settings?.user ? null : s.onboarding }));
  requestAnimationFrame(() => core.editor.focus());
}

/** The person's name and role; the services give a name its id (the same id whenever that name comes back). */
export async function setUser(core: Core, user: Pick<UserIdentity, 'name' | 'role'>): Promise<void> {
  if (!core.api) return;
  try {
    core.session.setState({ settings: await core.api.setUser(user), onboarding: null });
    requestAnimationFrame(() => core.editor.focus());
  } catch (e) {
    core.showError(e);
  }
}

export const ONBOARDING_COMMANDS: readonly Command<CommandContext>[] = [
  { id: 'user.switch', labelKey: 'commands.switchUser', perform: (c) => openOnboarding(c.core) },
];
