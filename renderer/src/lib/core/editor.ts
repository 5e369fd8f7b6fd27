/**
 * The one mounted target editor, seen from outside React: its handle (text, origin, caret, focus), the autosaved
 * drafts it starts from, and the debounced draft autosave. The editor's buffer is its own local state, so typing
 * re-renders the textarea only; features that follow the text (live QA) listen to `onInput`.
 */
import type { RelaisApi } from '../../../../shared/ipc/contract.ts';
import type { RevisionOrigin } from '../../../../shared/model.ts';
import type { ViewStore } from '../state/view.ts';

export const DRAFT_DEBOUNCE_MS = 400;

/** What the shell can do with the active editor without re-rendering the list. */
export interface EditorHandle {
  segmentId: string;
  getText(): string;
  getOrigin(): RevisionOrigin;
  setText(text: string, origin: RevisionOrigin): void;
  focus(): void;
  caret(): number;
}

/** Given to the editor component (stable for the life of the app). */
export interface EditorCallbacks {
  /** Every change of the buffer (typing, paste, copy source, a term or a fix inserted). */
  onInput(segmentId: string, text: string): void;
  /** The editor registers its handle when it mounts, and null when it unmounts. */
  register(handle: EditorHandle | null, segmentId: string): void;
}

type InputListener = (segmentId: string, text: string) => void;
type RegisterListener = (handle: EditorHandle | null, segmentId: string) => void;

export interface EditorSession {
  readonly callbacks: EditorCallbacks;
  /** The mounted editor, if any. */
  handle(): EditorHandle | null;
  focus(): void;
  /** Whether the next editor to mount takes the focus. */
  setFocusOnMount(focus: boolean): void;
  onInput(listener: InputListener): () => void;
  onRegister(listener: RegisterListener): () => void;
  /** What the editor of a segment starts with: its autosaved draft when there is one (else the target). */
  draftOf(segmentId: string): string | undefined;
  setDrafts(drafts: Record<string, string>): void;
  forgetDraft(segmentId: string): void;
  cancelDraftTimer(): void;
  /** Resolves once every draft save sent so far has answered. */
  draftsSettled(): Promise<void>;
  /** Queues a draft save after the pending ones; failures are ignored (the text stays in the editor). */
  queueDraftSave(segmentId: string, text: string): void;
}

export function createEditorSession(api: RelaisApi | null, view: ViewStore): EditorSession {
  let current: EditorHandle | null = null;
  let focusOnMount = false;
  let drafts: Record<string, string> = {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const inputListeners = new Set<InputListener>();
  const registerListeners = new Set<RegisterListener>();

  const cancelDraftTimer = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  };

  const autosave = (segmentId: string, text: string) => {
    if (!api) return;
    if (view.getState().draftState !== 'pending') view.setState({ draftState: 'pending' });
    cancelDraftTimer();
    timer = setTimeout(() => {
      timer = null;
      view.setState({ draftState: 'saving' });
      chain = chain.catch(() => undefined).then(async () => {
        try {
          await api.saveDraft(segmentId, text);
          drafts[segmentId] = text;
          if (timer === null && view.getState().draftState === 'saving') view.setState({ draftState: 'saved' });
        } catch (_e) {
          view.setState({ draftState: 'failed' });
        }
      });
    }, DRAFT_DEBOUNCE_MS);
  };

  const callbacks: EditorCallbacks = {
    onInput(segmentId, text) {
      for (const l of [...inputListeners]) l(segmentId, text);
      autosave(segmentId, text);
    },
    register(handle, segmentId) {
      if (handle) {
        current = handle;
        if (focusOnMount) {
          focusOnMount = false;
          // Never pull focus out of an open dialog (first-run onboarding, an error).
          if (!document.querySelector('[aria-modal="true"]')) handle.focus();
        }
      } else if (current?.segmentId === segmentId) {
        current = null;
      }
      for (const l of [...registerListeners]) l(handle, segmentId);
    },
  };

  return {
    callbacks,
    handle: () => current,
    focus: () => current?.focus(),
    setFocusOnMount: (f) => {
      focusOnMount = f;
    },
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    onRegister(listener) {
      registerListeners.add(listener);
      return () => registerListeners.delete(listener);
    },
    draftOf: (id) => drafts[id],
    setDrafts: (d) => {
      drafts = { ...d };
    },
    forgetDraft: (id) => {
      delete drafts[id];
    },
    cancelDraftTimer,
    draftsSettled: async () => {
      await chain.catch(() => undefined);
    },
    queueDraftSave(segmentId, text) {
      if (!api) return;
      chain = chain.catch(() => undefined).then(() => api.saveDraft(segmentId, text)).catch(() => undefined);
    },
  };
}
