#!/usr/bin/env node
// Bundles the Electron shell with esbuild:
//   electron/main/main.ts       → dist-electron/main.cjs     (Node/Electron main process, CommonJS)
//   electron/preload/preload.ts → dist-electron/preload.cjs  (sandboxed preload: CommonJS, no Node built-ins)
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

/** The channel names of shared/ipc/contract.ts, read by running the contract (bundled on the fly). */
async function contractChannels() {
  const r = await build({
    absWorkingDir: root,
    entryPoints: ['shared/ipc/contract.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  if (!Array.isArray(mod.CHANNELS) || mod.CHANNELS.length === 0) throw new Error('shared/ipc/contract.ts exports no CHANNELS');
  return mod.CHANNELS;
}

/**
 * The preload only needs the channel names, not the zod schemas: this plugin replaces the contract module by its
 * channel list in the preload bundle (a few hundred bytes instead of zod).
 */
function channelListOnly(channels) {
  return {
    name: 'relais-channel-list',
    setup(b) {
      b.onLoad({ filter: /[\\/]shared[\\/]ipc[\\/]contract\.ts$/ }, () => ({
        contents: `export const CHANNELS = Object.freeze(${JSON.stringify(channels)});`,
        loader: 'js',
      }));
    },
  };
}

/** `outdir`: dist-electron/ unless another folder is given (the packaging test builds into a temp folder). */
export async function buildElectron({ production = process.env.NODE_ENV === 'production', quiet = false, outdir = DIST_ELECTRON } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const channels = await contractChannels();
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
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: path.join(outdir, 'main.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      external: ['electron', 'better-sqlite3'],
      // Code written as ESM may read import.meta.url; in the CommonJS bundle it is the bundle's own URL.
      banner: { js: "const __relais_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      define: { ...common.define, 'import.meta.url': '__relais_import_meta_url' },
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
      plugins: [channelListOnly(channels)],
    }),
  ]);
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
