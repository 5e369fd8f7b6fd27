// @vitest-environment jsdom
/**
 * The workbench as a user drives it, against the real services in process (handler table, dispatcher and SQLite in a
 * temp folder: renderer/src/test/backend.ts); the e2e suite does the same in Chromium.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../lib/i18n.ts';
import { createTestBackend, disposeTestBackends, type TestBackend, type TestPerson } from '../test/backend.ts';
import { App } from './App.tsx';

afterEach(() => {
  cleanup();
  disposeTestBackends();
});

const TRANSLATOR: TestPerson = { name: 'Tess', role: 'translator' };
const EDITOR: TestPerson = { name: 'Ed', role: 'editor' };

async function setup(opts: { user?: TestPerson | null; noBackend?: boolean } = {}) {
  const tb = createTestBackend({ user: opts.user === undefined ? TRANSLATOR : opts.user });
  const i18n = createI18n('en');
  const user = userEvent.setup();
  render(<App backend={opts.noBackend ? null : tb.backend} i18n={i18n} />);
  if (!opts.noBackend) await waitFor(() => expect(screen.getAllByTestId('segment-row').length).toBeGreaterThan(0));
  return { tb, user, i18n };
}

const rows = () => screen.getAllByTestId('segment-row');
const activeRow = () => document.querySelector<HTMLElement>('[data-testid="segment-row"][data-active="true"]')!;
const editor = () => screen.getByTestId('target-editor') as HTMLTextAreaElement;
const rowIndex = (el: HTMLElement) => rows().indexOf(el);
const commits = (tb: TestBackend) => tb.callsOf('commitSegment').map((a) => a[0] as { segmentId: string; target: string; status: string; origin: string });

describe('workbench', () => {
  it('opens the sample on first start and asks who the user is', async () => {
    const { tb, user } = await setup({ user: null });
    expect(tb.calls.slice(0, 2).map((c) => c.channel)).toEqual(['getAppState', 'openSample']);
    const dialog = screen.getByTestId('onboarding');
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('onboarding')).toBe(dialog); // cannot be dismissed on first run
    await user.click(screen.getByTestId('onboarding-submit'));
    expect(within(dialog).getByRole('alert').textContent).toBe('Please enter your name.');
    expect(tb.callsOf('setUser')).toHaveLength(0);
    await user.type(screen.getByTestId('onboarding-name'), '  Camille ');
    await user.click(screen.getByTestId('onboarding-role-editor'));
    await user.click(screen.getByTestId('onboarding-submit'));
    await waitFor(() => expect(screen.queryByTestId('onboarding')).toBeNull());
    expect(tb.callsOf('setUser')).toEqual([[{ name: 'Camille', role: 'editor' }]]);
    expect(screen.getByTestId('current-user').textContent).toBe('Camille, Editor');
    expect((await tb.api.getAppState()).settings.user).toMatchObject({ id: expect.any(String), name: 'Camille', role: 'editor' });
  });

  it('shows the article row by row: title, chrome greyed with its reason, heading labelled', async () => {
    await setup();
    const kinds = rows().map((r) => r.dataset.kind);
    expect(kinds).toEqual(['title', 'chrome', 'paragraph', 'paragraph', 'heading', 'paragraph', 'chrome']);
    const chrome = rows()[1]!;
    expect(chrome.textContent).toContain('Page chrome — not translated');
    expect(chrome.textContent).toContain('Reason: share buttons');
    expect(within(rows()[4]!).getByText('H2')).toBeTruthy();
    expect(within(rows()[0]!).getByText('Title')).toBeTruthy();
    // The first unconfirmed translatable segment is active, with the editor in its target cell.
    expect(rowIndex(activeRow())).toBe(0);
    expect(within(activeRow()).getByTestId('segment-target').contains(editor())).toBe(true);
    expect(document.activeElement).toBe(editor());
  });

  it('autosaves a draft while typing, confirms with Ctrl+Enter and moves to the next unconfirmed segment', async () => {
    const { tb, user } = await setup();
    const first = activeRow().dataset.segmentId!;
    await user.type(editor(), 'Operation Cumberland');
    await waitFor(() => expect(screen.getByTestId('draft-state').dataset.state).toBe('saved'), { timeout: 2000 });
    expect(tb.callsOf('saveDraft').at(-1)).toEqual([first, 'Operation Cumberland']);
    expect(tb.callsOf('saveDraft').length).toBeLessThan(4); // debounced, not one per keystroke
    expect((await tb.api.getAppState()).project!.drafts[first]).toBe('Operation Cumberland');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('translated'));
    expect(commits(tb)).toEqual([{ segmentId: first, target: 'Operation Cumberland', status: 'translated', origin: 'typed', expectedRevisionId: null }]);
    // Skips the page chrome, lands on the first paragraph segment, editor focused.
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));
    await waitFor(() => expect(document.activeElement).toBe(editor()));
    await waitFor(() => expect(Number(screen.getByTestId('progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    expect(screen.getByTestId('word-counts').textContent).toContain('6 words translated');
    expect(within(rows()[0]!).getByTestId('status-badge').textContent).toBe('✓Translated');
  });

  it('commits changed text as a draft when leaving a segment, and keeps the buffer when main refuses', async () => {
    const { tb, user } = await setup();
    await user.type(editor(), 'Half done');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));
    expect(rows()[0]!.dataset.status).toBe('draft');
    expect(commits(tb).at(-1)).toMatchObject({ target: 'Half done', status: 'draft', origin: 'typed' });

    // Meanwhile an editor on another desk approves this segment in the same project file: it is locked for a translator.
    const id = activeRow().dataset.segmentId!;
    const file = (await tb.api.getAppState()).project!.info.path;
    const desk = createTestBackend({ user: EDITOR, projectsDir: tb.projectsDir });
    desk.scriptOpenDialog(file);
    await desk.api.showOpenDialog();
    await desk.api.commitSegment({ segmentId: id, target: 'It is one of the first operations of its kind.', status: 'translated', origin: 'typed' });
    await desk.api.setStatus({ segmentId: id, status: 'approved' });

    await user.type(editor(), 'It is one of the first');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const dialog = await screen.findByTestId('error-dialog');
    expect(dialog.textContent).toContain('This segment is locked.');
    expect(dialog.textContent).toContain('nothing was lost');
    await user.click(screen.getByTestId('error-close'));
    expect(screen.queryByTestId('error-dialog')).toBeNull();
    expect(rowIndex(activeRow())).toBe(2);
    expect(editor().value).toBe('It is one of the first');

    // Once the editor unlocks it, the same keystroke is refused again: the segment changed since this desk read it
    // (the other desk's text, its approval, the unlock). The text is kept; confirming again replaces their version.
    await desk.api.unlockSegment(id);
    await user.keyboard('{Control>}{Enter}{/Control}');
    const conflict = await screen.findByTestId('error-dialog');
    expect(conflict.textContent).toContain('Someone else changed this segment');
    expect(conflict.textContent).toContain('nothing was lost');
    await user.click(screen.getByTestId('error-close'));
    expect(editor().value).toBe('It is one of the first');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(rows()[2]!.dataset.status).toBe('translated'));
    expect((await tb.api.getHistory(id)).at(-1)).toMatchObject({ text: 'It is one of the first', status: 'translated', author: 'Tess' });
  });

  it('records where the text came from: copy source, paste; Escape cancels the edit', async () => {
    const { tb, user } = await setup();
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(editor().value).toBe('Opération « Cumberland » : au moins 25 arrestations');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(commits(tb)).toHaveLength(1));
    expect(commits(tb)[0]).toMatchObject({ origin: 'copy-source', status: 'translated' });
    expect((await tb.api.getHistory(rows()[0]!.dataset.segmentId!)).at(-1)).toMatchObject({ origin: 'copy-source' });

    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));
    await user.click(editor());
    await user.paste('Pasted text');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(commits(tb)).toHaveLength(2));
    expect(commits(tb)[1]).toMatchObject({ target: 'Pasted text', origin: 'pasted' });

    await waitFor(() => expect(rowIndex(activeRow())).toBe(3));
    await user.type(editor(), 'oops');
    await user.keyboard('{Escape}');
    expect(editor().value).toBe('');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowIndex(activeRow())).toBe(4));
    expect(commits(tb)).toHaveLength(2);
    expect(rows()[3]!.dataset.status).toBe('new');
  });

  it('clears a notice when the UI language changes, so no English text is left in a French UI', async () => {
    const { user } = await setup();
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    expect(screen.getByTestId('notice').textContent).toContain('Only an editor can approve or reject');
    await user.selectOptions(screen.getByTestId('language-select'), 'fr');
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(screen.getByTestId('notice').textContent).toBe('');
  });

  it('lets only editors approve and reject, and tells a translator why', async () => {
    const { tb, user } = await setup();
    const approve = screen.getByTestId('action-approve');
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    expect(approve.getAttribute('title')).toContain('Only an editor can approve or reject');
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    expect(screen.getByTestId('notice').textContent).toContain('Only an editor can approve or reject');
    expect(tb.callsOf('setStatus')).toHaveLength(0);

    await user.click(screen.getByTestId('switch-user'));
    const name = screen.getByTestId('onboarding-name') as HTMLInputElement;
    expect(name.value).toBe('Tess');
    await user.clear(name);
    await user.type(name, 'Ed');
    await user.click(screen.getByTestId('onboarding-role-editor'));
    await user.click(screen.getByTestId('onboarding-submit'));
    await waitFor(() => expect(screen.getByTestId('action-approve').getAttribute('aria-disabled')).toBeNull());

    await user.type(editor(), 'Operation Cumberland: at least 25 arrests');
    await user.click(screen.getByTestId('action-approve'));
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('approved'));
    expect(commits(tb).at(-1)).toMatchObject({ target: 'Operation Cumberland: at least 25 arrests', status: 'translated' });
    expect(tb.callsOf('setStatus').at(-1)).toEqual([{ segmentId: rows()[0]!.dataset.segmentId, status: 'approved' }]);
    // Rejecting asks why: the comment is required and sent with the status.
    await user.keyboard('{Control>}{Shift>}R{/Shift}{/Control}');
    await user.type(await screen.findByTestId('reject-comment'), 'Use the house style.');
    await user.click(screen.getByTestId('reject-submit'));
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('rejected'));
    expect(tb.callsOf('setStatus').at(-1)).toEqual([{ segmentId: rows()[0]!.dataset.segmentId, status: 'rejected', comment: 'Use the house style.' }]);
    expect(within(rows()[0]!).getByTestId('status-badge').textContent).toBe('✗Rejected');
    expect(screen.getByTestId('word-counts').dataset.approved).toBe('0');
  });

  it('switches page chrome into translation and back', async () => {
    const { tb, user } = await setup();
    const chrome = rows()[1]!;
    const blockId = chrome.dataset.blockId!;
    await user.click(within(chrome).getByTestId('toggle-translatable'));
    await waitFor(() => expect(rows()[1]!.dataset.kind).toBe('paragraph'));
    expect(tb.callsOf('setBlockTranslatable')).toEqual([[blockId, true]]);
    expect(within(rows()[1]!).getByTestId('toggle-translatable').textContent).toBe('Leave out of translation');
    await user.click(within(rows()[1]!).getByTestId('toggle-translatable'));
    await waitFor(() => expect(rows()[1]!.dataset.kind).toBe('chrome'));
    expect(tb.callsOf('setBlockTranslatable').at(-1)).toEqual([blockId, false]);
  });

  it('filters by status and finds text in source and target with highlighted matches', async () => {
    const { user } = await setup();
    await user.type(editor(), 'Europol title');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));

    await user.selectOptions(screen.getByTestId('status-filter'), 'translated');
    await waitFor(() => expect(rows().every((r) => r.dataset.status === 'translated' || r.dataset.active === 'true')).toBe(true));
    expect(rows().some((r) => r.dataset.status === 'translated')).toBe(true);
    expect(rowIndex(activeRow())).toBe(0); // the filter moved to a segment it shows
    await user.selectOptions(screen.getByTestId('status-filter'), 'all');
    expect(rows()).toHaveLength(7);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));

    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(screen.getByTestId('find-input'));
    await user.keyboard('europol');
    const marks = () => [...document.querySelectorAll('mark.find-hit')].map((m) => m.textContent);
    expect(marks()).toEqual(['Europol', 'Europol']); // one in a source, one in a confirmed target
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('find-count').textContent).toBe('1 of 2 matches');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('find-count').textContent).toBe('2 of 2 matches');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(screen.getByTestId('find-count').textContent).toBe('1 of 2 matches');
    expect(document.activeElement).toBe(screen.getByTestId('find-input'));
  });

  it('splits at the caret placed in the source and merges within a paragraph only', async () => {
    const { tb, user } = await setup();
    // The title is alone in its block: nothing to merge with.
    expect(screen.getByTestId('action-merge').getAttribute('title')).toContain('last segment of its paragraph');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));
    const id = activeRow().dataset.segmentId!;
    await user.click(screen.getByTestId('action-split'));
    expect(screen.getByTestId('notice').textContent).toContain('Click in the source text');
    expect(tb.callsOf('splitSegment')).toHaveLength(0);

    const text = activeRow().querySelector('.source-text')!.firstChild!;
    act(() => { window.getSelection()!.collapse(text, 10); });
    await user.keyboard('{Control>}{Shift>}T{/Shift}{/Control}');
    await waitFor(() => expect(tb.callsOf('splitSegment')).toEqual([[id, 10]]));
    await waitFor(() => expect(rows()).toHaveLength(8));
    expect(rows()[2]!.querySelector('.source-text')!.textContent).toBe('Il s’agit');

    await waitFor(() => expect(screen.getByTestId('action-merge').getAttribute('aria-disabled')).toBeNull());
    await user.click(screen.getByTestId('action-merge'));
    await waitFor(() => expect(rows()).toHaveLength(7));
    expect(tb.callsOf('mergeSegments')[0]![0]).toBe(id);
  });

  it('switches language from the header and follows main, with French typography and number formats', async () => {
    const { tb, user } = await setup();
    await user.selectOptions(screen.getByTestId('language-select'), 'fr');
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(tb.callsOf('setLanguage')).toEqual([['fr']]);
    expect(screen.getByTestId('action-confirm').textContent).toContain('Confirmer et passer au suivant');
    expect(screen.getByTestId('word-counts').textContent).toContain('0 mot traduit');
    // Changed in main (the View menu): main tells the renderer.
    await tb.api.setLanguage('en');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.getByTestId('action-confirm').textContent).toContain('Confirm and go to next');
  });

  it('runs commands sent by the native menu', async () => {
    const { tb } = await setup();
    act(() => tb.emit('command', { id: 'segment.next' }));
    await waitFor(() => expect(rowIndex(activeRow())).toBe(2));
    act(() => tb.emit('command', { id: 'palette.open' }));
    expect(await screen.findByTestId('command-palette')).toBeTruthy();
  });

  it('imports a dropped file, and refuses one over 20 MB before reading it', async () => {
    const { tb } = await setup();
    let read = false;
    const big = { name: 'huge.docx', size: 21 * 1024 * 1024, arrayBuffer: async () => { read = true; return new ArrayBuffer(0); } };
    fireEvent.drop(window, { dataTransfer: { files: [big], types: ['Files'] } });
    const dialog = await screen.findByTestId('error-dialog');
    expect(dialog.textContent).toContain('The file is too large to import.');
    expect(dialog.textContent).toContain('huge.docx');
    expect(dialog.textContent).toContain('over the 20 MB limit');
    expect(read).toBe(false);
    fireEvent.click(screen.getByTestId('error-close'));

    const bytes = new TextEncoder().encode('Premier paragraphe.\n\nDeuxième paragraphe.');
    const small = { name: 'article.txt', size: bytes.length, arrayBuffer: async () => bytes.buffer };
    fireEvent.drop(window, { dataTransfer: { files: [small], types: ['Files'] } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(tb.callsOf('importDroppedFile')[0]![0]).toBe('article.txt');
    expect(rows()[1]!.textContent).toContain('Deuxième paragraphe.');
  });

  it('shows an empty state with recent projects when no project is open, and reopens one', async () => {
    const { tb, user } = await setup();
    const file = (await tb.api.getAppState()).project!.info.path;
    await user.type(editor(), 'Operation Cumberland');
    await user.click(screen.getByTestId('menu-close-project'));
    const recent = await screen.findByTestId('recent-projects');
    // Closing kept the typed text (as a draft of the segment).
    expect(tb.callsOf('commitSegment').at(-1)).toMatchObject([{ target: 'Operation Cumberland', status: 'draft' }]);
    expect((await tb.api.getAppState()).project).toBeNull();
    await user.click(within(recent).getByText('sample'));
    await waitFor(() => expect(rows()).toHaveLength(7));
    expect(tb.callsOf('openProject')).toEqual([[file]]);
    expect(rows()[0]!.dataset.status).toBe('draft');
    expect(screen.queryByTestId('error-dialog')).toBeNull();
  });

  it('does not crash without a bridge', async () => {
    await setup({ noBackend: true });
    const dialog = await screen.findByTestId('error-dialog');
    expect(dialog.textContent).toContain('could not connect to its engine');
    expect(screen.getByTestId('app')).toBeTruthy();
  });

  it('locks an approved segment for a translator: a read-only editor with the lock notice', async () => {
    const { tb, user } = await setup({ user: EDITOR });
    await user.type(editor(), 'Operation Cumberland: at least 25 arrests');
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('approved'));
    await tb.api.setUser(TRANSLATOR);
    await waitFor(() => expect(screen.getByTestId('current-user').textContent).toBe('Tess, Translator'));
    await user.click(within(rows()[0]!).getByTestId('segment-target'));
    await waitFor(() => expect(rowIndex(activeRow())).toBe(0));
    expect(editor().readOnly).toBe(true);
    expect(within(rows()[0]!).getByTestId('lock-notice').textContent).toContain('locked');
    await user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    expect(editor().value).toBe('Operation Cumberland: at least 25 arrests');
  });

  it('opens an editor, not a translator, for the e2e test: editor role approves with Ctrl+Shift+A', async () => {
    const { user } = await setup({ user: EDITOR });
    await user.type(editor(), 'Operation Cumberland: at least 25 arrests');
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('approved'));
  });
});
