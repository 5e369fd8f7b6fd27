/** QA commands: approve through the approval gate, the QA panel, the first fix of the active segment. */
import type { Command } from '../../lib/commands.ts';
import { needEditor, needProject, needUser, type CommandContext } from '../../lib/core/guards.ts';
import type { Qa } from './qa.ts';

type C = Command<CommandContext & { qa: Qa }>;

export const QA_COMMANDS: readonly C[] = [
  // Approving runs the approval gate: a segment with QA errors needs the editor's reason.
  { id: 'segment.approve', labelKey: 'commands.approve', shortcut: ['Mod+Shift+A'], when: needEditor, perform: (c) => c.qa.approve() },
  { id: 'qa.togglePanel', labelKey: 'qa.commands.togglePanel', shortcut: ['Mod+Shift+Q'], when: needProject, perform: (c) => c.qa.togglePanel() },
  {
    id: 'qa.fix', labelKey: 'qa.commands.fix', shortcut: ['Mod+.'],
    when: (c) => {
      const s = needUser(c);
      return s !== true ? s : c.qa.hasFix() ? true : 'qa.reasons.noFix';
    },
    perform: (c) => c.qa.fixFirst(),
  },
];
