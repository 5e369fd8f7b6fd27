/**
 * Shared by the CLI tests: `relais` run as a user runs it (`node bin/relais.mjs …` in a subprocess) and main()
 * in-process with its output captured. Test-only; the CLI itself never imports this.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from './relais.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'relais.mjs');
export const SAMPLE = path.join(ROOT, 'resources', 'samples', 'cumberland-fr.txt');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let profile: string | null = null;

/**
 * The app profile the CLI under test sees: an empty folder of this test process, so that a Relais installed on the
 * machine running the tests (its desk glossary) never changes their results. Pass RELAIS_USER_DATA_DIR to use another.
 */
export function testProfile(): string {
  profile ??= fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-profile-'));
  return profile;
}

function testEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, RELAIS_USER_DATA_DIR: testProfile(), ...env };
  if (!env || !('RELAIS_DESK_GLOSSARY' in env)) delete e.RELAIS_DESK_GLOSSARY;
  return e;
}

/** `node bin/relais.mjs ARGS` in `cwd` (60 s at most); `env` is added to this process's environment. */
export function runSubprocess(cwd: string, args: string[], env?: NodeJS.ProcessEnv): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: testEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** main(ARGS) in this process with `cwd` as the working folder, stdout and stderr captured; `env` as for runSubprocess. */
export async function runInProcess(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd, env: testEnv(env) });
  return { code, stdout, stderr };
}
