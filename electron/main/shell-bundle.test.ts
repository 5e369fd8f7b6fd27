/**
 * The built shell (dist-electron/main.cjs and worker.cjs, as `npm start` and electron-builder ship them) loads and
 * wires itself up. The Electron binary cannot run here, so the bundle is loaded by plain Node with a recording
 * stand-in for the `electron` module (test double only): this checks what can break in the bundle itself — main
 * loads as CommonJS without SQLite or zod, starts the bundled project worker (services, zod, native better-sqlite3),
 * every contract channel gets an IPC handler that forwards the calling window's session to the real services, IPC
 * from another page is refused, two windows have their own projects, a menu export goes through a save dialog run in
 * main and a token, the window's security options, the app:// protocol and the menu.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const FAKE_ELECTRON = String.raw`
const Module = require('node:module');
const path = require('node:path');
const rec = { privileged: null, handles: {}, windows: [], menus: [], protocolHandler: null, permissionAnswer: null, quit: false, loaded: [], saveDialogs: [] };
const listeners = {};
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const userData = process.env.FAKE_USER_DATA;
let nextContentsId = 1;
class WebContents {
  constructor() { this.id = nextContentsId++; this.sent = []; this.handlers = {}; this.openHandler = null; }
  on(ev, fn) { this.handlers[ev] = fn; }
  once(ev, fn) { this.handlers[ev] = fn; }
  send(...a) { this.sent.push(a); }
  reload() {}
  setWindowOpenHandler(fn) { this.openHandler = fn; }
}
class BrowserWindow {
  constructor(opts) { this.opts = opts; this.webContents = new WebContents(); this.url = null; rec.windows.push(this); listeners['web-contents-created']?.({}, this.webContents); }
  once() {} on(ev, fn) { if (ev === 'closed') this.onClosed = fn; }
  loadURL(u) { this.url = u; return Promise.resolve(); }
  isDestroyed() { return false; } isMinimized() { return false; } focus() {} restore() {} show() {}
  static getAllWindows() { return rec.windows; }
  static getFocusedWindow() { return rec.windows[0] ?? null; }
}
const electron = {
  app: {
    isPackaged: false,
    setPath() {}, getPath: (n) => (n === 'documents' ? path.join(userData, 'Documents') : userData),
    getName: () => 'Relais', getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true, quit: () => { rec.quit = true; },
    on: (ev, fn) => { listeners[ev] = fn; },
    whenReady: () => ready,
  },
  protocol: { registerSchemesAsPrivileged: (s) => { rec.privileged = s; } },
  session: { defaultSession: {
    setPermissionRequestHandler: (fn) => fn(null, 'media', (ok) => { rec.permissionAnswer = ok; }),
    setPermissionCheckHandler() {},
    webRequest: { onBeforeRequest: (filter, fn) => { rec.blocked = filter.urls; } },
    protocol: { handle: (scheme, fn) => { rec.protocolHandler = fn; rec.scheme = scheme; } },
  } },
  ipcMain: { handle: (ch, fn) => { rec.handles[ch] = fn; } },
  BrowserWindow,
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => rec.menus.push(m) },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async (_w, opts) => { rec.saveDialogs.push(opts); return { canceled: false, filePath: path.join(userData, 'exported.md') }; },
    showMessageBox: async (_w, opts) => { rec.lastBox = (opts ?? _w).message; return { response: 0 }; },
  },
  shell: { openPath: async () => '' },
};
const load = Module._load;
Module._load = function (request, ...rest) { rec.loaded.push(request); return request === 'electron' ? electron : load.call(this, request, ...rest); };
require(process.env.MAIN_BUNDLE);
(async () => {
  readyResolve();
  for (let i = 0; i < 800 && rec.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  const ours = { senderFrame: { url: 'app://relais/index.html' }, sender: rec.windows[0].webContents };
  const theirs = { senderFrame: { url: 'https://evil.example/' }, sender: rec.windows[0].webContents };
  const state = await rec.handles.getAppState(ours);
  const lang = await rec.handles.setLanguage(ours, 'fr');
  const badArgs = await rec.handles.setLanguage(ours, 'de');
  const foreign = await rec.handles.getAppState(theirs);
  await new Promise((r) => setTimeout(r, 100));
  // A second window (File ▸ New Window): its own session, no project while the first has the sample open.
  const fileMenu = rec.menus.at(-1)[0].submenu;
  fileMenu[0].click();
  for (let i = 0; i < 200 && rec.windows.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
  const second = { senderFrame: { url: 'app://relais/index.html' }, sender: rec.windows[1].webContents };
  await rec.handles.setUser(ours, { name: 'Ana', role: 'translator' });
  const opened = await rec.handles.openSample(ours);
  const otherWindow = await rec.handles.getAppState(second);
  // File ▸ Export Translation ▸ Markdown: a save dialog run by main, then the export by token, in the first window.
  const exportItem = fileMenu.find((i) => i.submenu && i.submenu.length === 4).submenu[1];
  exportItem.click();
  for (let i = 0; i < 400 && !rec.lastBox; i++) await new Promise((r) => setTimeout(r, 25));
  const exported = require('node:fs').existsSync(path.join(userData, 'exported.md'));
  const serve = async (u) => { const r = await rec.protocolHandler({ url: u, method: 'GET' }); return { status: r.status, csp: r.headers.get('content-security-policy') }; };
  const w = rec.windows[0];
  const nav = { prevented: false, preventDefault() { this.prevented = true; } };
  w.webContents.handlers['will-navigate']?.(nav, 'https://example.com/');
  const menuLabels = (m) => m.map((i) => i.label);
  console.log('RESULT ' + JSON.stringify({
    privileged: rec.privileged,
    channels: Object.keys(rec.handles).sort(),
    state, lang, badArgs, foreign,
    opened: opened.ok ? opened.value.info.name : opened,
    otherWindow: otherWindow.ok ? otherWindow.value.project : otherWindow,
    exported, saveDialogs: rec.saveDialogs.map((o) => path.basename(o.defaultPath)), lastBox: rec.lastBox,
    loadedInMain: rec.loaded.filter((r) => /better-sqlite3|zod/.test(r)),
    workerBundle: rec.loaded.includes('node:worker_threads') || rec.loaded.includes('worker_threads'),
    webPreferences: { ...w.opts.webPreferences, preload: path.basename(w.opts.webPreferences.preload) },
    url: w.url,
    scheme: rec.scheme,
    traversal: await serve('app://relais/assets%2f..%2f..%2fpackage.json'),
    otherHost: (await rec.protocolHandler({ url: 'app://elsewhere/index.html', method: 'GET' })).status,
    permission: rec.permissionAnswer,
    blocked: rec.blocked,
    navigationPrevented: nav.prevented,
    windowOpen: w.webContents.openHandler?.({ url: 'https://example.com' }),
    menus: rec.menus.map(menuLabels),
    settingsPushed: w.webContents.sent.filter((s) => s[1] === 'settingsChanged').map((s) => s[2].language),
  }));
  listeners['will-quit']?.({ preventDefault() {} });
  setTimeout(() => process.exit(0), 500);
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the bundled Electron shell', () => {
  let dir: string;
  let result: Record<string, unknown>;

  beforeAll(() => {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dir = mkdtempSync(path.join(os.tmpdir(), 'relais-shell-'));
    const runner = path.join(dir, 'run.cjs');
    writeFileSync(runner, FAKE_ELECTRON);
    const r = spawnSync(process.execPath, [runner], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, FAKE_USER_DATA: dir, MAIN_BUNDLE: path.join(root, 'dist-electron', 'main.cjs') },
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`The bundle did not start:\n${r.stdout}\n${r.stderr}`);
    result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers app:// as a standard, secure scheme and serves only the renderer from it', () => {
    expect(result.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(result.scheme).toBe('app');
    expect(result.url).toBe('app://relais/index.html');
    expect(result.traversal).toMatchObject({ status: 403, csp: expect.stringContaining("default-src 'self'") });
    expect(result.otherHost).toBe(403);
  });

  it('registers one IPC handler per channel, running the real services, and refuses other pages', () => {
    expect(result.channels).toEqual([...CHANNEL_NAMES].sort());
    expect(result.state).toMatchObject({ ok: true, value: { settings: { user: null, language: 'en' } } });
    expect(result.lang).toMatchObject({ ok: true, value: { language: 'fr' } });
    expect(result.badArgs).toMatchObject({ ok: false, error: { code: 'invalid.arguments' } });
    expect(result.foreign).toMatchObject({ ok: false, error: { code: 'permission.denied' } });
  });

  it('runs the services in the bundled worker: main loads neither SQLite nor zod, each window has its own project', () => {
    expect(result.loadedInMain).toEqual([]);
    expect(result.workerBundle).toBe(true);
    expect(result.opened).toBe('cumberland-fr');
    expect(result.otherWindow).toBeNull();
  });

  it('exports from the menu through a save dialog run in main and the token it gives', () => {
    expect(result.saveDialogs).toEqual(['cumberland-fr.en.md']);
    expect(result.exported).toBe(true);
    expect(result.lastBox).toBe('Traduction exportée dans exported.md');
  });

  it('opens a sandboxed, isolated window that cannot navigate, open windows or get permissions', () => {
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: 'preload.cjs' });
    expect(result.navigationPrevented).toBe(true);
    expect(result.windowOpen).toEqual({ action: 'deny' });
    expect(result.permission).toBe(false);
    expect(result.blocked).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
  });

  it('builds the menu in English, rebuilds it in French when the language changes, and tells the renderer', () => {
    const menus = result.menus as string[][];
    expect(menus[0]).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menus.at(-1)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(result.settingsPushed).toContain('fr');
  });
});
