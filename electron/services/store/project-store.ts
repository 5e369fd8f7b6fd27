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
import {
  countWords,
  SEGMENT_STATUSES,
  type Block,
  type BlockKind,
  type ChromeReason,
  type ImportedDocument,
  type ImportFormat,
  type ProjectInfo,
  type ProjectSnapshot,
  type ProjectStats,
  type Revision,
  type RevisionOrigin,
  type Role,
  type Segment,
  type SegmentDraft,
  type SegmentStatus,
  type UserIdentity,
} from '../../../shared/model.ts';
import { joinSegments, splitAt } from '../../../shared/segmentation/index.ts';
import { migrate, RELAIS_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';

export const PROJECT_EXTENSION = '.relais';
/** Spacing of segment `ord` values inside a block at creation and after a renumbering. */
const ORD_STEP = 1024;
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
   * segment has moved on since, the commit is refused (invalid.operation, detail 'conflict') instead of silently
   * replacing someone else's edit. Omitted: the commit is recorded on top of whatever the head is.
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

/** A revision as stored: the shared Revision plus the chain and review fields. */
export interface StoredRevision extends Revision {
  /** Head revision this one was made on top of (for split halves: the revision of the segment that was split). */
  prevRevisionId: string | null;
  /** Source text of the segment when the revision was made. */
  source: string;
  comment: string | null;
  /** Reason given by an editor who approved despite QA errors. */
  qaOverride: string | null;
}

/** A row of `segments` as SEGMENT_SELECT reads it (with its block's order); shared with review-store and source-update. */
export interface SegmentRow {
  id: number;
  block_id: number;
  ord: number;
  source: string;
  target: string;
  status: SegmentStatus;
  revision_id: number | null;
  merged_into: number | null;
  updated_at: string | null;
  updated_by: string | null;
  source_changed_from: string | null;
  translatable: number;
  block_ord: number;
}

/** A row of `blocks`. */
export interface BlockRow {
  id: number;
  ord: number;
  kind: BlockKind;
  level: number | null;
  chrome: ChromeReason | null;
  translatable: number;
}

/** A row of `revisions` (`SELECT *`). */
export interface RevisionRow {
  id: number;
  segment_id: number;
  prev_revision_id: number | null;
  author: string;
  role: Role;
  created_at: string;
  source: string;
  text: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  comment: string | null;
  qa_override?: string | null;
}

const SEGMENT_SELECT = `
  SELECT s.id, s.block_id, s.ord, s.source, s.target, s.status, s.revision_id, s.merged_into, s.updated_at, s.updated_by,
         s.source_changed_from, b.translatable AS translatable, b.ord AS block_ord
  FROM segments s JOIN blocks b ON b.id = s.block_id`;

/** A segment of the live document: not merged away, not archived (nor its block) by a source update. */
const LIVE = 's.merged_into IS NULL AND s.archived_in_version IS NULL AND b.archived_in_version IS NULL';

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

function parseId(id: string, what: 'segment' | 'block'): number {
  if (!/^[1-9]\d{0,15}$/.test(id)) {
    throw new RelaisError(what === 'segment' ? 'segment.notFound' : 'invalid.arguments', `No ${what} with id ${JSON.stringify(id)}`);
  }
  return Number(id);
}

function isBlank(s: string): boolean {
  return s.trim().length === 0;
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
  /** The open connection, for the feature stores in this folder (review, glossary) that add their own tables. */
  readonly db: Database.Database;
  private readonly now: () => Date;
  private closed = false;
  private readonly st: ReturnType<ProjectStore['prepare']>;

  private constructor(file: string, db: Database.Database, now: () => Date) {
    this.path = file;
    this.db = db;
    this.now = now;
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
      const createdAt = now().toISOString();
      const name = opts.name ?? path.basename(file, path.extname(file));
      const fill = db.transaction(() => {
        const meta = db!.prepare('INSERT INTO project(key, value) VALUES (?, ?)');
        meta.run('name', name);
        meta.run('source_name', doc.sourceName);
        meta.run('source_format', doc.format);
        meta.run('source_lang', opts.sourceLang ?? 'fr');
        meta.run('target_lang', opts.targetLang ?? 'en');
        meta.run('created_at', createdAt);
        const insBlock = db!.prepare(
          'INSERT INTO blocks(ord, kind, level, chrome, translatable, source) VALUES (?, ?, ?, ?, ?, ?)',
        );
        const blockIds: number[] = [];
        doc.blocks.forEach((b, i) => {
          const level = b.kind === 'title' ? 1 : b.kind === 'heading' ? (b.level ?? 2) : null;
          const r = insBlock.run(i, b.kind, level, b.chrome, b.chrome === null ? 1 : 0, b.text);
          blockIds.push(Number(r.lastInsertRowid));
        });
        // Version 1 of the source (migration 2 made the row before the metadata and blocks existed).
        db!.prepare('UPDATE source_versions SET imported_at = ?, source_name = ?, source_format = ?, content = ? WHERE version = 1').run(
          createdAt,
          doc.sourceName,
          doc.format,
          JSON.stringify(
            doc.blocks.map((b) => ({ kind: b.kind, level: b.kind === 'title' ? 1 : b.kind === 'heading' ? (b.level ?? 2) : null, text: b.text, chrome: b.chrome })),
          ),
        );
        const insSeg = db!.prepare("INSERT INTO segments(block_id, ord, source, target, status) VALUES (?, ?, ?, '', 'new')");
        const perBlock = new Map<number, number>();
        const ordered = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.blockIndex - b.d.blockIndex || a.i - b.i);
        for (const { d } of ordered) {
          const k = (perBlock.get(d.blockIndex) ?? 0) + 1;
          perBlock.set(d.blockIndex, k);
          insSeg.run(blockIds[d.blockIndex]!, k * ORD_STEP, d.source);
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
      migrate(db);
      const tables = new Set(
        (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
      );
      for (const t of ['project', 'blocks', 'segments', 'revisions', 'drafts']) {
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
      id: String(b.id),
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
    return (this.st.liveSegments.all() as SegmentRow[]).map((r, i) => toSegment(r, i));
  }

  segment(segmentId: string): Segment {
    this.assertOpen();
    const row = this.liveRow(parseId(segmentId, 'segment'), segmentId);
    return toSegment(row, this.position(row));
  }

  snapshot(): ProjectSnapshot {
    this.assertOpen();
    return this.db.transaction(() => {
      const drafts: Record<string, string> = {};
      for (const d of this.st.drafts.all() as { segment_id: number; text: string }[]) drafts[String(d.segment_id)] = d.text;
      return { info: this.info(), blocks: this.blocks(), segments: this.segments(), drafts };
    })();
  }

  revisions(segmentId: string): StoredRevision[] {
    this.assertOpen();
    const id = parseId(segmentId, 'segment');
    if (!this.st.anySegment.get(id)) throw new RelaisError('segment.notFound', `No segment with id ${segmentId}`);
    return (this.st.revisionsOf.all(id) as RevisionRow[]).map(toRevision);
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
    for (const s of this.st.liveSegments.all() as SegmentRow[]) {
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

  // ---------------------------------------------------------------- writing

  /** Writes a target and its status: one transaction updating the segment, adding a revision and dropping the draft. */
  commitSegment(input: CommitSegmentInput, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.changeableRow(input.segmentId, input.status, user);
      let status = input.status;
      if (input.expectedRevisionId !== undefined) {
        const expected = input.expectedRevisionId === null ? null : Number(input.expectedRevisionId);
        if (expected !== row.revision_id) {
          throw new RelaisError('invalid.operation', 'This segment was changed by someone else since you started editing it', {
            detail: `conflict: head revision is ${row.revision_id ?? 'none'}, edit started from ${input.expectedRevisionId ?? 'none'}`,
          });
        }
      }
      if (isBlank(input.target)) {
        if (status === 'draft') status = 'new';
        if (status === 'translated' || status === 'approved') {
          throw new RelaisError('invalid.operation', `An empty translation cannot be ${status}`, { detail: `segment ${input.segmentId}` });
        }
      } else if (status === 'new') {
        throw new RelaisError('invalid.operation', 'A segment with a translation cannot be new: use draft', { detail: `segment ${input.segmentId}` });
      }
      // Confirming what is already there (same text, same status) adds no revision: history stays readable.
      if (input.target !== row.target || status !== row.status) this.applyChange(row, input.target, status, input.origin, user, null, status === 'approved' ? input.qaOverride : undefined);
      this.st.deleteDraft.run(row.id);
      return this.segment(String(row.id));
    });
  }

  /**
   * The live segment `segmentId`, checked for a change to `status` by `user`: in translation, approved/rejected only
   * by an editor, not locked against them. Shared by commitSegment and setStatus.
   */
  private changeableRow(segmentId: string, status: SegmentStatus, user: UserIdentity): SegmentRow {
    const row = this.liveRow(parseId(segmentId, 'segment'), segmentId);
    if (row.translatable !== 1) {
      throw new RelaisError('invalid.operation', 'This segment is out of translation', { detail: `segment ${segmentId}` });
    }
    if ((status === 'approved' || status === 'rejected') && user.role !== 'editor') {
      throw new RelaisError('permission.denied', `Only an editor can set a segment to ${status}`);
    }
    this.assertUnlocked(row, user);
    return row;
  }

  /** Changes only the status (approve, reject, confirm, back to draft), with a revision row (origin 'review'). */
  setStatus(input: SetStatusInput, user: UserIdentity): Segment {
    return this.write(() => {
      const row = this.changeableRow(input.segmentId, input.status, user);
      let status = input.status;
      if (isBlank(row.target)) {
        if (status === 'draft') status = 'new';
        if (status === 'translated' || status === 'approved') {
          throw new RelaisError('invalid.operation', `An untranslated segment cannot be ${status}`, { detail: `segment ${input.segmentId}` });
        }
      } else if (status === 'new') {
        throw new RelaisError('invalid.operation', 'A segment with a translation cannot be new', { detail: `segment ${input.segmentId}` });
      }
      const comment = input.comment !== undefined && !isBlank(input.comment) ? input.comment : null;
      // A rejection tells the translator why: the comment is required, kept in the revision and in the segment's thread.
      if (status === 'rejected' && row.status !== 'rejected' && comment === null) {
        throw new RelaisError('invalid.arguments', 'Say why you reject this segment: a comment is required', { detail: `segment ${input.segmentId}` });
      }
      if (status === row.status && comment === null) return toSegment(row, this.position(row));
      this.applyChange(row, row.target, status, 'review', user, comment, status === 'approved' ? input.qaOverride : undefined);
      if (status === 'rejected' && comment !== null) {
        this.db
          .prepare('INSERT INTO comments(segment_id, parent_id, author, role, created_at, text) VALUES (?, NULL, ?, ?, ?, ?)')
          .run(row.id, user.name, user.role, this.now().toISOString(), comment);
      }
      return this.segment(String(row.id));
    });
  }

  /**
   * Autosave of the segment being typed (upsert; cheap enough for every pause in typing). A draft equal to the
   * committed target is no draft: it is removed. With `user`, a translator cannot draft over an approved segment.
   */
  saveDraft(segmentId: string, text: string, user?: UserIdentity): void {
    this.write(() => {
      const row = this.liveRow(parseId(segmentId, 'segment'), segmentId);
      if (user) this.assertUnlocked(row, user);
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
   * draft, since its source changed), the second part is a new, untranslated segment right after it.
   * Returns [first, second].
   */
  splitSegment(segmentId: string, offset: number, user: UserIdentity): [Segment, Segment] {
    return this.write(() => {
      const row = this.liveRow(parseId(segmentId, 'segment'), segmentId);
      this.assertUnlocked(row, user);
      if (!Number.isInteger(offset) || offset <= 0 || offset >= row.source.length) {
        throw new RelaisError('invalid.arguments', `Cannot split at ${offset}: the segment has ${row.source.length} characters`);
      }
      const [a, b] = splitAt(row.source, offset);
      if (isBlank(a) || isBlank(b)) {
        throw new RelaisError('invalid.operation', 'Splitting here would leave an empty segment');
      }
      const ord = this.ordAfter(row);
      const ts = this.now().toISOString();
      const firstStatus: SegmentStatus = isBlank(row.target) ? 'new' : 'draft';
      const headBefore = row.revision_id;
      this.db
        .prepare('UPDATE segments SET source = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(a, firstStatus, ts, user.name, row.id);
      const firstRev = this.st.insertRevision.run(row.id, headBefore, user.name, user.role, ts, a, row.target, firstStatus, 'split', null);
      this.st.setHead.run(firstRev.lastInsertRowid, row.id);
      const ins = this.db
        .prepare("INSERT INTO segments(block_id, ord, source, target, status, updated_at, updated_by) VALUES (?, ?, ?, '', 'new', ?, ?)")
        .run(row.block_id, ord, b, ts, user.name);
      const secondId = Number(ins.lastInsertRowid);
      const secondRev = this.st.insertRevision.run(secondId, headBefore, user.name, user.role, ts, b, '', 'new', 'split', null);
      this.st.setHead.run(secondRev.lastInsertRowid, secondId);
      this.st.deleteDraft.run(row.id);
      return [this.segment(String(row.id)), this.segment(String(secondId))];
    });
  }

  /**
   * Merges two adjacent segments of the same block into the first. Sources and targets are joined; the second
   * segment is retired (kept with merged_into set, so its history stays readable). Returns the merged segment.
   */
  mergeSegments(firstId: string, secondId: string, user: UserIdentity): Segment {
    return this.write(() => {
      const a = this.liveRow(parseId(firstId, 'segment'), firstId);
      const b = this.liveRow(parseId(secondId, 'segment'), secondId);
      if (a.id === b.id) throw new RelaisError('invalid.operation', 'Cannot merge a segment with itself');
      if (a.block_id !== b.block_id) throw new RelaisError('invalid.operation', 'Only segments of the same paragraph can be merged');
      const next = this.st.nextInBlock.get(a.block_id, a.ord) as { id: number } | undefined;
      if (!next || next.id !== b.id) {
        throw new RelaisError('invalid.operation', 'Only adjacent segments can be merged (the second must follow the first)');
      }
      this.assertUnlocked(a, user);
      this.assertUnlocked(b, user);
      const source = joinSegments(a.source, b.source);
      const targets = [a.target, b.target].filter((t) => !isBlank(t));
      const target = targets.length === 2 ? joinSegments(targets[0]!, targets[1]!) : (targets[0] ?? '');
      const status: SegmentStatus = isBlank(target) ? 'new' : 'draft';
      const ts = this.now().toISOString();
      this.db
        .prepare('UPDATE segments SET merged_into = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(a.id, ts, user.name, b.id);
      this.db
        .prepare('UPDATE segments SET source = ?, target = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(source, target, status, ts, user.name, a.id);
      const rev = this.st.insertRevision.run(a.id, a.revision_id, user.name, user.role, ts, source, target, status, 'merge', `merged with segment ${b.id}`);
      this.st.setHead.run(rev.lastInsertRowid, a.id);
      this.st.deleteDraft.run(a.id);
      this.st.deleteDraft.run(b.id);
      return this.segment(String(a.id));
    });
  }

  /** Puts a block in or out of translation (chrome the detector missed, or a false positive). */
  setBlockTranslatable(blockId: string, translatable: boolean): void {
    this.write(() => {
      const r = this.db.prepare('UPDATE blocks SET translatable = ? WHERE id = ?').run(translatable ? 1 : 0, parseId(blockId, 'block'));
      if (r.changes === 0) throw new RelaisError('invalid.arguments', `No block with id ${blockId}`);
    });
  }

  // ---------------------------------------------------------------- internals

  private prepare() {
    const db = this.db;
    return {
      // Live = not merged away and not archived by a source update (segment or block): see source-update.ts.
      blocks: db.prepare('SELECT id, ord, kind, level, chrome, translatable FROM blocks WHERE archived_in_version IS NULL ORDER BY ord'),
      liveSegments: db.prepare(`${SEGMENT_SELECT} WHERE ${LIVE} ORDER BY b.ord, s.ord`),
      liveSegment: db.prepare(`${SEGMENT_SELECT} WHERE s.id = ? AND ${LIVE}`),
      anySegment: db.prepare('SELECT id FROM segments WHERE id = ?'),
      position: db.prepare(
        `SELECT COUNT(*) AS n FROM segments s JOIN blocks b ON b.id = s.block_id
         WHERE ${LIVE} AND (b.ord < ? OR (b.ord = ? AND s.ord < ?))`,
      ),
      nextInBlock: db.prepare(
        'SELECT id, ord FROM segments WHERE block_id = ? AND ord > ? AND merged_into IS NULL AND archived_in_version IS NULL ORDER BY ord LIMIT 1',
      ),
      drafts: db.prepare('SELECT segment_id, text FROM drafts'),
      upsertDraft: db.prepare(
        'INSERT INTO drafts(segment_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT(segment_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
      ),
      deleteDraft: db.prepare('DELETE FROM drafts WHERE segment_id = ?'),
      insertRevision: db.prepare(
        `INSERT INTO revisions(segment_id, prev_revision_id, author, role, created_at, source, text, status, origin, comment)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setHead: db.prepare('UPDATE segments SET revision_id = ? WHERE id = ?'),
      revisionsOf: db.prepare('SELECT * FROM revisions WHERE segment_id = ? ORDER BY id'),
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new RelaisError('project.notOpen', 'The project is closed', { file: this.path });
  }

  /** Runs `fn` in one IMMEDIATE transaction; SQLite failures become RelaisErrors about this file. */
  private write<T>(fn: () => T): T {
    this.assertOpen();
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw sqliteError(e, this.path);
    }
  }

  private liveRow(id: number, raw: string): SegmentRow {
    const row = this.st.liveSegment.get(id) as SegmentRow | undefined;
    if (!row) throw new RelaisError('segment.notFound', `No segment with id ${raw}`);
    return row;
  }

  private position(row: SegmentRow): number {
    return (this.st.position.get(row.block_ord, row.block_ord, row.ord) as { n: number }).n;
  }

  private assertUnlocked(row: SegmentRow, user: UserIdentity): void {
    if (row.status === 'approved' && user.role !== 'editor') {
      throw new RelaisError('segment.locked', 'This segment is approved: only an editor can change it', { detail: `segment ${row.id}` });
    }
  }

  private applyChange(
    row: SegmentRow,
    target: string,
    status: SegmentStatus,
    origin: RevisionOrigin,
    user: UserIdentity,
    comment: string | null,
    qaOverride?: string,
  ): void {
    const ts = this.now().toISOString();
    const rev = this.st.insertRevision.run(row.id, row.revision_id, user.name, user.role, ts, row.source, target, status, origin, comment);
    if (qaOverride !== undefined && !isBlank(qaOverride)) {
      this.db.prepare('UPDATE revisions SET qa_override = ? WHERE id = ?').run(qaOverride.trim(), rev.lastInsertRowid);
    }
    // Confirming the translation (translated/approved) means someone has looked at a changed source: clear the flag.
    const confirmed = status === 'translated' || status === 'approved';
    this.db
      .prepare(
        'UPDATE segments SET target = ?, status = ?, revision_id = ?, updated_at = ?, updated_by = ?, source_changed_from = CASE WHEN ? THEN NULL ELSE source_changed_from END WHERE id = ?',
      )
      .run(target, status, rev.lastInsertRowid, ts, user.name, confirmed ? 1 : 0, row.id);
  }

  /** An `ord` strictly between `row` and the next live segment of its block, renumbering the block if needed. */
  private ordAfter(row: SegmentRow): number {
    const next = this.st.nextInBlock.get(row.block_id, row.ord) as { id: number; ord: number } | undefined;
    if (!next) return row.ord + ORD_STEP;
    if (next.ord - row.ord >= 2) return row.ord + Math.floor((next.ord - row.ord) / 2);
    // No room left: respace this block's live segments (two passes, so the unique index never sees a clash).
    const ids = (
      this.db.prepare('SELECT id FROM segments WHERE block_id = ? AND merged_into IS NULL ORDER BY ord').all(row.block_id) as { id: number }[]
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

function toSegment(r: SegmentRow, ord: number): Segment {
  return {
    id: String(r.id),
    blockId: String(r.block_id),
    ord,
    source: r.source,
    target: r.target,
    status: r.status,
    translatable: r.translatable === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    sourceChangedFrom: r.source_changed_from,
  };
}

/** A `revisions` row as the app sees it; review-store's history entries are built on it. */
export function toRevision(r: RevisionRow): StoredRevision {
  return {
    id: String(r.id),
    segmentId: String(r.segment_id),
    author: r.author,
    role: r.role,
    createdAt: r.created_at,
    source: r.source,
    text: r.text,
    status: r.status,
    origin: r.origin,
    prevRevisionId: r.prev_revision_id === null ? null : String(r.prev_revision_id),
    comment: r.comment,
    qaOverride: r.qa_override ?? null,
  };
}
