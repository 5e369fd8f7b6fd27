import { useTranslation } from 'react-i18next';
import type { UserIdentity } from '../../../../shared/model.ts';

/** Who is working, and the "Switch user" control (opens the onboarding dialog). */
export function UserBadge({ user, onSwitch }: { user: UserIdentity | null; onSwitch(): void }) {
  const { t } = useTranslation();
  return (
    <div className="user-badge">
      <span className="user-summary" data-testid="current-user" data-role={user?.role ?? ''}>
        {user ? t('header.userSummary', { name: user.name, role: t(`roles.${user.role}`) }) : t('header.noUser')}
      </span>
      <button type="button" className="link-button" data-testid="switch-user" onClick={onSwitch}>
        {t('header.switchUser')}
      </button>
    </div>
  );
}
