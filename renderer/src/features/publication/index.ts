export { PublicationView, type PublicationViewProps } from './PublicationView.tsx';
