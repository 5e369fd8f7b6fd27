// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { CommentView } from '../../../../shared/ipc/channels/review.ts';
import { createI18n } from '../../lib/i18n.ts';
import { CommentsPanel, OpenCommentsCount } from './CommentsPanel.tsx';

afterEach(cleanup);

const c = (id: string, text: string, extra: Partial<CommentView> = {}): CommentView => ({
  id, segmentId: 's1', parentId: null, author: 'Marc Dubois', authorId: 'user-marc', role: 'editor', createdAt: `2026-02-28T1${id}:00:00.000Z`, text,
  resolvedAt: null, resolvedBy: null, ...extra,
});
const COMMENTS = [
  c('3', 'Done, thanks.', { parentId: '1', author: 'Claire Martin', role: 'translator' }),
  c('1', 'Past simple, please.'),
  c('2', 'Check the figure.', { resolvedAt: '2026-02-28T13:00:00.000Z', resolvedBy: 'Marc Dubois' }),
];

function show(handlers: Partial<{ onAdd: () => void; onResolve: () => void; onReopen: () => void }> = {}, lang: 'en' | 'fr' = 'en') {
  const h = { onAdd: vi.fn(), onResolve: vi.fn(), onReopen: vi.fn(), ...handlers };
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <CommentsPanel segmentNumber={2} comments={COMMENTS} canComment onAdd={h.onAdd} onResolve={h.onResolve} onReopen={h.onReopen} onClose={() => undefined} />
    </I18nextProvider>,
  );
  return h;
}

describe('CommentsPanel', () => {
  it('shows threads in order with their replies, author, role and time', () => {
    show();
    const threads = screen.getAllByTestId('comment-thread');
    expect(threads).toHaveLength(2);
    const first = within(threads[0]!).getAllByTestId('comment-item');
    expect(first.map((e) => e.querySelector('.comment-text')?.textContent)).toEqual(['Past simple, please.', 'Done, thanks.']);
    expect(first[1]!.textContent).toContain('Claire Martin (Translator)');
    expect(first[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2026-02-28T11:00:00.000Z');
    expect(threads[1]!.dataset.resolved).toBe('true');
    expect(threads[1]!.textContent).toContain('Resolved by Marc Dubois');
  });

  it('adds a comment, replies in a thread, resolves and reopens', async () => {
    const h = show();
    const user = userEvent.setup();
    const submit = screen.getByTestId('comment-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await user.type(screen.getByTestId('comment-input'), 'Is “dark web” in our style guide?');
    await user.click(submit);
    expect(h.onAdd).toHaveBeenCalledWith('Is “dark web” in our style guide?', null);
    expect((screen.getByTestId('comment-input') as HTMLTextAreaElement).value).toBe('');

    const threads = screen.getAllByTestId('comment-thread');
    await user.click(within(threads[0]!).getByTestId('comment-reply'));
    await user.type(within(threads[0]!).getByTestId('comment-input'), 'Yes.{Control>}{Enter}{/Control}');
    expect(h.onAdd).toHaveBeenLastCalledWith('Yes.', '1');

    await user.click(within(threads[0]!).getByTestId('comment-resolve'));
    expect(h.onResolve).toHaveBeenCalledWith('1');
    await user.click(within(threads[1]!).getByTestId('comment-reopen'));
    expect(h.onReopen).toHaveBeenCalledWith('2');
  });

  it('counts open comments in both languages', () => {
    const onShow = vi.fn();
    render(<I18nextProvider i18n={createI18n('fr')}><OpenCommentsCount count={2} onShow={onShow} /></I18nextProvider>);
    const b = screen.getByTestId('open-comments-count');
    expect(b.textContent).toContain('2 commentaires ouverts');
    expect(b.dataset.count).toBe('2');
    b.click();
    expect(onShow).toHaveBeenCalled();
  });
});
