/**
 * Atomic file writes, the one implementation used by every service and the CLI: the data goes to a temporary file
 * in the same folder (created exclusively, keeping the permissions of the file being replaced), is flushed to disk
 * (fsync), then renamed over the target — a reader sees the old file or the new one, never half of one. The folder
 * is then fsynced where the platform allows it. On any failure the temporary file is removed, the target is left
 * untouched, and the error is mapped — by default to a RelaisError with the target path (see `toWriteError`).
 *
 * `writeFileAtomic` is the async variant, `writeFileAtomicSync` the sync one; both share the temp naming, argument
 * checks and error mapping below.
 */
import { randomBytes } from 'node:crypto';
import fs, { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RelaisError, type ErrorCode } from '../../../shared/errors.ts';

export interface AtomicWriteOptions {
  /**
   * Turns a file-system failure (an errno error, never a RelaisError) into the error thrown; `file` is the resolved
   * target. Defaults to `toWriteError`. Argument errors are always RelaisError('invalid.arguments').
   */
  mapError?: (e: unknown, file: string) => Error;
}

export async function writeFileAtomic(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const { dest, dir, tmp } = plan(target, data);
  let created = false;
  try {
    // Keep the permissions of the file being replaced.
    const st = await fsp.stat(dest).catch(() => null);
    const fh = await fsp.open(tmp, 'wx', modeOf(st));
    created = true;
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, dest);
    created = false;
    await syncDir(dir);
  } catch (e) {
    if (created) await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw (opts.mapError ?? toWriteError)(e, dest);
  }
}

export function writeFileAtomicSync(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const { dest, dir, tmp } = plan(target, data);
  let created = false;
  try {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(dest);
    } catch {
      st = null;
    }
    const fd = fs.openSync(tmp, 'wx', modeOf(st));
    created = true;
    try {
      if (typeof data === 'string') fs.writeFileSync(fd, data, 'utf8');
      else fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
    created = false;
    syncDirSync(dir);
  } catch (e) {
    if (created) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // The original failure is the one worth reporting.
      }
    }
    throw (opts.mapError ?? toWriteError)(e, dest);
  }
}

/** Checks the arguments and names the temporary file (hidden, next to the target, unique per process and call). */
function plan(target: string, data: unknown): { dest: string; dir: string; tmp: string } {
  if (typeof target !== 'string' || target.trim() === '') throw new RelaisError('invalid.arguments', 'No file to write to.');
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new RelaisError('invalid.arguments', 'Nothing to write.', { file: target });
  const dest = path.resolve(target);
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.${path.basename(dest)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  return { dest, dir, tmp };
}

function modeOf(st: fs.Stats | null): number {
  return st ? st.mode & 0o777 : 0o666;
}

/** Makes the rename durable where the platform allows fsync on a folder (not on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder: the data itself is already on disk.
  }
}

function syncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder: the data itself is already on disk.
  }
}

/** The default mapping: errno code → RelaisError code and an English message naming the target. */
export function toWriteError(e: unknown, file: string): RelaisError {
  if (e instanceof RelaisError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const map: Record<string, [ErrorCode, string]> = {
    ENOENT: ['file.notFound', 'The folder to write to does not exist'],
    ENOTDIR: ['file.notFound', 'The folder to write to does not exist'],
    EACCES: ['permission.denied', 'No permission to write this file'],
    EPERM: ['permission.denied', 'No permission to write this file'],
    EROFS: ['permission.denied', 'The disk is read-only'],
    ENOSPC: ['internal', 'The disk is full'],
    EISDIR: ['invalid.operation', 'Cannot write over a folder'],
    ENOTEMPTY: ['invalid.operation', 'Cannot write over a folder'],
  };
  const [c, msg] = (code && map[code]) || ['internal', 'Could not write the file'];
  return new RelaisError(c, `${msg}: ${file}`, { file, detail: e instanceof Error ? e.message : String(e) });
}
