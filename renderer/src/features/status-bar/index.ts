export { StatusBar, type DraftState } from './StatusBar.tsx';
