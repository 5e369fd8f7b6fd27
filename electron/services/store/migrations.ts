/**
 * Schema of a Relais project file, as an ordered list of migrations.
 *
 * `PRAGMA user_version` holds the number of the last migration applied. Opening a project runs the missing ones in
 * order, each in its own transaction (a failed migration leaves the file at the previous version). A file whose
 * user_version is higher than SCHEMA_VERSION was written by a newer Relais and is refused untouched.
 *
 * Never edit a migration that has shipped: add a new one at the end. Later features (change tracking, review
 * threads, comments, source versions, glossary, TM) add their tables this way.
 */
import type Database from 'better-sqlite3';
import { migrateToGlobalIds } from './migration-3.ts';

/** `PRAGMA application_id` of every Relais project: ASCII "RLAS". Lets us recognise a foreign SQLite file. */
export const RELAIS_APPLICATION_ID = 0x524c4153;

export interface Migration {
  /** The user_version after this migration. Versions are 1, 2, 3… with no gaps. */
  version: number;
  description: string;
  /**
   * Runs with foreign keys off (SQLite's procedure for rebuilding tables); `PRAGMA foreign_key_check` must come back
   * empty before the migration commits.
   */
  rebuildsTables?: boolean;
  up(db: Database.Database): void;
}

const STATUS_CHECK = "('new','draft','translated','approved','rejected')";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Project metadata, blocks, segments, revisions, drafts',
    up(db) {
      db.exec(`
        -- Key/value metadata: name, source_name, source_format, source_lang, target_lang, created_at.
        CREATE TABLE project (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;

        -- Blocks of the source article in document order. 'source' is the block text as imported
        -- (kept so that later source versions can be diffed against it).
        CREATE TABLE blocks (
          id           INTEGER PRIMARY KEY,
          ord          INTEGER NOT NULL UNIQUE,
          kind         TEXT NOT NULL CHECK (kind IN ('title','heading','paragraph')),
          level        INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 6),
          chrome       TEXT CHECK (chrome IS NULL OR length(chrome) > 0),
          translatable INTEGER NOT NULL CHECK (translatable IN (0,1)),
          source       TEXT NOT NULL
        ) STRICT;

        -- Segments. 'ord' orders the segments of one block and is sparse (multiples of 1024 at creation) so a split
        -- inserts between two neighbours without renumbering; the block is renumbered only when a gap runs out.
        -- A merged-away segment is kept (merged_into set) so its revisions stay attached to a row: history survives.
        -- 'revision_id' is the head revision, the one the current target/status came from.
        CREATE TABLE segments (
          id          INTEGER PRIMARY KEY,
          block_id    INTEGER NOT NULL REFERENCES blocks(id),
          ord         INTEGER NOT NULL,
          source      TEXT NOT NULL,
          target      TEXT NOT NULL DEFAULT '',
          status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ${STATUS_CHECK}),
          revision_id INTEGER REFERENCES revisions(id),
          merged_into INTEGER REFERENCES segments(id),
          updated_at  TEXT,
          updated_by  TEXT
        ) STRICT;
        CREATE UNIQUE INDEX segments_live_order ON segments(block_id, ord) WHERE merged_into IS NULL;

        -- Every change to a segment's target or status. prev_revision_id is the head the author saw when they
        -- changed it: two edits made from the same head both stay in the chain, neither silently replaces the other.
        CREATE TABLE revisions (
          id               INTEGER PRIMARY KEY,
          segment_id       INTEGER NOT NULL REFERENCES segments(id),
          prev_revision_id INTEGER REFERENCES revisions(id),
          author           TEXT NOT NULL,
          role             TEXT NOT NULL CHECK (role IN ('translator','editor')),
          created_at       TEXT NOT NULL,
          source           TEXT NOT NULL,
          text             TEXT NOT NULL,
          status           TEXT NOT NULL CHECK (status IN ${STATUS_CHECK}),
          origin           TEXT NOT NULL CHECK (length(origin) > 0),
          comment          TEXT
        ) STRICT;
        CREATE INDEX revisions_by_segment ON revisions(segment_id, id);

        -- Autosave of the segment being typed; removed when the segment is committed.
        CREATE TABLE drafts (
          segment_id INTEGER PRIMARY KEY REFERENCES segments(id),
          text       TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 2,
    description: 'Review and terminology: source versions, archived segments, comments, review marks, project glossary, QA overrides',
    up(db) {
      db.exec(`
        -- Each imported version of the French article. Version 1 is the original import.
        CREATE TABLE source_versions (
          version       INTEGER PRIMARY KEY,
          imported_at   TEXT NOT NULL,
          imported_by   TEXT,
          source_name   TEXT NOT NULL,
          source_format TEXT NOT NULL,
          content       TEXT NOT NULL  -- the blocks of that version as JSON (ImportedBlock[]), so every version is kept
        ) STRICT;
        INSERT INTO source_versions (version, imported_at, imported_by, source_name, source_format, content)
          SELECT 1,
                 COALESCE((SELECT value FROM project WHERE key = 'created_at'), ''),
                 NULL,
                 COALESCE((SELECT value FROM project WHERE key = 'source_name'), ''),
                 COALESCE((SELECT value FROM project WHERE key = 'source_format'), 'txt'),
                 COALESCE((SELECT json_group_array(json_object('kind', kind, 'level', level, 'text', source, 'chrome', chrome))
                           FROM (SELECT * FROM blocks ORDER BY ord)), '[]');

        -- Source updates: a segment removed from a newer version is archived (kept with its translation and history);
        -- one whose source changed keeps its target, records the previous source until someone has looked at it.
        ALTER TABLE segments ADD COLUMN archived_in_version INTEGER REFERENCES source_versions(version);
        ALTER TABLE segments ADD COLUMN added_in_version INTEGER REFERENCES source_versions(version);
        ALTER TABLE segments ADD COLUMN source_changed_from TEXT;
        ALTER TABLE blocks ADD COLUMN archived_in_version INTEGER REFERENCES source_versions(version);

        -- Threaded comments on a segment.
        CREATE TABLE comments (
          id          INTEGER PRIMARY KEY,
          segment_id  INTEGER NOT NULL REFERENCES segments(id),
          parent_id   INTEGER REFERENCES comments(id),
          author      TEXT NOT NULL,
          role        TEXT NOT NULL CHECK (role IN ('translator','editor')),
          created_at  TEXT NOT NULL,
          text        TEXT NOT NULL CHECK (length(text) > 0),
          resolved_at TEXT,
          resolved_by TEXT
        ) STRICT;
        CREATE INDEX comments_by_segment ON comments(segment_id, id);

        -- What each person last saw of each segment: "changed since my last review" and
        -- "what the editor changed since I last looked" compare the head revision with this one.
        CREATE TABLE review_marks (
          user_name   TEXT NOT NULL,
          segment_id  INTEGER NOT NULL REFERENCES segments(id),
          revision_id INTEGER REFERENCES revisions(id),
          seen_at     TEXT NOT NULL,
          PRIMARY KEY (user_name, segment_id)
        ) STRICT, WITHOUT ROWID;

        -- The project glossary (wins over the desk glossary). One row per concept entry, the entry as JSON (ConceptEntry).
        CREATE TABLE glossary_entries (
          id         TEXT PRIMARY KEY,
          entry      TEXT NOT NULL CHECK (json_valid(entry)),
          updated_at TEXT NOT NULL,
          updated_by TEXT
        ) STRICT, WITHOUT ROWID;

        -- An editor who approves a segment despite QA errors gives a reason; it stays in the revision.
        ALTER TABLE revisions ADD COLUMN qa_override TEXT;
      `);
    },
  },
  {
    version: 3,
    description: 'Global ids: project UUID, UUIDv7 keys for blocks, segments, revisions, comments and review marks; users; merge parents',
    rebuildsTables: true,
    up: migrateToGlobalIds,
  },
];

export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings `db` from its user_version up to SCHEMA_VERSION, one transaction per migration.
 * The caller has already checked that user_version <= SCHEMA_VERSION.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    // Foreign keys can only be switched outside a transaction.
    const fk = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
          if (broken.length > 0) {
            const first = broken[0]!;
            throw new Error(`Migration ${m.version} left ${broken.length} broken reference(s), e.g. ${first.table} row ${first.rowid} → ${first.parent}`);
          }
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.rebuildsTables && fk) db.pragma('foreign_keys = ON');
    }
  }
}
