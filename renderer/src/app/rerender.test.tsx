// @vitest-environment jsdom
/**
 * What each action re-renders, counted on a 60-segment article against the real services: a row reads its own
 * segment, place, active flag and find highlight from the stores, and the row slots (terms, QA, review marks) read
 * their own feature's store, so confirming or moving re-renders the rows concerned and no other. The long-document
 * work (virtualised grid, 10,000 segments) relies on this.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bytesToBase64 } from '../lib/base64.ts';
import { createI18n } from '../lib/i18n.ts';
import { countRenders } from '../lib/renderProbe.ts';
import { createTestBackend, disposeTestBackends, type TestBackend } from '../test/backend.ts';
import { App } from './App.tsx';

let probe: ReturnType<typeof countRenders>;
beforeEach(() => {
  probe = countRenders();
});
afterEach(() => {
  probe.stop();
  cleanup();
  disposeTestBackends();
});

const PARAGRAPHS = 30;
const ARTICLE = Array.from({ length: PARAGRAPHS }, (_, i) =>
  `Le paragraphe ${i + 1} parle d’Europol et de la police danoise. Il compte ${i + 2} phrases au moins.`).join('\n\n');

async function openLongArticle(role: 'translator' | 'editor' = 'translator') {
  const tb = createTestBackend({ user: { name: role === 'editor' ? 'Ed' : 'Tess', role } });
  await tb.api.importDroppedFile('long.txt', bytesToBase64(new TextEncoder().encode(ARTICLE)));
  const user = userEvent.setup();
  render(<App backend={tb.backend} i18n={createI18n('en')} />);
  await waitFor(() => expect(screen.getAllByTestId('segment-row')).toHaveLength(PARAGRAPHS * 2));
  // Settled: terms underlined, statistics in, the editor focused.
  await waitFor(() => expect(screen.getAllByTestId('term-underline').length).toBeGreaterThan(0));
  await waitFor(() => expect(Number(screen.getByTestId('word-counts').dataset.total)).toBeGreaterThan(0));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('target-editor')));
  return { tb, user };
}

const rows = () => screen.getAllByTestId('segment-row');
const editor = () => screen.getByTestId('target-editor') as HTMLTextAreaElement;
const activeId = () => document.querySelector<HTMLElement>('[data-testid="segment-row"][data-active="true"]')!.dataset.segmentId!;
/** The segments whose row rendered since the last reset. */
const rendered = () => new Set(probe.counts.get('SegmentRow')?.keys() ?? []);
/** The segments whose row or any row slot (terms, review marks, changed source) rendered since the last reset. */
const touched = () => new Set([...probe.counts.values()].flatMap((m) => [...m.keys()]));

/** Waits until the app has made no call to main for 100 ms (statistics, tracked changes, "changed since" re-reads). */
async function settle(tb: TestBackend) {
  for (;;) {
    const n = tb.calls.length;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 100));
    });
    if (tb.calls.length === n) return;
  }
}

describe('re-rendering on a long article', () => {
  it('typing re-renders the editor only, no row', async () => {
    const { tb, user } = await openLongArticle();
    probe.reset();
    await user.keyboard('Paragraph one');
    await waitFor(() => expect(screen.getByTestId('draft-state').dataset.state).toBe('saved'), { timeout: 5000 });
    await settle(tb);
    expect(editor().value).toBe('Paragraph one');
    expect(touched()).toEqual(new Set());
  });

  it('a confirm re-renders the confirmed row and the next one, and no other', async () => {
    const { tb, user } = await openLongArticle();
    const first = activeId();
    await user.keyboard('Paragraph 1 is about Europol and the Danish police.');
    probe.reset();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('translated'));
    await waitFor(() => expect(activeId()).not.toBe(first));
    await waitFor(() => expect(screen.getByTestId('word-counts').dataset.translated).not.toBe('0'));
    await settle(tb);
    expect(rendered()).toEqual(new Set([first, activeId()]));
    expect(touched()).toEqual(new Set([first, activeId()]));
    expect(rows().length).toBe(PARAGRAPHS * 2);
  });

  it('moving to another segment re-renders the two rows whose active flag changed', async () => {
    const { tb, user } = await openLongArticle();
    const first = activeId();
    probe.reset();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(activeId()).not.toBe(first));
    await settle(tb);
    expect(rendered()).toEqual(new Set([first, activeId()]));
    expect(touched()).toEqual(new Set([first, activeId()]));
  });

  it('an editor’s approval re-renders the approved row (with its lock) and nothing else', async () => {
    const { tb, user } = await openLongArticle('editor');
    const first = activeId();
    await user.keyboard('Paragraph 1 is about Europol and the Danish police.');
    probe.reset();
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    await waitFor(() => expect(rows()[0]!.dataset.status).toBe('approved'));
    await settle(tb);
    expect(rendered()).toEqual(new Set([first]));
    expect(touched()).toEqual(new Set([first]));
    expect(screen.getByTestId('lock-notice')).toBeTruthy();
  });

  it('review mode and a find query re-render only the rows they change', async () => {
    const { tb, user } = await openLongArticle('editor');
    probe.reset();
    await user.keyboard('{Control>}{Shift>}E{/Shift}{/Control}');
    await waitFor(() => expect(screen.getByTestId('review-mode-banner')).toBeTruthy());
    await settle(tb);
    expect(rendered()).toEqual(new Set());
    expect(touched()).toEqual(new Set());

    await user.keyboard('{Control>}f{/Control}');
    await user.paste('phrases au moins');
    await waitFor(() => expect(document.querySelectorAll('mark.find-hit')).toHaveLength(PARAGRAPHS));
    await settle(tb);
    // Only second sentences hold the query: only their rows render, to highlight it.
    const withHit = new Set([...document.querySelectorAll('mark.find-hit')].map((m) => m.closest<HTMLElement>('[data-testid="segment-row"]')!.dataset.segmentId!));
    expect(withHit.size).toBe(PARAGRAPHS);
    expect(rendered()).toEqual(withHit);
  });
});
