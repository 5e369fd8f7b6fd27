export { DropZone } from './DropZone.tsx';
export { EmptyState } from './EmptyState.tsx';
export { ProjectsMenu } from './ProjectsMenu.tsx';
