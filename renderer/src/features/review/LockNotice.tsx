import { useTranslation } from 'react-i18next';

/** Shown under an approved segment: it is locked for translators; an editor can unlock it. */
export function LockNotice({ canUnlock, onUnlock }: { canUnlock: boolean; onUnlock(): void }) {
  const { t } = useTranslation();
  return (
    <div className="lock-notice" data-testid="lock-notice">
      <span aria-hidden="true">★ </span>
      <span>{canUnlock ? t('review.lockedEditor') : t('review.lockedTranslator')}</span>
      {canUnlock ? (
        <button type="button" className="cmd-button" data-testid="unlock" onClick={(e) => { e.stopPropagation(); onUnlock(); }}>{t('review.unlock')}</button>
      ) : null}
    </div>
  );
}
