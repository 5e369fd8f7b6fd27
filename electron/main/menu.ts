/**
 * The native application menu, as a template built from the translation files in the UI language.
 * Pure: it imports Electron's types only, so it is unit-tested under plain Node; main.ts turns the template into a
 * Menu and rebuilds it whenever the settings change (language, recent projects).
 *
 * Items that act on the document do not act themselves: they send a command id to the renderer, which runs the
 * same command as its own buttons and shortcuts (renderer/src/app command registry).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppSettings, UiLanguage } from '../../shared/model.ts';
import { DEFAULT_NAMESPACE, resources } from '../../shared/i18n/resources.ts';

/**
 * Command ids sent to the renderer: ids of its command registry (renderer/src/app/commands.ts, APP_COMMANDS),
 * checked by menu.test.ts. `inPage` marks the ones whose shortcut the renderer handles itself.
 */
export const MENU_COMMANDS = {
  open: 'project.open',
  openSample: 'project.openSample',
  updateSource: 'source.update',
  close: 'project.close',
  switchUser: 'user.switch',
  find: 'find.focus',
  findNext: 'find.next',
  findPrevious: 'find.previous',
  confirm: 'segment.confirm',
  next: 'segment.next',
  previous: 'segment.previous',
  copySource: 'segment.copySource',
  approve: 'segment.approve',
  reject: 'segment.reject',
  split: 'segment.split',
  merge: 'segment.merge',
  toggleTranslatable: 'block.toggleTranslatable',
  filter: 'filter.focus',
  palette: 'palette.open',
} as const;

/** Every command id the menu can send. */
export function allMenuCommandIds(): string[] {
  return Object.values(MENU_COMMANDS);
}

type Strings = Record<string, string>;

function menuStrings(lang: UiLanguage): { own: Strings; fallback: Strings } {
  const pick = (o: unknown): Strings => {
    const m = (o as { menu?: unknown }).menu;
    return m !== null && typeof m === 'object' ? (m as Strings) : {};
  };
  return { own: pick(resources[lang][DEFAULT_NAMESPACE]), fallback: pick(resources.en[DEFAULT_NAMESPACE]) };
}

/** `t('about', { app: 'Relais' })` → the `menu.about` string of `lang` with `{{app}}` filled; English, then the key, as fallbacks. */
export function menuTranslator(lang: UiLanguage): (key: string, vars?: Record<string, string>) => string {
  const { own, fallback } = menuStrings(lang);
  return (key, vars = {}) => {
    const raw = own[key] ?? fallback[key] ?? key;
    return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => vars[name] ?? m);
  };
}

/** Keys the menu uses in `menu` of both locale files. */
export const MENU_KEYS = [
  'file', 'open', 'openRecent', 'noRecent', 'openSample', 'updateSource', 'export', 'exportTxt', 'exportMd', 'exportHtml', 'exportDocx',
  'exportReview', 'exportReviewHtml', 'exportReviewDocx',
  'exportDone', 'exportFailed', 'exportNoProject', 'switchUser', 'close', 'quit',
  'edit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'find', 'findNext', 'findPrevious',
  'confirm', 'nextSegment', 'prevSegment', 'copySource', 'split', 'merge', 'toggleTranslatable', 'approve', 'reject',
  'view', 'language', 'filter', 'palette', 'zoomIn', 'zoomOut', 'resetZoom', 'fullscreen', 'reload', 'devtools',
  'window', 'minimize', 'zoomWindow', 'front',
  'help', 'about', 'aboutDetail', 'docs', 'services', 'hide', 'hideOthers', 'unhide', 'quitApp',
  'openFailed', 'ok', 'newWindow',
  'filterProjectsAndArticles', 'filterProjects', 'filterArticles', 'filterTxt', 'filterMd', 'filterHtml', 'filterDocx', 'filterWordLists',
  'exportReviewDone',
] as const;


/** Formats File ▸ Export writes (the exportArticle channel). */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const EXPORT_KEYS: Record<ExportFormat, string> = { txt: 'exportTxt', md: 'exportMd', html: 'exportHtml', docx: 'exportDocx' };

/** Formats File ▸ Export Review Document writes (the exportReview channel): the bilingual document with tracked changes and comments. */
export const REVIEW_EXPORT_FORMATS = ['html', 'docx'] as const;
export type ReviewExportFormat = (typeof REVIEW_EXPORT_FORMATS)[number];
const REVIEW_EXPORT_KEYS: Record<ReviewExportFormat, string> = { html: 'exportReviewHtml', docx: 'exportReviewDocx' };

