import type { Command } from '../../lib/commands.ts';
import { needProject, type CommandContext } from '../../lib/core/guards.ts';
import { toggleSidePanel } from '../../lib/state/view.ts';

export const COMMENTS_COMMANDS: readonly Command<CommandContext>[] = [
  { id: 'comments.toggle', labelKey: 'comments.commands.toggle', shortcut: ['Mod+Shift+K'], when: needProject, perform: (c) => toggleSidePanel(c.core.view, 'comments') },
];
