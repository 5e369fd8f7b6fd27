/**
 * Runs once before the specs: builds the renderer (vite build → dist/renderer) and the Electron bundles
 * (dist-electron/: the project worker the harness runs, and main for the Electron project) when they are missing or
 * older than their sources. The harness itself builds nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { electronProjectEnabled, ELECTRON_MAIN, REPO_ROOT, RENDERER_DIST, WORKER_BUNDLE } from './harness/paths.ts';

/** Newest modification time under the given files/folders (node_modules and dot folders skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) {
        if (e === 'node_modules' || e.startsWith('.')) continue;
        walk(path.join(p, e));
      }
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(path.join(REPO_ROOT, p));
  return newest;
}

function run(what: string, args: string[]): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  console.log(`[e2e] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export default function globalSetup(): void {
  const index = path.join(RENDERER_DIST, 'index.html');
  const sources = newestMtime(['renderer', 'shared', 'vite.config.ts', 'package-lock.json']);
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (process.env.RELAIS_E2E_SKIP_BUILD === '1') {
    console.log('[e2e] RELAIS_E2E_SKIP_BUILD=1: dist/renderer used as it is');
  } else if (process.env.RELAIS_E2E_REBUILD === '1' || built < sources) {
    run('vite build', [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  }
  // The harness runs the bundled project worker (as the app does); the Electron project needs main's bundle too.
  const bundles = electronProjectEnabled() ? [WORKER_BUNDLE, ELECTRON_MAIN] : [WORKER_BUNDLE];
  const electronBuilt = Math.min(...bundles.map((b) => (existsSync(b) ? statSync(b).mtimeMs : 0)));
  const electronSources = newestMtime(['electron', 'shared', 'scripts', 'package-lock.json']);
  if (process.env.RELAIS_E2E_REBUILD === '1' || electronBuilt < electronSources) run('Electron bundles', [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')]);
}
