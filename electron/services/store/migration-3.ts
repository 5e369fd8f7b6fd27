/**
 * Migration 3: global, time-ordered ids (shared/ids.ts) and users.
 *
 * Before: INTEGER row ids, authors as typed names. After:
 *  - a project UUID (`project` key `project_id`);
 *  - TEXT UUIDv7 primary keys for blocks, segments, revisions, comments and review marks (marks had none), every
 *    reference rewritten; the old integer kept as `legacy_id`, so an upgraded file can be traced to its old ids;
 *  - a `users` table (id, display name, role); revisions and comments carry `author_id` next to the display name
 *    they always had; review marks belong to a user id;
 *  - `revisions.merge_parent_id`: the second parent of a revision that resolves a conflict between two heads.
 *
 * SQLite cannot change a primary key in place: every table is rebuilt (create the new table, copy through the id
 * map, drop the old one, rename, recreate the indexes), with foreign keys off for the copy and
 * `PRAGMA foreign_key_check` before the commit (see migrate()). Nothing is lost: every revision with its chain
 * (`prev_revision_id`), comments with their threads, review marks, drafts, source versions and archived segments.
 *
 * Ids are handed out in the rows' old id order, stamped with their own time where they have one (revisions and
 * comments: created_at; marks: seen_at; segments added by a source update: that version's import time; other blocks
 * and segments: the project's creation time), clamped so that the new ids keep the old order.
 *
 * People were names: each distinct name becomes one user (legacy = 1, role of their latest revision or comment).
 * A legacy user and a user of the same display name are the same person (see ProjectStore.userKeys).
 */
import type Database from 'better-sqlite3';
import { idSequence, newId } from '../../../shared/ids.ts';

const STATUS_CHECK = "('new','draft','translated','approved','rejected')";
const ROLE_CHECK = "('translator','editor')";

/** The schema of version 3, as `CREATE` statements on the final table names. Also what a new project starts with. */
const V3_TABLES = `
  CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL CHECK (length(display_name) > 0),
    role         TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
    legacy       INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0,1)),
    created_at   TEXT NOT NULL
  ) STRICT;

  CREATE TABLE blocks (
    id                  TEXT PRIMARY KEY,
    legacy_id           INTEGER UNIQUE,
    ord                 INTEGER NOT NULL UNIQUE,
    kind                TEXT NOT NULL CHECK (kind IN ('title','heading','paragraph')),
    level               INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 6),
    chrome              TEXT CHECK (chrome IS NULL OR length(chrome) > 0),
    translatable        INTEGER NOT NULL CHECK (translatable IN (0,1)),
    source              TEXT NOT NULL,
    archived_in_version INTEGER REFERENCES source_versions(version)
  ) STRICT;

  CREATE TABLE segments (
    id                  TEXT PRIMARY KEY,
    legacy_id           INTEGER UNIQUE,
    block_id            TEXT NOT NULL REFERENCES blocks(id),
    ord                 INTEGER NOT NULL,
    source              TEXT NOT NULL,
    target              TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'new' CHECK (status IN ${STATUS_CHECK}),
    revision_id         TEXT REFERENCES revisions(id),
    merged_into         TEXT REFERENCES segments(id),
    updated_at          TEXT,
    updated_by          TEXT,
    archived_in_version INTEGER REFERENCES source_versions(version),
    added_in_version    INTEGER REFERENCES source_versions(version),
    source_changed_from TEXT
  ) STRICT;

  CREATE TABLE revisions (
    id               TEXT PRIMARY KEY,
    legacy_id        INTEGER UNIQUE,
    segment_id       TEXT NOT NULL REFERENCES segments(id),
    prev_revision_id TEXT REFERENCES revisions(id),
    merge_parent_id  TEXT REFERENCES revisions(id),
    author           TEXT NOT NULL,
    author_id        TEXT NOT NULL REFERENCES users(id),
    role             TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
    created_at       TEXT NOT NULL,
    source           TEXT NOT NULL,
    text             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ${STATUS_CHECK}),
    origin           TEXT NOT NULL CHECK (length(origin) > 0),
    comment          TEXT,
    qa_override      TEXT
  ) STRICT;

  CREATE TABLE drafts (
    segment_id TEXT PRIMARY KEY REFERENCES segments(id),
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE comments (
    id             TEXT PRIMARY KEY,
    legacy_id      INTEGER UNIQUE,
    segment_id     TEXT NOT NULL REFERENCES segments(id),
    parent_id      TEXT REFERENCES comments(id),
    author         TEXT NOT NULL,
    author_id      TEXT NOT NULL REFERENCES users(id),
    role           TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
    created_at     TEXT NOT NULL,
    text           TEXT NOT NULL CHECK (length(text) > 0),
    resolved_at    TEXT,
    resolved_by    TEXT,
    resolved_by_id TEXT REFERENCES users(id)
  ) STRICT;

  CREATE TABLE review_marks (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    segment_id  TEXT NOT NULL REFERENCES segments(id),
    revision_id TEXT REFERENCES revisions(id),
    seen_at     TEXT NOT NULL,
    UNIQUE (user_id, segment_id)
  ) STRICT;
`;

