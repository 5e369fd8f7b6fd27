/**
 * WorkerHost: starts the project worker (worker.ts) on a worker thread and talks to it (protocol.ts). Used by
 * Electron main (which forwards every IPC call of a window to it), by the e2e harness (same, for the page's
 * binding) and by tests. The host answers the dialogs the services ask for (native dialogs in main, scripted in the
 * harness) and hears settings changes.
 *
 * If the worker dies (a native crash), the calls in flight fail with an 'internal' error and the next call starts a
 * new worker: projects are reopened by the windows that ask for them.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../shared/ipc/envelope.ts';
import type { AppSettings, ProjectSnapshot } from '../../../shared/model.ts';
import type { OpenDialogRequest, SaveDialogRequest } from '../dialogs.ts';
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.ts';

export interface HostDialogs {
  showOpen(windowId: string, request: OpenDialogRequest): Promise<string | null>;
  showSave(windowId: string, request: SaveDialogRequest): Promise<string | null>;
}

export interface WorkerHostOptions {
  config: WorkerConfig;
  dialogs: HostDialogs;
  onSettingsChanged?(settings: AppSettings): void;
  /** A bug in a handler (not a RelaisError): for the host's log. */
  onInternalError?(channel: string, message: string): void;
  /**
   * The worker's code. The app and the e2e harness pass its bundle (dist-electron/worker.cjs); by default worker.ts
   * runs from source through tsx (the tests).
   */
  entry?: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));

type Request = Exclude<HostMessage, { t: 'dialogAnswer' }>;
type RequestWithoutId = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerHost {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (e: Envelope<unknown>) => void>();
  private stopped = false;

  private constructor(private readonly opts: WorkerHostOptions) {}

  /** Starts the worker and waits until it is ready. */
  static async start(opts: WorkerHostOptions): Promise<WorkerHost> {
    const host = new WorkerHost(opts);
    await host.ensureWorker();
    return host;
  }

  /** The worker's thread id (0 while none runs). */
  get threadId(): number {
    return this.worker?.threadId ?? 0;
  }

  /** Calls a contract channel as window `windowId`; always resolves with an envelope. */
  call(windowId: string, channel: string, args: unknown[]): Promise<Envelope<unknown>> {
    return this.request({ t: 'call', windowId, channel, args });
  }

  /** Opens a project or imports an article in window `windowId` (files handed over by the OS or the menu). */
  openDocument(windowId: string, file: string): Promise<Envelope<ProjectSnapshot>> {
    return this.request({ t: 'openDocument', windowId, file }) as Promise<Envelope<ProjectSnapshot>>;
  }

  /** Window `windowId` closed: its project lease is given back. */
  async closeWindow(windowId: string): Promise<void> {
    if (this.worker) await this.request({ t: 'closeWindow', windowId });
  }

  /** Closes every project and ends the worker. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const w = this.worker;
    if (!w) return;
    await this.request({ t: 'stop' }, true);
    await w.terminate();
    this.worker = null;
  }

  private async request(m: RequestWithoutId, evenStopped = false): Promise<Envelope<unknown>> {
    if (this.stopped && !evenStopped) return { ok: false, error: { code: 'internal', message: 'The project service has stopped' } };
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ ...m, id } as HostMessage);
    });
  }

  private ensureWorker(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const entry = this.opts.entry ?? path.join(HERE, 'worker.ts');
      const fromSource = entry.endsWith('.ts');
      const w = fromSource
        ? new Worker(pathToFileURL(path.join(HERE, 'dev-entry.mjs')), {
            workerData: { config: this.opts.config, entry: pathToFileURL(entry).href },
            execArgv: [],
          })
        : new Worker(entry, { workerData: { config: this.opts.config }, execArgv: [] });
      let ready = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.t === 'ready') {
          ready = true;
          this.worker = w;
          this.starting = null;
          resolve(w);
          return;
        }
        this.onMessage(w, m);
      });
      w.on('error', (e) => {
        if (!ready) {
          this.starting = null;
          reject(e);
        } else this.opts.onInternalError?.('worker', e.stack ?? e.message);
      });
      w.on('exit', (code) => {
        if (this.worker === w) this.worker = null;
        if (!ready) {
          this.starting = null;
          reject(new Error(`The project worker exited while starting (code ${code})`));
        }
        // Calls in flight will never be answered.
        for (const [id, resolveCall] of this.pending) {
          this.pending.delete(id);
          resolveCall({ ok: false, error: { code: 'internal', message: 'The project service stopped unexpectedly; try again' } });
        }
      });
    });
    return this.starting;
  }

  private onMessage(w: Worker, m: WorkerMessage): void {
    switch (m.t) {
      case 'reply': {
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.envelope);
        return;
      }
      case 'dialog': {
        const answer =
          m.kind === 'open' ? this.opts.dialogs.showOpen(m.windowId, m.request) : this.opts.dialogs.showSave(m.windowId, m.request);
        answer.then(
          (file) => w.postMessage({ t: 'dialogAnswer', id: m.id, file } satisfies HostMessage),
          (e: unknown) => w.postMessage({ t: 'dialogAnswer', id: m.id, file: null, error: e instanceof Error ? e.message : String(e) } satisfies HostMessage),
        );
        return;
      }
      case 'settingsChanged':
        this.opts.onSettingsChanged?.(m.settings);
        return;
      case 'internalError':
        this.opts.onInternalError?.(m.channel, m.message);
        return;
      case 'ready':
        return;
    }
  }
}
