import { createContext, useContext } from 'react';
import type { Availability, Command } from './commands.ts';

/** What command-aware UI (buttons, menus, the palette) needs; provided by the app shell. */
export interface CommandsApi {
  list(): Command<unknown>[];
  get(id: string): Command<unknown> | undefined;
  availability(id: string): Availability;
  run(id: string, arg?: unknown): void;
  /** The first shortcut of a command, formatted for this platform, or ''. */
  shortcutLabel(id: string): string;
}

export const CommandsContext = createContext<CommandsApi | null>(null);

export function useCommands(): CommandsApi {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands outside CommandsContext');
  return c;
}
