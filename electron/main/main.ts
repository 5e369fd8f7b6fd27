/**
 * The Electron shell. Thin on purpose: every decision about projects, segments and settings is made by the services,
 * which run in the project worker (electron/services/worker): main forwards each window's IPC calls to it, as that
 * window's id, and answers the native dialogs the services ask for. What lives here is what only Electron can
 * do: the windows and their security, the `app://` protocol, the native menu, native dialogs, the single-instance
 * lock and files handed over by the OS. Main loads neither SQLite nor the IPC schemas (the worker validates).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { FileFilter, MessageBoxOptions, WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ErrorPayload } from '../../shared/errors.ts';
import { EVENT_CHANNEL, type EventName, type Events } from '../../shared/ipc/bridge.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';
import type { AppState, FileChoice } from '../../shared/ipc/contract.ts';
import type { Envelope } from '../../shared/ipc/envelope.ts';
import type { AppSettings, UiLanguage } from '../../shared/model.ts';
import { userDataDir } from '../services/app/profile.ts';
import type { OpenDialogRequest, SaveDialogRequest } from '../services/dialogs.ts';
import { WorkerHost } from '../services/worker/host.ts';
import { buildMenuTemplate, menuTranslator, type ExportFormat } from './menu.ts';
import { filesFromArgv, OPENABLE_EXTENSIONS } from './open-files.ts';
import { serveRendererFile } from './renderer-files.ts';

const SCHEME = 'app';
const HOST = 'relais';
const ORIGIN = `${SCHEME}://${HOST}`;
const START_URL = `${ORIGIN}/index.html`;
/** The id main itself uses for its own calls (settings, no project): not a window. */
const SHELL_WINDOW = 'shell';
const ARTICLE_EXTENSIONS = ['txt', 'html', 'htm', 'md', 'docx'];

const dev = !app.isPackaged;

// Must happen before `ready`: app:// behaves like https (standard origin, secure context, fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// The profile folder (settings, desk glossary): the same the CLI reads (RELAIS_USER_DATA_DIR lets the e2e harness
// and users who want a portable profile choose it).
app.setPath('userData', userDataDir());

/** dist-electron/ in development, app.asar/dist-electron/ when packaged: everything else is found from there. */
const appRoot = path.resolve(__dirname, '..');
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const resourcesRoot = app.isPackaged ? process.resourcesPath : path.join(appRoot, 'resources');
const docsRoot = app.isPackaged ? path.join(process.resourcesPath, 'docs') : path.join(appRoot, 'docs');

/** Files handed over before the services were ready (command line, macOS open-file). */
const pendingFiles: string[] = [];
let host: WorkerHost | null = null;
let settings: AppSettings | null = null;

// ——— Windows and their ids ———

const windowIdOf = (contents: WebContents): string => `w${contents.id}`;

function windowOf(windowId: string): BrowserWindow | null {
  return BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && windowIdOf(w.webContents) === windowId) ?? null;
}

/** The window a menu item or a handed-over file is for. */
function targetWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows().find((w) => !w.isDestroyed()) ?? null;
}

function send<E extends EventName>(event: E, payload: Events[E], only?: BrowserWindow): void {
  for (const w of only ? [only] : BrowserWindow.getAllWindows()) {
    if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, event, payload);
  }
}

async function call<T>(windowId: string, channel: string, ...args: unknown[]): Promise<Envelope<T>> {
  if (!host) return { ok: false, error: { code: 'internal', message: 'The services are not started' } };
  return (await host.call(windowId, channel, args)) as Envelope<T>;
}

const t = () => menuTranslator(settings?.language ?? 'en');

async function box(win: BrowserWindow | null, opts: MessageBoxOptions): Promise<void> {
  if (win) await dialog.showMessageBox(win, opts);
  else await dialog.showMessageBox(opts);
}

// ——— Menu ———

let menuRefresh: Promise<void> | null = null;
let menuRefreshAgain = false;

