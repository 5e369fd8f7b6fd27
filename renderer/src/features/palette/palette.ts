/** The command palette: open or closed. */
import type { Command } from '../../lib/commands.ts';
import type { CommandContext } from '../../lib/core/guards.ts';
import { createStore, type StoreApi } from '../../lib/state/store.ts';

export type PaletteStore = StoreApi<{ open: boolean }>;

export function createPaletteStore(): PaletteStore {
  return createStore<{ open: boolean }>(() => ({ open: false }));
}

export const PALETTE_COMMANDS: readonly Command<CommandContext & { palette: PaletteStore }>[] = [
  { id: 'palette.open', labelKey: 'commands.palette', shortcut: ['Mod+Shift+P', 'F1'], perform: (c) => c.palette.setState({ open: true }) },
];
