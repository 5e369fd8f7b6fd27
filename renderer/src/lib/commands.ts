/**
 * The command registry (Excalidraw's actions): every user action is one small object with an id, a label key,
 * optional shortcuts, an availability check and `perform`. Buttons, menus, the palette, the keyboard and main's
 * native menu all run commands through here, so a shortcut, a tooltip and a disabled reason never disagree.
 */

/** `true` when the command can run, otherwise the i18n key of the reason why not. */
export type Availability = true | string;

export interface Command<C> {
  id: string;
  labelKey: string;
  /** Shortcuts such as "Mod+Enter", "Alt+ArrowDown", "Mod+Shift+S", "Escape", "F3". Mod is Ctrl, or ⌘ on a Mac. */
  shortcut?: readonly string[];
  when?: (ctx: C) => Availability;
  perform: (ctx: C, arg?: unknown) => unknown;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface ParsedShortcut {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const KEY_ALIASES: Record<string, string> = { esc: 'escape', up: 'arrowup', down: 'arrowdown', left: 'arrowleft', right: 'arrowright', ins: 'insert', return: 'enter' };

export function parseShortcut(s: string): ParsedShortcut {
  const parts = s.split('+').map((p) => p.trim()).filter((p) => p !== '');
  const out: ParsedShortcut = { mod: false, shift: false, alt: false, key: '' };
  for (const raw of parts) {
    const p = raw.toLowerCase();
    if (p === 'mod' || p === 'ctrl' || p === 'cmd' || p === 'meta') out.mod = true;
    else if (p === 'shift') out.shift = true;
    else if (p === 'alt' || p === 'option') out.alt = true;
    else out.key = KEY_ALIASES[p] ?? p;
  }
  if (out.key === '') throw new Error(`Shortcut without a key: ${s}`);
  return out;
}

/** Ctrl and ⌘ both count as Mod, so the same shortcuts work on every platform. */
export function matchesShortcut(e: KeyLike, shortcut: string): boolean {
  const p = parseShortcut(shortcut);
  if (p.mod !== (e.ctrlKey || e.metaKey)) return false;
  if (p.shift !== e.shiftKey) return false;
  if (p.alt !== e.altKey) return false;
  const key = e.key.toLowerCase();
  if (key === p.key) return true;
  // Letters and digits by physical key too: Alt or Shift may change e.key (e.g. Option+S on a Mac gives "ß").
  if (p.key.length === 1 && e.code !== undefined) {
    if (/[a-z]/.test(p.key) && e.code === `Key${p.key.toUpperCase()}`) return true;
    if (/[0-9]/.test(p.key) && e.code === `Digit${p.key}`) return true;
  }
  return false;
}

const KEY_NAMES: Record<string, string> = {
  arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→', enter: 'Enter', escape: 'Esc', insert: 'Ins', delete: 'Del', ' ': 'Space',
};

export function formatShortcut(shortcut: string, mac: boolean): string {
  const p = parseShortcut(shortcut);
  const key = KEY_NAMES[p.key] ?? (p.key.length === 1 ? p.key.toUpperCase() : p.key.charAt(0).toUpperCase() + p.key.slice(1));
  if (mac) return `${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${p.mod ? '⌘' : ''}${key}`;
  return [p.mod ? 'Ctrl' : '', p.shift ? 'Shift' : '', p.alt ? 'Alt' : '', key].filter(Boolean).join('+');
}

export function isMacPlatform(nav: { platform?: string; userAgent?: string } | undefined): boolean {
  if (!nav) return false;
  return /mac|iphone|ipad/i.test(nav.platform ?? '') || /Mac OS X/.test(nav.userAgent ?? '');
}

export class CommandRegistry<C> {
  private readonly byId = new Map<string, Command<C>>();

  constructor(commands: readonly Command<C>[]) {
    for (const c of commands) {
      if (this.byId.has(c.id)) throw new Error(`Duplicate command id: ${c.id}`);
      for (const s of c.shortcut ?? []) parseShortcut(s);
      this.byId.set(c.id, c);
    }
  }

  all(): Command<C>[] {
    return [...this.byId.values()];
  }

  get(id: string): Command<C> | undefined {
    return this.byId.get(id);
  }

  availability(id: string, ctx: C): Availability {
    const c = this.byId.get(id);
    if (!c) return 'unknown';
    return c.when ? c.when(ctx) : true;
  }

  /** The command a key press triggers, if any (first registered wins). */
  forKey(e: KeyLike): Command<C> | undefined {
    for (const c of this.byId.values()) {
      if ((c.shortcut ?? []).some((s) => matchesShortcut(e, s))) return c;
    }
    return undefined;
  }

  /**
   * Runs a command by id. Resolves to `true` when it ran; when it is unavailable, `onUnavailable` gets the reason
   * key and nothing runs. Unknown ids resolve to `false`.
   */
  async run(id: string, ctx: C, arg?: unknown, onUnavailable?: (reasonKey: string, cmd: Command<C>) => void): Promise<boolean> {
    const c = this.byId.get(id);
    if (!c) return false;
    const a = c.when ? c.when(ctx) : true;
    if (a !== true) {
      onUnavailable?.(a, c);
      return false;
    }
    await c.perform(ctx, arg);
    return true;
  }
}
