// @vitest-environment jsdom
/**
 * The QA parts of the workbench, driven as a user would: live findings under the editor with their fix, the
 * override dialog of the approval gate, and the whole-article panel. Findings come from the real QA engine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { QaRuleState } from '../../../../shared/ipc/channels/terminology.ts';
import { createQaEngine } from '../../../../shared/qa/index.ts';
import { createI18n } from '../../lib/i18n.ts';
import { TEST_GLOSSARY } from '../../test/glossary.ts';
import { applyFix, createLiveQaStore, EMPTY_LIVE_QA, findingText, fixFor, LiveFindings, OverrideDialog, QaPanel, type QaPanelItem } from './index.ts';

afterEach(cleanup);

const engine = createQaEngine({ glossaries: [TEST_GLOSSARY] });
const SOURCE = 'Des contenus pédopornographiques, selon Europol.';
const check = (target: string) => engine.checkSegment({ id: 's1', source: SOURCE, target });

function wrap(node: React.ReactNode, lang: 'en' | 'fr' = 'en') {
  return render(<I18nextProvider i18n={createI18n(lang)}>{node}</I18nextProvider>);
}

describe('findings and fixes', () => {
  it('a forbidden term is replaced by the preferred one, the caret after it', () => {
    const target = 'Some child pornography, said Europol.';
    const f = check(target).find((x) => x.rule === 'glossary.forbidden')!;
    expect(fixFor(f, target)).toEqual({ kind: 'replace', text: 'child sexual abuse material' });
    const r = applyFix(f, target, 0)!;
    expect(r.text).toBe('Some child sexual abuse material, said Europol.');
    expect(r.caret).toBe('Some child sexual abuse material'.length);
    expect(check(r.text).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a missing glossary term is inserted at the caret, with spaces where words would touch', () => {
    const target = 'Some material, said Europol.';
    const f = check(target).find((x) => x.rule === 'glossary.missing')!;
    expect(fixFor(f, target)?.kind).toBe('insert');
    expect(applyFix(f, 'Some, said Europol.', 4)!.text).toBe('Some child sexual abuse material, said Europol.');
  });

  it('offers no replacement where the suggestion is only a hint (end punctuation)', () => {
    const target = 'Some child sexual abuse material, said Europol';
    const f = check(target).find((x) => x.rule === 'punctuation.end');
    expect(f).toBeDefined();
    expect(fixFor(f!, target)).toBeNull();
  });

  it('reads in English and in French, with French typography', () => {
    const f = check('Some child pornography, said Europol.').find((x) => x.rule === 'glossary.forbidden')!;
    expect(findingText(f, createI18n('en').t)).toBe('“child pornography” is forbidden by the glossary: use “child sexual abuse material”.');
    expect(findingText(f, createI18n('fr').t)).toBe('«\u00a0child pornography\u00a0» est proscrit par le glossaire\u00a0: employez «\u00a0child sexual abuse material\u00a0».');
  });
});

describe('LiveFindings', () => {
  it('follows the store at once: each finding with its rule, severity, offending text and fix', async () => {
    const store = createLiveQaStore(EMPTY_LIVE_QA);
    const onFix = vi.fn();
    wrap(<LiveFindings store={store} segmentId="s1" onFix={onFix} fixShortcut="Ctrl+." />);
    expect(screen.queryByTestId('qa-findings')).toBeNull();

    act(() => store.setState({ segmentId: 's1', source: SOURCE, target: 'Some CSAM, said Europol.', findings: check('Some CSAM, said Europol.') }));
    expect(screen.getByTestId('qa-findings').textContent).toContain('No QA issue.');

    const target = 'Some child pornography, said Europol.';
    act(() => store.setState({ segmentId: 's1', source: SOURCE, target, findings: check(target) }));
    const items = screen.getAllByTestId('qa-finding');
    const forbidden = items.find((i) => i.dataset.rule === 'glossary.forbidden')!;
    expect(forbidden.dataset.severity).toBe('error');
    expect(within(forbidden).getByTestId('qa-excerpt').textContent).toBe('child pornography');
    const fix = within(forbidden).getByTestId('qa-fix');
    expect(fix.textContent).toContain('Replace with “child sexual abuse material”');
    await userEvent.setup().click(fix);
    expect(onFix).toHaveBeenCalledWith(expect.objectContaining({ rule: 'glossary.forbidden' }));
  });

  it('says nothing while the editor is empty (the segment is not started)', () => {
    const store = createLiveQaStore({ segmentId: 's1', source: SOURCE, target: '', findings: check('') });
    expect(store.getState().findings.map((f) => f.rule)).toEqual(['target.empty']);
    wrap(<LiveFindings store={store} segmentId="s1" onFix={() => undefined} fixShortcut="" />);
    expect(screen.queryByTestId('qa-findings')).toBeNull();
  });

  it('shows nothing for another segment', () => {
    const store = createLiveQaStore({ segmentId: 's2', source: SOURCE, target: 'x', findings: check('x') });
    wrap(<LiveFindings store={store} segmentId="s1" onFix={() => undefined} fixShortcut="" />);
    expect(screen.queryByTestId('qa-findings')).toBeNull();
  });
});

describe('OverrideDialog', () => {
  it('cannot approve without a reason; the reason is sent trimmed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    const errors = check('Some child pornography, said Europol.').filter((f) => f.severity === 'error');
    wrap(<OverrideDialog number={3} errors={errors} onSubmit={onSubmit} onCancel={onCancel} />);
    const dialog = screen.getByTestId('override-dialog');
    expect(dialog.textContent).toContain('Approve segment 3 despite QA errors?');
    expect(dialog.textContent).toContain('Forbidden term');
    const submit = screen.getByTestId('override-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('override-reason')).toBe(document.activeElement);
    await user.keyboard('   ');
    expect(submit.disabled).toBe(true);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard(' Quoted from the police statement ');
    expect(submit.disabled).toBe(false);
    await user.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('Quoted from the police statement');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('QaPanel', () => {
  const items: QaPanelItem[] = [
    ...check('Some child pornography, said Europol.').map((f) => ({ finding: f, number: 3, excerpt: f.range?.side === 'target' ? 'child pornography' : null })),
    ...engine.checkSegment({ id: 's2', source: 'Le chat dort.', target: 'The the cat sleeps' }).map((f) => ({ finding: { ...f, segment: 's2' }, number: 4, excerpt: null })),
  ];
  const rules: QaRuleState[] = [
    { id: 'glossary.forbidden', severity: 'error', description: '', enabled: true },
    { id: 'words.repeated', severity: 'warning', description: '', enabled: true },
  ];

  it('counts, filters by severity and rule, and jumps to the segment', async () => {
    const user = userEvent.setup();
    const onJump = vi.fn();
    wrap(<QaPanel items={items} rules={rules} canEditRules onJump={onJump} onToggleRule={() => undefined} onClose={() => undefined} />);
    const errors = items.filter((i) => i.finding.severity === 'error').length;
    const counts = screen.getByTestId('qa-counts');
    expect(counts.dataset.errors).toBe(String(errors));
    expect(counts.dataset.warnings).toBe(String(items.length - errors));
    expect(screen.getAllByTestId('qa-panel-item')).toHaveLength(items.length);

    await user.selectOptions(screen.getByTestId('qa-filter-severity'), 'warning');
    expect(screen.getAllByTestId('qa-panel-item').every((i) => i.dataset.severity === 'warning')).toBe(true);
    await user.selectOptions(screen.getByTestId('qa-filter-severity'), 'all');
    await user.selectOptions(screen.getByTestId('qa-filter-rule'), 'glossary.forbidden');
    const only = screen.getAllByTestId('qa-panel-item');
    expect(only).toHaveLength(1);
    expect(only[0]!.textContent).toContain('Segment 3');

    only[0]!.focus();
    await user.keyboard('{Enter}');
    expect(onJump).toHaveBeenCalledWith('s1');
  });

  it('switches a rule off for an editor; a translator sees the rules but cannot change them', async () => {
    const user = userEvent.setup();
    const onToggle = vi.fn();
    const { unmount } = wrap(<QaPanel items={[]} rules={rules} canEditRules onJump={() => undefined} onToggleRule={onToggle} onClose={() => undefined} />);
    expect(screen.getByTestId('qa-panel').textContent).toContain('No QA issue in this article.');
    await user.click(screen.getByText('Rules of this project'));
    await user.click(screen.getAllByTestId('qa-rule').find((r) => r.dataset.rule === 'words.repeated')!);
    expect(onToggle).toHaveBeenCalledWith('words.repeated', false);
    unmount();
    wrap(<QaPanel items={[]} rules={rules} canEditRules={false} onJump={() => undefined} onToggleRule={onToggle} onClose={() => undefined} />, 'fr');
    expect(screen.getAllByTestId('qa-rule').every((r) => (r as HTMLInputElement).disabled)).toBe(true);
    expect(screen.getByTestId('qa-panel').textContent).toContain('Seul un relecteur peut activer ou désactiver les règles.');
  });
});
