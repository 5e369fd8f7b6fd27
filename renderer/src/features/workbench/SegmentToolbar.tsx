import { useTranslation } from 'react-i18next';
import { CommandButton } from '../../components/CommandButton.tsx';

/** The segment actions, from the command registry (label, shortcut, disabled reason). */
export function SegmentToolbar() {
  const { t } = useTranslation();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('workbench.toolbar')}>
      <CommandButton id="segment.confirm" testId="action-confirm" className="primary" />
      <CommandButton id="segment.copySource" testId="action-copy-source" />
      <span className="toolbar-sep" aria-hidden="true" />
      <CommandButton id="segment.approve" testId="action-approve" />
      <CommandButton id="segment.reject" testId="action-reject" />
      <span className="toolbar-sep" aria-hidden="true" />
      <CommandButton id="segment.split" testId="action-split" />
      <CommandButton id="segment.merge" testId="action-merge" />
    </div>
  );
}
