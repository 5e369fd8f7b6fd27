import { memo } from 'react';
import { findMatches } from '../lib/find.ts';

/** Text with the matches of `query` marked; the match starting at `current` (if any) is the current one. */
export const Highlighted = memo(function Highlighted({ text, query, current }: { text: string; query: string; current?: number | undefined }) {
  const matches = findMatches(text, query);
  if (matches.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const isCurrent = m.start === current;
    parts.push(
      <mark key={m.start} className={isCurrent ? 'find-hit find-current' : 'find-hit'} data-current={isCurrent ? 'true' : undefined}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
});
