import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_NAMESPACE, resources } from '../../../shared/i18n/resources.ts';
import type { UiLanguage } from '../../../shared/model.ts';

/** A fresh i18next instance with both UI languages loaded (synchronously: resources are bundled). */
export function createI18n(lng: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    defaultNS: DEFAULT_NAMESPACE,
    supportedLngs: ['en', 'fr'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** `<html lang>` follows the UI language (screen readers, hyphenation, the French quotes). */
export function applyDocumentLanguage(doc: Document, lng: UiLanguage): void {
  doc.documentElement.lang = lng;
}

/** Guess the first-run language from the browser before settings arrive. */
export function initialLanguage(nav: { language?: string } | undefined): UiLanguage {
  return nav?.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
