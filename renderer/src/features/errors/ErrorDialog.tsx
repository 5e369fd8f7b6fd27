import { useTranslation } from 'react-i18next';
import type { RelaisError } from '../../../../shared/errors.ts';
import { Modal } from '../../components/Modal.tsx';

/** A RelaisError, translated by code, with the file, line and detail it names. */
export function ErrorDialog({ error, textKept, onClose }: { error: RelaisError; textKept: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const message = t(`errors.codes.${error.code}`, { defaultValue: t('errors.codes.internal') });
  return (
    <Modal title={t('errors.title')} testId="error-dialog" role="alertdialog" onClose={onClose}>
      <div className="error-body" data-code={error.code}>
        <p className="error-message">{message}</p>
        {error.file ? <p className="error-file">{t('errors.file', { file: error.file })}{error.line !== undefined ? ` — ${t('errors.line', { line: error.line })}` : ''}</p> : null}
        {error.detail ? <p className="error-detail">{t('errors.detail', { detail: error.detail })}</p> : null}
        {!error.detail && error.code === 'internal' && error.message ? <p className="error-detail">{t('errors.detail', { detail: error.message })}</p> : null}
        {textKept ? <p className="muted">{t('errors.keptText')}</p> : null}
      </div>
      <div className="dialog-buttons">
        <button type="button" className="primary" data-testid="error-close" data-autofocus onClick={onClose}>{t('errors.close')}</button>
      </div>
    </Modal>
  );
}
