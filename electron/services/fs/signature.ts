import fs from 'node:fs';

/**
 * What changes when a file is rewritten, by this process or another (the CLI, a second window): inode, size and
 * modification time in nanoseconds; '' when it does not exist. Cheap enough to check before every read of a cached
 * settings file.
 */
export function fileSignature(file: string): string {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return '';
  }
}
