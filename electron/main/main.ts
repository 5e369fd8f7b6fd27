/**
 * The Electron shell. Thin on purpose: every decision about projects, segments and settings is made by the
 * main-process services (electron/services), reached through the one handler table and dispatcher that the e2e
 * harness also uses. What lives here is what only Electron can do: the window and its security, the `app://`
 * protocol, the native menu, native dialogs, the single-instance lock and files handed over by the OS.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { MessageBoxOptions, OpenDialogOptions, WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Events, EventName } from '../../shared/ipc/bridge.ts';
import { CHANNELS, type AppState, type Channel } from '../../shared/ipc/contract.ts';
import { createDispatcher, type Envelope } from '../../shared/ipc/envelope.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { AppSettings, UiLanguage } from '../../shared/model.ts';
import type { ServiceContext } from '../services/context.ts';
import { createHandlers } from '../services/handlers.ts';
import { buildMenuTemplate, menuTranslator, type ExportFormat } from './menu.ts';
import { filesFromArgv, isProjectFile, OPENABLE_EXTENSIONS } from './open-files.ts';
import { serveRendererFile } from './renderer-files.ts';

const SCHEME = 'app';
const HOST = 'relais';
const ORIGIN = `${SCHEME}://${HOST}`;
const START_URL = `${ORIGIN}/index.html`;
/** The one channel main pushes events on; the preload turns it into `window.relais.on(event, …)`. */
const EVENT_CHANNEL = 'relais:event';

const dev = !app.isPackaged;

// Must happen before `ready`: app:// behaves like https (standard origin, secure context, fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

// Lets the e2e harness (and users who want a portable profile) choose the profile folder.
if (process.env.RELAIS_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.RELAIS_USER_DATA_DIR));

/** dist-electron/ in development, app.asar/dist-electron/ when packaged: everything else is found from there. */
const appRoot = path.resolve(__dirname, '..');
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const resourcesRoot = app.isPackaged ? process.resourcesPath : path.join(appRoot, 'resources');
const docsRoot = app.isPackaged ? path.join(process.resourcesPath, 'docs') : path.join(appRoot, 'docs');

let mainWindow: BrowserWindow | null = null;
/** Files handed over before the services were ready (command line, macOS open-file). */
const pendingFiles: string[] = [];
let servicesReady = false;
let dispatch: ReturnType<typeof createDispatcher> | null = null;
let disposeHandlers: (() => void) | null = null;

function projectsDir(): string {
  if (process.env.RELAIS_USER_DATA_DIR) return path.join(app.getPath('userData'), 'projects');
  try {
    return path.join(app.getPath('documents'), 'Relais');
  } catch {
    return path.join(app.getPath('userData'), 'projects');
  }
}

function send<E extends EventName>(event: E, payload: Events[E]): void {
  for (const w of BrowserWindow.getAllWindows()) {
    if (!w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, event, payload);
  }
}

async function call<T>(channel: Channel, ...args: unknown[]): Promise<Envelope<T>> {
  if (!dispatch) throw new Error('Services are not started');
  return (await dispatch(channel, args)) as Envelope<T>;
}

