export { StatusBar } from './StatusBar.tsx';
export { StatusBarContainer } from './connected.tsx';
