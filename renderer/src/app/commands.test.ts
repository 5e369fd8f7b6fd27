import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n/resources.ts';
import { CommandRegistry, parseShortcut } from '../lib/commands.ts';
import { APP_COMMANDS } from './commands.ts';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
}

describe('the app commands', () => {
  it('build a valid registry: unique ids, parseable shortcuts', () => {
    expect(() => new CommandRegistry(APP_COMMANDS)).not.toThrow();
  });

  it('never give one key combination to two commands', () => {
    const seen = new Map<string, string>();
    for (const c of APP_COMMANDS) {
      for (const s of c.shortcut ?? []) {
        const p = parseShortcut(s);
        const norm = `${p.mod}|${p.shift}|${p.alt}|${p.key}`;
        expect(seen.get(norm), `${s} of ${c.id}`).toBeUndefined();
        seen.set(norm, c.id);
      }
    }
  });

  it('have a label in both languages', () => {
    for (const c of APP_COMMANDS) {
      expect(typeof lookup(resources.en.translation, c.labelKey), `${c.id} en`).toBe('string');
      expect(typeof lookup(resources.fr.translation, c.labelKey), `${c.id} fr`).toBe('string');
    }
  });

  it('keep the shortcuts the desk is used to', () => {
    const sc = (id: string) => APP_COMMANDS.find((c) => c.id === id)?.shortcut ?? [];
    expect(sc('segment.confirm')).toContain('Mod+Enter');
    expect(sc('segment.next')).toEqual(expect.arrayContaining(['Alt+ArrowDown', 'Mod+ArrowDown']));
    expect(sc('segment.previous')).toEqual(expect.arrayContaining(['Alt+ArrowUp', 'Mod+ArrowUp']));
    expect(sc('segment.copySource')).toEqual(expect.arrayContaining(['Mod+Shift+S', 'Mod+Insert']));
    expect(sc('segment.approve')).toContain('Mod+Shift+A');
    expect(sc('segment.reject')).toContain('Mod+Shift+R');
    expect(sc('find.focus')).toContain('Mod+F');
    expect(sc('segment.cancel')).toContain('Escape');
  });
});
