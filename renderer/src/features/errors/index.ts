export { ErrorDialog } from './ErrorDialog.tsx';
