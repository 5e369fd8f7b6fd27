export { LanguageSelect } from './LanguageSelect.tsx';
export { UserBadge } from './UserBadge.tsx';
export { setLanguage, SETTINGS_COMMANDS } from './settings.ts';
