/** Find and filter commands. */
import type { Command } from '../../lib/commands.ts';
import { needProject, type CommandContext } from '../../lib/core/guards.ts';
import type { Find } from './find.ts';

type C = Command<CommandContext & { find: Find }>;

export const FIND_COMMANDS: readonly C[] = [
  { id: 'find.focus', labelKey: 'commands.find', shortcut: ['Mod+F'], when: needProject, perform: (c) => c.find.focusFind() },
  { id: 'find.next', labelKey: 'commands.findNext', shortcut: ['F3', 'Mod+G'], when: needProject, perform: (c) => c.find.goToMatch(1) },
  { id: 'find.previous', labelKey: 'commands.findPrevious', shortcut: ['Shift+F3'], when: needProject, perform: (c) => c.find.goToMatch(-1) },
  { id: 'filter.focus', labelKey: 'commands.filter', shortcut: ['Mod+Shift+F'], when: needProject, perform: (c) => c.find.focusFilter() },
];
