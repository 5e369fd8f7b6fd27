/**
 * The e2e harness's browser transport: the SAME project worker as the Electron app (WorkerHost running the bundle
 * the app ships, dist-electron/worker.cjs built from electron/services/worker/worker.ts: the handler table, the
 * dispatcher, the services), started by the test process;
 * the built renderer (dist/renderer) in Chromium, served without a server through `page.route` with the app's CSP;
 * `window.relais` built in the page by the same buildBridge as the preload, over a Playwright binding. The page is
 * one window of the worker; the harness answers the dialogs the services ask for, as scripted by the test.
 */
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BRIDGE_GLOBAL, buildBridge, EVENT_NAMES, type EventName, type Events } from '../../shared/ipc/bridge.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';
import type { AppSettings } from '../../shared/model.ts';
import { WorkerHost } from '../../electron/services/worker/host.ts';
import { serveRendererFile } from '../../electron/main/renderer-files.ts';
import type { AppDirs, AppDriver } from './driver.ts';
import { DESK_GLOSSARY_PATH, RENDERER_DIST, SAMPLE_PATH, WORKER_BUNDLE } from './paths.ts';
import { saveScreenshot } from './screenshots.ts';

/** https, so the page is a secure context like app://relais (crypto.randomUUID, clipboard…); never on the network. */
export const APP_ORIGIN = 'https://relais.test';
export const APP_URL = `${APP_ORIGIN}/index.html`;
const BINDING = '__relaisInvoke';
const HARNESS_GLOBAL = '__relaisHarness';
/** The page is one window of the worker. */
const WINDOW_ID = 'page';

interface InstallParams {
  channels: readonly string[];
  events: readonly string[];
  bridgeGlobal: string;
  binding: string;
  harnessGlobal: string;
}

/**
 * Runs in the page before any of its scripts, with the page's own copy of buildBridge: defines `window.relais` over
 * the binding, and the harness's event emitter (what main's webContents.send is in the app).
 */
function installHarness(build: typeof buildBridge, p: InstallParams) {
  const w = window as unknown as Record<string, unknown>;
  const invoke = w[p.binding] as (channel: string, args: unknown[]) => Promise<unknown>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge = build({
    channels: p.channels,
    events: p.events,
    invoke: (channel, args) => invoke(channel, args),
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = (payload: unknown) => listener(payload);
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
  });
  Object.defineProperty(window, p.bridgeGlobal, { value: bridge, enumerable: true });
  Object.defineProperty(window, p.harnessGlobal, {
    value: Object.freeze({
      /** Delivers an event to the page's listeners; returns how many there were. */
      emit(event: string, payload: unknown): number {
        const set = listeners.get(event);
        if (!set) return 0;
        for (const l of [...set]) l(payload);
        return set.size;
      },
    }),
  });
}

export class BrowserAppDriver implements AppDriver {
  readonly transport = 'browser' as const;
  private context: BrowserContext | null = null;
  private currentPage: Page | null = null;
  private host: WorkerHost | null = null;
  private readonly openAnswers: Array<string | null> = [];
  private readonly saveAnswers: Array<string | null> = [];
  private readonly seen: string[] = [];

  /** `rendererRoot`: the folder served as the app (dist/renderer; another folder for the harness's own checks). */
  constructor(
    private readonly browser: Browser,
    readonly dirs: AppDirs,
    private readonly rendererRoot: string = RENDERER_DIST,
  ) {
    mkdirSync(dirs.settingsDir, { recursive: true });
    mkdirSync(dirs.projectsDir, { recursive: true });
  }

  get page(): Page {
    if (!this.currentPage) throw new Error('The app is not started');
    return this.currentPage;
  }

  /** The worker, as the app starts it, with dialogs answered from the test's script. */
  private startHost(): Promise<WorkerHost> {
    return WorkerHost.start({
      // The bundle the app ships (built by the global setup): it starts in a fraction of the time tsx needs to
      // compile the sources, and the specs exercise the worker the app runs.
      entry: WORKER_BUNDLE,
      config: { settingsDir: this.dirs.settingsDir, projectsDir: this.dirs.projectsDir, samplePath: SAMPLE_PATH, deskGlossaryPath: DESK_GLOSSARY_PATH },
      dialogs: {
        showOpen: async () => (this.openAnswers.length ? (this.openAnswers.shift() ?? null) : null),
        showSave: async () => (this.saveAnswers.length ? (this.saveAnswers.shift() ?? null) : null),
      },
      // Same as the app: whoever changed the settings, the renderer is told (main pushes settingsChanged).
      onSettingsChanged: (settings) => void this.pushSettings(settings),
      onInternalError: (channel, message) => this.seen.push(`internal error in ${channel}: ${message}`),
    });
  }

