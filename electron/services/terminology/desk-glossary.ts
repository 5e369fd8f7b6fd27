/**
 * The desk glossary: one TBX v3 file in the settings folder (`desk-glossary.tbx`), shared by every project opened on
 * this machine. On first use it is seeded with a copy of the glossary shipped with Relais
 * (resources/glossary/desk-fr-en.tbx). Edits rewrite the file atomically (temp file + fsync + rename), so a crash
 * leaves either the old or the new glossary, never half of one.
 *
 * Reading is cached on the file's identity (inode, size, mtime in ns): another window or process that rewrites the
 * file is picked up on the next read. Writes from this process are serialised; two processes writing at the same
 * moment: the last rename wins (no merge), which is acceptable for a desk-level reference list edited by editors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Glossary } from '../../../shared/glossary/model.ts';
import { exportTbx, importGlossaryFile } from '../glossary/index.ts';
import { writeFileAtomicSync } from '../fs/atomic.ts';
import { fileSignature } from '../fs/signature.ts';
import { normalizeEntry } from '../store/glossary-store.ts';

export const DESK_GLOSSARY_FILE = 'desk-glossary.tbx';
const DEFAULT_NAME = 'Desk glossary';

export interface DeskGlossaryOptions {
  /** Folder of the desk glossary file (the app's settings folder). */
  settingsDir?: string;
  /** The desk glossary file itself (default: `desk-glossary.tbx` in settingsDir). */
  file?: string;
  /** The shipped glossary copied on first use. */
  seedPath: string;
  /**
   * False: a missing desk file is not created; the shipped glossary is read in its place (what the app would seed it
   * with). For readers that must not write in the app's folder, such as the CLI. Default true.
   */
  copySeed?: boolean;
}

