import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../shared/qa/model.ts';
import { createStore, useStore, type StoreApi } from '../../lib/state/store.ts';
import { findingExcerpt, findingText, fixFor, sortFindings } from './findings.ts';

/** What the live check of the active editor found, for the text as it is now. */
export interface LiveQa {
  segmentId: string | null;
  source: string;
  target: string;
  findings: Finding[];
}

export const EMPTY_LIVE_QA: LiveQa = { segmentId: null, source: '', target: '', findings: [] };

/** The live check of the active editor: set on every keystroke, read by the editor's marks and the findings list. */
export type LiveQaStore = StoreApi<LiveQa>;

export function createLiveQaStore(initial: LiveQa = EMPTY_LIVE_QA): LiveQaStore {
  return createStore<LiveQa>(() => initial);
}

/**
 * The findings of the active segment, under its editor, updated in the same frame as each keystroke.
 * Each finding: severity icon and name, what is wrong, the offending text, and its fix button.
 */
export function LiveFindings({ store, segmentId, onFix, fixShortcut }: { store: LiveQaStore; segmentId: string; onFix(f: Finding): void; fixShortcut: string }) {
  const { t } = useTranslation();
  const live = useStore(store);
  // An empty editor is a segment not started yet: "empty translation" is for the approval gate and the QA panel.
  if (live.segmentId !== segmentId || live.target.trim() === '') return null;
  const findings = sortFindings(live.findings);
  const firstFix = findings.findIndex((f) => fixFor(f, live.target) !== null);
  return (
    <div className="qa-live" data-testid="qa-findings" role="region" aria-label={t('qa.liveLabel')} aria-live="polite" data-count={findings.length}>
      {findings.length === 0 ? (
        <p className="qa-none">{t('qa.noFindings')}</p>
      ) : (
        <ul className="qa-list">
          {findings.map((f, i) => {
            const excerpt = findingExcerpt(f, live);
            const fix = fixFor(f, live.target);
            return (
              <li key={`${f.rule}:${f.range?.side ?? ''}:${f.range?.start ?? i}:${i}`} className={`qa-finding severity-${f.severity}`} data-testid="qa-finding" data-rule={f.rule} data-severity={f.severity}>
                <span className="qa-icon" aria-hidden="true">{f.severity === 'error' ? '⊗' : '⚠'}</span>
                <span className="qa-severity">{t(`qa.severity.${f.severity}`)}</span>
                <span className="qa-text">{findingText(f, t)}</span>
                {excerpt && excerpt.side === 'target' ? <mark className="qa-excerpt" data-testid="qa-excerpt">{excerpt.text}</mark> : null}
                {fix ? (
                  <button
                    type="button"
                    className="qa-fix"
                    data-testid="qa-fix"
                    title={i === firstFix && fixShortcut ? t('qa.fixHint', { shortcut: fixShortcut }) : undefined}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onFix(f)}
                  >
                    {t(fix.kind === 'replace' ? 'qa.fix' : 'qa.insert', { text: fix.text })}
                    {i === firstFix && fixShortcut ? <kbd className="cmd-kbd" aria-hidden="true">{fixShortcut}</kbd> : null}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
