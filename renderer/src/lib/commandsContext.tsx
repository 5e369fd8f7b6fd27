import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Availability, Command } from './commands.ts';

/** What command-aware UI (buttons, menus, the palette) needs; provided once by the app shell, never changes. */
export interface CommandsApi {
  list(): Command<unknown>[];
  get(id: string): Command<unknown> | undefined;
  /** Asked now, from the stores' current state. */
  availability(id: string): Availability;
  run(id: string, arg?: unknown): void;
  /** The first shortcut of a command, formatted for this platform, or ''. */
  shortcutLabel(id: string): string;
  /** Called whenever the state commands depend on may have changed. */
  subscribe(listener: () => void): () => void;
}

export const CommandsContext = createContext<CommandsApi | null>(null);

export function useCommands(): CommandsApi {
  const c = useContext(CommandsContext);
  if (!c) throw new Error('useCommands outside CommandsContext');
  return c;
}

/** A command's availability, re-read when the state changes; re-renders only when it changes. */
export function useAvailability(id: string): Availability {
  const c = useCommands();
  const get = () => c.availability(id);
  return useSyncExternalStore(c.subscribe, get, get);
}

/** Re-renders when the availability of any command changes (the palette lists them all). */
export function useAllAvailability(): string {
  const c = useCommands();
  const get = () => c.list().map((x) => `${x.id}=${String(c.availability(x.id))}`).join('\n');
  return useSyncExternalStore(c.subscribe, get, get);
}
