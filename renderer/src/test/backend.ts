/**
 * The renderer's tests run against the real services, in process: the application layer's Workspace and one
 * window's handler table (electron/services/handlers.ts, as the project worker builds them) on temp folders with real
 * SQLite, behind the real dispatcher (zod validation, envelopes), reached through the bridge the preload builds
 * (buildBridge) and the client wrapper the app uses (lib/backend.ts). Nothing here re-implements a rule of main.
 *
 * The only file of the renderer that imports main-process code: when the way the handler table is created changes,
 * `createTestBackend` is the one place to follow it. Ids are opaque strings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProjectService } from '../../../electron/services/app/index.ts';
import { startApp, testContext } from '../../../electron/services/testing/context.ts';
import { buildBridge, EVENT_NAMES, type EventName, type Events } from '../../../shared/ipc/bridge.ts';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names.ts';
import type { Channel, RelaisApi } from '../../../shared/ipc/contract.ts';
import { createDispatcher } from '../../../shared/ipc/dispatch.ts';
import { createApiClient } from '../../../shared/ipc/envelope.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { backendFromBridge, type Backend } from '../lib/backend.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
/** A small article shaped like the Cumberland sample: title, share buttons, two paragraphs, a heading, a teaser. */
export const SAMPLE_ARTICLE = path.join(FIXTURES, 'sample.txt');
/** Two concepts of the desk glossary: CSAM (with a forbidden English term) and Europol. */
export const TEST_DESK_GLOSSARY = path.join(FIXTURES, 'desk-glossary.tbx');

/** Who works, as a person gives it (name and role): the services give the name its id. */
export type TestPerson = Pick<UserIdentity, 'name' | 'role'>;

export interface TestBackendOptions {
  /** The identity saved in the settings before the app starts (default: none, the first-run dialog shows). */
  user?: TestPerson | null;
  /** Projects folder, to share one with another test backend (two desks on the same files). */
  projectsDir?: string;
  /** The article `openSample` imports (default: SAMPLE_ARTICLE). */
  samplePath?: string;
}

export interface TestBackend {
  /** What the app is given: the typed client over the bridge. */
  backend: Backend;
  /** The same handler table, through the same dispatcher, for a test's own setup and checks (not recorded in `calls`). */
  api: RelaisApi;
  projectsDir: string;
  /** Every call the app made, in order. */
  calls: { channel: Channel; args: unknown[] }[];
  callsOf(channel: Channel): unknown[][];
  /** The project open in the app's window, through the application layer (for what has no channel). */
  project(): ProjectService;
  /** Pushes an event to the app, as main does (a native menu command, settings changed elsewhere). */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** The file the next open dialog answers with (null: cancelled). */
  scriptOpenDialog(file: string | null): void;
  dispose(): void;
}

const live = new Set<TestBackend>();

export function createTestBackend(opts: TestBackendOptions = {}): TestBackend {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-renderer-'));
  const projectsDir = opts.projectsDir ?? path.join(root, 'projects');
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const emit = (event: EventName, payload: unknown) => {
    for (const l of [...(listeners.get(event) ?? [])]) l(payload);
  };
  const openAnswers: (string | null)[] = [];
  let disposed = false;

  // The app's Workspace and one window's handler table (electron/services/testing/context.ts builds them as the
  // project worker does). As in the app, whoever changed the settings, the renderer is told after the call answered.
  const app = startApp(testContext(root, {
    projectsDir,
    samplePath: opts.samplePath ?? SAMPLE_ARTICLE,
    deskGlossaryPath: TEST_DESK_GLOSSARY,
    dialogs: { showOpen: async () => openAnswers.shift() ?? null },
    onSettingsChanged: (settings) => {
      setTimeout(() => {
        if (!disposed) emit('settingsChanged', settings);
      }, 0);
    },
  }));
  const handlers = app.table;
  const dispatch = createDispatcher(handlers, (channel, e) => {
    throw new Error(`internal error in ${channel}: ${e instanceof Error ? e.stack : String(e)}`);
  });

  const calls: TestBackend['calls'] = [];
  const bridge = buildBridge({
    channels: CHANNEL_NAMES,
    events: EVENT_NAMES,
    invoke: (channel, args) => {
      calls.push({ channel: channel as Channel, args });
      return dispatch(channel, args);
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event as EventName) ?? new Set();
      set.add(listener);
      listeners.set(event as EventName, set);
      return () => set.delete(listener);
    },
  });

  const tb: TestBackend = {
    backend: backendFromBridge(bridge),
    api: createApiClient((channel, args) => dispatch(channel, args)),
    projectsDir,
    calls,
    callsOf: (channel) => calls.filter((x) => x.channel === channel).map((x) => x.args),
    emit: (event, payload) => emit(event, payload),
    project: () => app.project(),
    scriptOpenDialog: (file) => {
      openAnswers.push(file);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      live.delete(tb);
      app.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  if (opts.user) app.workspace.setUser(opts.user);
  live.add(tb);
  return tb;
}

/** Closes every test backend still open (for afterEach). */
export function disposeTestBackends(): void {
  for (const tb of [...live]) tb.dispose();
}
