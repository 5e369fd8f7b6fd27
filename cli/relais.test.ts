/**
 * The `relais` CLI as a user runs it: `node bin/relais.mjs …` in a subprocess for the main paths, and main() in-process
 * (captured output) for the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../shared/ids.ts';
import { ProjectStore } from '../electron/services/store/project-store.ts';
import { COMMANDS } from './commands/index.ts';
import { ROOT, runInProcess, runSubprocess, SAMPLE } from './testing.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const relais = (...args: string[]) => runSubprocess(dir, args);

const run = (...args: string[]) => runInProcess(dir, args);

interface Listed {
  id: string;
  block: number;
  kind: string;
  translatable: boolean;
  source: string;
}

describe('relais (subprocess)', () => {
  it('--help lists every command and exits 0', () => {
    const r = relais('--help');
    expect(r.code).toBe(0);
    for (const c of ['import', 'segment', 'export', 'stats']) expect(r.stdout).toContain(`relais ${c} `);
    expect(r.stderr).toBe('');
  });

  it('segment --json on the sample: headings, chrome out of translation, typography intact', () => {
    const r = relais('segment', SAMPLE, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Listed[];
    expect(list.length).toBeGreaterThan(15);
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['block', 'id', 'kind', 'source', 'translatable']);
      expect(['title', 'heading', 'paragraph', 'chrome']).toContain(s.kind);
    }
    // Document order: block numbers never go down, ids count up.
    expect(list.map((s) => s.block)).toEqual([...list.map((s) => s.block)].sort((a, b) => a - b));
    expect(list.map((s) => s.id)).toEqual(list.map((_, i) => String(i + 1)));

    const kindOf = (text: string) => list.find((s) => s.source === text);
    expect(kindOf('Augmentation exponentielle des contenus pédocriminels')?.kind).toBe('heading');
    expect(kindOf('Réglementation commune')?.kind).toBe('heading');
    for (const chrome of ['Partager', 'Exit mobile version', 'Réutiliser ce contenu', 'Le Monde avec AFP']) {
      expect(kindOf(chrome), chrome).toMatchObject({ kind: 'chrome', translatable: false });
    }
    const lireAussi = list.find((s) => s.source.startsWith('Lire aussi :'));
    expect(lireAussi).toMatchObject({ kind: 'chrome', translatable: false });
    expect(list.some((s) => s.source.includes('Mme\u00a0De Bolle'))).toBe(true);
    expect(list.some((s) => s.source.includes('25\u00a0individus'))).toBe(true);
    expect(list.filter((s) => s.kind === 'paragraph').every((s) => s.translatable)).toBe(true);
  });

  it('a bad input file: exit 2, stderr names the file, nothing created', () => {
    const bad = path.join(dir, 'photo.txt');
    fs.writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]));
    const r = relais('import', 'photo.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^relais: .*photo\.txt: /);
    expect(r.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['photo.txt']);
    const s = relais('segment', 'missing.md', '--json');
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('missing.md');
  });

  it('an unknown command: usage on stderr, exit 2', () => {
    const r = relais('translate', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "translate"');
    expect(r.stderr).toContain('Usage:');
    expect(r.stdout).toBe('');
  });
});

describe('relais (in-process)', () => {
  it('--version, help <command>, <command> --help', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await run('--version')).stdout).toBe(`relais ${pkg.version}\n`);
    for (const c of COMMANDS) {
      const h = await run('help', c.name);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`Usage: relais ${c.synopsis}`);
      expect((await run(c.name, '--help')).stdout).toBe(h.stdout);
    }
    expect((await run('help', 'nope')).code).toBe(2);
    expect((await run('-h')).code).toBe(0);
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage:');
  });

  it('bad options and arguments are usage errors (exit 2)', async () => {
    const r = await run('segment', SAMPLE, '--jsn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('relais segment:');
    expect(r.stderr).toContain('Usage: relais segment FILE');
    expect((await run('segment')).stderr).toContain('missing FILE');
    expect((await run('stats', 'a.relais', 'b.relais')).stderr).toContain('unexpected argument: b.relais');
  });

  it('segment --json reads Markdown and HTML too', async () => {
    fs.writeFileSync(
      path.join(dir, 'a.md'),
      '# Europol démantèle un réseau\n\nAu moins 25\u00a0individus ont été arrêtés. L’enquête continue.\n\n## Réglementation commune\n\nLes Etats membres discutent.\n',
    );
    fs.writeFileSync(
      path.join(dir, 'a.html'),
      '<!doctype html><html><body><article><h1>Europol démantèle un réseau</h1><p>Au moins 25&nbsp;individus ont été arrêtés. L’enquête continue.</p>' +
        '<h2>Réglementation commune</h2><p>Les Etats membres discutent.</p></article></body></html>',
    );
    for (const f of ['a.md', 'a.html']) {
      const r = await run('segment', f, '--json');
      expect(r.code, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout) as Listed[];
      const content = list.filter((x) => x.translatable);
      expect(content.map((x) => [x.kind, x.source])).toEqual([
        ['title', 'Europol démantèle un réseau'],
        ['paragraph', 'Au moins 25\u00a0individus ont été arrêtés.'],
        ['paragraph', 'L’enquête continue.'],
        ['heading', 'Réglementation commune'],
        ['paragraph', 'Les Etats membres discutent.'],
      ]);
      expect(content[1]!.block).toBe(content[2]!.block);
    }
  });

  it('segment without --json prints a readable listing', async () => {
    const r = await run('segment', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/chrome \(not translated\)\s+Partager/);
    expect(r.stdout).toMatch(/heading\s+Réglementation commune/);
    expect(r.stdout).toMatch(/\d+ segments, \d+ to translate, \d+ out of translation\.\n$/);
  });

  it('import creates the project next to the article (then " (2)"), -o picks the path, never overwrites', async () => {
    fs.copyFileSync(SAMPLE, path.join(dir, 'europol.txt'));
    const a = await run('import', 'europol.txt');
    expect(a.code).toBe(0);
    expect(a.stdout.split('\n')[0]).toBe(path.join(dir, 'europol.relais'));
    expect(a.stdout).toMatch(/Imported europol\.txt \(txt\): \d+ blocks \(\d+ out of translation\), \d+ segments to translate, \d+ words\./);
    expect((await run('import', 'europol.txt')).stdout.split('\n')[0]).toBe(path.join(dir, 'europol (2).relais'));
    const o = await run('import', 'europol.txt', '-o', 'desk.relais');
    expect(o.stdout.split('\n')[0]).toBe(path.join(dir, 'desk.relais'));
    const again = await run('import', 'europol.txt', '-o', 'desk.relais');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`relais: ${path.join(dir, 'desk.relais')}: A file with this name already exists\n`);
  });

  it('stats reads a project, as text or JSON; a non-project is refused by name', async () => {
    await run('import', SAMPLE, '-o', 'p.relais');
    const j = await run('stats', 'p.relais', '--json');
    expect(j.code).toBe(0);
    const s = JSON.parse(j.stdout) as { name: string; progress: number; segments: { total: number; byStatus: Record<string, number> }; words: { total: number }; chromeBlocks: number };
    expect(s.name).toBe('p');
    expect(s.progress).toBe(0);
    expect(s.segments.byStatus.new).toBe(s.segments.total);
    expect(s.chromeBlocks).toBeGreaterThan(5);
    expect(s.words.total).toBeGreaterThan(400);
    const t = await run('stats', 'p.relais');
    expect(t.stdout).toContain('Progress: 0.0% of words translated or approved');
    fs.writeFileSync(path.join(dir, 'notes.relais'), 'hello');
    const bad = await run('stats', 'notes.relais');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^relais: .*notes\.relais: Not a Relais project/);
    expect(fs.readFileSync(path.join(dir, 'notes.relais'), 'utf8')).toBe('hello');
  });

  it('export writes the article; untranslated segments fall back to the source with one warning each', async () => {
    await run('import', SAMPLE, '-o', 'p.relais');
    const store = ProjectStore.open(path.join(dir, 'p.relais'));
    const todo = store.segments().filter((s) => s.translatable);
    const ana = { id: newId(), name: 'Ana', role: 'translator' } as const;
    store.commitSegment({ segmentId: todo[0]!.id, target: 'It is one of the first international operations of its kind.', status: 'translated', origin: 'typed' }, ana);
    store.commitSegment({ segmentId: todo[1]!.id, target: 'At least 25\u00a0people were arrested.', status: 'translated', origin: 'typed' }, ana);
    store.close();

    const r = await run('export', 'p.relais', '--format', 'txt', '-o', 'out.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(dir, 'out.txt')}\n`);
    const text = fs.readFileSync(path.join(dir, 'out.txt'), 'utf8');
    expect(text.startsWith('It is one of the first international operations of its kind. At least 25\u00a0people were arrested.')).toBe(true);
    expect(text).toContain('Mme\u00a0De Bolle'); // untranslated: the French source is used
    expect(text).not.toContain('Exit mobile version'); // chrome is not part of the article
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('relais: warning: '));
    expect(warnings).toHaveLength(todo.length - 2);
    expect(r.stderr).toContain(`relais: ${todo.length - 2} warnings (${todo.length - 2} untranslated)`);

    // Format from the extension; every format; nothing but the outputs left in the folder.
    for (const ext of ['md', 'html', 'docx']) {
      const e = await run('export', 'p.relais', '-o', `out.${ext}`);
      expect(e.code, e.stderr).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'out.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fs.readFileSync(path.join(dir, 'out.html'), 'utf8')).toContain('At least 25');
    expect(fs.readdirSync(dir).sort()).toEqual(['out.docx', 'out.html', 'out.md', 'out.txt', 'p.relais']);
  });

  it('export refuses bad requests without writing anything', async () => {
    await run('import', SAMPLE, '-o', 'p.relais');
    expect((await run('export', 'p.relais', '-o', 'out.pdf')).code).toBe(2);
    expect((await run('export', 'p.relais', '--format', 'odt', '-o', 'out.txt')).stderr).toContain('unknown format "odt"');
    expect((await run('export', 'p.relais')).stderr).toContain('missing -o FILE');
    const self = await run('export', 'p.relais', '--format', 'txt', '-o', 'p.relais');
    expect(self.code).toBe(2);
    fs.writeFileSync(path.join(dir, 'fake.relais'), 'not a project');
    const fake = await run('export', 'fake.relais', '-o', 'out.txt');
    expect(fake.code).toBe(2);
    expect(fake.stderr).toContain('fake.relais');
    expect(fs.readdirSync(dir).sort()).toEqual(['fake.relais', 'p.relais']);
  });
});
