/**
 * The packaged app, read the way electron-builder reads it: electron-builder.yml through electron-builder's own
 * configuration loader and schema, its fuse settings turned into a fuse wire by electron-builder's own code and flipped
 * with @electron/fuses, and its `files` patterns applied with electron-builder's own file matchers.
 *
 * The Electron binary cannot be downloaded here, so the fuses are flipped in a stand-in file that carries Electron's
 * fuse sentinel and an unset wire of eight fuses (test double for the binary only); everything else is the real code.
 */
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { DICTIONARY_PACKAGES } from '../services/spelling/dictionaries.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface FileStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
type Filter = (file: string, stat: FileStat) => boolean;
interface Matcher {
  createFilter(): Filter;
}
interface Config {
  electronFuses?: Record<string, boolean>;
  files?: unknown;
  directories?: { buildResources?: string };
}

// The package's entry first: its modules require each other in a cycle that only resolves from there.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: Record<string, boolean>): Promise<Record<string, unknown>> } };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const { getMainFileMatchers, getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(appDir: string, dest: string, expand: (s: string) => string, platformOptions: object, packager: object, outDir: string, electronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, dest: string, expand: (s: string) => string, platformOptions: object, packagerInfo: object): Matcher;
};
const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number | string>;
  flipFuses(file: string, config: Record<string, unknown>): Promise<number>;
  getCurrentFuseWire(file: string): Promise<Record<string, number | string>>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const INHERIT = 144;
const DISABLE = '0'.charCodeAt(0);
const ENABLE = '1'.charCodeAt(0);

