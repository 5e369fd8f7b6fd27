// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { trackChanges } from '../../../../shared/review/diff.ts';
import { createI18n } from '../../lib/i18n.ts';
import { LockNotice } from './LockNotice.tsx';
import { RejectDialog } from './RejectDialog.tsx';
import { ReviewFilter } from './ReviewFilter.tsx';
import { RowBadges } from './RowBadges.tsx';
import { TrackedChangesView } from './TrackedChangesView.tsx';

afterEach(cleanup);
const wrap = (ui: ReactNode, lang: 'en' | 'fr' = 'en') => render(<I18nextProvider i18n={createI18n(lang)}>{ui}</I18nextProvider>);

describe('TrackedChangesView', () => {
  const base = 'At least 25 people were arrested on Friday.';
  const current = 'At least 25 people have been arrested on\u00a0Friday.';
  const changes = { segmentId: 's7', base, current, parts: trackChanges(base, current), editors: ['Marc Dubois'] };

  it('shows the editor’s edits inline as struck deletions and underlined insertions, with visible white space', () => {
    wrap(<TrackedChangesView changes={changes} canAct onAccept={() => undefined} onReject={() => undefined} />);
    const marks = screen.getAllByTestId('tracked-change');
    expect(marks.map((m) => `${m.tagName}:${m.dataset.kind}`)).toEqual(['DEL:delete', 'INS:insert', 'DEL:delete', 'INS:insert']);
    // The space → no-break space change is visible (· ordinary space, ° no-break space), not an invisible blank.
    expect(marks[2]!.textContent).toContain('·');
    expect(marks[3]!.textContent).toContain('°');
    expect(marks[0]!.textContent).toMatch(/^−/);
    expect(marks[1]!.textContent).toMatch(/^\+/);
    expect(screen.getByTestId('tracked-changes').textContent).toContain('2 tracked changes');
  });

  it('accepts or rejects this segment’s changes', async () => {
    const onAccept = vi.fn();
    const onReject = vi.fn();
    wrap(<TrackedChangesView changes={changes} canAct onAccept={onAccept} onReject={onReject} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('accept-changes'));
    await user.click(screen.getByTestId('reject-changes'));
    expect(onAccept).toHaveBeenCalledWith('s7');
    expect(onReject).toHaveBeenCalledWith('s7');
  });

  it('refuses a translator, saying why', async () => {
    const onAccept = vi.fn();
    wrap(<TrackedChangesView changes={changes} canAct="review.reasons.editorOnly" onAccept={onAccept} onReject={() => undefined} />);
    const btn = screen.getByTestId('accept-changes');
    expect(btn.getAttribute('aria-disabled')).toBe('true');
    expect(btn.getAttribute('title')).toMatch(/Only an editor/);
    await userEvent.setup().click(btn);
    expect(onAccept).not.toHaveBeenCalled();
  });
});

describe('RejectDialog', () => {
  it('cannot reject without a comment; sends the trimmed comment', async () => {
    const onSubmit = vi.fn();
    wrap(<RejectDialog segmentNumber={3} onSubmit={onSubmit} onCancel={() => undefined} />);
    const submit = screen.getByTestId('reject-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('reject-comment'));
    const user = userEvent.setup();
    await user.type(screen.getByTestId('reject-comment'), '   ');
    expect(submit.disabled).toBe(true);
    await user.type(screen.getByTestId('reject-comment'), 'Tense: use the past simple. ');
    await user.click(submit);
    expect(onSubmit).toHaveBeenCalledWith('Tense: use the past simple.');
  });

  it('Escape cancels', () => {
    const onCancel = vi.fn();
    wrap(<RejectDialog segmentNumber={3} onSubmit={() => undefined} onCancel={onCancel} />, 'fr');
    expect(screen.getByTestId('reject-dialog').textContent).toContain('Refuser le segment 3');
    fireEvent.keyDown(screen.getByTestId('reject-comment'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('LockNotice, RowBadges, ReviewFilter', () => {
  it('offers Unlock to an editor only', async () => {
    const onUnlock = vi.fn();
    wrap(<LockNotice canUnlock onUnlock={onUnlock} />);
    await userEvent.setup().click(screen.getByTestId('unlock'));
    expect(onUnlock).toHaveBeenCalled();
    cleanup();
    wrap(<LockNotice canUnlock={false} onUnlock={onUnlock} />);
    expect(screen.queryByTestId('unlock')).toBeNull();
    expect(screen.getByTestId('lock-notice').textContent).toContain('locked');
  });

  it('marks a changed row and its open comments, not by colour alone', () => {
    wrap(<RowBadges changedSince openComments={2} role="translator" />);
    expect(screen.getByTestId('changed-since-badge').textContent).toBe('● Changed');
    expect(screen.getByTestId('row-comments-badge').getAttribute('title')).toBe('2 open comment threads');
    cleanup();
    const { container } = wrap(<RowBadges changedSince={false} openComments={0} role="translator" />);
    expect(container.textContent).toBe('');
  });

  it('names the changed filter by role and reports the choice', () => {
    const onChange = vi.fn();
    const counts = { changedSince: 3, openComments: 1, sourceChanged: 0, trackedChanges: 2 };
    wrap(<ReviewFilter value="all" onChange={onChange} role="editor" counts={counts} />);
    const select = screen.getByTestId('review-filter') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Changed since my last review (3)');
    fireEvent.change(select, { target: { value: 'openComments' } });
    expect(onChange).toHaveBeenCalledWith('openComments');
  });
});
