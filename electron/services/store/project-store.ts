/**
 * One Relais project = one SQLite file (better-sqlite3, WAL, foreign keys on).
 *
 * - Recognised by `PRAGMA application_id` (RELAIS_APPLICATION_ID); schema version in `PRAGMA user_version`
 *   with ordered migrations (migrations.ts). A foreign or newer file is refused before anything is written to it:
 *   the 100-byte SQLite header is read with plain fs first, and journal mode / migrations are only touched after
 *   every check has passed.
 * - Creation builds the whole project in a temp file in the destination folder and then links/renames it into
 *   place, so a project file is either complete or absent.
 * - Every mutating operation is one transaction: an error leaves the file as it was.
 * - Import writes no revision rows: segments start `new` with an empty target, and history starts with the first
 *   change a person makes (import provenance lives in the `project` metadata).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { RelaisError } from '../../../shared/errors.ts';
import { newId, parseId } from '../../../shared/ids.ts';
import {
  countWords,
  SEGMENT_STATUSES,
  type Block,
  type ImportedDocument,
  type ImportFormat,
  type ProjectInfo,
  type ProjectSnapshot,
  type ProjectStats,
  type RevisionOrigin,
  type Segment,
  type SegmentDraft,
  type SegmentStatus,
  type UserIdentity,
} from '../../../shared/model.ts';
import { joinSegments, splitAt } from '../../../shared/segmentation/index.ts';
import { assertTransition, assertUnlocked, isBlank, statusAfterSourceChange } from '../../../shared/workflow.ts';
import { migrate, RELAIS_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import { RevisionWriter } from './revision-writer.ts';
import {
  LIVE_SEGMENT,
  SEGMENT_COLUMNS,
  SEGMENT_FROM,
  toRevision,
  toSegment,
  type BlockRow,
  type RevisionRow,
  type SegmentRow,
  type StoredRevision,
} from './rows.ts';

export type { BlockRow, RevisionRow, SegmentRow, StoredRevision };

export const PROJECT_EXTENSION = '.relais';
/** Spacing of segment `ord` values inside a block at creation and after a renumbering. */
export const ORD_STEP = 1024;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface CreateProjectOptions {
  /** Display name; defaults to the project file's basename without extension. */
  name?: string;
  /** Replace an existing file at projectPath (default: refuse with invalid.operation). */
  overwrite?: boolean;
  sourceLang?: string;
  targetLang?: string;
  now?: () => Date;
}

export interface OpenProjectOptions {
  now?: () => Date;
}

export interface CommitSegmentInput {
  segmentId: string;
  target: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  /**
   * Head revision the author's edit started from (null = the segment had no revision yet). When given and the
   * segment has moved on since, the commit is refused (segment.conflict) instead of silently replacing someone
   * else's edit. Omitted: the commit is recorded on top of whatever the head is.
   */
  expectedRevisionId?: string | null;
  /** Approving despite QA errors: the editor's reason, stored in the revision (qa_override). Ignored unless approving. */
  qaOverride?: string;
}

export interface SetStatusInput {
  segmentId: string;
  status: SegmentStatus;
  comment?: string;
  /** Approving despite QA errors: the editor's reason, stored in the revision (qa_override). Ignored unless approving. */
  qaOverride?: string;
}

/** Reads the SQLite header with plain fs and refuses anything that is not a Relais project this build can open. */
function checkHeader(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RelaisError('file.notFound', 'Project file not found', { file });
    throw new RelaisError('project.corrupt', `Cannot read the project file (${code ?? String(e)})`, { file });
  }
  if (st.isDirectory()) throw new RelaisError('project.notRelais', 'This is a folder, not a Relais project', { file });
  if (st.size === 0) throw new RelaisError('project.notRelais', 'The file is empty: not a Relais project', { file });
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new RelaisError('project.notRelais', 'Not a Relais project (the file is not an SQLite database)', { file });
  }
  const appId = header.readUInt32BE(68);
  if (appId !== RELAIS_APPLICATION_ID) {
    throw new RelaisError('project.notRelais', 'Not a Relais project (an SQLite database from another application)', {
      file,
      detail: `application_id ${appId}`,
    });
  }
  const version = header.readInt32BE(60);
  if (version > SCHEMA_VERSION) throw tooNew(file, version);
}

