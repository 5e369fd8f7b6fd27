import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../../shared/review/diff.ts';
import { DiffText } from '../../components/DiffText.tsx';

/** On a row whose French source changed in a republished version: a badge and the source-side diff (old → new). */
export function SourceChangedNote({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className="source-changed" data-testid="source-changed">
      <span className="row-badge badge-source-changed"><span aria-hidden="true">⟳ </span>{t('sourceUpdate.badge')}</span>
      <div className="source-changed-diff" lang="fr"><DiffText parts={parts} testId="source-diff-part" lang="fr" /></div>
      <span className="muted">{t('sourceUpdate.checkTranslation')}</span>
    </div>
  );
}
