import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources.ts';
import type { AppSettings } from '../../shared/model.ts';
import { APP_COMMANDS } from '../../renderer/src/app/commands.ts';
import { allMenuCommandIds, buildMenuTemplate, MENU_KEYS, menuTranslator, type MenuActions } from './menu.ts';

const settings = (over: Partial<AppSettings> = {}): AppSettings => ({
  user: { id: '0195a0c0-0000-7000-8000-0000000000c1', name: 'Claire', role: 'translator' },
  language: 'en',
  recent: [
    { path: '/home/claire/Relais/cumberland-fr.relais', name: 'cumberland-fr', openedAt: '2026-11-25T10:00:00.000Z' },
    { path: '/home/claire/Relais/brief.relais', name: 'brief', openedAt: '2026-11-24T10:00:00.000Z' },
  ],
  ...over,
});

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (id) => calls.push(`command:${id}`),
    newWindow: () => calls.push('newWindow'),
    openRecent: (p) => calls.push(`recent:${p}`),
    exportArticle: (f) => calls.push(`export:${f}`),
    exportReview: (f) => calls.push(`review:${f}`),
    setLanguage: (l) => calls.push(`language:${l}`),
    about: () => calls.push('about'),
    openDocs: () => calls.push('docs'),
  };
  return { calls, actions };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const i of list) {
      out.push(i);
      if (Array.isArray(i.submenu)) walk(i.submenu);
    }
  };
  walk(template);
  return out;
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const hit = items(template).find((i) => i.label === label);
  if (!hit) throw new Error(`No menu item "${label}"`);
  return hit;
}

const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();

