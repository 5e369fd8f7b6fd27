/**
 * Live spelling for the target editor (see docs/spelling.md).
 *
 * The renderer's own QA engine (lib/state/qaEngine.ts: built from the glossaries, the rule settings of
 * `listQaRules` — `rulesFromStates` — and no dictionary) still runs synchronously on every input event for every
 * other rule. Spelling runs in the services: on the same input event, `update(segmentId, text)` sends the text over
 * `checkSpelling`; at most one request is in flight, and only the latest text is sent next (typing faster than the
 * round trip never queues work). Findings of an older text are carried over to the current one (`rebase`), so the
 * marks do not blink while the answer for the last keystroke is on its way, and the word at the caret is not
 * marked while it is being typed (`visible`).
 */
import type { Finding } from '../../../shared/qa/model.ts';
import { createStore, type StoreApi } from './state/store.ts';

export interface LiveSpellingState {
  segmentId: string | null;
  /** The text the findings were computed for. */
  target: string;
  findings: Finding[];
}

export const EMPTY_LIVE_SPELLING: LiveSpellingState = { segmentId: null, target: '', findings: [] };

export interface LiveSpelling {
  store: StoreApi<LiveSpellingState>;
  /** On every input event of the active editor (and when an editor registers). */
  update(segmentId: string, text: string): void;
  /** The editor went away, or the project changed. */
  clear(): void;
  /** The findings to mark on `text` (the editor's current text), the word at `caret` left alone. */
  visible(segmentId: string, text: string, caret: number | null): Finding[];
  /** Resolves when no request is in flight (for tests and for "fix before approving"). */
  idle(): Promise<void>;
}

/**
 * Moves findings computed on `from` onto `to`: the edit is the part between the common prefix and suffix; findings
 * before it stay, after it shift, across it are dropped.
 */
export function rebase(findings: readonly Finding[], from: string, to: string): Finding[] {
  if (from === to) return [...findings];
  let p = 0;
  const max = Math.min(from.length, to.length);
  while (p < max && from.charCodeAt(p) === to.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && from.charCodeAt(from.length - 1 - s) === to.charCodeAt(to.length - 1 - s)) s++;
  const editEndFrom = from.length - s;
  const delta = to.length - from.length;
  const out: Finding[] = [];
  for (const f of findings) {
    const r = f.range;
    if (!r || r.side !== 'target') continue;
    if (r.end <= p) out.push(f);
    else if (r.start >= editEndFrom) out.push({ ...f, range: { ...r, start: r.start + delta, end: r.end + delta } });
  }
  return out;
}

export function createLiveSpelling(check: (segmentId: string, target: string) => Promise<Finding[]>): LiveSpelling {
  const store = createStore<LiveSpellingState>(() => EMPTY_LIVE_SPELLING);
  const set = (next: LiveSpellingState) => store.setState(next, true);
  let pending: { segmentId: string; text: string } | null = null;
  let running: Promise<void> | null = null;
  let generation = 0;

  async function pump(): Promise<void> {
    while (pending) {
      const job = pending;
      pending = null;
      const gen = generation;
      try {
        const findings = await check(job.segmentId, job.text);
        if (gen === generation) set({ segmentId: job.segmentId, target: job.text, findings });
      } catch {
        // Spelling is an aid: a failed check (project closing, dictionaries missing) leaves the marks as they were.
      }
    }
    running = null;
  }

  return {
    store,
    update(segmentId, text) {
      const cur = store.getState();
      if (cur.segmentId !== null && cur.segmentId !== segmentId) set(EMPTY_LIVE_SPELLING);
      pending = { segmentId, text };
      if (!running) running = pump();
    },
    clear() {
      generation++;
      pending = null;
      set(EMPTY_LIVE_SPELLING);
    },
    visible(segmentId, text, caret) {
      const cur = store.getState();
      if (cur.segmentId !== segmentId) return [];
      const moved = rebase(cur.findings, cur.target, text);
      if (caret === null) return moved;
      return moved.filter((f) => !(f.range!.start <= caret && caret <= f.range!.end));
    },
    async idle() {
      while (running) await running;
    },
  };
}
