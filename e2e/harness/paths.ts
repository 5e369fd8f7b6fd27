/** Paths the e2e harness uses, and the browser / Electron binaries it can drive. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');
export const ELECTRON_MAIN = path.join(REPO_ROOT, 'dist-electron', 'main.cjs');
/** The project worker as the app ships it (scripts/build-electron.mjs); the harness runs this bundle too. */
export const WORKER_BUNDLE = path.join(REPO_ROOT, 'dist-electron', 'worker.cjs');
export const SAMPLE_PATH = path.join(REPO_ROOT, 'resources', 'samples', 'cumberland-fr.txt');
export const DESK_GLOSSARY_PATH = path.join(REPO_ROOT, 'resources', 'glossary', 'desk-fr-en.tbx');
/** Screenshots kept after the run (git-ignored). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e', 'artifacts');

/** The Debian Chromium, when installed (.ci/run installs it); otherwise Playwright's own browser is used. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function systemChromium(): string | undefined {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/**
 * Path of the Electron executable when it is installed and runs, else null. Reads the electron package's
 * path.txt instead of `require('electron')`, which would try to download the binary.
 */
export function electronExecutable(): string | null {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [REPO_ROOT] }));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(exe)) return null;
  const r = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return r.status === 0 ? exe : null;
}

/** The Electron project runs when asked for (RELAIS_E2E_ELECTRON=1) and a working binary is there. */
export function electronProjectEnabled(): boolean {
  return process.env.RELAIS_E2E_ELECTRON === '1' && electronExecutable() !== null;
}