const V3_INDEXES = `
  CREATE UNIQUE INDEX segments_live_order ON segments(block_id, ord) WHERE merged_into IS NULL;
  CREATE INDEX segments_by_block ON segments(block_id);
  CREATE INDEX revisions_by_segment ON revisions(segment_id, id);
  CREATE INDEX comments_by_segment ON comments(segment_id, id);
  CREATE INDEX review_marks_by_segment ON review_marks(segment_id);
`;

/** Tables rebuilt, in an order where every table comes after the ones it references. */
const REBUILT = ['blocks', 'segments', 'revisions', 'drafts', 'comments', 'review_marks'] as const;

function ms(iso: string | null | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

interface OldUserUse {
  name: string;
  role: 'translator' | 'editor' | null;
  at: string;
}

export function migrateToGlobalIds(db: Database.Database): void {
  const meta = new Map((db.prepare('SELECT key, value FROM project').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const createdAt = meta.get('created_at') ?? '';
  const projectTime = ms(createdAt, Date.now());

  // Old tables are renamed out of the way; the new ones take the final names (their foreign keys name them).
  for (const t of REBUILT) db.exec(`ALTER TABLE ${t} RENAME TO old_${t}`);
  // Renaming also rewrote the old tables' own references to old_* names; the old indexes follow their tables.
  db.exec(V3_TABLES);

  // ---- users: one per distinct name, in order of first appearance.
  const uses = db
    .prepare(
      `SELECT name, role, at FROM (
         SELECT author AS name, role, created_at AS at FROM old_revisions
         UNION ALL SELECT author, role, created_at FROM old_comments
         UNION ALL SELECT resolved_by, NULL, resolved_at FROM old_comments WHERE resolved_by IS NOT NULL
         UNION ALL SELECT user_name, NULL, seen_at FROM old_review_marks
         UNION ALL SELECT updated_by, NULL, COALESCE(updated_at, '') FROM old_segments WHERE updated_by IS NOT NULL
       ) WHERE name IS NOT NULL AND length(name) > 0 ORDER BY at`,
    )
    .all() as OldUserUse[];
  const firstSeen = new Map<string, string>();
  const lastRole = new Map<string, 'translator' | 'editor'>();
  for (const u of uses) {
    if (!firstSeen.has(u.name)) firstSeen.set(u.name, u.at);
    if (u.role) lastRole.set(u.name, u.role);
  }
  const userSeq = idSequence();
  const userId = new Map<string, string>();
  const insUser = db.prepare('INSERT INTO users(id, display_name, role, legacy, created_at) VALUES (?, ?, ?, 1, ?)');
  for (const [name, at] of firstSeen) {
    const id = userSeq(ms(at, projectTime));
    userId.set(name, id);
    insUser.run(id, name, lastRole.get(name) ?? 'translator', at || createdAt);
  }
  const userOf = (name: string): string => {
    const id = userId.get(name);
    if (id === undefined) throw new Error(`No user for ${JSON.stringify(name)}`);
    return id;
  };

  // ---- blocks and segments: no creation time of their own.
  const versionTime = new Map(
    (db.prepare('SELECT version, imported_at FROM source_versions').all() as { version: number; imported_at: string }[]).map((v) => [
      v.version,
      ms(v.imported_at, projectTime),
    ]),
  );
  const blockSeq = idSequence();
  const blockId = new Map<number, string>();
  const insBlock = db.prepare(
    'INSERT INTO blocks(id, legacy_id, ord, kind, level, chrome, translatable, source, archived_in_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const b of db.prepare('SELECT * FROM old_blocks ORDER BY id').all() as (Record<string, unknown> & { id: number })[]) {
    const id = blockSeq(projectTime);
    blockId.set(b.id, id);
    insBlock.run(id, b.id, b.ord, b.kind, b.level, b.chrome, b.translatable, b.source, b.archived_in_version);
  }

  interface OldSegment {
    id: number;
    block_id: number;
    ord: number;
    source: string;
    target: string;
    status: string;
    revision_id: number | null;
    merged_into: number | null;
    updated_at: string | null;
    updated_by: string | null;
    archived_in_version: number | null;
    added_in_version: number | null;
    source_changed_from: string | null;
  }
  const segSeq = idSequence();
  const segId = new Map<number, string>();
  const oldSegs = db.prepare('SELECT * FROM old_segments ORDER BY id').all() as OldSegment[];
  for (const s of oldSegs) {
    const at = s.added_in_version !== null ? (versionTime.get(s.added_in_version) ?? projectTime) : projectTime;
    segId.set(s.id, segSeq(at));
  }

  // ---- revisions: ids in old order, stamped with created_at.
  interface OldRevision {
    id: number;
    segment_id: number;
    prev_revision_id: number | null;
    author: string;
    role: string;
    created_at: string;
    source: string;
    text: string;
    status: string;
    origin: string;
    comment: string | null;
    qa_override: string | null;
  }
  const revSeq = idSequence();
  const revId = new Map<number, string>();
  const oldRevs = db.prepare('SELECT * FROM old_revisions ORDER BY id').all() as OldRevision[];
  for (const r of oldRevs) revId.set(r.id, revSeq(ms(r.created_at, projectTime)));
  const mapped = (m: Map<number, string>, old: number | null): string | null => {
    if (old === null) return null;
    const id = m.get(old);
    if (id === undefined) throw new Error(`Dangling reference to row ${old}`);
    return id;
  };

  // Segments reference revisions and segments: insert them without those references, then set them.
  const insSeg = db.prepare(
    `INSERT INTO segments(id, legacy_id, block_id, ord, source, target, status, revision_id, merged_into, updated_at, updated_by,
                          archived_in_version, added_in_version, source_changed_from)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`,
  );
  for (const s of oldSegs) {
    insSeg.run(
      segId.get(s.id)!,
      s.id,
      mapped(blockId, s.block_id),
      s.ord,
      s.source,
      s.target,
      s.status,
      s.updated_at,
      s.updated_by,
      s.archived_in_version,
      s.added_in_version,
      s.source_changed_from,
    );
  }
  const insRev = db.prepare(
    `INSERT INTO revisions(id, legacy_id, segment_id, prev_revision_id, merge_parent_id, author, author_id, role, created_at, source, text,
                           status, origin, comment, qa_override)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of oldRevs) {
    insRev.run(
      revId.get(r.id)!,
      r.id,
      mapped(segId, r.segment_id),
      mapped(revId, r.prev_revision_id),
      r.author,
      userOf(r.author),
      r.role,
      r.created_at,
      r.source,
      r.text,
      r.status,
      r.origin,
      r.comment,
      r.qa_override ?? null,
    );
  }
  const setRefs = db.prepare('UPDATE segments SET revision_id = ?, merged_into = ? WHERE id = ?');
  for (const s of oldSegs) {
    if (s.revision_id !== null || s.merged_into !== null) setRefs.run(mapped(revId, s.revision_id), mapped(segId, s.merged_into), segId.get(s.id)!);
  }

  // ---- drafts
  const insDraft = db.prepare('INSERT INTO drafts(segment_id, text, updated_at) VALUES (?, ?, ?)');
  for (const d of db.prepare('SELECT * FROM old_drafts ORDER BY segment_id').all() as { segment_id: number; text: string; updated_at: string }[]) {
    insDraft.run(mapped(segId, d.segment_id), d.text, d.updated_at);
  }

  // ---- comments: parents come before their replies (a reply is always newer), so old id order works.
  interface OldComment {
    id: number;
    segment_id: number;
    parent_id: number | null;
    author: string;
    role: string;
    created_at: string;
    text: string;
    resolved_at: string | null;
    resolved_by: string | null;
  }
  const comSeq = idSequence();
  const comId = new Map<number, string>();
  const oldComments = db.prepare('SELECT * FROM old_comments ORDER BY id').all() as OldComment[];
  for (const c of oldComments) comId.set(c.id, comSeq(ms(c.created_at, projectTime)));
  const insComment = db.prepare(
    `INSERT INTO comments(id, legacy_id, segment_id, parent_id, author, author_id, role, created_at, text, resolved_at, resolved_by, resolved_by_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of oldComments) {
    insComment.run(
      comId.get(c.id)!,
      c.id,
      mapped(segId, c.segment_id),
      mapped(comId, c.parent_id),
      c.author,
      userOf(c.author),
      c.role,
      c.created_at,
      c.text,
      c.resolved_at,
      c.resolved_by,
      c.resolved_by === null ? null : userOf(c.resolved_by),
    );
  }

  // ---- review marks: they had no id; ordered by when they were made.
  const markSeq = idSequence();
  const insMark = db.prepare('INSERT INTO review_marks(id, user_id, segment_id, revision_id, seen_at) VALUES (?, ?, ?, ?, ?)');
  const oldMarks = db.prepare('SELECT * FROM old_review_marks ORDER BY seen_at, user_name, segment_id').all() as {
    user_name: string;
    segment_id: number;
    revision_id: number | null;
    seen_at: string;
  }[];
  for (const m of oldMarks) {
    insMark.run(markSeq(ms(m.seen_at, projectTime)), userOf(m.user_name), mapped(segId, m.segment_id), mapped(revId, m.revision_id), m.seen_at);
  }

  for (const t of [...REBUILT].reverse()) db.exec(`DROP TABLE old_${t}`);
  db.exec(V3_INDEXES);

  if (!meta.has('project_id')) db.prepare("INSERT INTO project(key, value) VALUES ('project_id', ?)").run(newId(projectTime));
}
