/**
 * The e2e harness's browser transport: the SAME handler table (electron/services/handlers.ts) and dispatcher
 * (shared/ipc/envelope.ts) as the Electron app, running in the test process; the built renderer (dist/renderer)
 * in Chromium, served without a server through `page.route` with the app's CSP; `window.relais` defined by an
 * init script over a Playwright binding — one function per channel, like the preload.
 */
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName, Events } from '../../shared/ipc/bridge.ts';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge.ts';
import { CHANNELS, type AppState } from '../../shared/ipc/contract.ts';
import { createDispatcher, type Envelope } from '../../shared/ipc/envelope.ts';
import type { ServiceContext } from '../../electron/services/context.ts';
import { createHandlers } from '../../electron/services/handlers.ts';
import { serveRendererFile } from '../../electron/main/renderer-files.ts';
import type { AppDirs, AppDriver } from './driver.ts';
import { DESK_GLOSSARY_PATH, RENDERER_DIST, SAMPLE_PATH } from './paths.ts';
import { saveScreenshot } from './screenshots.ts';

/** https, so the page is a secure context like app://relais (crypto.randomUUID, clipboard…); never on the network. */
export const APP_ORIGIN = 'https://relais.test';
export const APP_URL = `${APP_ORIGIN}/index.html`;
const BINDING = '__relaisInvoke';
const HARNESS_GLOBAL = '__relaisHarness';

type HandlerTable = ReturnType<typeof createHandlers>;

/** Runs in the page before any of its scripts: defines `window.relais` and the harness's event emitter. */
function installBridge({ channels, bridgeGlobal, binding, harnessGlobal }: { channels: string[]; bridgeGlobal: string; binding: string; harnessGlobal: string }) {
  const w = window as unknown as Record<string, unknown>;
  const invoke = w[binding] as (channel: string, args: unknown[]) => Promise<unknown>;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const events = ['command', 'settingsChanged'];
  const bridge: Record<string, unknown> = {};
  for (const c of channels) bridge[c] = (...args: unknown[]) => invoke(c, args);
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    if (!events.includes(event)) throw new Error(`Unknown event: ${event}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const l = (p: unknown) => listener(p);
    set.add(l);
    return () => {
      set.delete(l);
    };
  };
  Object.defineProperty(window, bridgeGlobal, { value: Object.freeze(bridge), enumerable: true });
  Object.defineProperty(window, harnessGlobal, {
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
  private handlers: HandlerTable | null = null;
  private dispatch: ((channel: string, args: unknown[]) => Promise<Envelope<unknown>>) | null = null;
  private readonly openAnswers: Array<string | null> = [];
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

  private context_(): ServiceContext {
    return {
      settingsDir: this.dirs.settingsDir,
      projectsDir: this.dirs.projectsDir,
      samplePath: SAMPLE_PATH,
      deskGlossaryPath: DESK_GLOSSARY_PATH,
      dialogs: {
        showOpen: async () => (this.openAnswers.length ? (this.openAnswers.shift() ?? null) : null),
      },
      // Same as the app: whoever changed the settings, the renderer is told (main pushes settingsChanged).
      onSettingsChanged: () => {
        setImmediate(() => void this.pushSettings());
      },
    };
  }

  private async pushSettings(): Promise<void> {
    if (!this.dispatch || !this.currentPage || this.currentPage.isClosed()) return;
    const env = (await this.dispatch('getAppState', [])) as Envelope<AppState>;
    if (!env.ok) return;
    try {
      await this.emitRaw('settingsChanged', env.value.settings);
    } catch {
      // page closing or navigating: the next start reads the settings anyway
    }
  }

  async start(): Promise<Page> {
    if (this.currentPage) throw new Error('Already started: use newSession()');
    const handlers = createHandlers(this.context_());
    this.handlers = handlers;
    this.dispatch = createDispatcher(handlers, (channel, e) => this.seen.push(`internal error in ${channel}: ${e instanceof Error ? e.stack : String(e)}`));
    const dispatch = this.dispatch;

    // A new context per session: no storage carried over, like a fresh app start.
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
    await page.exposeBinding(BINDING, (_source, channel: unknown, args: unknown) =>
      dispatch(String(channel), Array.isArray(args) ? args : []),
    );
    await page.addInitScript(installBridge, { channels: [...CHANNELS], bridgeGlobal: BRIDGE_GLOBAL, binding: BINDING, harnessGlobal: HARNESS_GLOBAL });
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
    this.handlers?.dispose();
    this.handlers = null;
    this.dispatch = null;
  }

  async close(): Promise<void> {
    await this.stop();
  }
}
