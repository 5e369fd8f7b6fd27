import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/qa/model.ts';
import { Modal } from '../../components/Modal.tsx';
import { findingText, ruleLabel } from './findings.ts';

/**
 * Approving a segment that has QA errors: the editor must give a reason (kept with the revision), or go back and
 * correct the errors. The submit button stays disabled until there is a reason.
 */
export function OverrideDialog({ number, errors, onSubmit, onCancel }: { number: number; errors: readonly Finding[]; onSubmit(reason: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const ok = reason.trim() !== '';
  return (
    <Modal title={t('qa.override.title', { number })} onClose={onCancel} role="alertdialog" testId="override-dialog" className="override-dialog">
      <form
        className="override-form stacked"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onSubmit(reason.trim());
        }}
      >
        <p className="muted">{t('qa.override.intro')}</p>
        <ul className="qa-list override-errors">
          {errors.map((f, i) => (
            <li key={`${f.rule}:${i}`} className="qa-finding severity-error" data-rule={f.rule}>
              <span className="qa-icon" aria-hidden="true">⊗</span>
              <span className="qa-severity">{ruleLabel(f.rule, t)}</span>
              <span className="qa-text">{findingText(f, t)}</span>
            </li>
          ))}
        </ul>
        <label className="stacked">
          <span>{t('qa.override.reason')}</span>
          <textarea
            data-testid="override-reason"
            data-autofocus
            required
            rows={3}
            value={reason}
            placeholder={t('qa.override.placeholder')}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                if (ok) onSubmit(reason.trim());
              }
            }}
          />
        </label>
        {!ok ? <p className="muted field-hint">{t('qa.override.required')}</p> : null}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel} data-testid="override-cancel">{t('qa.override.cancel')}</button>
          <button type="submit" className="primary" data-testid="override-submit" disabled={!ok}>{t('qa.override.submit')}</button>
        </div>
      </form>
    </Modal>
  );
}
