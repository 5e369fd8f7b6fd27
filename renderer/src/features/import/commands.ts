import type { Command } from '../../lib/commands.ts';
import { needProject, type CommandContext } from '../../lib/core/guards.ts';
import type { Projects } from './projects.ts';

type C = Command<CommandContext & { projects: Projects }>;

export const PROJECT_COMMANDS: readonly C[] = [
  { id: 'project.open', labelKey: 'commands.open', shortcut: ['Mod+O'], perform: (c) => c.projects.open() },
  { id: 'project.openSample', labelKey: 'commands.openSample', perform: (c) => c.projects.openSample() },
  { id: 'project.close', labelKey: 'commands.closeProject', when: needProject, perform: (c) => c.projects.close() },
];
