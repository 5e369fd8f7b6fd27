import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, UserIdentity } from '../../../../shared/model.ts';
import { Modal } from '../../components/Modal.tsx';

/**
 * First run (no user yet) and "Switch user": name and role. On first run it cannot be dismissed,
 * because every revision records who made it.
 */
export function OnboardingDialog({ initial, firstRun, onSubmit, onCancel }: {
  initial: UserIdentity | null;
  firstRun: boolean;
  onSubmit(user: Pick<UserIdentity, 'name' | 'role'>): void | Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'translator');
  const [missing, setMissing] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setMissing(true);
      return;
    }
    void onSubmit({ name: trimmed, role });
  };
  return (
    <Modal title={firstRun ? t('onboarding.title') : t('onboarding.switchTitle')} testId="onboarding" onClose={firstRun ? undefined : onCancel}>
      <form className="onboarding-form" onSubmit={submit} noValidate>
        <p className="muted">{t('onboarding.intro')}</p>
        <label className="stacked">
          <span>{t('onboarding.name')}</span>
          <input
            data-testid="onboarding-name"
            data-autofocus
            value={name}
            maxLength={100}
            autoComplete="name"
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby={missing ? 'onboarding-name-error' : undefined}
            onChange={(e) => { setName(e.target.value); setMissing(false); }}
          />
        </label>
        {missing ? <p id="onboarding-name-error" className="field-error" role="alert">{t('onboarding.nameRequired')}</p> : null}
        <fieldset className="roles">
          <legend>{t('onboarding.role')}</legend>
          {(['translator', 'editor'] as const).map((r) => (
            <label key={r} className="role-option">
              <input type="radio" name="role" value={r} data-testid={`onboarding-role-${r}`} checked={role === r} onChange={() => setRole(r)} />
              <span className="role-name">{t(`roles.${r}`)}</span>
              <span className="role-hint muted">{t(r === 'translator' ? 'onboarding.translatorHint' : 'onboarding.editorHint')}</span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-buttons">
          {firstRun ? null : <button type="button" onClick={onCancel}>{t('onboarding.cancel')}</button>}
          <button type="submit" className="primary" data-testid="onboarding-submit">{t('onboarding.submit')}</button>
        </div>
      </form>
    </Modal>
  );
}
