// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import type { SourceUpdateResult } from '../../../../shared/ipc/channels/review.ts';
import { createI18n } from '../../lib/i18n.ts';
import { ArchiveView } from './ArchiveView.tsx';
import { SourceChangedNote } from './SourceChangedNote.tsx';
import { DifferentArticleDialog, SourceUpdateResultDialog } from './SourceUpdateResultDialog.tsx';

afterEach(cleanup);
const wrap = (ui: ReactNode, lang: 'en' | 'fr' = 'en') => render(<I18nextProvider i18n={createI18n(lang)}>{ui}</I18nextProvider>);

const RESULT: SourceUpdateResult = {
  version: 2, unchanged: 20, changed: 1, added: 1, removed: 1, moved: 0, sameArticleScore: 0.9,
  segments: {
    changed: [{ id: 's4', before: 'Au moins 25 personnes ont été arrêtées.', after: 'Au moins 27 personnes ont été arrêtées.', target: 'At least 25 people were arrested.' }],
    added: [{ id: 's40', source: 'L’enquête se poursuit.' }],
    removed: [{ id: 's9', source: 'Lire aussi : un quiz', target: 'Read also', status: 'translated' }],
  },
};

describe('source update', () => {
  it('shows the counts and the lists, with the French source change as a word diff', async () => {
    const onArchive = vi.fn();
    wrap(<SourceUpdateResultDialog result={RESULT} onClose={() => undefined} onShowArchive={onArchive} />);
    expect(screen.getByTestId('source-update-counts').textContent).toBe('20 segments unchanged1 segment changed1 segment added1 segment removed (archived)');
    const parts = screen.getAllByTestId('source-diff-part');
    expect(parts.map((p) => `${p.dataset.kind}:${p.textContent}`)).toEqual(['delete:−deleted: 25', 'insert:+inserted: 27']);
    expect(screen.getByTestId('update-added').textContent).toBe('L’enquête se poursuit.');
    expect(screen.getByTestId('update-removed').textContent).toContain('Read also');
    await userEvent.setup().click(screen.getByTestId('source-update-show-archive'));
    expect(onArchive).toHaveBeenCalled();
  });

  it('asks before updating with what looks like another article; Cancel is the default', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    wrap(<DifferentArticleDialog file="autre.txt" onConfirm={onConfirm} onCancel={onCancel} />, 'fr');
    expect(screen.getByTestId('source-update-different').getAttribute('role')).toBe('alertdialog');
    expect(document.activeElement).toBe(screen.getByTestId('source-update-cancel'));
    expect(screen.getByTestId('source-update-different').textContent).toContain('autre.txt ne ressemble pas');
    await userEvent.setup().click(screen.getByTestId('source-update-confirm'));
    expect(onConfirm).toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('flags a row whose source changed with the old → new French', () => {
    wrap(<SourceChangedNote before="Vendredi 28 février" after="Vendredi 28 février 2025" />);
    const note = screen.getByTestId('source-changed');
    expect(note.textContent).toContain('Source changed');
    expect(screen.getAllByTestId('source-diff-part').map((p) => p.dataset.kind)).toEqual(['insert']);
  });

  it('lists archived segments with their translations', () => {
    wrap(<ArchiveView items={[{ id: 's9', source: 'Lire aussi', target: 'Read also', status: 'approved', archivedInVersion: 2, addedInVersion: null, updatedAt: '2026-02-28T10:00:00.000Z', updatedBy: 'Claire Martin' }]} onClose={() => undefined} />);
    const item = screen.getByTestId('archive-item');
    expect(item.textContent).toContain('Removed in version 2');
    expect(item.textContent).toContain('Read also');
    expect(item.textContent).toContain('Last edited by Claire Martin');
    cleanup();
    wrap(<ArchiveView items={[]} onClose={() => undefined} />);
    expect(screen.getByTestId('archive-view').textContent).toContain('No segment has been removed');
  });
});
