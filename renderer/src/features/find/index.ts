export { FindBar, type FindBarProps } from './FindBar.tsx';
export { FindBarContainer } from './FindBarContainer.tsx';
export { createFind, type Find } from './find.ts';
export { FIND_COMMANDS } from './commands.ts';
