export { HistoryPanel, type HistoryPanelProps } from './HistoryPanel.tsx';
