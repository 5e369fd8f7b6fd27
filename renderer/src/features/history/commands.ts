import type { Command } from '../../lib/commands.ts';
import { needProject, type CommandContext } from '../../lib/core/guards.ts';
import { toggleSidePanel } from '../../lib/state/view.ts';

export const HISTORY_COMMANDS: readonly Command<CommandContext>[] = [
  { id: 'history.toggle', labelKey: 'history.commands.toggle', shortcut: ['Mod+H'], when: needProject, perform: (c) => toggleSidePanel(c.core.view, 'history') },
];
