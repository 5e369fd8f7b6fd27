import type { Command } from '../../lib/commands.ts';
import { needProject, withUser, type CommandContext } from '../../lib/core/guards.ts';
import { toggleSidePanel } from '../../lib/state/view.ts';
import type { SourceUpdate } from './sourceUpdate.ts';

type C = Command<CommandContext & { sourceUpdate: SourceUpdate }>;

export const SOURCE_UPDATE_COMMANDS: readonly C[] = [
  // File ▸ Update source… in the native menu.
  { id: 'source.update', labelKey: 'sourceUpdate.commands.update', when: withUser(needProject), perform: (c) => c.sourceUpdate.updateSource() },
  { id: 'source.archive', labelKey: 'sourceUpdate.commands.archive', when: needProject, perform: (c) => toggleSidePanel(c.core.view, 'archive') },
];
