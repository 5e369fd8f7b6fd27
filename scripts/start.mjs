#!/usr/bin/env node
// `npm start`: builds the renderer (vite build) and the Electron bundles, then launches Electron on the app.
// Where the Electron binary is missing and cannot be downloaded, it says so and explains how to run the app's
// end-to-end harness instead (same services, same UI, in Chromium) — no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Path of the Electron executable if it is installed, without triggering the electron package's own download. */
export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { dir: null, exe: null };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return { dir: pkgDir, exe: existsSync(exe) ? exe : null };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { dir: pkgDir, exe: null };
  const exe = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return { dir: pkgDir, exe: existsSync(exe) ? exe : null };
}

function fail(lines) {
  console.error(['', ...lines, ''].join('\n'));
  process.exit(1);
}

function ensureElectron() {
  let { dir, exe } = electronBinary();
  if (exe) return exe;
  if (!dir) {
    fail(['Relais: the `electron` package is not installed. Run `npm install` first.']);
  }
  console.log('Relais: the Electron binary is not installed; trying to download it…');
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
  ({ exe } = electronBinary());
  if (exe) return exe;
  const why = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => /error|failed|ENOTFOUND|EAI_AGAIN|ECONN/i.test(l));
  fail([
    'Relais cannot start: the Electron binary could not be downloaded',
    `(${why ?? 'no network access to the Electron release server'}).`,
    '',
    'The application logic and the user interface can still be run without Electron, through the',
    'end-to-end harness, which drives the same services and the same UI in Chromium:',
    '',
    '    npm run test:e2e                 # all the Playwright specs (headless Chromium)',
    '    npx playwright test --headed     # the same, with a visible browser window',
    '',
    'To install Electron later: `npx install-electron` (needs network access), then `npm start` again.',
  ]);
  return null;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail([`Relais: \`${[path.basename(cmd), ...args].join(' ')}\` failed (exit ${r.status ?? r.signal}).`]);
}

const exe = ensureElectron();
run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
await buildElectron({ quiet: true });

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(exe, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
