export { FindBar, type FindBarProps, type StatusFilter } from './FindBar.tsx';