  private async pushSettings(settings: AppSettings): Promise<void> {
    if (!this.currentPage || this.currentPage.isClosed()) return;
    try {
      await this.emitRaw('settingsChanged', settings);
    } catch {
      // page closing or navigating: the next start reads the settings anyway
    }
  }

  async start(): Promise<Page> {
    if (this.currentPage) throw new Error('Already started: use newSession()');
    const host = await this.startHost();
    this.host = host;

    // A new context per windowId: no storage carried over, like a fresh app start.
    const context = await this.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', serviceWorkers: 'block', acceptDownloads: false });
    this.context = context;
    const page = await context.newPage();
    page.on('pageerror', (e) => this.seen.push(`page error: ${e.stack ?? e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.seen.push(`console error: ${m.text()}`);
      else if (/Content Security Policy/i.test(m.text())) this.seen.push(`CSP: ${m.text()}`);
    });
    // The app makes no network requests: anything outside the app's origin is refused and noted.
    await page.route(
      (url) => !url.href.startsWith(`${APP_ORIGIN}/`),
      (route) => {
        const url = route.request().url();
        if (!url.startsWith('data:') && !url.startsWith('blob:')) this.seen.push(`request left the app: ${url}`);
        return route.abort('blockedbyclient');
      },
    );
    await page.route(`${APP_ORIGIN}/**`, async (route) => {
      const req = route.request();
      if (req.method() !== 'GET' && req.method() !== 'HEAD') return route.fulfill({ status: 403, body: 'Forbidden' });
      const res = await serveRendererFile(this.rendererRoot, new URL(req.url()).pathname);
      if (res.status !== 200) this.seen.push(`${res.status} for ${req.url()}`);
      return route.fulfill({ status: res.status, headers: res.headers, body: res.body });
    });
    await page.exposeBinding(BINDING, (_source, channel: unknown, args: unknown) => host.call(WINDOW_ID, String(channel), Array.isArray(args) ? args : []));
    const params: InstallParams = { channels: [...CHANNEL_NAMES], events: [...EVENT_NAMES], bridgeGlobal: BRIDGE_GLOBAL, binding: BINDING, harnessGlobal: HARNESS_GLOBAL };
    await page.addInitScript({ content: `(${installHarness.toString()})(${buildBridge.toString()}, ${JSON.stringify(params)});` });
    this.currentPage = page;
    await page.goto(APP_URL);
    return page;
  }

  async newSession(): Promise<Page> {
    await this.stop();
    return this.start();
  }

  private async emitRaw(event: string, payload: unknown): Promise<number> {
    return this.page.evaluate(
      ([g, e, p]) => (window as unknown as Record<string, { emit(e: string, p: unknown): number }>)[g]!.emit(e, p),
      [HARNESS_GLOBAL, event, payload] as const,
    );
  }

  async emit<E extends EventName>(event: E, payload: Events[E]): Promise<void> {
    await this.emitRaw(event, payload);
  }

  async command(id: string): Promise<void> {
    const n = await this.emitRaw('command', { id });
    if (n === 0) throw new Error(`No renderer listener for menu command "${id}" (window.relais.on('command') was never called)`);
  }

  async scriptOpenDialog(file: string | null): Promise<void> {
    this.openAnswers.push(file === null ? null : path.resolve(file));
  }

  async scriptSaveDialog(file: string | null): Promise<void> {
    this.saveAnswers.push(file === null ? null : path.resolve(file));
  }

  problems(): string[] {
    return [...this.seen];
  }

  async screenshot(name: string, testInfo: TestInfo): Promise<string> {
    return saveScreenshot(this.page, name, testInfo);
  }

  private async stop(): Promise<void> {
    const context = this.context;
    this.context = null;
    this.currentPage = null;
    if (context) await context.close();
    const host = this.host;
    this.host = null;
    await host?.stop();
  }

  async close(): Promise<void> {
    await this.stop();
  }
}
