/** The grid's commands: confirm, move, copy source, cancel, split, merge, page chrome in or out of translation. */
import type { Command } from '../../lib/commands.ts';
import { needProject, needSegment, needUser, type CommandContext } from '../../lib/core/guards.ts';
import type { Workbench } from './workbench.ts';

type C = Command<CommandContext & { workbench: Workbench }>;

export const WORKBENCH_COMMANDS: readonly C[] = [
  { id: 'segment.confirm', labelKey: 'commands.confirm', shortcut: ['Mod+Enter'], when: needUser, perform: (c) => c.workbench.confirm() },
  { id: 'segment.next', labelKey: 'commands.next', shortcut: ['Alt+ArrowDown', 'Mod+ArrowDown'], when: needProject, perform: (c) => c.workbench.move(1) },
  { id: 'segment.previous', labelKey: 'commands.previous', shortcut: ['Alt+ArrowUp', 'Mod+ArrowUp'], when: needProject, perform: (c) => c.workbench.move(-1) },
  { id: 'segment.copySource', labelKey: 'commands.copySource', shortcut: ['Mod+Shift+S', 'Mod+Insert'], when: needSegment, perform: (c) => c.workbench.copySource() },
  { id: 'segment.split', labelKey: 'commands.split', shortcut: ['Mod+Shift+T'], when: needUser, perform: (c) => c.workbench.split() },
  {
    id: 'segment.merge', labelKey: 'commands.merge', shortcut: ['Mod+Shift+M'],
    when: (c) => {
      const u = needUser(c);
      if (u !== true) return u;
      return c.workbench.nextInBlock() ? true : 'reasons.lastInBlock';
    },
    perform: (c) => c.workbench.mergeNext(),
  },
  { id: 'segment.cancel', labelKey: 'commands.cancel', shortcut: ['Escape'], when: needSegment, perform: (c) => c.workbench.cancelEdit() },
  {
    id: 'block.toggleTranslatable', labelKey: 'commands.toggleTranslatable',
    when: (c) => {
      const p = needProject(c);
      if (p !== true) return p;
      return c.core.activeRow()?.block.chrome ? true : 'reasons.noSegment';
    },
    perform: (c, arg) => {
      const a = arg as { blockId: string; translatable: boolean } | undefined;
      if (a) return c.workbench.toggleTranslatable(a.blockId, a.translatable);
      const block = c.core.activeRow()?.block;
      if (block) return c.workbench.toggleTranslatable(block.id, !block.translatable);
      return undefined;
    },
  },
];
