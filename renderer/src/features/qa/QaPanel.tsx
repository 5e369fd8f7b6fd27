import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaRuleState } from '../../../../shared/ipc/channels/terminology.ts';
import type { Finding, Severity } from '../../../../shared/qa/model.ts';
import { findingText, ruleLabel } from './findings.ts';

export interface QaPanelItem {
  finding: Finding;
  /** 1-based row number in the grid. */
  number: number;
  /** The offending text, when the finding has one. */
  excerpt: string | null;
}

export type SeverityFilter = 'all' | Severity;

/**
 * QA of the whole article: counts, filters by severity and rule, one line per finding (click or Enter jumps to the
 * segment), and the project's rules with a switch each (editors only).
 */
export function QaPanel({ items, rules, canEditRules, onJump, onToggleRule, onClose }: {
  items: readonly QaPanelItem[];
  rules: readonly QaRuleState[];
  canEditRules: boolean;
  onJump(segmentId: string): void;
  onToggleRule(rule: string, enabled: boolean): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [rule, setRule] = useState<string>('all');
  const errors = items.filter((i) => i.finding.severity === 'error').length;
  const warnings = items.length - errors;
  const presentRules = useMemo(() => [...new Set(items.map((i) => i.finding.rule))].sort(), [items]);
  const shown = items.filter((i) => (severity === 'all' || i.finding.severity === severity) && (rule === 'all' || i.finding.rule === rule));

  return (
    <section className="side-section qa-panel" data-testid="qa-panel" aria-label={t('qa.panel.title')}>
      <header className="side-header">
        <h2>{t('qa.panel.title')}</h2>
        <button type="button" className="icon-button" data-testid="qa-panel-close" title={t('qa.panel.close')} aria-label={t('qa.panel.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <p className="qa-counts" data-testid="qa-counts" data-errors={errors} data-warnings={warnings}>
        <span className="qa-count severity-error"><span aria-hidden="true">⊗ </span>{t('qa.panel.errors', { n: errors })}</span>
        <span className="qa-count severity-warning"><span aria-hidden="true">⚠ </span>{t('qa.panel.warnings', { n: warnings })}</span>
      </p>
      <div className="qa-filters">
        <label className="stacked">
          <span className="field-label">{t('qa.panel.severity')}</span>
          <select data-testid="qa-filter-severity" value={severity} onChange={(e) => setSeverity(e.target.value as SeverityFilter)}>
            <option value="all">{t('qa.panel.all')}</option>
            <option value="error">{t('qa.severity.error')}</option>
            <option value="warning">{t('qa.severity.warning')}</option>
          </select>
        </label>
        <label className="stacked">
          <span className="field-label">{t('qa.panel.rule')}</span>
          <select data-testid="qa-filter-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="all">{t('qa.panel.all')}</option>
            {presentRules.map((r) => <option key={r} value={r}>{ruleLabel(r, t)}</option>)}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted qa-none">{items.length === 0 ? t('qa.panel.empty') : t('qa.panel.noneShown')}</p>
      ) : (
        <ul className="qa-panel-list">
          {shown.map((i, k) => (
            <li key={`${i.finding.segment}:${i.finding.rule}:${i.finding.range?.start ?? ''}:${k}`}>
              <button
                type="button"
                className={`qa-panel-item severity-${i.finding.severity}`}
                data-testid="qa-panel-item"
                data-rule={i.finding.rule}
                data-severity={i.finding.severity}
                data-segment-id={i.finding.segment}
                onClick={() => onJump(i.finding.segment)}
              >
                <span className="qa-icon" aria-hidden="true">{i.finding.severity === 'error' ? '⊗' : '⚠'}</span>
                <span className="qa-seg">{t('qa.panel.segment', { number: i.number })}</span>
                <span className="qa-text">{findingText(i.finding, t)}</span>
                {i.excerpt ? <span className="qa-excerpt">{i.excerpt}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      <details className="qa-rules">
        <summary>{t('qa.panel.rules')}</summary>
        {!canEditRules ? <p className="muted">{t('qa.panel.rulesEditorOnly')}</p> : null}
        <ul>
          {rules.map((r) => (
            <li key={r.id}>
              <label className="qa-rule">
                <input
                  type="checkbox"
                  data-testid="qa-rule"
                  data-rule={r.id}
                  checked={r.enabled}
                  disabled={!canEditRules}
                  onChange={(e) => onToggleRule(r.id, e.target.checked)}
                />
                <span className="qa-icon" aria-hidden="true">{r.severity === 'error' ? '⊗' : '⚠'}</span>
                <span>{ruleLabel(r.id, t)}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
