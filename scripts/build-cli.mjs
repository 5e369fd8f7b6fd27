#!/usr/bin/env node
// Bundles the `relais` command with esbuild: cli/relais.ts → dist-cli/relais.mjs (+ dist-cli/chunks/*.mjs).
//
// Run by `npm install` (the `prepare` script) and `npm run build:cli`; bin/relais.mjs runs the bundle, so the
// command starts as fast as Node does instead of compiling TypeScript at every run.
//
// - ES modules with code splitting: the modules a command loads with `await import(…)` (stores, importers, export
//   writers, and the libraries behind them: docx, mammoth, jszip…) become chunks loaded only by the commands that
//   need them, so `relais --help` loads ~80 KB instead of ~2 MB.
// - Native modules stay external (better-sqlite3 is loaded from node_modules, compiled for Node by `npm install`).
// - Not minified: stack traces of an internal error keep readable names; source maps sit beside the files.
// - dist-cli/build-info.json lists the source files that went into the bundle, so bin/relais.mjs can tell, in a
//   development checkout, when the bundle is older than the sources (see cliBundleState below).
// - The new bundle is written to a temporary folder and swapped in, so a command running meanwhile never sees half.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIST = path.join(root, 'dist-cli');
export const CLI_BUNDLE = path.join(CLI_DIST, 'relais.mjs');
const BUILD_INFO = path.join(CLI_DIST, 'build-info.json');

/** Node 20.19 is the oldest Node the CLI supports (package.json engines). */
const NODE_TARGET = 'node20.19';

/** Modules with native code: never bundled, loaded from node_modules at run time. */
export const NATIVE_EXTERNALS = ['better-sqlite3'];

/**
 * At the top of every output file: bundled CommonJS dependencies call `require` for Node built-ins, and an ES module
 * has none, so each file gets one; and the package root, found from the file's own place (dist-cli/ or
 * dist-cli/chunks/), for the source-relative URLs below.
 */
const BANNER = [
  "import { createRequire as __relaisCreateRequire } from 'node:module';",
  'const require = __relaisCreateRequire(import.meta.url);',
  "const __relaisRoot = new URL(/\\/chunks\\/[^/]*$/.test(import.meta.url) ? '../../' : '../', import.meta.url);",
].join(' ');

/**
 * Our sources find files next to themselves (`new URL('../package.json', import.meta.url)`, the bundled resources):
 * in a bundle, import.meta.url would be the bundle's URL. This gives each source file its own URL back, as if it ran
 * unbundled: `import.meta.url` becomes the URL of the .ts file in the package, `import.meta.dirname` its folder.
 */
function sourceRelativeImportMeta() {
  return {
    name: 'relais-source-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        const rel = path.relative(root, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(rel)}, __relaisRoot).href`;
        const contents = text
          .replaceAll('import.meta.url', `(${url})`)
          .replaceAll('import.meta.dirname', `__relaisFileURLToPath(new URL('.', ${url})).replace(/[\\\\/]$/, '')`)
          .replaceAll('import.meta.filename', `__relaisFileURLToPath(${url})`);
        return { contents: `import { fileURLToPath as __relaisFileURLToPath } from 'node:url';\n${contents}`, loader: 'ts' };
      });
    },
  };
}

/** Builds dist-cli/. Returns the bundle's path. Throws (with esbuild's messages printed) when the build fails. */
export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const tmp = path.join(root, `dist-cli.tmp-${process.pid}-${Date.now()}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    const r = await build({
      absWorkingDir: root,
      entryPoints: { relais: 'cli/relais.ts' },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: NODE_TARGET,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      external: NATIVE_EXTERNALS,
      banner: { js: BANNER },
      plugins: [sourceRelativeImportMeta()],
      sourcemap: 'linked',
      legalComments: 'none',
      metafile: true,
      logLevel: quiet ? 'error' : 'warning',
    });
    const inputs = Object.keys(r.metafile.inputs)
      .filter((f) => !f.includes('node_modules/') && !f.startsWith('<'))
      .sort();
    inputs.push(path.relative(root, fileURLToPath(import.meta.url)).split(path.sep).join('/'));
    writeFileSync(path.join(tmp, 'build-info.json'), JSON.stringify({ entry: 'relais.mjs', inputs }, null, 1) + '\n');
    const old = `${CLI_DIST}.old-${process.pid}-${Date.now()}`;
    if (existsSync(CLI_DIST)) renameSync(CLI_DIST, old);
    renameSync(tmp, CLI_DIST);
    rmSync(old, { recursive: true, force: true });
    if (!quiet) {
      const bytes = Object.entries(r.metafile.outputs).filter(([f]) => f.endsWith('.mjs'));
      const entry = bytes.find(([f]) => f.endsWith('/relais.mjs'))?.[1].bytes ?? 0;
      const total = bytes.reduce((n, [, o]) => n + o.bytes, 0);
      console.log(`relais CLI bundled: dist-cli/relais.mjs (${kb(entry)}) + ${bytes.length - 1} chunks (${kb(total - entry)}), from ${inputs.length} source files`);
    }
    return CLI_BUNDLE;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const kb = (n) => `${Math.round(n / 1024)} KB`;

/**
 * `missing` (no bundle), `stale` (a source file listed in build-info.json is newer than the bundle — only possible in a
 * development checkout, where the sources exist) or `ok`. Cheap: one JSON read and a `stat` per source file.
 */
export function cliBundleState() {
  let info;
  let builtAt;
  try {
    builtAt = statSync(BUILD_INFO).mtimeMs;
    info = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
    statSync(path.join(CLI_DIST, info.entry));
  } catch {
    return { state: 'missing' };
  }
  for (const f of info.inputs) {
    let st;
    try {
      st = statSync(path.join(root, f));
    } catch {
      continue; // an installed copy without the sources
    }
    if (st.mtimeMs > builtAt) return { state: 'stale', newer: f };
  }
  return { state: 'ok' };
}

/** Rebuilds only when the bundle is missing or older than its sources (the vitest global setup uses this). */
export async function ensureCli({ quiet = true } = {}) {
  if (cliBundleState().state !== 'ok') await buildCli({ quiet });
  return CLI_BUNDLE;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fromPrepare = process.env.npm_lifecycle_event === 'prepare';
  try {
    await import('esbuild');
  } catch {
    // `npm install --omit=dev` has no esbuild: say so, but do not fail the installation.
    console.error('relais: esbuild is not installed, so the CLI was not bundled (install the dev dependencies, then `npm run build:cli`).');
    process.exit(fromPrepare ? 0 : 1);
  }
  buildCli().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
