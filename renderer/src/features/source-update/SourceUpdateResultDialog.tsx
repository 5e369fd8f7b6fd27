import { useTranslation } from 'react-i18next';
import type { SourceUpdateResult } from '../../../../shared/ipc/channels/review.ts';
import { wordDiff } from '../../../../shared/review/diff.ts';
import { DiffText } from '../../components/DiffText.tsx';
import { Modal } from '../../components/Modal.tsx';

const SHOWN = 30;

/** What a republished source changed: counts, then the changed (old → new French), added and removed segments. */
export function SourceUpdateResultDialog({ result, onClose, onShowArchive }: { result: SourceUpdateResult; onClose(): void; onShowArchive(): void }) {
  const { t } = useTranslation();
  const { changed, added, removed } = result.segments;
  return (
    <Modal title={t('sourceUpdate.resultTitle', { version: result.version })} onClose={onClose} testId="source-update-result" className="wide">
      <ul className="update-counts" data-testid="source-update-counts">
        <li data-kind="unchanged">{t('sourceUpdate.unchanged', { count: result.unchanged })}</li>
        <li data-kind="changed">{t('sourceUpdate.changed', { count: result.changed })}</li>
        <li data-kind="added">{t('sourceUpdate.added', { count: result.added })}</li>
        <li data-kind="removed">{t('sourceUpdate.removed', { count: result.removed })}</li>
        {result.moved ? <li data-kind="moved">{t('sourceUpdate.moved', { count: result.moved })}</li> : null}
      </ul>
      <div className="update-lists">
        {changed.length ? (
          <section>
            <h3>{t('sourceUpdate.changedTitle')}</h3>
            <ul>
              {changed.slice(0, SHOWN).map((c) => (
                <li key={c.id} data-testid="update-changed" lang="fr"><DiffText parts={wordDiff(c.before, c.after)} testId="source-diff-part" lang="fr" /></li>
              ))}
            </ul>
          </section>
        ) : null}
        {added.length ? (
          <section>
            <h3>{t('sourceUpdate.addedTitle')}</h3>
            <ul>{added.slice(0, SHOWN).map((a) => <li key={a.id} data-testid="update-added" lang="fr">{a.source}</li>)}</ul>
          </section>
        ) : null}
        {removed.length ? (
          <section>
            <h3>{t('sourceUpdate.removedTitle')}</h3>
            <ul>
              {removed.slice(0, SHOWN).map((r) => (
                <li key={r.id} data-testid="update-removed"><span lang="fr">{r.source}</span>{r.target ? <span className="muted" lang="en"> — {r.target}</span> : null}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {[changed, added, removed].some((l) => l.length > SHOWN) ? <p className="muted">{t('sourceUpdate.listsCut', { count: SHOWN })}</p> : null}
      </div>
      <div className="dialog-buttons">
        {removed.length ? <button type="button" className="cmd-button" data-testid="source-update-show-archive" onClick={onShowArchive}>{t('sourceUpdate.showArchive')}</button> : null}
        <button type="button" className="cmd-button primary" data-testid="source-update-close" onClick={onClose}>{t('sourceUpdate.close')}</button>
      </div>
    </Modal>
  );
}

/** The new file does not look like a version of this article: updating needs an explicit confirmation. */
export function DifferentArticleDialog({ file, onConfirm, onCancel }: { file: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('sourceUpdate.differentTitle')} onClose={onCancel} role="alertdialog" testId="source-update-different">
      <p>{t('sourceUpdate.differentBody', { file })}</p>
      <div className="dialog-buttons">
        <button type="button" className="cmd-button primary" data-testid="source-update-cancel" data-autofocus onClick={onCancel}>{t('sourceUpdate.cancel')}</button>
        <button type="button" className="cmd-button danger" data-testid="source-update-confirm" onClick={onConfirm}>{t('sourceUpdate.confirmDifferent')}</button>
      </div>
    </Modal>
  );
}
