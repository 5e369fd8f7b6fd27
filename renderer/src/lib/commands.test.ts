import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry, formatShortcut, matchesShortcut, parseShortcut, type Command, type KeyLike } from './commands.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('parses modifiers and keys, with aliases', () => {
    expect(parseShortcut('Mod+Shift+S')).toEqual({ mod: true, shift: true, alt: false, key: 's' });
    expect(parseShortcut('Alt+Down')).toEqual({ mod: false, shift: false, alt: true, key: 'arrowdown' });
    expect(() => parseShortcut('Ctrl+Shift')).toThrow(/without a key/);
  });

  it('treats Ctrl and ⌘ alike and requires the exact modifiers', () => {
    expect(matchesShortcut(key('Enter', { ctrlKey: true }), 'Mod+Enter')).toBe(true);
    expect(matchesShortcut(key('Enter', { metaKey: true }), 'Mod+Enter')).toBe(true);
    expect(matchesShortcut(key('Enter'), 'Mod+Enter')).toBe(false);
    expect(matchesShortcut(key('Enter', { ctrlKey: true, shiftKey: true }), 'Mod+Enter')).toBe(false);
    expect(matchesShortcut(key('S', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+S')).toBe(true);
    expect(matchesShortcut(key('ArrowDown', { altKey: true }), 'Alt+ArrowDown')).toBe(true);
  });

  it('matches letters by physical key when Alt changes the character (Mac Option)', () => {
    expect(matchesShortcut({ ...key('ß', { altKey: true, metaKey: true }), code: 'KeyS' }, 'Mod+Alt+S')).toBe(true);
    expect(matchesShortcut({ ...key('ß', { altKey: true, metaKey: true }), code: 'KeyD' }, 'Mod+Alt+S')).toBe(false);
  });

  it('formats for each platform', () => {
    expect(formatShortcut('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatShortcut('Mod+Shift+S', true)).toBe('⇧⌘S');
    expect(formatShortcut('Alt+ArrowDown', false)).toBe('Alt+↓');
    expect(formatShortcut('Escape', false)).toBe('Esc');
    expect(formatShortcut('F3', false)).toBe('F3');
  });
});

describe('command registry', () => {
  type Ctx = { role: 'translator' | 'editor'; log: string[] };
  const commands: Command<Ctx>[] = [
    { id: 'confirm', labelKey: 'commands.confirm', shortcut: ['Mod+Enter'], perform: (c) => c.log.push('confirm') },
    { id: 'approve', labelKey: 'commands.approve', shortcut: ['Mod+Shift+A'], when: (c) => (c.role === 'editor' ? true : 'reasons.editorOnly'), perform: (c) => c.log.push('approve') },
    { id: 'next', labelKey: 'commands.next', shortcut: ['Alt+ArrowDown', 'Mod+ArrowDown'], perform: (c, arg) => c.log.push(`next:${String(arg ?? '')}`) },
  ];

  it('refuses duplicate ids and malformed shortcuts', () => {
    expect(() => new CommandRegistry([commands[0]!, commands[0]!])).toThrow(/Duplicate/);
    expect(() => new CommandRegistry([{ id: 'x', labelKey: 'x', shortcut: ['Shift+'], perform: () => undefined }])).toThrow();
  });

  it('finds the command of a key press, through any of its shortcuts', () => {
    const r = new CommandRegistry(commands);
    expect(r.forKey(key('Enter', { ctrlKey: true }))?.id).toBe('confirm');
    expect(r.forKey(key('ArrowDown', { altKey: true }))?.id).toBe('next');
    expect(r.forKey(key('ArrowDown', { ctrlKey: true }))?.id).toBe('next');
    expect(r.forKey(key('ArrowDown'))).toBeUndefined();
  });

  it('runs an available command with its argument and reports why an unavailable one did not run', async () => {
    const r = new CommandRegistry(commands);
    const ctx: Ctx = { role: 'translator', log: [] };
    const unavailable = vi.fn();
    expect(await r.run('next', ctx, 7)).toBe(true);
    expect(await r.run('approve', ctx, undefined, unavailable)).toBe(false);
    expect(unavailable).toHaveBeenCalledWith('reasons.editorOnly', expect.objectContaining({ id: 'approve' }));
    expect(r.availability('approve', ctx)).toBe('reasons.editorOnly');
    ctx.role = 'editor';
    expect(r.availability('approve', ctx)).toBe(true);
    expect(await r.run('approve', ctx)).toBe(true);
    expect(await r.run('nope', ctx)).toBe(false);
    expect(ctx.log).toEqual(['next:7', 'approve']);
  });
});
