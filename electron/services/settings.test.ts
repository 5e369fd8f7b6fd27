import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isId } from '../../shared/ids.ts';
import { MAX_RECENT, SettingsStore } from './settings.ts';

let dir: string;
let t = 0;
const now = () => new Date(Date.UTC(2026, 10, 25, 9, 0, 0) + t++ * 60_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function touch(name: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, 'x');
  return p;
}

describe('settings', () => {
  it('starts with defaults: no user, English UI, no recent projects', () => {
    expect(new SettingsStore(dir).get()).toEqual({ user: null, language: 'en', recent: [] });
    expect(fs.existsSync(path.join(dir, 'settings.json'))).toBe(false);
  });

  it('keeps the user and language across sessions', () => {
    const changes: string[] = [];
    const s = new SettingsStore(dir, { onChanged: (x) => changes.push(x.language) });
    s.setUser({ name: '  Ana Lopes ', role: 'translator' });
    s.setLanguage('fr');
    expect(changes).toEqual(['en', 'fr']);
    const again = new SettingsStore(dir).get();
    expect(again.user).toEqual({ id: s.get().user!.id, name: 'Ana Lopes', role: 'translator' });
    expect(again.language).toBe('fr');
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('gives each person an id once and keeps it: across restarts, role changes, and switching users back and forth', () => {
    const s = new SettingsStore(dir, { now });
    const ana = s.setUser({ name: 'Ana', role: 'translator' }).user!;
    expect(isId(ana.id)).toBe(true);
    expect(s.setUser({ name: 'Ana', role: 'editor' }).user!.id).toBe(ana.id);
    const eddie = s.setUser({ name: 'Eddie', role: 'editor' }).user!;
    expect(eddie.id).not.toBe(ana.id);
    expect(s.setUser({ name: ' ana ', role: 'translator' }).user!.id).toBe(ana.id);
    const again = new SettingsStore(dir);
    expect(again.get().user!.id).toBe(ana.id);
    expect(again.setUser({ name: 'Eddie', role: 'editor' }).user!.id).toBe(eddie.id);
  });

  it('a settings file from before user ids: the user gets an id on first read, written at once and kept', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, user: { name: 'Ana', role: 'translator' }, language: 'fr', recent: [] }));
    const first = new SettingsStore(dir).get();
    expect(first).toMatchObject({ user: { name: 'Ana', role: 'translator' }, language: 'fr' });
    expect(isId(first.user!.id)).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).user.id).toBe(first.user!.id);
    expect(new SettingsStore(dir).get().user!.id).toBe(first.user!.id);
  });

  it('recent projects: most recent first, no duplicates, at most 10, missing files pruned', () => {
    const s = new SettingsStore(dir, { now });
    const files = Array.from({ length: 12 }, (_, i) => touch(`p${i}.relais`));
    for (const f of files) s.addRecent(f, path.basename(f));
    s.addRecent(files[5]!, 'p5 again');
    const list = s.listRecent();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toMatchObject({ path: files[5], name: 'p5 again' });
    expect(list.map((r) => path.basename(r.path))).toEqual(['p5.relais', 'p11.relais', 'p10.relais', 'p9.relais', 'p8.relais', 'p7.relais', 'p6.relais', 'p4.relais', 'p3.relais', 'p2.relais']);
    fs.rmSync(files[11]!);
    fs.rmSync(files[2]!);
    expect(s.listRecent().map((r) => path.basename(r.path))).toEqual(['p5.relais', 'p10.relais', 'p9.relais', 'p8.relais', 'p7.relais', 'p6.relais', 'p4.relais', 'p3.relais']);
    expect(new SettingsStore(dir).get().recent).toHaveLength(8);
  });

  it.each([
    ['not JSON', '{ "user": '],
    ['wrong shape', '{ "user": { "name": "", "role": "boss" }, "language": "de" }'],
    ['binary junk', '\u0000\u0001\u0002'],
  ])('a corrupt settings file (%s) is moved aside and defaults are used', (_label, body) => {
    fs.writeFileSync(path.join(dir, 'settings.json'), body);
    const s = new SettingsStore(dir, { now });
    expect(s.get()).toEqual({ user: null, language: 'en', recent: [] });
    expect(s.movedAside).not.toBeNull();
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(body);
    s.setLanguage('fr');
    expect(new SettingsStore(dir).get().language).toBe('fr');
  });
});