describe('native menu', () => {
  it('has every string in English and in French, with French typography', () => {
    for (const lang of ['en', 'fr'] as const) {
      const menu = (resources[lang].translation as unknown as { menu: Record<string, string> }).menu;
      expect(Object.keys(menu).sort()).toEqual([...MENU_KEYS].sort());
      for (const v of Object.values(menu)) expect(v.trim()).not.toBe('');
    }
    const fr = (resources.fr.translation as unknown as { menu: Record<string, string> }).menu;
    for (const v of Object.values(fr)) {
      expect(v).not.toMatch(/'/);
      expect(v).not.toMatch(/ [:;?!]/);
      expect(v).not.toMatch(/\.\.\./);
    }
  });

  it('only sends command ids the renderer registers', () => {
    const registered = new Set(APP_COMMANDS.map((c) => c.id));
    expect(allMenuCommandIds().filter((id) => !registered.has(id))).toEqual([]);
  });

  it('shows each command with a shortcut of the renderer, and registers none the renderer already handles', () => {
    const byId = new Map(APP_COMMANDS.map((c) => [c.id, c]));
    const toRenderer = (acc: string) =>
      acc.replace('CmdOrCtrl', 'Mod').replace(/\b(Up|Down|Left|Right)$/, 'Arrow$1');
    const rendererKeys = new Set(APP_COMMANDS.flatMap((c) => c.shortcut ?? []));
    let checked = 0;
    for (const item of items(buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, {
      command: () => undefined, newWindow: () => undefined, exportArticle: () => undefined, exportReview: () => undefined, openRecent: () => undefined, setLanguage: () => undefined, about: () => undefined, openDocs: () => undefined,
    }))) {
      if (!item.accelerator || item.role) continue;
      const sent: string[] = [];
      const rebuilt = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, {
        command: (id) => sent.push(id), newWindow: () => undefined, exportArticle: () => undefined, exportReview: () => undefined, openRecent: () => undefined, setLanguage: () => undefined, about: () => undefined, openDocs: () => undefined,
      });
      click(find(rebuilt, item.label!));
      const id = sent[0]!;
      const acc = toRenderer(String(item.accelerator));
      if (item.registerAccelerator === false) {
        expect(byId.get(id)?.shortcut ?? [], `${item.label} (${id})`).toContain(acc);
      } else {
        expect(rendererKeys.has(acc), `${item.label}: ${acc} is also a renderer shortcut`).toBe(false);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('is built in the UI language and fills in the app name', () => {
    const { actions } = recorder();
    const fr = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings({ language: 'fr' }), appName: 'Relais' }, actions);
    expect(fr.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(find(fr, 'À propos de Relais')).toBeTruthy();
    const en = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, actions);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(menuTranslator('fr')('openFailed', { file: 'a.docx' })).toBe('Impossible d’ouvrir a.docx');
  });

  it('sends document commands to the renderer and shows the shortcuts the renderer handles', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, actions);
    const confirm = find(t, 'Confirm Segment');
    expect(confirm.accelerator).toBe('CmdOrCtrl+Enter');
    expect(confirm.registerAccelerator).toBe(false);
    click(confirm);
    click(find(t, 'Find…'));
    click(find(t, 'Open…'));
    click(find(t, 'Open Sample Article'));
    click(find(t, 'Approve Segment'));
    expect(find(t, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(t, 'Find…').accelerator).toBe('CmdOrCtrl+F');
    expect(calls).toEqual(['command:segment.confirm', 'command:find.focus', 'command:project.open', 'command:project.openSample', 'command:segment.approve']);
    expect(find(t, 'Undo').role).toBe('undo');
    expect(find(t, 'Select All').role).toBe('selectAll');
    expect(find(t, 'Quit').role).toBe('quit');
  });

  it('exports the translation in the four formats', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings({ language: 'fr' }), appName: 'Relais' }, actions);
    const items_ = find(t, 'Exporter la traduction').submenu as MenuItemConstructorOptions[];
    expect(items_.map((i) => i.label)).toEqual(['Texte brut (.txt)…', 'Markdown (.md)…', 'Page web (.html)…', 'Document Word (.docx)…']);
    for (const i of items_) click(i);
    expect(calls).toEqual(['export:txt', 'export:md', 'export:html', 'export:docx']);
  });

  it('exports the bilingual review document in HTML and Word', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, actions);
    const items_ = find(t, 'Export Review Document').submenu as MenuItemConstructorOptions[];
    expect(items_).toHaveLength(2);
    for (const i of items_) click(i);
    expect(calls).toEqual(['review:html', 'review:docx']);
  });

  it('opens another window for another article', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings({ language: 'fr' }), appName: 'Relais' }, actions);
    const item = find(t, 'Nouvelle fenêtre');
    expect(item.accelerator).toBe('CmdOrCtrl+Shift+N');
    click(item);
    expect(calls).toEqual(['newWindow']);
  });

  it('names the dialogs’ file types in the UI language', () => {
    expect(menuTranslator('fr')('filterProjectsAndArticles')).toBe('Projets et articles');
    expect(menuTranslator('en')('filterProjects')).toBe('Relais projects');
  });

  it('lists recent projects, opens them, and says so when there are none', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings(), appName: 'Relais' }, actions);
    const recent = find(t, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['cumberland-fr', 'brief']);
    click(recent[1]!);
    expect(calls).toEqual(['recent:/home/claire/Relais/brief.relais']);

    const none = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings({ recent: [] }), appName: 'Relais' }, actions);
    expect(find(none, 'Open Recent').submenu).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });

  it('offers the UI languages as radio items, the current one checked', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'linux', dev: false, settings: settings({ language: 'fr' }), appName: 'Relais' }, actions);
    const langs = find(t, 'Langue').submenu as MenuItemConstructorOptions[];
    expect(langs.map((l) => [l.label, l.type, l.checked])).toEqual([
      ['English', 'radio', false],
      ['Français', 'radio', true],
    ]);
    click(langs[0]!);
    expect(calls).toEqual(['language:en']);
  });

  it('has Reload and developer tools in development builds only', () => {
    const { actions } = recorder();
    const roles = (dev: boolean) => items(buildMenuTemplate({ platform: 'linux', dev, settings: settings(), appName: 'Relais' }, actions)).map((i) => i.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('on macOS, starts with the app menu (About, Hide, Quit) and adds the Window menu', () => {
    const { calls, actions } = recorder();
    const t = buildMenuTemplate({ platform: 'darwin', dev: false, settings: settings(), appName: 'Relais' }, actions);
    expect(t.map((m) => m.label)).toEqual(['Relais', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = t[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((i) => i.role ?? i.label)).toEqual(['About Relais', undefined, 'services', undefined, 'hide', 'hideOthers', 'unhide', undefined, 'quit']);
    expect(items([t[1]!]).some((i) => i.role === 'quit')).toBe(false);
    click(appMenu[0]!);
    expect(calls).toEqual(['about']);
  });
});
