/**
 * The project glossary and the project's QA settings, on the open project's connection.
 *
 * - `glossary_entries` (migration 2): one row per concept entry, the ConceptEntry as JSON.
 * - Disabled QA rules: `project` key/value table, key `qa.disabledRules`, a JSON array of rule ids.
 *
 * Every write is one IMMEDIATE transaction. `replaceAll` swaps the whole glossary at once: the caller parses the file
 * first, so a file that fails to import never reaches this store and changes nothing.
 * Rows that cannot be read back (hand-edited or damaged JSON) are reported as project.corrupt with the entry id.
 */
import type Database from 'better-sqlite3';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Term } from '../../../shared/glossary/model.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import type { ProjectStore } from './project-store.ts';

export const DISABLED_RULES_KEY = 'qa.disabledRules';
const TERM_STATUSES = new Set(['preferred', 'admitted', 'deprecated', 'superseded']);

/** A stored entry and who last changed it. */
export interface StoredGlossaryEntry {
  entry: ConceptEntry;
  updatedAt: string;
  updatedBy: string | null;
}

interface EntryRow {
  id: string;
  entry: string;
  updated_at: string;
  updated_by: string | null;
}

export class GlossaryStore {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly now: () => Date;
  /** Bumped on every write through this store (the terminology service caches on it). */
  private gen = 0;

