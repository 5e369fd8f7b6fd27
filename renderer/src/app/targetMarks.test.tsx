// @vitest-environment jsdom
/**
 * Live QA marks inside the target editor (violations marked in the target as one types), in the
 * composed workbench against the real services (renderer/src/test/backend.ts) and the real QA engine: the mirror over the textarea marks the
 * offending words in the same change event, follows every edit, and its text lines up with the textarea's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createI18n } from '../lib/i18n.ts';
import { createTestBackend, disposeTestBackends } from '../test/backend.ts';
import { App } from './App.tsx';

afterEach(() => {
  cleanup();
  disposeTestBackends();
});

async function openWorkbench() {
  const tb = createTestBackend({ user: { name: 'Tess', role: 'translator' } });
  const user = userEvent.setup();
  render(<App backend={tb.backend} i18n={createI18n('en')} />);
  await waitFor(() => expect(screen.getAllByTestId('segment-row').length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.getAllByTestId('term-underline').length).toBeGreaterThan(0));
  // "Au moins 25 individus … Europol …": a segment with a glossary term and numbers.
  await user.click(screen.getAllByTestId('segment-source')[3]!);
  return { user };
}

const editor = () => screen.getByTestId('target-editor') as HTMLTextAreaElement;
const mirror = () => screen.getByTestId('target-marks');
const marks = () => within(mirror()).queryAllByTestId('target-mark');

/** Each mark with the offset where its text starts in the mirror (what lies before it, as laid out). */
function marksAt(el: HTMLElement): { start: number; text: string; rule: string; severity: string }[] {
  const out: { start: number; text: string; rule: string; severity: string }[] = [];
  let at = 0;
  for (const n of Array.from(el.childNodes)) {
    const text = n.textContent ?? '';
    if (n instanceof HTMLElement && n.dataset.testid === 'target-mark') out.push({ start: at, text, rule: n.dataset.rule!, severity: n.dataset.severity! });
    at += text.length;
  }
  return out;
}

const DRAFT = 'At least 25 people, said Europol on Friday, February 28';

describe('live QA marks in the target editor', () => {
  it('marks a forbidden term within the change event, and unmarks it when the text is fixed', async () => {
    await openWorkbench();
    fireEvent.change(editor(), { target: { value: `${DRAFT}, child pornography.` } });
    // No waiting: the check ran in the change handler and the mirror rendered before fireEvent returned.
    const forbidden = marks().filter((m) => m.dataset.rule === 'glossary.forbidden');
    expect(forbidden).toHaveLength(1);
    expect(forbidden[0]!.textContent).toBe('child pornography');
    expect(forbidden[0]!.dataset.severity).toBe('error');
    expect(mirror().getAttribute('aria-hidden')).toBe('true');
    expect(mirror().textContent).toBe(editor().value);
    // The same finding is listed under the editor.
    expect(screen.getAllByTestId('qa-finding').some((f) => f.dataset.rule === 'glossary.forbidden')).toBe(true);

    fireEvent.change(editor(), { target: { value: `${DRAFT}, child sexual abuse material.` } });
    expect(marks().filter((m) => m.dataset.rule === 'glossary.forbidden')).toHaveLength(0);
    expect(mirror().textContent).toBe(editor().value);
  });

  it('follows each keystroke as the term is typed, and the QA fix', async () => {
    const { user } = await openWorkbench();
    await user.click(editor());
    await user.keyboard(`${DRAFT}, child pornograph`);
    expect(marks().some((m) => m.dataset.rule === 'glossary.forbidden')).toBe(false);
    await user.keyboard('y');
    expect(marksAt(mirror()).filter((m) => m.rule === 'glossary.forbidden')).toEqual([{ start: DRAFT.length + 2, text: 'child pornography', rule: 'glossary.forbidden', severity: 'error' }]);
    const finding = screen.getAllByTestId('qa-finding').find((f) => f.dataset.rule === 'glossary.forbidden')!;
    await user.click(within(finding).getByTestId('qa-fix'));
    expect(editor().value).toBe(`${DRAFT}, child sexual abuse material`);
    expect(marks().some((m) => m.dataset.rule === 'glossary.forbidden')).toBe(false);
    expect(mirror().textContent).toBe(editor().value);
  });

  it('lines marks up with the text around é, ’, no-break spaces, at the very end and after line breaks', async () => {
    await openWorkbench();
    const text = `L’opération\u00a0« Stream », ${DRAFT}\u00a0: the the café’s\nchild pornography`;
    fireEvent.change(editor(), { target: { value: text } });
    const found = marksAt(mirror());
    expect(mirror().textContent).toBe(text);
    const forbidden = found.find((m) => m.rule === 'glossary.forbidden')!;
    // The last characters of the text.
    expect(forbidden).toMatchObject({ start: text.length - 'child pornography'.length, text: 'child pornography', severity: 'error' });
    // A warning with a target range ("the the"): dotted, not red, and over exactly its own characters.
    const warnings = found.filter((m) => m.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    for (const m of found) expect(text.slice(m.start, m.start + m.text.length)).toBe(m.text);
    expect(warnings.some((m) => m.rule === 'words.repeated' && m.text.toLowerCase().includes('the'))).toBe(true);

    // A trailing line break: the mirror keeps an empty last line like the textarea (a zero-width space after it).
    fireEvent.change(editor(), { target: { value: `${text}\n` } });
    expect(mirror().textContent).toBe(`${text}\n\u200b`);
    expect(marksAt(mirror()).find((m) => m.rule === 'glossary.forbidden')?.start).toBe(text.length - 'child pornography'.length);
  });

  it('leaves the textarea the one that is typed in: the mirror ignores the pointer and is not announced', async () => {
    await openWorkbench();
    const wrap = editor().parentElement!;
    expect(wrap.className).toContain('target-editor-wrap');
    expect(mirror().parentElement).toBe(wrap);
    expect(mirror().className).toBe('target-marks');
    fireEvent.change(editor(), { target: { value: 'child pornography' } });
    expect(screen.getByLabelText(/segment/i, { selector: 'textarea' })).toBe(editor());
  });
});
