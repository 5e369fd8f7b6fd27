/**
 * Messages between the project worker (worker.ts) and its host (host.ts: Electron main, the e2e harness, tests).
 * Plain data only (structured clone). Calls carry the window they come from; the worker answers each
 * request by its id; the dialogs a service needs go the other way and are answered by id too.
 */
import type { Envelope } from '../../../shared/ipc/envelope.ts';
import type { AppSettings } from '../../../shared/model.ts';
import type { WorkspaceOptions } from '../app/workspace.ts';
import type { OpenDialogRequest, SaveDialogRequest } from '../dialogs.ts';

/** What the worker needs to start its Workspace (no clock: the worker's own). */
export type WorkerConfig = Omit<WorkspaceOptions, 'now'>;

export type HostMessage =
  /** A contract channel called from a window. */
  | { t: 'call'; id: number; windowId: string; channel: string; args: unknown[] }
  /** A document handed over by the OS or the menu, to open in a window. */
  | { t: 'openDocument'; id: number; windowId: string; file: string }
  /** A window closed: its table gives back its project. */
  | { t: 'closeWindow'; id: number; windowId: string }
  /** The answer to a dialog request (null: cancelled). */
  | { t: 'dialogAnswer'; id: number; file: string | null; error?: string }
  /** Close every project before the worker is terminated. */
  | { t: 'stop'; id: number };

export type WorkerMessage =
  | { t: 'ready' }
  | { t: 'reply'; id: number; envelope: Envelope<unknown> }
  | { t: 'dialog'; id: number; windowId: string; kind: 'open'; request: OpenDialogRequest }
  | { t: 'dialog'; id: number; windowId: string; kind: 'save'; request: SaveDialogRequest }
  | { t: 'settingsChanged'; settings: AppSettings }
  /** A bug (not a RelaisError) in a handler, for the host's log. */
  | { t: 'internalError'; channel: string; message: string };
