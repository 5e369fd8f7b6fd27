/**
 * What a spec drives: "the app", whichever transport carries it. Two implementations:
 * - BrowserAppDriver (e2e/harness/browser-app.ts): the app's project worker (handler tables, dispatcher, services)
 *   runs in a worker thread of the test process, the built renderer runs in Chromium, `window.relais` is a
 *   Playwright binding;
 * - ElectronAppDriver (e2e/harness/electron-app.ts): the real Electron app (needs the Electron binary).
 */
import type { Page, TestInfo } from '@playwright/test';
import type { EventName, Events } from '../../shared/ipc/bridge.ts';

export interface AppDirs {
  /** Everything the app writes during a test lives under here (a fresh temp folder per test). */
  root: string;
  /** settings.json (Electron: the userData folder). */
  settingsDir: string;
  /** Where the sample's project and dropped files' projects are created. */
  projectsDir: string;
}

export interface AppDriver {
  readonly transport: 'browser' | 'electron';
  readonly dirs: AppDirs;
  /** The window of the current session. */
  readonly page: Page;
  /** Starts the app (first session). */
  start(): Promise<Page>;
  /**
   * Quits and starts the app again over the same settings and projects folders — a fresh app start: new handler
   * table, new page, nothing kept in memory or in the page's storage.
   */
  newSession(): Promise<Page>;
  /** Simulates a native menu item: the command is delivered to the renderer's `on('command')` listeners. */
  command(id: string): Promise<void>;
  /** Pushes any main → renderer event. */
  emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>;
  /** The next native open dialog answers with `file` (null: cancelled). Answers are used once, in order. */
  scriptOpenDialog(file: string | null): Promise<void>;
  /** The next native save dialog answers with `file` (null: cancelled). Answers are used once, in order. */
  scriptSaveDialog(file: string | null): Promise<void>;
  /** Problems seen in the page so far (uncaught errors, CSP violations, requests leaving the app). */
  problems(): string[];
  /** Saves a screenshot of the window to e2e/artifacts/<name>.png and attaches it to the report. */
  screenshot(name: string, testInfo: TestInfo): Promise<string>;
  close(): Promise<void>;
}
