export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel.tsx';
export { createHistory, type History } from './history.ts';
export { HISTORY_COMMANDS } from './commands.ts';
export { HistoryPanelContainer } from './connected.tsx';
