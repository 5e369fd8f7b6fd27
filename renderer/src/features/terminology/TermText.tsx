import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermMatch } from '../../../../shared/glossary/index.ts';
import { isForbiddenSource, termTooltip, underlineSpans } from './terms.ts';

/**
 * A source text with its recognised glossary terms underlined: solid for approved terms, wavy with a ⊘ mark for
 * terms the glossary discourages (not only colour). The tooltip lists the approved English terms (preferred first)
 * and the forbidden ones. The text content stays exactly the source (the split caret counts characters).
 */
export const TermText = memo(function TermText({ text, matches }: { text: string; matches: readonly TermMatch[] }) {
  const { t } = useTranslation();
  const spans = underlineSpans(matches);
  if (spans.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of spans) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const forbidden = isForbiddenSource(m);
    const tip = termTooltip(m, t);
    parts.push(
      <span
        key={m.start}
        className={forbidden ? 'term-underline term-forbidden' : 'term-underline term-approved'}
        data-testid="term-underline"
        data-kind="term"
        data-forbidden={forbidden ? 'true' : undefined}
        data-concept={m.concept.key}
        title={tip}
        aria-description={tip}
      >
        {text.slice(m.start, m.end)}
      </span>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
});