export interface MenuActions {
  /** Sends a command to the renderer (`relais:event`, 'command', { id }). */
  command(id: string): void;
  /** Opens another window (another article side by side). */
  newWindow(): void;
  /** Asks where to save, then exports the open project's translation (main does it: a native save dialog). */
  exportArticle(format: ExportFormat): void;
  /** Asks where to save, then writes the bilingual review document of the open project. */
  exportReview(format: ReviewExportFormat): void;
  /** Opens a project from the recent list. */
  openRecent(path: string): void;
  /** Changes the UI language through the settings service and tells the renderer. */
  setLanguage(lang: UiLanguage): void;
  about(): void;
  openDocs(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: adds Reload and Toggle Developer Tools. */
  dev: boolean;
  settings: AppSettings;
  appName: string;
}

/** The language names are shown in their own language whatever the UI language is. */
const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', fr: 'Français' };

export function buildMenuTemplate(opts: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = menuTranslator(opts.settings.language);
  const mac = opts.platform === 'darwin';
  const app = { app: opts.appName };
  const cmd = (label: string, id: string, accelerator?: string, inPage = false): MenuItemConstructorOptions => {
    const item: MenuItemConstructorOptions = { label, click: () => actions.command(id) };
    if (accelerator) {
      item.accelerator = accelerator;
      // Shortcuts the renderer's registry handles itself are shown here but not registered with the system, so one
      // key press never runs a command twice: on Windows/Linux the page gets the key; on macOS the page gets it
      // first too and its preventDefault keeps the menu's key equivalent from firing.
      if (inPage) item.registerAccelerator = false;
    }
    return item;
  };

  const recent: MenuItemConstructorOptions[] = opts.settings.recent.length
    ? opts.settings.recent.map((r) => ({ label: r.name, sublabel: r.path, toolTip: r.path, click: () => actions.openRecent(r.path) }))
    : [{ label: t('noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      { label: t('newWindow'), accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      cmd(t('open'), MENU_COMMANDS.open, 'CmdOrCtrl+O', true),
      { label: t('openRecent'), submenu: recent },
      cmd(t('openSample'), MENU_COMMANDS.openSample),
      cmd(t('updateSource'), MENU_COMMANDS.updateSource),
      { type: 'separator' },
      {
        label: t('export'),
        submenu: EXPORT_FORMATS.map((f) => ({ label: t(EXPORT_KEYS[f]), click: () => actions.exportArticle(f) })),
      },
      {
        label: t('exportReview'),
        submenu: REVIEW_EXPORT_FORMATS.map((f) => ({ label: t(REVIEW_EXPORT_KEYS[f]), click: () => actions.exportReview(f) })),
      },
      { type: 'separator' },
      cmd(t('switchUser'), MENU_COMMANDS.switchUser),
      { type: 'separator' },
      cmd(t('close'), MENU_COMMANDS.close, 'CmdOrCtrl+W'),
      ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: t('quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
      { type: 'separator' },
      cmd(t('find'), MENU_COMMANDS.find, 'CmdOrCtrl+F', true),
      cmd(t('findNext'), MENU_COMMANDS.findNext, 'F3', true),
      cmd(t('findPrevious'), MENU_COMMANDS.findPrevious, 'Shift+F3', true),
      { type: 'separator' },
      cmd(t('confirm'), MENU_COMMANDS.confirm, 'CmdOrCtrl+Enter', true),
      cmd(t('nextSegment'), MENU_COMMANDS.next, 'Alt+Down', true),
      cmd(t('prevSegment'), MENU_COMMANDS.previous, 'Alt+Up', true),
      cmd(t('copySource'), MENU_COMMANDS.copySource, 'CmdOrCtrl+Shift+S', true),
      cmd(t('split'), MENU_COMMANDS.split, 'CmdOrCtrl+Shift+T', true),
      cmd(t('merge'), MENU_COMMANDS.merge, 'CmdOrCtrl+Shift+M', true),
      cmd(t('toggleTranslatable'), MENU_COMMANDS.toggleTranslatable),
      { type: 'separator' },
      cmd(t('approve'), MENU_COMMANDS.approve, 'CmdOrCtrl+Shift+A', true),
      cmd(t('reject'), MENU_COMMANDS.reject, 'CmdOrCtrl+Shift+R', true),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      {
        label: t('language'),
        submenu: (['en', 'fr'] as const).map((lang) => ({
          label: LANGUAGE_NAMES[lang],
          type: 'radio' as const,
          checked: opts.settings.language === lang,
          click: () => actions.setLanguage(lang),
        })),
      },
      cmd(t('filter'), MENU_COMMANDS.filter, 'CmdOrCtrl+Shift+F', true),
      cmd(t('palette'), MENU_COMMANDS.palette, 'CmdOrCtrl+Shift+P', true),
      { type: 'separator' },
      { label: t('resetZoom'), role: 'resetZoom' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { type: 'separator' },
      { label: t('fullscreen'), role: 'togglefullscreen' },
      ...(opts.dev
        ? [
            { type: 'separator' } as MenuItemConstructorOptions,
            { label: t('reload'), role: 'reload' } as MenuItemConstructorOptions,
            { label: t('devtools'), role: 'toggleDevTools' } as MenuItemConstructorOptions,
          ]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t('help'),
    role: 'help',
    submenu: [
      { label: t('docs'), click: () => actions.openDocs() },
      ...(mac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: t('about', app), click: () => actions.about() }]),
    ],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        { label: t('about', app), click: () => actions.about() },
        { type: 'separator' },
        { label: t('services'), role: 'services' },
        { type: 'separator' },
        { label: t('hide', app), role: 'hide' },
        { label: t('hideOthers'), role: 'hideOthers' },
        { label: t('unhide'), role: 'unhide' },
        { type: 'separator' },
        { label: t('quitApp', app), role: 'quit' },
      ],
    });
  }
  template.push(file, edit, view);
  if (mac) {
    template.push({
      label: t('window'),
      role: 'windowMenu',
      submenu: [
        { label: t('minimize'), role: 'minimize' },
        { label: t('zoomWindow'), role: 'zoom' },
        { type: 'separator' },
        { label: t('front'), role: 'front' },
      ],
    });
  }
  template.push(help);
  return template;
}
