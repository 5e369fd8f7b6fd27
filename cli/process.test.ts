/**
 * The `relais` process itself: bin/relais.mjs runs the bundle (dist-cli/, built by the vitest global setup) and says
 * what to do when it is missing or stale; output into a pipe closed early; size limits printed with the real size.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../scripts/build-cli.mjs';
import { BIN, ROOT, runSubprocess } from './testing.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-process-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;

function sparseFile(name: string, size: number): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, size);
  fs.closeSync(fd);
  return file;
}

/** A long article: 3,000 paragraphs of three sentences (about 9,000 segments, far more output than a pipe holds). */
function longArticle(): string {
  const file = path.join(dir, 'long.txt');
  const paras = Array.from({ length: 3000 }, (_, i) => `Le paragraphe ${i} commence ici. Il continue avec une deuxième phrase assez longue pour remplir la ligne. Puis il se termine.`);
  fs.writeFileSync(file, paras.join('\n\n') + '\n');
  return file;
}

describe('bin/relais.mjs', () => {
  it('runs the bundle, whose entry does not load the importers, stores or exporters', () => {
    const r = runSubprocess(dir, ['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // no "running the TypeScript sources" note: the bundle ran
    const entry = fs.readFileSync(CLI_BUNDLE, 'utf8');
    expect(entry.length).toBeLessThan(300_000);
    for (const lib of ['node_modules/docx/', 'node_modules/mammoth/', 'node_modules/jszip/', 'node_modules/htmlparser2/']) expect(entry).not.toContain(lib);
    const chunks = fs.readdirSync(path.join(path.dirname(CLI_BUNDLE), 'chunks')).filter((f) => f.endsWith('.mjs'));
    const all = chunks.map((f) => fs.readFileSync(path.join(path.dirname(CLI_BUNDLE), 'chunks', f), 'utf8')).join('\n');
    expect(all).toMatch(/from "better-sqlite3"|require\("better-sqlite3"\)/); // native: loaded from node_modules
    expect(all).not.toContain('node_modules/better-sqlite3/lib/');
  });

  /** A copy of the package layout (bin/, scripts/, dist-cli/) in a temp folder, to make the bundle missing or stale. */
  function layout(opts: { tsx: boolean }): string {
    const root = path.join(dir, 'pkg');
    fs.mkdirSync(path.join(root, 'scripts'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'scripts', 'build-cli.mjs'), path.join(root, 'scripts', 'build-cli.mjs'));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.cpSync(path.dirname(CLI_BUNDLE), path.join(root, 'dist-cli'), { recursive: true });
    if (opts.tsx) {
      for (const d of ['cli', 'shared', 'electron', 'node_modules']) fs.symlinkSync(path.join(ROOT, d), path.join(root, d), 'dir');
    }
    return root;
  }

  it('runs the TypeScript sources with a note when the bundle is older than a source and tsx is installed', () => {
    const root = layout({ tsx: true });
    const info = path.join(root, 'dist-cli', 'build-info.json');
    const newer = path.join(root, 'edited.ts');
    fs.writeFileSync(newer, '');
    const data = JSON.parse(fs.readFileSync(info, 'utf8')) as { inputs: string[] };
    fs.writeFileSync(info, JSON.stringify({ ...data, inputs: [...data.inputs, 'edited.ts'] }));
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(newer, later, later);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'relais.mjs'), '--version'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^relais \d+\.\d+\.\d+/);
    expect(r.stderr).toBe('relais: note: the CLI bundle is older than edited.ts, so the TypeScript sources are run instead (slower); `npm run build:cli` (or `npm install`) rebuilds it.\n');
  });

  it('says how to build when the bundle is missing and tsx is not installed (exit 1)', () => {
    const root = layout({ tsx: false });
    fs.rmSync(path.join(root, 'dist-cli'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'relais.mjs'), '--help'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('relais: the CLI bundle (dist-cli/) is missing; build it with `npm run build:cli` (or `npm install`).\n');
  });
});

describe('output into a pipe closed early (relais … | head -1)', () => {
  /** `relais ARGS | head -1` in bash with pipefail: relais's own exit status and stderr, head's output. */
  function headOne(args: string[]) {
    const errFile = path.join(dir, 'stderr.txt');
    const quoted = [BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = `set -o pipefail; '${process.execPath}' ${quoted} 2>'${errFile}' | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const status = Number(/status=(\d+)/.exec(r.stderr)?.[1]);
    return { status, firstLine: r.stdout, stderr: fs.readFileSync(errFile, 'utf8') };
  }

  it('exits 0 without a word when the reader stops after one line (many small writes)', () => {
    const file = longArticle();
    const r = headOne(['segment', file]);
    expect(r.firstLine).toMatch(/^\s*1\s+¶0\s+paragraph\s+Le paragraphe 0 commence ici\.\n$/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 0 without a word when the reader stops during one large write (--json)', () => {
    const file = longArticle();
    const r = headOne(['segment', file, '--json']);
    expect(r.firstLine).toBe('[\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('still finishes a write command whose output nobody reads', () => {
    const file = longArticle();
    const r = headOne(['import', file, '-o', 'long.relais']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.existsSync(path.join(dir, 'long.relais'))).toBe(true);
    const stats = runSubprocess(dir, ['stats', 'long.relais', '--json']);
    expect(stats.code).toBe(0);
    expect((JSON.parse(stats.stdout) as { segments: { total: number } }).segments.total).toBe(9000);
  });
});

describe('size limits name the real size', () => {
  it('a glossary or XLIFF file a little over 50 MB', () => {
    const over = sparseFile('big.xlf', 50 * MB + 400 * 1024);
    const r = runSubprocess(dir, ['qa', over, '--no-desk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`relais: ${over}: File too large (50.4 MB); the limit is 50 MB\n`);
    // 52,430,000 bytes ("52.4 MB" for a file manager counting in thousands) rounds to the limit: exact bytes.
    const edge = sparseFile('edge.xlf', 52_430_000);
    const e = runSubprocess(dir, ['qa', edge, '--no-desk']);
    expect(e.stderr).toBe(`relais: ${edge}: File too large (52,430,000 bytes); the limit is 52,428,800 bytes (50 MB)\n`);
  });

  it('an article over the import limit', () => {
    const big = sparseFile('big.txt', 20 * MB + 1);
    const r = runSubprocess(dir, ['segment', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“big.txt” is too large to import (20,971,521 bytes; the limit is 20,971,520 bytes (20 MB)).');
  });
});