async function currentSettings(): Promise<AppSettings | null> {
  const env = await call<AppState>('getAppState');
  return env.ok ? env.value.settings : null;
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
      const settings = await currentSettings();
      if (!settings) return;
      const template = buildMenuTemplate(
        { platform: process.platform, dev, settings, appName: app.getName() },
        {
          command: (id) => {
            const w = BrowserWindow.getFocusedWindow() ?? mainWindow;
            if (w && !w.isDestroyed()) w.webContents.send(EVENT_CHANNEL, 'command', { id } satisfies Events['command']);
          },
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

/** Called by the services when settings change, whoever changed them (renderer or menu). */
function onSettingsChanged(): void {
  setImmediate(() => {
    void refreshMenu();
    void currentSettings().then((s) => {
      if (s) send('settingsChanged', s);
    });
  });
}

async function setLanguage(lang: UiLanguage): Promise<void> {
  const env = await call<AppSettings>('setLanguage', lang);
  if (env.ok) {
    send('settingsChanged', env.value);
    await refreshMenu();
  }
}

async function showAbout(): Promise<void> {
  const settings = await currentSettings();
  const t = menuTranslator(settings?.language ?? 'en');
  const opts = {
    type: 'info' as const,
    title: t('about', { app: app.getName() }),
    message: app.getName(),
    detail: t('aboutDetail', {
      version: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: [t('ok')],
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, opts);
  else await dialog.showMessageBox(opts);
}

// ——— Export (File ▸ Export Translation): a native save dialog, then the services' exportArticle ———

const EXPORT_FILTER_NAMES: Record<ExportFormat, string> = { txt: 'Text', md: 'Markdown', html: 'HTML', docx: 'Word' };

/**
 * File ▸ Export Translation and File ▸ Export Review Document: a native save dialog, then the services'
 * exportArticle / exportReview channel (which writes through a temp file and a rename).
 */
async function exportTo(channel: 'exportArticle' | 'exportReview', format: ExportFormat): Promise<void> {
  const st = await call<AppState>('getAppState');
  const t = menuTranslator(st.ok ? st.value.settings.language : 'en');
  const box = async (opts: MessageBoxOptions) => {
    if (mainWindow) await dialog.showMessageBox(mainWindow, opts);
    else await dialog.showMessageBox(opts);
  };
  const project = st.ok ? st.value.project : null;
  if (!project) {
    await box({ type: 'info', title: app.getName(), message: t('exportNoProject'), buttons: [t('ok')] });
    return;
  }
  const suffix = channel === 'exportReview' ? 'review' : project.info.targetLang || 'en';
  const defaultPath = path.join(path.dirname(project.info.path), `${project.info.name}.${suffix}.${format}`);
  const saveOpts = { defaultPath, filters: [{ name: EXPORT_FILTER_NAMES[format], extensions: [format] }] };
  const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, saveOpts) : await dialog.showSaveDialog(saveOpts);
  if (chosen.canceled || !chosen.filePath) return;
  const env = await call<{ file: string; warnings: Array<{ message: string }> }>(channel, format, chosen.filePath);
  if (env.ok) {
    const detail = env.value.warnings.map((w) => `• ${w.message}`).join('\n');
    await box({ type: 'info', title: app.getName(), message: t('exportDone', { file: path.basename(env.value.file) }), detail, buttons: [t('ok')] });
  } else {
    const detail = [env.error.message, env.error.detail].filter(Boolean).join('\n');
    await box({ type: 'error', title: app.getName(), message: t('exportFailed', { file: path.basename(chosen.filePath) }), detail, buttons: [t('ok')] });
  }
}

// ——— Opening documents handed over by the OS, the menu or a second instance ———

/**
 * Opens a project (.relais) or imports an article through the services. The renderer is then reloaded: on start
 * it asks `getAppState`, which returns the project now open, so it shows it with no special path.
 */
async function openDocument(file: string): Promise<void> {
  if (!servicesReady) {
    pendingFiles.push(file);
    return;
  }
  const env = await call(isProjectFile(file) ? 'openProject' : 'importFile', file);
  if (env.ok) {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
    return;
  }
  await showOpenError(file, env.error);
}

async function showOpenError(file: string, error: ErrorPayload): Promise<void> {
  const settings = await currentSettings();
  const t = menuTranslator(settings?.language ?? 'en');
  const detail = [error.message, error.detail].filter(Boolean).join('\n');
  const opts = { type: 'error' as const, title: app.getName(), message: t('openFailed', { file: path.basename(file) }), detail, buttons: [t('ok')] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, opts);
  else await dialog.showMessageBox(opts);
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

function startServices(): void {
  const settingsDir = app.getPath('userData');
  const projects = projectsDir();
  mkdirSync(settingsDir, { recursive: true });
  mkdirSync(projects, { recursive: true });
  const ctx: ServiceContext = {
    settingsDir,
    projectsDir: projects,
    samplePath: path.join(resourcesRoot, 'samples', 'cumberland-fr.txt'),
    deskGlossaryPath: path.join(resourcesRoot, 'glossary', 'desk-fr-en.tbx'),
    dialogs: {
      async showOpen() {
        const settings = await currentSettings();
        const fr = settings?.language === 'fr';
        const opts: OpenDialogOptions = {
          properties: ['openFile'],
          filters: [
            { name: fr ? 'Projets et articles' : 'Projects and articles', extensions: [...OPENABLE_EXTENSIONS] },
            { name: fr ? 'Projets Relais' : 'Relais projects', extensions: ['relais'] },
            { name: fr ? 'Articles' : 'Articles', extensions: ['txt', 'html', 'htm', 'md', 'docx'] },
          ],
        };
        const r = mainWindow ? await dialog.showOpenDialog(mainWindow, opts) : await dialog.showOpenDialog(opts);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
    },
    onSettingsChanged,
  };
  const handlers = createHandlers(ctx);
  disposeHandlers = () => handlers.dispose();
  dispatch = createDispatcher(handlers, (channel, e) => console.error(`[relais] ${channel} failed:`, e));

  // One generic registration: every channel of the contract, validated by the dispatcher.
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!fromOurPage(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'permission.denied', message: 'IPC from an unknown page' } } satisfies Envelope<never>;
      }
      return dispatch!(channel, args);
    });
  }
  servicesReady = true;
}

function createWindow(): BrowserWindow {
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
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_e, details) => console.error('[relais] renderer gone:', details.reason));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(START_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Relais is running: it receives our argv through 'second-instance' and opens the files.
    app.quit();
    return;
  }
  pendingFiles.push(...filesFromArgv(process.argv, process.cwd()));

  app.on('second-instance', (_e, argv, workingDirectory) => {
    focusMainWindow();
    for (const f of filesFromArgv(argv, workingDirectory)) void openDocument(f);
  });
  // macOS: a document double-clicked in Finder or dropped on the Dock icon (may come before 'ready').
  app.on('open-file', (e, file) => {
    e.preventDefault();
    void openDocument(file);
    focusMainWindow();
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (servicesReady && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    disposeHandlers?.();
    disposeHandlers = null;
  });

  void app.whenReady().then(async () => {
    hardenSession();
    startServices();
    // Files given at launch are opened before the window exists: the renderer's first getAppState finds the project.
    // The last one wins (one project at a time); earlier ones still go to the recent list.
    const failures: Array<[string, ErrorPayload]> = [];
    for (const f of pendingFiles.splice(0)) {
      const env = await call(isProjectFile(f) ? 'openProject' : 'importFile', f);
      if (!env.ok) failures.push([f, env.error]);
    }
    await refreshMenu();
    mainWindow = createWindow();
    if (failures.length) {
      mainWindow.webContents.once('did-finish-load', () => {
        void (async () => {
          for (const [f, err] of failures) await showOpenError(f, err);
        })();
      });
    }
  });
}

main();
