import type { Command } from '../../lib/commands.ts';
import { needProject, type CommandContext } from '../../lib/core/guards.ts';
import { toggleSidePanel } from '../../lib/state/view.ts';

export const PUBLICATION_COMMANDS: readonly Command<CommandContext>[] = [
  { id: 'publication.show', labelKey: 'publication.commands.show', shortcut: ['Mod+Alt+P'], when: needProject, perform: (c) => toggleSidePanel(c.core.view, 'publication') },
];
