/** The UI language (header, menu, Ctrl+Shift+L), kept in main's settings. */
import type { UiLanguage } from '../../../../shared/model.ts';
import type { Command } from '../../lib/commands.ts';
import type { CommandContext } from '../../lib/core/guards.ts';
import type { Core } from '../../lib/core/core.ts';

export async function setLanguage(core: Core, lang: UiLanguage): Promise<void> {
  core.applyLanguage(lang);
  if (!core.api) return;
  try {
    core.session.setState({ settings: await core.api.setLanguage(lang) });
  } catch (e) {
    core.showError(e);
  }
}

export const SETTINGS_COMMANDS: readonly Command<CommandContext>[] = [
  {
    id: 'language.toggle', labelKey: 'commands.toggleLanguage', shortcut: ['Mod+Shift+L'],
    perform: (c) => setLanguage(c.core, c.core.session.getState().settings?.language === 'fr' ? 'en' : 'fr'),
  },
];
