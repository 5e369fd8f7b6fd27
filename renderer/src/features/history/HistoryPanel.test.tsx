// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { HistoryEntry } from '../../../../shared/ipc/channels/review.ts';
import { createI18n } from '../../lib/i18n.ts';
import { HistoryPanel } from './HistoryPanel.tsx';

afterEach(cleanup);

const rev = (id: string, text: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id, segmentId: 's1', author: 'Claire Martin', authorId: 'user-claire', role: 'translator', createdAt: '2026-02-28T10:15:00.000Z', source: 'x', text,
  status: 'translated', origin: 'typed', prevRevisionId: null, mergeParentId: null, comment: null, qaOverride: null, action: null, ...extra,
});

const ENTRIES = [
  rev('1', 'At least 25 people were arrested.'),
  rev('2', 'At least 25 people have been arrested.', { author: 'Marc Dubois', role: 'editor', origin: 'review', createdAt: '2026-02-28T11:00:00.000Z' }),
  rev('3', 'At least 25 people have been arrested.', { author: 'Marc Dubois', role: 'editor', status: 'approved', origin: 'review', createdAt: '2026-02-28T11:05:00.000Z' }),
];

function show(lang: 'en' | 'fr', onRestore = vi.fn(), canRestore: true | string = true) {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <HistoryPanel segmentNumber={4} entries={ENTRIES} canRestore={canRestore} onRestore={onRestore} onClose={() => undefined} />
    </I18nextProvider>,
  );
  return onRestore;
}

describe('HistoryPanel', () => {
  it('lists every revision, newest first, with who, role, origin and the status change', () => {
    show('en');
    const items = screen.getAllByTestId('history-item');
    expect(items.map((i) => i.dataset.revisionId)).toEqual(['3', '2', '1']);
    expect(items[0]!.textContent).toContain('Marc Dubois (Editor)');
    expect(items[0]!.textContent).toContain('Review');
    expect(items[0]!.textContent).toMatch(/Status:.*Translated.*→.*Approved/);
    expect(items[2]!.textContent).toContain('Claire Martin (Translator)');
    expect(items[2]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-02-28T10:15:00.000Z');
  });

  it('diffs two picked revisions word by word, with inserted and deleted words marked', async () => {
    show('en');
    const diff = screen.getByTestId('history-diff');
    // The two latest revisions have the same text by default.
    expect(diff.textContent).toContain('same text');
    const user = userEvent.setup();
    const items = screen.getAllByTestId('history-item');
    await user.click(within(items[1]!).getByRole('checkbox')); // untick 2 → only 3
    await user.click(within(items[2]!).getByRole('checkbox')); // tick 1 → 1 and 3
    const del = screen.getAllByTestId('diff-part').filter((e) => e.dataset.kind === 'delete');
    const ins = screen.getAllByTestId('diff-part').filter((e) => e.dataset.kind === 'insert');
    expect(del.map((e) => e.tagName)).toEqual(['DEL']);
    expect(ins.map((e) => e.tagName)).toEqual(['INS']);
    expect(del[0]!.textContent).toBe('−deleted: were');
    expect(ins[0]!.textContent).toBe('+inserted: have been');
  });

  it('restores an older revision but never the current one', async () => {
    const onRestore = show('en');
    const items = screen.getAllByTestId('history-item');
    expect(within(items[0]!).queryByTestId('history-restore')).toBeNull();
    await userEvent.setup().click(within(items[2]!).getByTestId('history-restore'));
    expect(onRestore).toHaveBeenCalledWith('1');
  });

  it('does not restore when the user may not, and says why', async () => {
    const onRestore = show('en', vi.fn(), 'reasons.noUser');
    const btn = screen.getAllByTestId('history-restore')[0]!;
    expect(btn.getAttribute('aria-disabled')).toBe('true');
    expect(btn.getAttribute('title')).toBe('Tell Relais who you are first.');
    await userEvent.setup().click(btn);
    expect(onRestore).not.toHaveBeenCalled();
  });

  it('speaks French, with French dates', () => {
    show('fr');
    const items = screen.getAllByTestId('history-item');
    expect(items[0]!.textContent).toContain('Marc Dubois (Relecteur)');
    expect(items[0]!.textContent).toContain('Relecture');
    expect(items[0]!.textContent).toMatch(/févr\. 2026/);
    expect(screen.getAllByTestId('history-restore')[0]!.textContent).toBe('Rétablir cette version');
  });
});
