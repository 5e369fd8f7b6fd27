import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { backendFromWindow } from './lib/backend.ts';
import { applyDocumentLanguage, createI18n, initialLanguage } from './lib/i18n.ts';
import './styles.css';

const lang = initialLanguage(navigator);
const i18n = createI18n(lang);
applyDocumentLanguage(document, lang);

const root = document.getElementById('root');
if (root) createRoot(root).render(<App backend={backendFromWindow(window)} i18n={i18n} />);