/** Rebuilds the native menu from the current settings (language, recent projects). Coalesces bursts. */
function refreshMenu(): Promise<void> {
  if (menuRefresh) {
    menuRefreshAgain = true;
    return menuRefresh;
  }
  menuRefresh = (async () => {
    do {
      menuRefreshAgain = false;
      if (!settings) return;
      const template = buildMenuTemplate(
        { platform: process.platform, dev, settings, appName: app.getName() },
        {
          command: (id) => {
            const w = targetWindow();
            if (w) send('command', { id }, w);
          },
          newWindow: () => void createWindow([]),
          openRecent: (file) => void openDocument(file),
          exportArticle: (format) => void exportTo('exportArticle', format),
          exportReview: (format) => void exportTo('exportReview', format),
          setLanguage: (lang) => void setLanguage(lang),
          about: () => void showAbout(),
          openDocs: () => void shell.openPath(docsRoot),
        },
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    } while (menuRefreshAgain);
  })().finally(() => {
    menuRefresh = null;
  });
  return menuRefresh;
}

/** The services changed the settings, whoever asked (a window or the menu): menu and every window follow. */
function onSettingsChanged(next: AppSettings): void {
  settings = next;
  void refreshMenu();
  send('settingsChanged', next);
}

async function setLanguage(lang: UiLanguage): Promise<void> {
  await call<AppSettings>(SHELL_WINDOW, 'setLanguage', lang);
}

async function showAbout(): Promise<void> {
  await box(targetWindow(), {
    type: 'info',
    title: t()('about', { app: app.getName() }),
    message: app.getName(),
    detail: t()('aboutDetail', {
      version: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: [t()('ok')],
  });
}

// ——— Export (File ▸ Export Translation / Export Review Document) ———

/**
 * A save dialog run through the services (showSaveDialog: they propose the name and keep the choice as a token),
 * then the export channel with that token (written through a temp file and a rename).
 */
async function exportTo(channel: 'exportArticle' | 'exportReview', format: ExportFormat): Promise<void> {
  const win = targetWindow();
  if (!win) return;
  const windowId = windowIdOf(win.webContents);
  const choice = await call<FileChoice | null>(windowId, 'showSaveDialog', channel, format);
  if (!choice.ok) {
    const message = choice.error.code === 'project.notOpen' ? t()('exportNoProject') : choice.error.message;
    await box(win, { type: 'info', title: app.getName(), message, buttons: [t()('ok')] });
    return;
  }
  if (choice.value === null) return;
  const env = await call<{ file: string; warnings: Array<{ message: string }> }>(windowId, channel, format, choice.value.token);
  if (env.ok) {
    const detail = env.value.warnings.map((w) => `• ${w.message}`).join('\n');
    const done = channel === 'exportReview' ? 'exportReviewDone' : 'exportDone';
    await box(win, { type: 'info', title: app.getName(), message: t()(done, { file: path.basename(env.value.file) }), detail, buttons: [t()('ok')] });
  } else {
    const detail = [env.error.message, env.error.detail].filter(Boolean).join('\n');
    await box(win, { type: 'error', title: app.getName(), message: t()('exportFailed', { file: choice.value.fileName }), detail, buttons: [t()('ok')] });
  }
}

// ——— Native dialogs the services ask for ———

function openFilters(request: OpenDialogRequest): FileFilter[] {
  const tr = menuTranslator(request.language);
  if (request.purpose === 'article') return [{ name: tr('filterArticles'), extensions: ARTICLE_EXTENSIONS }];
  if (request.purpose === 'wordList') return [{ name: tr('filterWordLists'), extensions: ['txt', 'dic'] }];
  return [
    { name: tr('filterProjectsAndArticles'), extensions: [...OPENABLE_EXTENSIONS] },
    { name: tr('filterProjects'), extensions: ['relais'] },
    { name: tr('filterArticles'), extensions: ARTICLE_EXTENSIONS },
  ];
}

const SAVE_FILTER_KEYS: Record<string, string> = { txt: 'filterTxt', md: 'filterMd', html: 'filterHtml', docx: 'filterDocx' };

async function showOpen(windowId: string, request: OpenDialogRequest): Promise<string | null> {
  const win = windowOf(windowId);
  const opts = { properties: ['openFile' as const], filters: openFilters(request) };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function showSave(windowId: string, request: SaveDialogRequest): Promise<string | null> {
  const win = windowOf(windowId);
  const tr = menuTranslator(request.language);
  const filter = request.purpose === 'exportWordList' ? 'filterWordLists' : (SAVE_FILTER_KEYS[request.format] ?? 'filterTxt');
  const opts = { defaultPath: request.defaultPath, filters: [{ name: tr(filter), extensions: [request.format] }] };
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : r.filePath;
}

// ——— Opening documents handed over by the OS, the menu or a second instance ———

/**
 * Opens a project (.relais) or imports an article in the target window (a new one if none). The window is then
 * reloaded: on start the renderer asks `getAppState`, which returns the project now open, so it shows it with no
 * special path.
 */
async function openDocument(file: string): Promise<void> {
  if (!host) {
    pendingFiles.push(file);
    return;
  }
  const win = targetWindow();
  if (!win) {
    await createWindow([file]);
    return;
  }
  const env = await host.openDocument(windowIdOf(win.webContents), file);
  if (env.ok) win.webContents.reload();
  else await showOpenError(win, file, env.error);
}

async function showOpenError(win: BrowserWindow | null, file: string, error: ErrorPayload): Promise<void> {
  const detail = [error.message, error.detail].filter(Boolean).join('\n');
  await box(win, { type: 'error', title: app.getName(), message: t()('openFailed', { file: path.basename(file) }), detail, buttons: [t()('ok')] });
}

// ——— Security ———

/** True when an IPC message comes from our own page (not from a frame that somehow loaded something else). */
function fromOurPage(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === `${SCHEME}:` && u.host === HOST;
  } catch {
    return false;
  }
}

function hardenWebContents(contents: WebContents): void {
  // The app is one page: no navigation at all (a file dropped outside the drop zone would otherwise replace the UI).
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Nothing ever leaves the machine: the renderer is served from app:// and talks to main over IPC only.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_d, callback) =>
    callback({ cancel: true }),
  );
  ses.protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Forbidden', { status: 403 });
    }
    const res = await serveRendererFile(rendererRoot, url.pathname);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(res.body), { status: res.status, headers: res.headers });
  });
}

