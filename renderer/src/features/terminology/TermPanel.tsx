import { useTranslation } from 'react-i18next';
import type { TermConceptView, TermOption } from './terms.ts';

/**
 * The glossary terms of the active segment: for each recognised French term, its approved English terms
 * (numbered: Ctrl/⌘+1…9 or a click inserts at the caret) and the English terms to avoid.
 */
export function TermPanel({ number, concepts, options, shortcutFor, onInsert, addShortcut }: {
  number: number | null;
  concepts: readonly TermConceptView[];
  options: readonly TermOption[];
  shortcutFor(index: number): string;
  onInsert(option: TermOption): void;
  addShortcut: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="side-section term-panel" data-testid="term-panel" aria-label={t('terminology.panel.title')}>
      <header className="side-header">
        <h2>{number === null ? t('terminology.panel.title') : t('terminology.panel.titleSegment', { number })}</h2>
      </header>
      {concepts.length === 0 ? (
        <p className="muted term-none">{t('terminology.panel.none')}</p>
      ) : (
        <ul className="term-concepts">
          {concepts.map((c) => (
            <li key={c.key} className="term-concept" data-concept={c.key}>
              <div className="term-source" lang="fr">
                <span className={c.forbiddenSource ? 'term-underline term-forbidden' : 'term-underline term-approved'}>{c.source}</span>
                <span className="term-scope muted">{t(`terminology.scope.${c.scope}`)}</span>
              </div>
              <ul className="term-options">
                {c.approved.map((a) => {
                  const o = options.find((x) => x.conceptKey === c.key && x.text === a.text);
                  const shortcut = o ? shortcutFor(o.index) : '';
                  return (
                    <li key={a.text}>
                      {o ? (
                        <button
                          type="button"
                          className="term-option"
                          data-testid="term-option"
                          data-index={o.index}
                          lang="en"
                          title={shortcut ? t('terminology.panel.insertHint', { text: a.text, shortcut }) : t('terminology.panel.insert', { text: a.text })}
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={() => onInsert(o)}
                        >
                          <kbd className="term-key" aria-hidden="true">{o.index}</kbd>
                          <span className="term-en">{a.text}</span>
                          <span className="term-status muted">{t(`terminology.status.${a.status}`)}</span>
                        </button>
                      ) : (
                        <span className="term-option-static" lang="en">
                          <span className="term-en">{a.text}</span>
                          <span className="term-status muted">{t(`terminology.status.${a.status}`)}</span>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
              {c.forbidden.length ? (
                <p className="term-avoid">
                  <span className="term-avoid-label">{t('terminology.panel.avoid')}</span>
                  {c.forbidden.map((f) => <s key={f.text} className="term-forbidden-en" lang="en" title={f.note}>{f.text}</s>)}
                </p>
              ) : null}
              {c.note ? <p className="term-note muted">{c.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="muted term-add-hint">{t('terminology.panel.addHint', { shortcut: addShortcut })}</p>
    </section>
  );
}
