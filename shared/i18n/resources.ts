/**
 * UI translations (English and French), shared by the renderer and main's native menu.
 * Pure data: the JSON files hold every user-visible string; main's menu uses keys under `menu.`.
 */
import type { UiLanguage } from '../model.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'fr'];
export const DEFAULT_NAMESPACE = 'translation';

export const resources = {
  en: { [DEFAULT_NAMESPACE]: en },
  fr: { [DEFAULT_NAMESPACE]: fr },
} as const;

export type TranslationTree = typeof en;

export function isUiLanguage(x: unknown): x is UiLanguage {
  return x === 'en' || x === 'fr';
}

/** Plural suffixes i18next looks for, from the language's Intl plural rules (fr: one, many, other). */
export function pluralCategories(lang: UiLanguage): string[] {
  return [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories];
}
