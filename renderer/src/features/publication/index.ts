export { PublicationView, type PublicationViewProps } from './PublicationView.tsx';
export { createPublication, type Publication } from './publication.ts';
export { PUBLICATION_COMMANDS } from './commands.ts';
export { PublicationContainer } from './connected.tsx';
