export { DropZone } from './DropZone.tsx';
export { EmptyState } from './EmptyState.tsx';
export { ProjectsMenu } from './ProjectsMenu.tsx';
export { createProjects, type Projects } from './projects.ts';
export { PROJECT_COMMANDS } from './commands.ts';
