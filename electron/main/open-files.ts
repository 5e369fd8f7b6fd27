/**
 * Which command-line arguments are documents to open (`relais article.txt`, a double-clicked `.relais` file,
 * the argv a second instance forwards). Plain Node: nothing here imports Electron.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Extensions Relais opens: its projects and the article formats it imports. */
export const OPENABLE_EXTENSIONS = ['relais', 'txt', 'html', 'htm', 'md', 'docx'] as const;

export function isOpenableFile(file: string): boolean {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * The documents named in `argv` (as Electron gives it: the executable first, then in development the app's main
 * script). Flags (`--foo`, `-x`) and the app's own script are skipped; only existing files with an openable
 * extension are kept, resolved against `cwd`.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (/\.(c|m)?js$/i.test(arg)) continue;
    const file = path.resolve(cwd, arg);
    if (!isOpenableFile(file)) continue;
    try {
      if (existsSync(file) && statSync(file).isFile()) out.push(file);
    } catch {
      // unreadable: skipped, like a missing file
    }
  }
  return out;
}

/** `.relais` files are opened as projects; anything else is imported as an article. */
export function isProjectFile(file: string): boolean {
  return path.extname(file).toLowerCase() === '.relais';
}
