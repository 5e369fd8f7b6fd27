/**
 * The project worker: a worker thread that owns the Workspace, every open project (SQLite) and whole-article QA,
 * so the Electron main process and the windows never wait on them. One handler table per window, created
 * on its first call. Started by WorkerHost (host.ts); speaks protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../../../shared/errors.ts';
import { createDispatcher, type Dispatch } from '../../../shared/ipc/dispatch.ts';
import type { Envelope } from '../../../shared/ipc/envelope.ts';
import { Workspace } from '../app/workspace.ts';
import type { Dialogs } from '../dialogs.ts';
import { createHandlers, type HandlerTable } from '../handlers.ts';
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread (see WorkerHost)');

const post = (m: WorkerMessage) => port.postMessage(m);
const config = (workerData as { config: WorkerConfig }).config;
const workspace = new Workspace(config, { onSettingsChanged: (settings) => post({ t: 'settingsChanged', settings }) });

let nextDialog = 1;
const dialogWaiters = new Map<number, { resolve(file: string | null): void; reject(e: Error): void }>();

function dialogsOf(windowId: string): Dialogs {
  const ask = (m: Omit<Extract<WorkerMessage, { t: 'dialog' }>, 'id'>) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextDialog++;
      dialogWaiters.set(id, { resolve, reject });
      post({ ...m, id } as WorkerMessage);
    });
  return {
    showOpen: (request) => ask({ t: 'dialog', windowId, kind: 'open', request }),
    showSave: (request) => ask({ t: 'dialog', windowId, kind: 'save', request }),
  };
}

const windows = new Map<string, { table: HandlerTable; dispatch: Dispatch }>();

function tableOf(id: string) {
  let s = windows.get(id);
  if (!s) {
    const table = createHandlers(workspace, dialogsOf(id));
    const dispatch = createDispatcher(table, (channel, e) =>
      post({ t: 'internalError', channel, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
    s = { table, dispatch };
    windows.set(id, s);
  }
  return s;
}

async function handle(m: HostMessage): Promise<void> {
  switch (m.t) {
    case 'call': {
      const envelope = await tableOf(m.windowId).dispatch(m.channel, m.args);
      post({ t: 'reply', id: m.id, envelope });
      return;
    }
    case 'openDocument': {
      let envelope: Envelope<unknown>;
      try {
        envelope = { ok: true, value: await tableOf(m.windowId).table.openDocument(m.file) };
      } catch (e) {
        envelope = { ok: false, error: toErrorPayload(e) };
      }
      post({ t: 'reply', id: m.id, envelope });
      return;
    }
    case 'closeWindow': {
      windows.get(m.windowId)?.table.dispose();
      windows.delete(m.windowId);
      post({ t: 'reply', id: m.id, envelope: { ok: true, value: null } });
      return;
    }
    case 'dialogAnswer': {
      const w = dialogWaiters.get(m.id);
      dialogWaiters.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve(m.file);
      return;
    }
    case 'stop': {
      for (const s of windows.values()) s.table.dispose();
      windows.clear();
      workspace.close();
      post({ t: 'reply', id: m.id, envelope: { ok: true, value: null } });
      return;
    }
  }
}

port.on('message', (m: HostMessage) => {
  handle(m).catch((e: unknown) => {
    if ('id' in m && m.t !== 'dialogAnswer') post({ t: 'reply', id: m.id, envelope: { ok: false, error: toErrorPayload(e) } });
  });
});
post({ t: 'ready' });
