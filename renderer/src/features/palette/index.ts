export { CommandPalette } from './CommandPalette.tsx';
export { createPaletteStore, PALETTE_COMMANDS, type PaletteStore } from './palette.ts';