export class DeskGlossary {
  readonly file: string;
  private readonly seedPath: string;
  private readonly copySeed: boolean;
  private cache: { sig: string; glossary: Glossary } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: DeskGlossaryOptions) {
    if (opts.file === undefined && opts.settingsDir === undefined) throw new Error('DeskGlossary needs a settings folder or a file');
    this.file = opts.file ?? path.join(opts.settingsDir!, DESK_GLOSSARY_FILE);
    this.seedPath = opts.seedPath;
    this.copySeed = opts.copySeed !== false;
  }

  /** The file read: the desk file, or the shipped glossary while there is none and it is not to be copied. */
  private source(): string {
    if (this.copySeed) {
      this.ensureSeeded();
      return this.file;
    }
    return fs.existsSync(this.file) ? this.file : this.seedPath;
  }

  /** Identity of the file as it is now ('' when it does not exist yet); changes with every rewrite. */
  version(): string {
    return this.copySeed || fs.existsSync(this.file) ? fileSignature(this.file) : `seed:${fileSignature(this.seedPath)}`;
  }

  /** The desk glossary (scope 'desk'), seeding the file first if there is none. */
  async load(): Promise<Glossary> {
    const file = this.source();
    const sig = `${file}|${fileSignature(file)}`;
    if (this.cache && this.cache.sig === sig) return this.cache.glossary;
    let glossary: Glossary;
    try {
      const g = await importGlossaryFile(file, { scope: 'desk' });
      glossary = { name: g.name || DEFAULT_NAME, scope: 'desk', entries: g.entries };
    } catch (e) {
      // The importer refuses a file without entries; for the desk file that is simply an emptied glossary.
      if (!(e instanceof RelaisError && e.code === 'file.empty')) throw e;
      glossary = { name: DEFAULT_NAME, scope: 'desk', entries: [] };
    }
    // Only cache what we read if the file did not change while we were reading it.
    if (`${file}|${fileSignature(file)}` === sig) this.cache = { sig, glossary };
    return glossary;
  }

  /** Adds an entry (its id must be new). */
  add(entry: ConceptEntry): Promise<ConceptEntry> {
    return this.mutate((g) => {
      const e = normalizeEntry(entry);
      if (g.entries.some((x) => x.id === e.id)) throw new RelaisError('invalid.operation', `The desk glossary already has an entry "${e.id}"`);
      return { entries: [...g.entries, e], result: e };
    });
  }

  /** Replaces an existing entry (same id). */
  update(entry: ConceptEntry): Promise<ConceptEntry> {
    return this.mutate((g) => {
      const e = normalizeEntry(entry);
      const i = g.entries.findIndex((x) => x.id === e.id);
      if (i < 0) throw new RelaisError('invalid.arguments', `No entry "${e.id}" in the desk glossary`, { file: this.file });
      const entries = [...g.entries];
      entries[i] = e;
      return { entries, result: e };
    });
  }

  delete(id: string): Promise<void> {
    return this.mutate((g) => {
      if (!g.entries.some((x) => x.id === id)) throw new RelaisError('invalid.arguments', `No entry "${id}" in the desk glossary`, { file: this.file });
      return { entries: g.entries.filter((x) => x.id !== id), result: undefined };
    });
  }

  /**
   * Replaces the whole glossary ('replace') or adds/replaces entries by id ('merge'). Validates everything first.
   * 'replace' also repairs a damaged desk file (its content is not needed).
   */
  replaceAll(entries: readonly ConceptEntry[], mode: 'replace' | 'merge' = 'replace'): Promise<Glossary> {
    return this.mutate((g) => {
      const clean = entries.map(normalizeEntry);
      const ids = new Set<string>();
      for (const e of clean) {
        if (ids.has(e.id)) throw new RelaisError('invalid.arguments', `Two glossary entries have the id "${e.id}"`);
        ids.add(e.id);
      }
      let next: ConceptEntry[];
      if (mode === 'replace') next = clean;
      else {
        const byId = new Map(clean.map((e) => [e.id, e]));
        next = g.entries.map((e) => byId.get(e.id) ?? e);
        const existing = new Set(g.entries.map((e) => e.id));
        next.push(...clean.filter((e) => !existing.has(e.id)));
      }
      return { entries: next, result: undefined };
    }, mode === 'replace').then(() => this.load());
  }

  /**
   * Runs one read-modify-write at a time; the file is rewritten only when `fn` succeeds. With `tolerateDamaged`, a
   * desk file that cannot be read counts as an empty glossary (for a full replacement).
   */
  private mutate<T>(fn: (g: Glossary) => { entries: ConceptEntry[]; result: T }, tolerateDamaged = false): Promise<T> {
    const run = async (): Promise<T> => {
      if (!this.copySeed) throw new RelaisError('invalid.operation', 'The desk glossary is read-only here', { file: this.file });
      let current: Glossary;
      try {
        current = await this.load();
      } catch (e) {
        if (!tolerateDamaged || !(e instanceof RelaisError) || e.file !== this.file) throw e;
        current = { name: DEFAULT_NAME, scope: 'desk', entries: [] };
      }
      const { entries, result } = fn(current);
      const glossary: Glossary = { name: current.name, scope: 'desk', entries };
      writeFileAtomicSync(this.file, exportTbx(glossary, { description: 'Relais desk glossary, shared by all projects on this computer' }), {
        mapError: (e) => new RelaisError('invalid.operation', `Cannot write the desk glossary (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: this.file }),
      });
      this.cache = { sig: `${this.file}|${fileSignature(this.file)}`, glossary };
      return result;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Copies the shipped glossary into place if there is no desk glossary yet (never over an existing one). */
  private ensureSeeded(): void {
    if (fs.existsSync(this.file)) return;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.seedPath);
    } catch (e) {
      throw new RelaisError('file.notFound', `The built-in desk glossary cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, {
        file: this.seedPath,
      });
    }
    const dir = path.dirname(this.file);
    const tmp = path.join(dir, `.${DESK_GLOSSARY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(tmp, bytes, { flag: 'wx' });
      // link() refuses to replace a file: if another window seeded it meanwhile, theirs stays.
      try {
        fs.linkSync(tmp, this.file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') {
          if (fs.existsSync(this.file)) return;
          fs.renameSync(tmp, this.file);
        }
      }
    } catch (e) {
      throw new RelaisError('invalid.operation', `Cannot create the desk glossary (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: this.file });
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
}

