export { ErrorDialog } from './ErrorDialog.tsx';
export { ErrorDialogContainer } from './connected.tsx';