function tooNew(file: string, version: number): RelaisError {
  return new RelaisError('project.tooNew', 'This project was saved by a newer version of Relais; update Relais to open it', {
    file,
    detail: `project schema ${version}, this version reads up to ${SCHEMA_VERSION}`,
  });
}

/** Maps a SQLite failure to a RelaisError about `file`. */
export function sqliteError(e: unknown, file: string): unknown {
  if (e instanceof RelaisError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_NOTADB') return new RelaisError('project.notRelais', 'Not a Relais project (not an SQLite database)', { file });
    if (code.startsWith('SQLITE_CORRUPT')) return new RelaisError('project.corrupt', 'The project file is damaged', { file, detail: String((e as Error).message) });
    if (code.startsWith('SQLITE_READONLY')) return new RelaisError('invalid.operation', 'The project file is read-only', { file });
    if (code.startsWith('SQLITE_CANTOPEN')) return new RelaisError('file.notFound', 'Cannot open the project file', { file });
    if (code === 'SQLITE_FULL') return new RelaisError('invalid.operation', 'The disk is full', { file });
  }
  return e;
}

/** Files a SQLite database in WAL mode may leave next to it. */
function sidecars(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* best effort */
  }
}

export class ProjectStore {
  readonly path: string;
  /** The open connection, for the other modules of the store (review, glossary, source update); nothing outside the store uses it. */
  readonly db: Database.Database;
  /** The one writer of revision rows (see revision-writer.ts), shared with the review store and source updates. */
  readonly writer: RevisionWriter;
  readonly now: () => Date;
  private closed = false;
  private readonly st: ReturnType<ProjectStore['prepare']>;

  private constructor(file: string, db: Database.Database, now: () => Date) {
    this.path = file;
    this.db = db;
    this.now = now;
    this.writer = new RevisionWriter(db, now);
    this.st = this.prepare();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Creates a project from an imported document and its segmentation and returns it open.
   * Built in a temp file in the same folder, then moved into place: never a half-written project.
   */
  static create(projectPath: string, doc: ImportedDocument, drafts: SegmentDraft[], opts: CreateProjectOptions = {}): ProjectStore {
    const file = path.resolve(projectPath);
    const dir = path.dirname(file);
    const now = opts.now ?? (() => new Date());
    if (!opts.overwrite && fs.existsSync(file)) {
      throw new RelaisError('invalid.operation', 'A file with this name already exists', { file });
    }
    for (const d of drafts) {
      if (!Number.isInteger(d.blockIndex) || d.blockIndex < 0 || d.blockIndex >= doc.blocks.length) {
        throw new RelaisError('invalid.arguments', `Segment refers to block ${d.blockIndex}, which does not exist`, { file });
      }
    }
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', code === 'ENOENT' ? 'The folder does not exist' : 'Cannot write in this folder', { file: dir });
    }
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let db: Database.Database | null = null;
    try {
      db = new Database(tmp);
      db.pragma(`application_id = ${RELAIS_APPLICATION_ID}`);
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      const created = now();
      const createdAt = created.toISOString();
      const name = opts.name ?? path.basename(file, path.extname(file));
      const fill = db.transaction(() => {
        const meta = db!.prepare('INSERT INTO project(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
        meta.run('project_id', newId(created));
        meta.run('name', name);
        meta.run('source_name', doc.sourceName);
        meta.run('source_format', doc.format);
        meta.run('source_lang', opts.sourceLang ?? 'fr');
        meta.run('target_lang', opts.targetLang ?? 'en');
        meta.run('created_at', createdAt);
        const insBlock = db!.prepare('INSERT INTO blocks(id, ord, kind, level, chrome, translatable, source) VALUES (?, ?, ?, ?, ?, ?, ?)');
        const blockIds: string[] = [];
        doc.blocks.forEach((b, i) => {
          const id = newId(created);
          insBlock.run(id, i, b.kind, blockLevel(b), b.chrome, b.chrome === null ? 1 : 0, b.text);
          blockIds.push(id);
        });
        // Version 1 of the source (migration 2 made the row before the metadata and blocks existed).
        db!.prepare('UPDATE source_versions SET imported_at = ?, source_name = ?, source_format = ?, content = ? WHERE version = 1').run(
          createdAt,
          doc.sourceName,
          doc.format,
          JSON.stringify(doc.blocks.map((b) => ({ kind: b.kind, level: blockLevel(b), text: b.text, chrome: b.chrome }))),
        );
        const insSeg = db!.prepare("INSERT INTO segments(id, block_id, ord, source, target, status) VALUES (?, ?, ?, ?, '', 'new')");
        const perBlock = new Map<number, number>();
        const ordered = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.blockIndex - b.d.blockIndex || a.i - b.i);
        for (const { d } of ordered) {
          const k = (perBlock.get(d.blockIndex) ?? 0) + 1;
          perBlock.set(d.blockIndex, k);
          insSeg.run(newId(created), blockIds[d.blockIndex]!, k * ORD_STEP, d.source);
        }
      });
      fill();
      db.close();
      db = null;
      for (const s of sidecars(tmp)) removeQuietly(s);
      if (opts.overwrite) {
        for (const s of sidecars(file)) removeQuietly(s);
        fs.renameSync(tmp, file);
      } else {
        // link() fails if the destination exists: no race with another creator. Fall back to rename on file
        // systems without hard links (FAT, some network shares) after checking again.
        try {
          fs.linkSync(tmp, file);
          fs.rmSync(tmp);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new RelaisError('invalid.operation', 'A file with this name already exists', { file });
          if (fs.existsSync(file)) throw new RelaisError('invalid.operation', 'A file with this name already exists', { file });
          fs.renameSync(tmp, file);
        }
      }
    } catch (e) {
      try {
        db?.close();
      } catch {
        /* ignore */
      }
      removeQuietly(tmp);
      for (const s of sidecars(tmp)) removeQuietly(s);
      throw sqliteError(e, file);
    }
    return ProjectStore.open(file, { now });
  }

