/**
 * The shell's state: start-up phase, the settings main holds (user identity, UI language, recent projects), the
 * identity dialog, the current notice (announced through the live region) and the error dialog.
 */
import type { RelaisError } from '../../../../shared/errors.ts';
import type { AppSettings } from '../../../../shared/model.ts';
import { createStore, type StoreApi } from './store.ts';

export interface ErrorState {
  error: RelaisError;
  /** The user's unsaved text is still in the editor (the dialog says nothing was lost). */
  textKept: boolean;
}

export interface SessionState {
  phase: 'loading' | 'ready';
  settings: AppSettings | null;
  /** The identity dialog: on first run (cannot be dismissed) or to switch user. */
  onboarding: 'first' | 'switch' | null;
  notice: { text: string; id: number } | null;
  error: ErrorState | null;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(): SessionStore {
  return createStore<SessionState>(() => ({ phase: 'loading', settings: null, onboarding: null, notice: null, error: null }));
}