  constructor(project: ProjectStore, opts: { now?: () => Date } = {}) {
    this.db = project.db;
    this.file = project.path;
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Changes whenever the glossary or the QA settings may have changed: writes through this store, and commits made
   * by another connection to the same file (PRAGMA data_version).
   */
  version(): string {
    const dv = this.db.pragma('data_version', { simple: true }) as number;
    return `${this.gen}:${dv}`;
  }

  // ------------------------------------------------------------------ entries

  /** All entries, least recently changed first (entries written together, as by an import, in id order). */
  list(): ConceptEntry[] {
    return this.listStored().map((r) => r.entry);
  }

  listStored(): StoredGlossaryEntry[] {
    const rows = this.db.prepare('SELECT id, entry, updated_at, updated_by FROM glossary_entries ORDER BY updated_at, id').all() as EntryRow[];
    return rows.map((r) => ({ entry: this.decode(r), updatedAt: r.updated_at, updatedBy: r.updated_by }));
  }

  get(id: string): ConceptEntry | null {
    const row = this.db.prepare('SELECT id, entry, updated_at, updated_by FROM glossary_entries WHERE id = ?').get(id) as EntryRow | undefined;
    return row ? this.decode(row) : null;
  }

  /** Adds or replaces one entry (by id). */
  upsert(entry: ConceptEntry, user: UserIdentity): ConceptEntry {
    const clean = normalizeEntry(entry);
    this.write(() => {
      this.db
        .prepare(
          `INSERT INTO glossary_entries(id, entry, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET entry = excluded.entry, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(clean.id, JSON.stringify(clean), this.now().toISOString(), user.name);
    });
    return clean;
  }

  /** Replaces an existing entry; refuses an unknown id. */
  update(entry: ConceptEntry, user: UserIdentity): ConceptEntry {
    const clean = normalizeEntry(entry);
    this.write(() => {
      const r = this.db
        .prepare('UPDATE glossary_entries SET entry = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(JSON.stringify(clean), this.now().toISOString(), user.name, clean.id);
      if (r.changes === 0) throw new RelaisError('invalid.arguments', `No entry "${clean.id}" in the project glossary`);
    });
    return clean;
  }

  delete(id: string): void {
    this.write(() => {
      const r = this.db.prepare('DELETE FROM glossary_entries WHERE id = ?').run(id);
      if (r.changes === 0) throw new RelaisError('invalid.arguments', `No entry "${id}" in the project glossary`);
    });
  }

  /**
   * Replaces the whole glossary with `entries` (mode 'replace') or adds/replaces them by id (mode 'merge'), in one
   * transaction: every entry is validated before anything is written.
   */
  replaceAll(entries: readonly ConceptEntry[], user: UserIdentity, mode: 'replace' | 'merge' = 'replace'): void {
    const clean = entries.map(normalizeEntry);
    const seen = new Set<string>();
    for (const e of clean) {
      if (seen.has(e.id)) throw new RelaisError('invalid.arguments', `Two glossary entries have the id "${e.id}"`);
      seen.add(e.id);
    }
    const ts = this.now().toISOString();
    this.write(() => {
      if (mode === 'replace') this.db.prepare('DELETE FROM glossary_entries').run();
      const ins = this.db.prepare(
        `INSERT INTO glossary_entries(id, entry, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET entry = excluded.entry, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      );
      for (const e of clean) ins.run(e.id, JSON.stringify(e), ts, user.name);
    });
  }

  // ------------------------------------------------------------------ QA settings

  disabledRules(): string[] {
    const row = this.db.prepare('SELECT value FROM project WHERE key = ?').get(DISABLED_RULES_KEY) as { value: string } | undefined;
    if (!row) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.value);
    } catch {
      throw new RelaisError('project.corrupt', 'The project’s QA settings are damaged', { file: this.file, detail: `${DISABLED_RULES_KEY}: not JSON` });
    }
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
      throw new RelaisError('project.corrupt', 'The project’s QA settings are damaged', { file: this.file, detail: `${DISABLED_RULES_KEY}: not a list of rule ids` });
    }
    return parsed as string[];
  }

  setDisabledRules(ids: readonly string[]): string[] {
    const list = [...new Set(ids)].sort();
    this.write(() => {
      if (list.length === 0) this.db.prepare('DELETE FROM project WHERE key = ?').run(DISABLED_RULES_KEY);
      else
        this.db
          .prepare('INSERT INTO project(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
          .run(DISABLED_RULES_KEY, JSON.stringify(list));
    });
    return list;
  }

  // ------------------------------------------------------------------ internals

  private write(fn: () => void): void {
    try {
      this.db.transaction(fn).immediate();
    } catch (e) {
      if (e instanceof RelaisError) throw e;
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) throw new RelaisError('invalid.operation', 'The project file is read-only', { file: this.file });
      if (code === 'SQLITE_FULL') throw new RelaisError('invalid.operation', 'The disk is full', { file: this.file });
      throw e;
    } finally {
      this.gen++;
    }
  }

  private decode(row: EntryRow): ConceptEntry {
    try {
      const e = normalizeEntry(JSON.parse(row.entry) as ConceptEntry);
      if (e.id !== row.id) throw new Error('id mismatch');
      return e;
    } catch (err) {
      throw new RelaisError('project.corrupt', 'A project glossary entry is damaged', {
        file: this.file,
        detail: `entry ${row.id}: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
}

/**
 * Checks an entry's shape and keeps only the known fields (no stray properties reach the file). A usable entry has
 * an id, at least one term, no term twice, and known statuses. (An entry with only deprecated English terms is a
 * valid "never write this" entry, so French terms are not required here; the add-a-term channel always has both.)
 */
export function normalizeEntry(entry: ConceptEntry): ConceptEntry {
  if (!entry || typeof entry !== 'object') throw new RelaisError('invalid.arguments', 'A glossary entry must be an object');
  const id = typeof entry.id === 'string' ? entry.id.trim() : '';
  if (!id) throw new RelaisError('invalid.arguments', 'A glossary entry needs an id');
  if (!Array.isArray(entry.terms)) throw new RelaisError('invalid.arguments', `Entry "${id}" has no terms`);
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const t of entry.terms) {
    const text = typeof t?.text === 'string' ? t.text.normalize('NFC').trim() : '';
    const lang = typeof t?.lang === 'string' ? t.lang.trim() : '';
    if (!text) throw new RelaisError('invalid.arguments', `Entry "${id}" has an empty term`);
    if (!lang) throw new RelaisError('invalid.arguments', `Term "${text}" of entry "${id}" has no language`);
    if (!TERM_STATUSES.has(t.status)) throw new RelaisError('invalid.arguments', `Term "${text}" of entry "${id}" has an unknown status "${String(t.status)}"`);
    const key = `${lang.toLowerCase()}|${text}`;
    if (seen.has(key)) throw new RelaisError('invalid.arguments', `Entry "${id}" has the term "${text}" (${lang}) twice`);
    seen.add(key);
    const term: Term = { text, lang, status: t.status, caseSensitive: t.caseSensitive === true };
    if (typeof t.note === 'string' && t.note.trim()) term.note = t.note.trim();
    if (typeof t.partOfSpeech === 'string' && t.partOfSpeech.trim()) term.partOfSpeech = t.partOfSpeech.trim();
    terms.push(term);
  }
  if (terms.length === 0) throw new RelaisError('invalid.arguments', `Entry "${id}" has no terms`);
  const out: ConceptEntry = { id, terms };
  for (const k of ['note', 'source', 'subject'] as const) {
    const v = entry[k];
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out;
}
