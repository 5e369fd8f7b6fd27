/**
 * The e2e harness's Electron transport: the real app (dist-electron/main.cjs) launched by Playwright's `_electron`,
 * with its profile in the test's temp folder (RELAIS_USER_DATA_DIR). Used by the `electron` Playwright project when
 * the Electron binary is installed and RELAIS_E2E_ELECTRON=1 (see playwright.config.ts).
 *
 * Native menu items are simulated by sending the same event message the menu sends; the native open and save
 * dialogs are scripted by replacing `dialog.showOpenDialog` / `dialog.showSaveDialog` in the main process for one call.
 */
import { _electron, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CHANNEL, type EventName, type Events } from '../../shared/ipc/bridge.ts';
import type { AppDirs, AppDriver } from './driver.ts';
import { ELECTRON_MAIN, electronExecutable, REPO_ROOT } from './paths.ts';
import { saveScreenshot } from './screenshots.ts';

export class ElectronAppDriver implements AppDriver {
  readonly transport = 'electron' as const;
  private app: ElectronApplication | null = null;
  private currentPage: Page | null = null;
  private readonly seen: string[] = [];

  constructor(readonly dirs: AppDirs) {
    mkdirSync(dirs.settingsDir, { recursive: true });
  }

  get page(): Page {
    if (!this.currentPage) throw new Error('The app is not started');
    return this.currentPage;
  }

  async start(): Promise<Page> {
    const exe = electronExecutable();
    if (!exe) throw new Error('The Electron binary is not installed (see playwright.config.ts)');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    env.RELAIS_USER_DATA_DIR = this.dirs.settingsDir;
    const app = await _electron.launch({ executablePath: exe, args: [ELECTRON_MAIN], cwd: REPO_ROOT, env });
    this.app = app;
    const page = await app.firstWindow();
    page.on('pageerror', (e) => this.seen.push(`page error: ${e.stack ?? e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.seen.push(`console error: ${m.text()}`);
    });
    await page.waitForLoadState('domcontentloaded');
    this.currentPage = page;
    return page;
  }

  async newSession(): Promise<Page> {
    await this.close();
    return this.start();
  }

  async emit<E extends EventName>(event: E, payload: Events[E]): Promise<void> {
    if (!this.app) throw new Error('The app is not started');
    await this.app.evaluate(
      ({ BrowserWindow }, [channel, e, p]) => {
        for (const w of BrowserWindow.getAllWindows()) w.webContents.send(channel, e, p);
      },
      [EVENT_CHANNEL, event, payload] as const,
    );
  }

  async command(id: string): Promise<void> {
    await this.emit('command', { id });
  }

  async scriptOpenDialog(file: string | null): Promise<void> {
    if (!this.app) throw new Error('The app is not started');
    await this.app.evaluate(({ dialog }, answer) => {
      const d = dialog as unknown as { showOpenDialog: (...a: unknown[]) => Promise<unknown>; __relaisOriginalShowOpen?: unknown };
      const original = (d.__relaisOriginalShowOpen ??= d.showOpenDialog) as typeof d.showOpenDialog;
      d.showOpenDialog = async () => {
        d.showOpenDialog = original;
        return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      };
    }, file === null ? null : path.resolve(file));
  }

  async scriptSaveDialog(file: string | null): Promise<void> {
    if (!this.app) throw new Error('The app is not started');
    await this.app.evaluate(({ dialog }, answer) => {
      const d = dialog as unknown as { showSaveDialog: (...a: unknown[]) => Promise<unknown>; __relaisOriginalShowSave?: unknown };
      const original = (d.__relaisOriginalShowSave ??= d.showSaveDialog) as typeof d.showSaveDialog;
      d.showSaveDialog = async () => {
        d.showSaveDialog = original;
        return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
      };
    }, file === null ? null : path.resolve(file));
  }

  problems(): string[] {
    return [...this.seen];
  }

  async screenshot(name: string, testInfo: TestInfo): Promise<string> {
    return saveScreenshot(this.page, name, testInfo);
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = null;
    this.currentPage = null;
    if (app) await app.close();
  }
}