let dir: string;
let config: Config;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-packaging-'));
  config = await getConfig(ROOT, 'electron-builder.yml', null);
  await validateConfiguration(config, { isEnabled: false, add() {} });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Electron fuses of the packaged app', () => {
  const EXPECTED: Record<string, boolean> = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    LoadBrowserProcessSpecificV8Snapshot: false,
    GrantFileProtocolExtraPrivileges: false,
  };

  it('are all set, each to its secure value, in the binary electron-builder writes', async () => {
    const fake = path.join(dir, 'relais');
    const wireLength = Object.keys(EXPECTED).length;
    fs.writeFileSync(fake, Buffer.concat([Buffer.from('\x7fELF…'), Buffer.from(SENTINEL), Buffer.from([1, wireLength]), Buffer.alloc(wireLength, INHERIT), Buffer.from('…')]));
    expect(config.electronFuses, 'electron-builder.yml has no electronFuses').toBeDefined();
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses!);
    await fuses.flipFuses(fake, fuseConfig);
    const wire = await fuses.getCurrentFuseWire(fake);
    const got: Record<string, string> = {};
    for (let i = 0; i < wireLength; i++) {
      const name = String(fuses.FuseV1Options[i]);
      const state = wire[i];
      got[name] = state === ENABLE ? 'on' : state === DISABLE ? 'off' : `unset (${String(state)})`;
    }
    expect(got).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v ? 'on' : 'off'])));
    // Every fuse @electron/fuses knows of is decided (a new one in an Electron upgrade must be decided too).
    const known = Object.keys(fuses.FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(known.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('what electron-builder packs', () => {
  /** The files of `root` (a tree laid out like the project) that electron-builder would put in app.asar. */
  function packedAppFiles(root: string): string[] {
    const info = { projectDir: root, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
    const [main] = getMainFileMatchers(root, '/app', (s) => s, {}, { info, config }, path.join(root, 'release'), false);
    const filter = main!.createFilter();
    const out: string[] = [];
    const walk = (d: string) => {
      for (const name of fs.readdirSync(d).sort()) {
        const f = path.join(d, name);
        const st = fs.statSync(f);
        if (!filter(f, st)) continue;
        if (st.isDirectory()) walk(f);
        else out.push(path.relative(root, f).split(path.sep).join('/'));
      }
    };
    walk(root);
    return out;
  }

  it('the renderer build, the dist-electron bundles and package.json — no sources, maps, CLI or tests', () => {
    const root = path.join(dir, 'project');
    const files = [
      'package.json',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/assets/index-abc.js.map',
      'dist/renderer/assets/index-abc.css',
      'dist-electron/main.cjs',
      'dist-electron/main.cjs.map',
      'dist-electron/preload.cjs',
      'dist-electron/worker.cjs',
      'dist-cli/relais.mjs',
      'bin/relais.mjs',
      'cli/relais.ts',
      'electron/main/main.ts',
      'shared/model.ts',
      'renderer/index.html',
      'bench/index.ts',
      'docs/security.md',
      'scripts/build-cli.mjs',
      'resources/samples/cumberland-fr.txt',
      'e2e/specs/a.spec.ts',
      'README.md',
      'tsconfig.json',
      'release/Relais-0.1.0.AppImage',
    ];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '');
    }
    expect(packedAppFiles(root)).toEqual([
      'dist/renderer/assets/index-abc.css',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/index.html',
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist-electron/worker.cjs',
      'package.json',
    ]);
  });

  /** Names of the packages installed in node_modules (scoped ones as @scope/name). */
  function installedPackages(): string[] {
    const nm = path.join(ROOT, 'node_modules');
    return fs.readdirSync(nm).flatMap((n) => (n.startsWith('.') ? [] : n.startsWith('@') ? fs.readdirSync(path.join(nm, n)).map((s) => `${n}/${s}`) : [n]));
  }

  it('of node_modules, only the native module the bundles require, its loader, and the spelling dictionaries', () => {
    const info = { projectDir: ROOT, config, debugLogger: { isEnabled: false } };
    const filter = getNodeModuleFileMatcher(ROOT, '/app', (s) => s, {}, info).createFilter();
    const file: FileStat = { isDirectory: () => false };
    const packs = (rel: string) => filter(path.join(ROOT, rel), { ...file, moduleFullFilePath: rel });
    const kept = installedPackages().filter((p) => packs(`node_modules/${p}/package.json`) || packs(`node_modules/${p}/index.js`));
    expect(kept.sort()).toEqual(['better-sqlite3', 'bindings', 'dictionary-en', 'dictionary-en-gb', 'file-uri-to-path']);
    // The files the worker reads (electron/services/spelling/dictionaries.ts), for every variant.
    for (const pkg of Object.values(DICTIONARY_PACKAGES)) {
      for (const f of ['package.json', 'index.js', 'index.aff', 'index.dic']) expect(packs(`node_modules/${pkg}/${f}`), `${pkg}/${f}`).toBe(true);
    }
    expect(packs('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(packs('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    // A dependency nested under better-sqlite3 that is only used to install it.
    expect(packs('node_modules/better-sqlite3/node_modules/prebuild-install/index.js')).toBe(false);
  });

  it('holds every module the Electron bundles (main, preload, project worker) require from node_modules', async () => {
    const out = path.join(dir, 'dist-electron');
    const built = await buildElectron({ quiet: true, outdir: out });
    // The bundles are main, its preload and the project worker main starts (its path is in main's bundle).
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.cjs')).sort()).toEqual(['main.cjs', 'preload.cjs', 'worker.cjs']);
    expect(path.basename(built.worker)).toBe('worker.cjs');
    expect(fs.readFileSync(built.main, 'utf8')).toContain('"worker.cjs"');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = new Set<string>();
    for (const f of fs.readdirSync(out).filter((n) => n.endsWith('.cjs'))) {
      const code = fs.readFileSync(path.join(out, f), 'utf8');
      for (const m of code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!builtins.has(m[1]!) && !builtins.has(name)) required.add(name);
      }
    }
    // `electron` is the runtime itself; everything else must be packed.
    expect([...required].filter((m) => m !== 'electron').sort()).toEqual(['better-sqlite3']);
  });
});