// ——— Services and IPC ———

async function startServices(): Promise<void> {
  const settingsDir = app.getPath('userData');
  const projectsDir = process.env.RELAIS_USER_DATA_DIR ? path.join(settingsDir, 'projects') : documentsDir();
  mkdirSync(settingsDir, { recursive: true });
  mkdirSync(projectsDir, { recursive: true });
  host = await WorkerHost.start({
    entry: path.join(__dirname, 'worker.cjs'),
    config: {
      settingsDir,
      projectsDir,
      samplePath: path.join(resourcesRoot, 'samples', 'cumberland-fr.txt'),
      deskGlossaryPath: path.join(resourcesRoot, 'glossary', 'desk-fr-en.tbx'),
    },
    dialogs: { showOpen, showSave },
    onSettingsChanged,
    onInternalError: (channel, message) => console.error(`[relais] ${channel} failed:`, message),
  });
  const state = await call<AppState>(SHELL_WINDOW, 'getAppState');
  if (state.ok) settings = state.value.settings;

  // One generic registration: every channel of the contract, forwarded to the worker as the calling window's id.
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!fromOurPage(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'permission.denied', message: 'IPC from an unknown page' } } satisfies Envelope<never>;
      }
      return call(windowIdOf(event.sender), channel, ...args);
    });
  }
}

function documentsDir(): string {
  try {
    return path.join(app.getPath('documents'), 'Relais');
  } catch {
    return path.join(app.getPath('userData'), 'projects');
  }
}

/**
 * Opens a window; `files` are opened in it before its page loads, so the renderer's first getAppState
 * finds the project (the last one wins; earlier ones still go to the recent list). Failures are shown once it loads.
 */
async function createWindow(files: string[]): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: app.getName(),
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed (docs/security.md): a sandboxed CommonJS preload that exposes one function per contract channel
      // through contextBridge, and nothing of Node or Electron.
      preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link must not try to open a window (refused anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      devTools: dev,
    },
  });
  const windowId = windowIdOf(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) => console.error('[relais] renderer gone:', details.reason));
  win.on('closed', () => void host?.closeWindow(windowId));
  const failures: Array<[string, ErrorPayload]> = [];
  for (const f of files) {
    const env = host ? await host.openDocument(windowId, f) : null;
    if (env && !env.ok) failures.push([f, env.error]);
  }
  if (failures.length) {
    win.webContents.once('did-finish-load', () => {
      void (async () => {
        for (const [f, err] of failures) await showOpenError(win, f, err);
      })();
    });
  }
  void win.loadURL(START_URL);
  return win;
}

function focusWindow(): void {
  const w = targetWindow();
  if (!w) return;
  if (w.isMinimized()) w.restore();
  w.focus();
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Relais is running: it receives our argv through 'second-instance' and opens the files.
    app.quit();
    return;
  }
  pendingFiles.push(...filesFromArgv(process.argv, process.cwd()));

  app.on('second-instance', (_e, argv, workingDirectory) => {
    focusWindow();
    for (const f of filesFromArgv(argv, workingDirectory)) void openDocument(f);
  });
  // macOS: a document double-clicked in Finder or dropped on the Dock icon (may come before 'ready').
  app.on('open-file', (e, file) => {
    e.preventDefault();
    void openDocument(file);
    focusWindow();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) void createWindow([]);
  });
  app.on('will-quit', (e) => {
    // Projects are closed in the worker (WAL checkpointed) before the process ends.
    const h = host;
    if (!h) return;
    host = null;
    e.preventDefault();
    void h.stop().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    hardenSession();
    await startServices();
    await refreshMenu();
    await createWindow(pendingFiles.splice(0));
  });
}

main();
