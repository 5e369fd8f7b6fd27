/** Terminology commands: insert the n-th term of the active segment (Ctrl/⌘+1…9), add a term. */
import type { Command } from '../../lib/commands.ts';
import { needUser, type CommandContext } from '../../lib/core/guards.ts';
import type { Terminology } from './terminology.ts';

type C = Command<CommandContext & { terminology: Terminology }>;

export const TERMINOLOGY_COMMANDS: readonly C[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): C => ({
    id: `term.insert${n}`, labelKey: `terminology.commands.insert.${n}`, shortcut: [`Mod+${n}`],
    when: (c) => {
      const s = needUser(c);
      return s !== true ? s : c.terminology.canInsert(n);
    },
    perform: (c) => c.terminology.insertTerm(n),
  })),
  { id: 'term.add', labelKey: 'terminology.commands.add', shortcut: ['Mod+Shift+G'], when: needUser, perform: (c) => c.terminology.openAddTerm() },
];
