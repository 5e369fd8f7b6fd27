import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';

/**
 * Add a term to the project glossary, prefilled from the last source and target selections: the French term and
 * its English translation. Enter adds it; both fields are required.
 */
export function AddTermDialog({ initialFr, initialEn, onSubmit, onCancel }: {
  initialFr: string;
  initialEn: string;
  onSubmit(entry: { fr: string; en: string }): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [fr, setFr] = useState(initialFr);
  const [en, setEn] = useState(initialEn);
  const ok = fr.trim() !== '' && en.trim() !== '';
  const focusFr = initialFr.trim() === '';
  const focusEn = !focusFr && initialEn.trim() === '';
  return (
    <Modal title={t('terminology.add.title')} onClose={onCancel} testId="add-term-dialog" className="add-term-dialog">
      <form
        className="stacked add-term-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onSubmit({ fr: fr.trim(), en: en.trim() });
        }}
      >
        <p className="muted">{t('terminology.add.intro')}</p>
        <label className="stacked">
          <span>{t('terminology.add.fr')}</span>
          <input data-testid="add-term-fr" lang="fr" value={fr} onChange={(e) => setFr(e.target.value)} data-autofocus={focusFr ? true : undefined} />
        </label>
        <label className="stacked">
          <span>{t('terminology.add.en')}</span>
          <input data-testid="add-term-en" lang="en" value={en} onChange={(e) => setEn(e.target.value)} data-autofocus={focusEn ? true : undefined} />
        </label>
        {!ok ? <p className="muted">{t('terminology.add.required')}</p> : null}
        <div className="dialog-buttons">
          <button type="button" data-testid="add-term-cancel" onClick={onCancel}>{t('terminology.add.cancel')}</button>
          <button type="submit" className="primary" data-testid="add-term-submit" disabled={!ok} data-autofocus={!focusFr && !focusEn ? true : undefined}>
            {t('terminology.add.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
