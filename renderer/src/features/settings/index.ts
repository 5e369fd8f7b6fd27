export { LanguageSelect } from './LanguageSelect.tsx';
export { UserBadge } from './UserBadge.tsx';
