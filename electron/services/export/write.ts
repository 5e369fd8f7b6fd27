/**
 * Atomic file write for exports and other whole-file outputs: the data goes to a temporary file in the same folder,
 * is flushed to disk (fsync), then renamed over the target — a reader sees the old file or the new one, never half
 * of one. On any failure the temporary file is removed, the target is left untouched, and a RelaisError is thrown
 * with the target path.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RelaisError, type ErrorCode } from '../../../shared/errors.ts';

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  if (typeof target !== 'string' || target.trim() === '') throw new RelaisError('invalid.arguments', 'No file to write to.');
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new RelaisError('invalid.arguments', 'Nothing to write.', { file: target });
  const dest = path.resolve(target);
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.${path.basename(dest)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // Keep the permissions of the file being replaced.
    const st = await fsp.stat(dest).catch(() => null);
    const fh = await fsp.open(tmp, 'wx', st ? st.mode & 0o777 : 0o666);
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
    throw toRelaisError(e, dest);
  }
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

function toRelaisError(e: unknown, file: string): RelaisError {
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