  /** Opens an existing project; refuses foreign, damaged or newer files without modifying them. */
  static open(projectPath: string, opts: OpenProjectOptions = {}): ProjectStore {
    const file = path.resolve(projectPath);
    checkHeader(file);
    let db: Database.Database | null = null;
    try {
      // The header is checked; confirm with SQLite itself (a WAL left by a crash may hold newer pages) through a
      // read-only connection before anything may write.
      const ro = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const appId = ro.pragma('application_id', { simple: true }) as number;
        if (appId !== RELAIS_APPLICATION_ID) {
          throw new RelaisError('project.notRelais', 'Not a Relais project (an SQLite database from another application)', { file });
        }
        const version = ro.pragma('user_version', { simple: true }) as number;
        if (version > SCHEMA_VERSION) throw tooNew(file, version);
        const ok = ro.pragma('quick_check', { simple: true });
        if (ok !== 'ok') throw new RelaisError('project.corrupt', 'The project file is damaged', { file, detail: String(ok) });
      } finally {
        ro.close();
      }
      db = new Database(file, { fileMustExist: true });
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      // FULL: a committed segment survives a power cut, not just a crash (measured ~5 ms per write vs ~0.5 ms with NORMAL).
      db.pragma('synchronous = FULL');
      // Another connection (a second window, the CLI) may hold the write lock for a moment.
      db.pragma('busy_timeout = 5000');
      try {
        migrate(db);
      } catch (e) {
        if (e instanceof RelaisError || (e as { code?: unknown }).code !== undefined) throw e;
        // A migration refused the file's content (a broken reference…): it rolled back, the file is as it was.
        throw new RelaisError('project.corrupt', 'The project file could not be upgraded to this version of Relais', {
          file,
          detail: e instanceof Error ? e.message : String(e),
        });
      }
      const tables = new Set(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      for (const t of ['project', 'blocks', 'segments', 'revisions', 'drafts', 'users']) {
        if (!tables.has(t)) throw new RelaisError('project.corrupt', `The project file is damaged (table ${t} is missing)`, { file });
      }
      return new ProjectStore(file, db, opts.now ?? (() => new Date()));
    } catch (e) {
      try {
        db?.close();
      } catch {
        /* ignore */
      }
      throw sqliteError(e, file);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  // ---------------------------------------------------------------- reading

  info(): ProjectInfo {
    this.assertOpen();
    const rows = this.db.prepare('SELECT key, value FROM project').all() as { key: string; value: string }[];
    const m = new Map(rows.map((r) => [r.key, r.value]));
    return {
      id: m.get('project_id') ?? '',
      path: this.path,
      name: m.get('name') ?? path.basename(this.path, PROJECT_EXTENSION),
      sourceName: m.get('source_name') ?? '',
      sourceFormat: (m.get('source_format') ?? 'txt') as ImportFormat,
      createdAt: m.get('created_at') ?? '',
      sourceLang: m.get('source_lang') ?? 'fr',
      targetLang: m.get('target_lang') ?? 'en',
    };
  }

  blocks(): Block[] {
    this.assertOpen();
    return (this.st.blocks.all() as BlockRow[]).map((b) => ({
      id: b.id,
      ord: b.ord,
      kind: b.kind,
      level: b.level,
      chrome: b.chrome,
      translatable: b.translatable === 1,
    }));
  }

  /** Live segments in document order. */
  segments(): Segment[] {
    this.assertOpen();
    return this.liveRows().map((r, i) => toSegment(r, i));
  }

  /** Live segment rows in document order (for the other modules of the store). */
  liveRows(): SegmentRow[] {
    return this.st.liveSegments.all() as SegmentRow[];
  }

  segment(segmentId: string): Segment {
    this.assertOpen();
    const row = this.liveRow(segmentId);
    return toSegment(row, this.position(row));
  }

  snapshot(): ProjectSnapshot {
    this.assertOpen();
    return this.db.transaction(() => {
      const drafts: Record<string, string> = {};
      for (const d of this.st.drafts.all() as { segment_id: string; text: string }[]) drafts[d.segment_id] = d.text;
      return { info: this.info(), blocks: this.blocks(), segments: this.segments(), drafts };
    })();
  }

  /** Revisions of a segment (live, merged away or archived), oldest first. */
  revisions(segmentId: string): StoredRevision[] {
    return this.revisionRows(this.anySegmentId(segmentId)).map(toRevision);
  }

  /** Revision rows of a segment, oldest first. */
  revisionRows(segmentId: string): RevisionRow[] {
    this.assertOpen();
    return this.st.revisionsOf.all(segmentId) as RevisionRow[];
  }

  /** The id of a segment that exists (live or not); segment.notFound otherwise. */
  anySegmentId(raw: string): string {
    this.assertOpen();
    const id = parseId(raw, 'segment');
    if (!this.st.anySegment.get(id)) throw new RelaisError('segment.notFound', `No segment with id ${raw}`);
    return id;
  }

  /** The live segment row `raw` names; segment.notFound for a malformed, unknown, merged-away or archived id. */
  liveRow(raw: string): SegmentRow {
    this.assertOpen();
    const row = this.st.liveSegment.get(parseId(raw, 'segment')) as SegmentRow | undefined;
    if (!row) throw new RelaisError('segment.notFound', `No segment with id ${raw}`);
    return row;
  }

  /**
   * The user ids that are `user` in this project: their own id, and the users the upgrade of an older project file
   * made from a typed name equal to their display name (before user ids, a person was their name).
   */
  userKeys(user: UserIdentity): string[] {
    this.assertOpen();
    const legacy = this.st.legacyUsers.all(user.name) as { id: string }[];
    return [user.id, ...legacy.map((r) => r.id).filter((id) => id !== user.id)];
  }

  /** The id of a person known to this project by display name (one who signed in before ids first), or null. */
  userIdByName(name: string): string | null {
    this.assertOpen();
    const r = this.st.userByName.get(name) as { id: string } | undefined;
    return r?.id ?? null;
  }

  /**
   * Counts over translatable segments only (chrome and other blocks left out of translation are excluded).
   * progress = words of translated + approved segments / words of all translatable segments.
   */
  stats(): ProjectStats {
    this.assertOpen();
    const zero = (): Record<SegmentStatus, number> =>
      Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
    const segByStatus = zero();
    const wordsByStatus = zero();
    let segTotal = 0;
    let wordTotal = 0;
    for (const s of this.liveRows()) {
      if (s.translatable !== 1) continue;
      const w = countWords(s.source);
      segTotal++;
      wordTotal += w;
      segByStatus[s.status]++;
      wordsByStatus[s.status] += w;
    }
    const done = wordsByStatus.translated + wordsByStatus.approved;
    const chromeBlocks = (
      this.db.prepare('SELECT COUNT(*) AS n FROM blocks WHERE translatable = 0 AND archived_in_version IS NULL').get() as { n: number }
    ).n;
    return {
      segments: { total: segTotal, byStatus: segByStatus },
      words: { total: wordTotal, byStatus: wordsByStatus },
      progress: wordTotal === 0 ? 0 : done / wordTotal,
      chromeBlocks,
    };
  }

  /**
   * Changes whenever the project's rows may have changed: writes through this connection (total_changes) and
   * commits by another connection to the file (PRAGMA data_version). A cache key for what is derived from them.
   */
  changeVersion(): string {
    const row = this.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    return `${row.n}:${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  // ---------------------------------------------------------------- writing

  /** Writes a target and its status: one transaction updating the segment, adding a revision and dropping the draft. */
  commitSegment(input: CommitSegmentInput, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.liveRow(input.segmentId);
      const status = assertTransition(
        { role: user.role, from: row.status, to: input.status, target: input.target, translatable: row.translatable === 1 },
        row.id,
      );
      if (input.expectedRevisionId !== undefined && input.expectedRevisionId !== row.revision_id) {
        throw new RelaisError('segment.conflict', 'This segment was changed by someone else since you started editing it', {
          detail: `head revision is ${row.revision_id ?? 'none'}, the edit started from ${input.expectedRevisionId ?? 'none'}`,
        });
      }
      // Confirming what is already there (same text, same status) adds no revision: history stays readable.
      if (input.target !== row.target || status !== row.status) {
        this.writer.write(row, { target: input.target, status, origin: input.origin, qaOverride: input.qaOverride ?? null }, user);
      } else {
        this.st.deleteDraft.run(row.id);
      }
      return this.segment(row.id);
    });
  }

  /** Changes only the status (approve, reject, confirm, back to draft), with a revision row (origin 'review'). */
  setStatus(input: SetStatusInput, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.liveRow(input.segmentId);
      const comment = input.comment !== undefined && !isBlank(input.comment) ? input.comment : null;
      const status = assertTransition(
        { role: user.role, from: row.status, to: input.status, target: row.target, comment, translatable: row.translatable === 1 },
        row.id,
      );
      if (status === row.status && comment === null) return toSegment(row, this.position(row));
      this.writer.write(row, { target: row.target, status, origin: 'review', comment, qaOverride: input.qaOverride ?? null }, user);
      // A rejection tells the translator why: the comment is kept in the revision and starts a thread on the segment.
      if (status === 'rejected' && comment !== null) this.insertComment(row.id, null, comment, user);
      return this.segment(row.id);
    });
  }

  /** Adds a comment row (inside the caller's transaction); returns its id. */
  insertComment(segmentId: string, parentId: string | null, text: string, user: UserIdentity): string {
    const now = this.now();
    this.writer.ensureUser(user, now.toISOString());
    const id = newId(now);
    this.st.insertComment.run(id, segmentId, parentId, user.name, user.id, user.role, now.toISOString(), text);
    return id;
  }

  /**
   * Autosave of the segment being typed (upsert; cheap enough for every pause in typing). A draft equal to the
   * committed target is no draft: it is removed. With `user`, a translator cannot draft over an approved segment.
   */
  saveDraft(segmentId: string, text: string, user?: UserIdentity): void {
    this.write(() => {
      const row = this.liveRow(segmentId);
      if (user) assertUnlocked(row.status, user.role, row.id);
      if (text === row.target) this.st.deleteDraft.run(row.id);
      else this.st.upsertDraft.run(row.id, text, this.now().toISOString());
    });
  }

  /** Drops the autosaved draft of a segment (the user abandoned their edit). */
  discardDraft(segmentId: string): void {
    this.write(() => {
      this.st.deleteDraft.run(parseId(segmentId, 'segment'));
    });
  }

  /**
   * Splits a segment's source at `offset` (UTF-16 code units). The first part keeps the target (status back to
   * draft, since its source changed), the second part is a new, untranslated segment right after it; both revisions
   * have the split segment's head as parent. Returns [first, second].
   */
  splitSegment(segmentId: string, offset: number, user: UserIdentity): [Segment, Segment] {
    return this.write(() => {
      const row = this.liveRow(segmentId);
      assertUnlocked(row.status, user.role, row.id);
      if (!Number.isInteger(offset) || offset <= 0 || offset >= row.source.length) {
        throw new RelaisError('invalid.arguments', `Cannot split at ${offset}: the segment has ${row.source.length} characters`);
      }
      const [a, b] = splitAt(row.source, offset);
      if (isBlank(a) || isBlank(b)) {
        throw new RelaisError('invalid.operation', 'Splitting here would leave an empty segment');
      }
      const ord = this.ordAfter(row);
      const now = this.now();
      const secondId = newId(now);
      this.st.insertSegment.run(secondId, row.block_id, ord, b, now.toISOString(), user.name);
      this.writer.write(row, { target: row.target, status: statusAfterSourceChange(row.target), origin: 'split', source: a }, user);
      this.writer.write(
        { id: secondId, source: b, revision_id: null },
        { target: '', status: 'new', origin: 'split', prevRevisionId: row.revision_id },
        user,
      );
      return [this.segment(row.id), this.segment(secondId)];
    });
  }

  /**
   * Merges two adjacent segments of the same block into the first. Sources and targets are joined; the second
   * segment is retired (kept with merged_into set, so its history stays readable). Returns the merged segment.
   */
  mergeSegments(firstId: string, secondId: string, user: UserIdentity): Segment {
    return this.write(() => {
      const a = this.liveRow(firstId);
      const b = this.liveRow(secondId);
      if (a.id === b.id) throw new RelaisError('invalid.operation', 'Cannot merge a segment with itself');
      if (a.block_id !== b.block_id) throw new RelaisError('invalid.operation', 'Only segments of the same paragraph can be merged');
      const next = this.st.nextInBlock.get(a.block_id, a.ord) as { id: string } | undefined;
      if (!next || next.id !== b.id) {
        throw new RelaisError('invalid.operation', 'Only adjacent segments can be merged (the second must follow the first)');
      }
      assertUnlocked(a.status, user.role, a.id);
      assertUnlocked(b.status, user.role, b.id);
      const source = joinSegments(a.source, b.source);
      const targets = [a.target, b.target].filter((t) => !isBlank(t));
      const target = targets.length === 2 ? joinSegments(targets[0]!, targets[1]!) : (targets[0] ?? '');
      this.db.prepare('UPDATE segments SET merged_into = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(a.id, this.now().toISOString(), user.name, b.id);
      this.st.deleteDraft.run(b.id);
      this.writer.write(a, { target, status: statusAfterSourceChange(target), origin: 'merge', source, comment: `merged with segment ${b.id}` }, user);
      return this.segment(a.id);
    });
  }

  /** Puts a block in or out of translation (chrome the detector missed, or a false positive). */
  setBlockTranslatable(blockId: string, translatable: boolean): void {
    this.write(() => {
      const r = this.db.prepare('UPDATE blocks SET translatable = ? WHERE id = ?').run(translatable ? 1 : 0, parseId(blockId, 'block'));
      if (r.changes === 0) throw new RelaisError('invalid.arguments', `No block with id ${blockId}`);
    });
  }

  /** Runs `fn` in one IMMEDIATE transaction; SQLite failures become RelaisErrors about this file. For the store's modules. */
  write<T>(fn: () => T): T {
    this.assertOpen();
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw sqliteError(e, this.path);
    }
  }

  assertOpen(): void {
    if (this.closed) throw new RelaisError('project.notOpen', 'The project is closed', { file: this.path });
  }

  // ---------------------------------------------------------------- internals

  private prepare() {
    const db = this.db;
    return {
      blocks: db.prepare('SELECT id, ord, kind, level, chrome, translatable FROM blocks WHERE archived_in_version IS NULL ORDER BY ord'),
      liveSegments: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} WHERE ${LIVE_SEGMENT} ORDER BY b.ord, s.ord`),
      liveSegment: db.prepare(`SELECT ${SEGMENT_COLUMNS} FROM ${SEGMENT_FROM} WHERE s.id = ? AND ${LIVE_SEGMENT}`),
      anySegment: db.prepare('SELECT id FROM segments WHERE id = ?'),
      position: db.prepare(
        `SELECT COUNT(*) AS n FROM ${SEGMENT_FROM} WHERE ${LIVE_SEGMENT} AND (b.ord < ? OR (b.ord = ? AND s.ord < ?))`,
      ),
      nextInBlock: db.prepare(
        'SELECT id, ord FROM segments WHERE block_id = ? AND ord > ? AND merged_into IS NULL AND archived_in_version IS NULL ORDER BY ord LIMIT 1',
      ),
      insertSegment: db.prepare("INSERT INTO segments(id, block_id, ord, source, target, status, updated_at, updated_by) VALUES (?, ?, ?, ?, '', 'new', ?, ?)"),
      drafts: db.prepare('SELECT segment_id, text FROM drafts'),
      upsertDraft: db.prepare(
        'INSERT INTO drafts(segment_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT(segment_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
      ),
      deleteDraft: db.prepare('DELETE FROM drafts WHERE segment_id = ?'),
      revisionsOf: db.prepare('SELECT * FROM revisions WHERE segment_id = ? ORDER BY id'),
      insertComment: db.prepare(
        'INSERT INTO comments(id, segment_id, parent_id, author, author_id, role, created_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      legacyUsers: db.prepare('SELECT id FROM users WHERE legacy = 1 AND display_name = ?'),
      userByName: db.prepare('SELECT id FROM users WHERE display_name = ? ORDER BY legacy, created_at, id LIMIT 1'),
    };
  }

  private position(row: SegmentRow): number {
    return (this.st.position.get(row.block_ord, row.block_ord, row.ord) as { n: number }).n;
  }

  /** An `ord` strictly between `row` and the next live segment of its block, renumbering the block if needed. */
  private ordAfter(row: SegmentRow): number {
    const next = this.st.nextInBlock.get(row.block_id, row.ord) as { id: string; ord: number } | undefined;
    if (!next) return row.ord + ORD_STEP;
    if (next.ord - row.ord >= 2) return row.ord + Math.floor((next.ord - row.ord) / 2);
    // No room left: respace this block's live segments (two passes, so the unique index never sees a clash).
    const ids = (
      this.db.prepare('SELECT id FROM segments WHERE block_id = ? AND merged_into IS NULL ORDER BY ord').all(row.block_id) as { id: string }[]
    ).map((r) => r.id);
    const setOrd = this.db.prepare('UPDATE segments SET ord = ? WHERE id = ?');
    ids.forEach((id, i) => setOrd.run(-(i + 1), id));
    let mine = 0;
    ids.forEach((id, i) => {
      setOrd.run((i + 1) * ORD_STEP, id);
      if (id === row.id) mine = (i + 1) * ORD_STEP;
    });
    return mine + ORD_STEP / 2;
  }
}

function blockLevel(b: { kind: string; level?: number }): number | null {
  return b.kind === 'title' ? 1 : b.kind === 'heading' ? (b.level ?? 2) : null;
}

export { toRevision, toSegment };
