// @vitest-environment jsdom
/**
 * Terminology and QA composed in the workbench, against the real services (renderer/src/test/backend.ts, with a small
 * desk glossary): live findings in the same event as the keystroke, Ctrl+1 inserts a term (origin 'term'), the QA
 * fix (origin 'qa-fix'), the approval gate with its override reason, and the whole-article QA panel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../lib/i18n.ts';
import { createTestBackend, disposeTestBackends, type TestPerson } from '../test/backend.ts';
import { App } from './App.tsx';

afterEach(() => {
  cleanup();
  disposeTestBackends();
});

async function setup(user: TestPerson) {
  const tb = createTestBackend({ user });
  const u = userEvent.setup();
  render(<App backend={tb.backend} i18n={createI18n('en')} />);
  await waitFor(() => expect(screen.getAllByTestId('segment-row').length).toBeGreaterThan(0));
  // The glossary is loaded: Europol is underlined in the source.
  await waitFor(() => expect(screen.getAllByTestId('term-underline').length).toBeGreaterThan(0));
  return { tb, user: u };
}

const editor = () => screen.getByTestId('target-editor') as HTMLTextAreaElement;
const activeRow = () => document.querySelector<HTMLElement>('[data-testid="segment-row"][data-active="true"]')!;

describe('terminology and QA in the workbench', () => {
  it('flags a forbidden term within the input event, and the fix replaces it (origin qa-fix)', async () => {
    const { tb, user } = await setup({ name: 'Tess', role: 'translator' });
    await user.click(screen.getAllByTestId('segment-source')[3]!); // "Au moins 25 individus … Europol …"
    const id = activeRow().dataset.segmentId!;
    fireEvent.change(editor(), { target: { value: 'At least 25 people, said Europol on Friday, February 28, child pornography.' } });
    // No waiting: the check ran in the change handler and React rendered before returning.
    const f = within(activeRow()).getAllByTestId('qa-finding').find((x) => x.dataset.rule === 'glossary.forbidden');
    expect(f?.dataset.severity).toBe('error');
    await user.click(within(f!).getByTestId('qa-fix'));
    expect(editor().value).toBe('At least 25 people, said Europol on Friday, February 28, child sexual abuse material.');
    expect(within(activeRow()).queryAllByTestId('qa-finding').some((x) => x.dataset.rule === 'glossary.forbidden')).toBe(false);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(tb.callsOf('commitSegment').length).toBe(1));
    expect(tb.callsOf('commitSegment')[0]![0]).toMatchObject({ segmentId: id, origin: 'qa-fix', status: 'translated' });
  });

  it('Ctrl+1 inserts the preferred term of the segment at the caret (origin term)', async () => {
    const { tb, user } = await setup({ name: 'Tess', role: 'translator' });
    await user.click(screen.getAllByTestId('segment-source')[3]!);
    const panel = screen.getByTestId('term-panel');
    const options = within(panel).getAllByTestId('term-option');
    expect(options.map((o) => o.dataset.index)).toEqual(['1']);
    expect(options[0]!.textContent).toContain('Europol');
    await user.click(editor());
    await user.keyboard('Said ');
    await user.keyboard('{Control>}1{/Control}');
    expect(editor().value).toBe('Said Europol');
    await user.keyboard('{Control>}2{/Control}');
    expect(editor().value).toBe('Said Europol');
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('no glossary term with that number'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(tb.callsOf('commitSegment').length).toBe(1));
    expect(tb.callsOf('commitSegment')[0]![0]).toMatchObject({ origin: 'term' });
  });

  it('an editor approving a segment with errors must give a reason; it goes to setStatus', async () => {
    const { tb, user } = await setup({ name: 'Ed', role: 'editor' });
    await user.click(screen.getAllByTestId('segment-source')[3]!);
    await user.click(editor());
    await user.keyboard('At least 25 arrested.');
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    const dialog = await screen.findByTestId('override-dialog');
    expect(dialog.textContent).toContain('Glossary term missing');
    expect((screen.getByTestId('override-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(tb.callsOf('setStatus')).toHaveLength(0);
    await user.keyboard('Agency wording');
    await user.click(screen.getByTestId('override-submit'));
    await waitFor(() => expect(tb.callsOf('setStatus')).toHaveLength(1));
    expect(tb.callsOf('setStatus')[0]![0]).toMatchObject({ status: 'approved', override: { reason: 'Agency wording' } });
    // Main's approval gate found the same error, let the reason through and kept it with the revision.
    const { segmentId } = tb.callsOf('setStatus')[0]![0] as { segmentId: string };
    await waitFor(() => expect(document.querySelector<HTMLElement>(`[data-testid="segment-row"][data-segment-id="${segmentId}"]`)?.dataset.status).toBe('approved'));
    expect((await tb.api.getHistory(segmentId)).at(-1)).toMatchObject({ status: 'approved', qaOverride: 'Agency wording' });
  });

  it('the QA panel (Ctrl+Shift+Q) lists the article, jumps to a segment and switches rules off', async () => {
    const { tb, user } = await setup({ name: 'Ed', role: 'editor' });
    await user.keyboard('{Control>}{Shift>}Q{/Shift}{/Control}');
    const panel = await screen.findByTestId('qa-panel');
    const items = within(panel).getAllByTestId('qa-panel-item');
    expect(items.every((i) => i.dataset.rule === 'target.empty')).toBe(true);
    const last = items[items.length - 1]!;
    await user.click(last);
    await waitFor(() => expect(activeRow().dataset.segmentId).toBe(last.dataset.segmentId));
    await user.click(within(panel).getByText('Rules of this project'));
    await user.click(within(panel).getAllByTestId('qa-rule').find((r) => r.dataset.rule === 'target.empty')!);
    await waitFor(() => expect(within(screen.getByTestId('qa-panel')).queryAllByTestId('qa-panel-item')).toHaveLength(0));
    expect(tb.callsOf('setQaRuleEnabled')).toEqual([['target.empty', false]]);
    expect((await tb.api.listQaRules()).find((r) => r.id === 'target.empty')?.enabled).toBe(false);
  });
});
