import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';

/** Rejecting a segment tells the translator why: the comment is required before Reject can be pressed. */
export function RejectDialog({ segmentNumber, onSubmit, onCancel }: { segmentNumber: number; onSubmit(comment: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ok = text.trim() !== '';
  return (
    <Modal title={t('review.reject.title', { number: segmentNumber })} onClose={onCancel} testId="reject-dialog">
      <form
        className="reject-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onSubmit(text.trim());
        }}
      >
        <label className="field-block">
          <span className="field-label">{t('review.reject.label')}</span>
          <textarea
            data-testid="reject-comment"
            data-autofocus
            rows={4}
            value={text}
            placeholder={t('review.reject.placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && ok) {
                e.preventDefault();
                onSubmit(text.trim());
              }
            }}
          />
        </label>
        {!ok ? <p className="muted" id="reject-required">{t('review.reject.required')}</p> : null}
        <div className="dialog-buttons">
          <button type="button" className="cmd-button" onClick={onCancel}>{t('review.reject.cancel')}</button>
          <button type="submit" className="cmd-button primary" data-testid="reject-submit" disabled={!ok}>{t('review.reject.submit')}</button>
        </div>
      </form>
    </Modal>
  );
}
