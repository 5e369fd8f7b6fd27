#!/usr/bin/env node
// Bundles the Electron shell with esbuild:
//   electron/main/main.ts              → dist-electron/main.cjs     (Electron main process, CommonJS: the shell)
//   electron/services/worker/worker.ts → dist-electron/worker.cjs   (the project worker thread: services, SQLite, QA)
//   electron/preload/preload.ts        → dist-electron/preload.cjs  (sandboxed preload: CommonJS, no Node built-ins)
// `electron` and `better-sqlite3` (native; rebuilt for Electron's ABI by electron-builder's install-app-deps)
// stay external; everything else, services and shared code included, is bundled.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_ELECTRON = path.join(root, 'dist-electron');

/** Electron 45 runs Node 22 and Chromium 140. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/** `outdir`: dist-electron/ unless another folder is given (the packaging test builds into a temp folder). */
export async function buildElectron({ production = process.env.NODE_ENV === 'production', quiet = false, outdir = DIST_ELECTRON } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    minify: production,
    logLevel: quiet ? 'warning' : 'info',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  const node = {
    ...common,
    platform: 'node',
    target: NODE_TARGET,
    external: ['electron', 'better-sqlite3'],
    // Code written as ESM may read import.meta.url; in the CommonJS bundle it is the bundle's own URL.
    banner: { js: "const __relais_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...common.define, 'import.meta.url': '__relais_import_meta_url' },
  };
  await Promise.all([
    build({ ...node, entryPoints: ['electron/main/main.ts'], outfile: path.join(outdir, 'main.cjs') }),
    build({ ...node, entryPoints: ['electron/services/worker/worker.ts'], outfile: path.join(outdir, 'worker.cjs') }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
    }),
  ]);
  return { main: path.join(outdir, 'main.cjs'), worker: path.join(outdir, 'worker.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
