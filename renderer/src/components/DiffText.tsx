import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleWhitespace, type DiffPart } from '../../../shared/review/diff.ts';

/**
 * White space a reader must see in a changed run: the whole run when it is only white space (a space turned into a
 * no-break space, a doubled space), else its leading and trailing white space. Spaces between changed words stay.
 */
export function showChangedText(text: string): string {
  if (/^\s+$/u.test(text)) return visibleWhitespace(text);
  const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text)!;
  return visibleWhitespace(m[1]!) + m[2]! + visibleWhitespace(m[3]!);
}

/**
 * A word diff shown inline: deletions struck through and marked −, insertions underlined and marked +, so a change
 * never depends on colour alone; screen readers hear "deleted"/"inserted". Each ins/del carries `data-kind`.
 */
export const DiffText = memo(function DiffText({ parts, testId, lang }: { parts: readonly DiffPart[]; testId: string; lang?: string }) {
  const { t } = useTranslation();
  return (
    <span className="diff-text" lang={lang}>
      {parts.map((p, i) => {
        if (p.kind === 'equal') return <span key={i} className="diff-equal">{p.text}</span>;
        const shown = showChangedText(p.text);
        const label = t(p.kind === 'insert' ? 'review.diff.inserted' : 'review.diff.deleted', { text: p.text });
        return p.kind === 'insert' ? (
          <ins key={i} className="diff-ins" data-testid={testId} data-kind="insert" title={label}>
            <span className="diff-mark" aria-hidden="true">+</span>
            <span className="sr-only">{t('review.diff.insertedPrefix')}</span>
            {shown}
          </ins>
        ) : (
          <del key={i} className="diff-del" data-testid={testId} data-kind="delete" title={label}>
            <span className="diff-mark" aria-hidden="true">−</span>
            <span className="sr-only">{t('review.diff.deletedPrefix')}</span>
            {shown}
          </del>
        );
      })}
    </span>
  );
});
