/**
 * Upgrading a project file made by the previous schema (migrations 1–2, integer ids, authors as names) to global
 * ids. The old file is written the way the previous Relais wrote it — its migrations and its own INSERT and UPDATE
 * statements: translations, an editor's changes, an approval with a QA override, a rejection with its thread, a
 * split, a merge, a republished source (a changed, an added and an archived segment), review marks, a draft and a
 * project glossary entry — then opened with the current code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idTime, isId, newId } from '../../../shared/ids.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { errorCode } from '../testing/errors.ts';
import { migrate, MIGRATIONS, RELAIS_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import { ProjectStore } from './project-store.ts';
import { ReviewStore } from './review-store.ts';

let dir: string;
let store: ProjectStore | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-upgrade-'));
});
afterEach(() => {
  store?.close();
  store = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

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

/** A project file as the previous Relais made and used it (schema version 2). */
function writeVersion2Project(file: string): void {
  const db = new Database(file);
  db.pragma(`application_id = ${RELAIS_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
  let t = Date.UTC(2025, 0, 10, 8, 0, 0);
  const ts = () => new Date((t += 60_000)).toISOString();
  const created = ts();
  const meta = db.prepare('INSERT INTO project(key, value) VALUES (?, ?)');
  for (const [k, v] of [['name', 'old'], ['source_name', 'old.txt'], ['source_format', 'txt'], ['source_lang', 'fr'], ['target_lang', 'en'], ['created_at', created]]) meta.run(k, v);
  const blocks = [
    ['title', 1, 'Europol : opération Cumberland'],
    ['paragraph', null, 'Au moins 25 individus ont été arrêtés. « C’est une première », dit-elle.'],
    ['paragraph', null, 'Les Etats membres discutent. Une loi est prévue.'],
  ] as const;
  const insBlock = db.prepare('INSERT INTO blocks(ord, kind, level, chrome, translatable, source) VALUES (?, ?, ?, ?, ?, ?)');
  blocks.forEach(([kind, level, text], i) => insBlock.run(i, kind, level, null, 1, text));
  db.prepare('UPDATE source_versions SET imported_at = ?, source_name = ?, source_format = ?, content = ? WHERE version = 1').run(
    created,
    'old.txt',
    'txt',
    JSON.stringify(blocks.map(([kind, level, text]) => ({ kind, level, text, chrome: null }))),
  );
  const insSeg = db.prepare("INSERT INTO segments(block_id, ord, source, target, status) VALUES (?, ?, ?, '', 'new')");
  const sources: [number, string][] = [
    [1, 'Europol : opération Cumberland'],
    [2, 'Au moins 25 individus ont été arrêtés.'],
    [2, '« C’est une première », dit-elle.'],
    [3, 'Les Etats membres discutent.'],
    [3, 'Une loi est prévue.'],
  ];
  const perBlock = new Map<number, number>();
  for (const [b, src] of sources) {
    const k = (perBlock.get(b) ?? 0) + 1;
    perBlock.set(b, k);
    insSeg.run(b, k * 1024, src);
  }

  // The previous ProjectStore.applyChange / ReviewStore.change.
  const insRev = db.prepare(
    `INSERT INTO revisions(segment_id, prev_revision_id, author, role, created_at, source, text, status, origin, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const change = (seg: number, text: string, status: string, author: string, role: string, origin = 'typed', comment: string | null = null, override?: string) => {
    const row = db.prepare('SELECT source, revision_id FROM segments WHERE id = ?').get(seg) as { source: string; revision_id: number | null };
    const at = ts();
    const r = insRev.run(seg, row.revision_id, author, role, at, row.source, text, status, origin, comment);
    if (override) db.prepare('UPDATE revisions SET qa_override = ? WHERE id = ?').run(override, r.lastInsertRowid);
    const confirmed = status === 'translated' || status === 'approved';
    db.prepare(
      'UPDATE segments SET target = ?, status = ?, revision_id = ?, updated_at = ?, updated_by = ?, source_changed_from = CASE WHEN ? THEN NULL ELSE source_changed_from END WHERE id = ?',
    ).run(text, status, r.lastInsertRowid, at, author, confirmed ? 1 : 0, seg);
    db.prepare('DELETE FROM drafts WHERE segment_id = ?').run(seg);
  };
  const comment = (seg: number, parent: number | null, author: string, role: string, text: string) =>
    Number(db.prepare('INSERT INTO comments(segment_id, parent_id, author, role, created_at, text) VALUES (?, ?, ?, ?, ?, ?)').run(seg, parent, author, role, ts(), text).lastInsertRowid);

  change(1, 'Europol: Operation Cumberland', 'translated', 'Ana', 'translator');
  change(1, 'Europol: operation “Cumberland”', 'translated', 'Eddie', 'editor');
  change(1, 'Europol: operation “Cumberland”', 'approved', 'Eddie', 'editor', 'review', null, 'House style allows the quotes');
  change(2, 'At least 25 people were arrested.', 'translated', 'Ana', 'translator');
  change(2, 'At least 25 people were arrested.', 'rejected', 'Eddie', 'editor', 'review', 'Say individuals');
  const thread = comment(2, null, 'Eddie', 'editor', 'Say individuals');
  comment(2, thread, 'Ana', 'translator', 'Done.');
  db.prepare('UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(ts(), 'Ana', thread);
  change(2, 'At least 25 individuals were arrested.', 'translated', 'Ana', 'translator');
  change(3, '“It is a first,” she said.', 'draft', 'Ana', 'translator');

  // The previous splitSegment: segment 4 split before "discutent".
  {
    const row = db.prepare('SELECT * FROM segments WHERE id = 4').get() as { block_id: number; ord: number; revision_id: number | null };
    const at = ts();
    db.prepare('UPDATE segments SET source = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = 4').run('Les Etats membres', 'new', at, 'Ana');
    const first = insRev.run(4, row.revision_id, 'Ana', 'translator', at, 'Les Etats membres', '', 'new', 'split', null);
    db.prepare('UPDATE segments SET revision_id = ? WHERE id = ?').run(first.lastInsertRowid, 4);
    const ins = db
      .prepare("INSERT INTO segments(block_id, ord, source, target, status, updated_at, updated_by) VALUES (?, ?, ?, '', 'new', ?, ?)")
      .run(row.block_id, row.ord + 512, 'discutent.', at, 'Ana');
    const second = insRev.run(ins.lastInsertRowid, row.revision_id, 'Ana', 'translator', at, 'discutent.', '', 'new', 'split', null);
    db.prepare('UPDATE segments SET revision_id = ? WHERE id = ?').run(second.lastInsertRowid, ins.lastInsertRowid);
  }
  // The previous mergeSegments: the two halves again (segment 6 merged into 4).
  {
    const at = ts();
    db.prepare('UPDATE segments SET merged_into = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(4, at, 'Ana', 6);
    db.prepare('UPDATE segments SET source = ?, target = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?').run('Les Etats membres discutent.', '', 'new', at, 'Ana', 4);
    const head = (db.prepare('SELECT revision_id FROM segments WHERE id = 4').get() as { revision_id: number }).revision_id;
    const r = insRev.run(4, head, 'Ana', 'translator', at, 'Les Etats membres discutent.', '', 'new', 'merge', 'merged with segment 6');
    db.prepare('UPDATE segments SET revision_id = ? WHERE id = ?').run(r.lastInsertRowid, 4);
  }
  change(4, 'Member states are discussing.', 'translated', 'Ana', 'translator');
  change(5, 'A law is planned.', 'translated', 'Ana', 'translator');

  // The previous updateSource: version 2 changes segment 5, adds one after it, archives segment 3.
  {
    const at = ts();
    db.prepare("INSERT INTO source_versions(version, imported_at, imported_by, source_name, source_format, content) VALUES (2, ?, 'Eddie', 'old-v2.txt', 'txt', '[]')").run(at);
    db.prepare('UPDATE segments SET archived_in_version = 2 WHERE id = 3').run();
    const row = db.prepare('SELECT revision_id, target, source FROM segments WHERE id = 5').get() as { revision_id: number; target: string; source: string };
    const r = insRev.run(5, row.revision_id, 'Eddie', 'editor', at, 'Une loi est attendue.', row.target, 'draft', 'source-update', 'source changed in version 2');
    db.prepare(
      'UPDATE segments SET source = ?, status = ?, revision_id = ?, updated_at = ?, updated_by = ?, source_changed_from = COALESCE(source_changed_from, ?) WHERE id = 5',
    ).run('Une loi est attendue.', 'draft', r.lastInsertRowid, at, 'Eddie', row.source);
    db.prepare("INSERT INTO segments(block_id, ord, source, target, status, added_in_version) VALUES (3, 4096, 'Elle sera votée en juin.', '', 'new', 2)").run();
  }

  // Review marks, a draft, a project glossary entry.
  const mark = db.prepare('INSERT INTO review_marks(user_name, segment_id, revision_id, seen_at) VALUES (?, ?, (SELECT revision_id FROM segments WHERE id = ?), ?)');
  mark.run('Eddie', 1, 1, ts());
  mark.run('Eddie', 2, 2, ts());
  mark.run('Ana', 1, 1, ts());
  db.prepare('INSERT INTO drafts(segment_id, text, updated_at) VALUES (7, ?, ?)').run('It will be voted', ts());
  db.prepare('INSERT INTO glossary_entries(id, entry, updated_at, updated_by) VALUES (?, ?, ?, ?)').run(
    'project-coup-de-filet',
    JSON.stringify({ id: 'project-coup-de-filet', terms: [{ text: 'coup de filet', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'sweep', lang: 'en', status: 'preferred', caseSensitive: false }] }),
    ts(),
    'Eddie',
  );
  db.close();
}

function oldRows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      revisions: db.prepare('SELECT * FROM revisions ORDER BY id').all() as OldRevision[],
      segments: db.prepare('SELECT * FROM segments ORDER BY id').all() as { id: number; source: string; target: string; status: string; revision_id: number | null; merged_into: number | null; archived_in_version: number | null; added_in_version: number | null; source_changed_from: string | null }[],
      comments: db.prepare('SELECT * FROM comments ORDER BY id').all() as { id: number; segment_id: number; parent_id: number | null; author: string; text: string; resolved_by: string | null }[],
      marks: db.prepare('SELECT * FROM review_marks ORDER BY user_name, segment_id').all() as { user_name: string; segment_id: number; revision_id: number | null }[],
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

describe('upgrading a project file from integer ids to global ids', () => {
  it('keeps every revision with a new UUID, its chain, texts, authors, statuses and order; and everything else', () => {
    const file = path.join(dir, 'old.relais');
    writeVersion2Project(file);
    const before = oldRows(file);
    expect(before.version).toBe(2);
    expect(before.revisions.length).toBe(13);

    store = ProjectStore.open(file);
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(isId(store.info().id)).toBe(true);

    // Revisions: one new id each, traceable through legacy_id, in the same order.
    const revs = db.prepare('SELECT * FROM revisions ORDER BY id').all() as (OldRevision & { id: string; legacy_id: number; segment_id: string; prev_revision_id: string | null; author_id: string; merge_parent_id: string | null })[];
    expect(revs.map((r) => r.legacy_id)).toEqual(before.revisions.map((r) => r.id));
    expect(revs.every((r) => isId(r.id))).toBe(true);
    expect(new Set(revs.map((r) => r.id)).size).toBe(revs.length);
    const revByLegacy = new Map(revs.map((r) => [r.legacy_id, r]));
    const segs = db.prepare('SELECT id, legacy_id, revision_id, merged_into FROM segments').all() as { id: string; legacy_id: number; revision_id: string | null; merged_into: string | null }[];
    const segByLegacy = new Map(segs.map((s) => [s.legacy_id, s]));
    for (const old of before.revisions) {
      const r = revByLegacy.get(old.id)!;
      expect(r).toMatchObject({
        author: old.author,
        role: old.role,
        created_at: old.created_at,
        source: old.source,
        text: old.text,
        status: old.status,
        origin: old.origin,
        comment: old.comment,
        qa_override: old.qa_override,
        merge_parent_id: null,
      });
      expect(r.segment_id).toBe(segByLegacy.get(old.segment_id)!.id);
      expect(r.prev_revision_id).toBe(old.prev_revision_id === null ? null : revByLegacy.get(old.prev_revision_id)!.id);
    }
    // The id's time is the revision's own time (never earlier).
    for (const r of revs) expect(idTime(r.id)).toBeGreaterThanOrEqual(Date.parse(r.created_at));

    // Authors: one user per name, the same id on every revision and comment of that person.
    const users = db.prepare('SELECT * FROM users ORDER BY id').all() as { id: string; display_name: string; role: string; legacy: number }[];
    expect(users.map((u) => [u.display_name, u.role, u.legacy])).toEqual([
      ['Ana', 'translator', 1],
      ['Eddie', 'editor', 1],
    ]);
    const userId = new Map(users.map((u) => [u.display_name, u.id]));
    for (const r of revs) expect(r.author_id).toBe(userId.get(r.author));

    // Segments: heads and merges rewritten; the live document reads as before.
    for (const old of before.segments) {
      const s = segByLegacy.get(old.id)!;
      expect(s.revision_id).toBe(old.revision_id === null ? null : revByLegacy.get(old.revision_id)!.id);
      expect(s.merged_into).toBe(old.merged_into === null ? null : segByLegacy.get(old.merged_into)!.id);
    }
    const live = store.segments();
    expect(live.map((s) => [s.source, s.target, s.status])).toEqual([
      ['Europol : opération Cumberland', 'Europol: operation “Cumberland”', 'approved'],
      ['Au moins 25 individus ont été arrêtés.', 'At least 25 individuals were arrested.', 'translated'],
      ['Les Etats membres discutent.', 'Member states are discussing.', 'translated'],
      ['Une loi est attendue.', 'A law is planned.', 'draft'],
      ['Elle sera votée en juin.', '', 'new'],
    ]);
    expect(live[3]!.sourceChangedFrom).toBe('Une loi est prévue.');
    expect(live.map((s) => s.revisionId)).toEqual(live.map((s) => segByLegacy.get(before.segments.find((o) => o.source === s.source)!.id)!.revision_id));
    expect(store.snapshot().drafts).toEqual({ [live[4]!.id]: 'It will be voted' });

    // History through the review store: the split and merge chain of segment 4, with the split-off half kept.
    const review = new ReviewStore(store);
    const h4 = review.history(segByLegacy.get(4)!.id);
    expect(h4.map((r) => r.origin)).toEqual(['split', 'merge', 'typed']);
    expect(h4[1]!.prevRevisionId).toBe(h4[0]!.id);
    const half = review.history(segByLegacy.get(6)!.id);
    expect(half.map((r) => [r.origin, r.source])).toEqual([['split', 'discutent.']]);
    expect(review.history(segByLegacy.get(1)!.id).at(-1)).toMatchObject({ status: 'approved', qaOverride: 'House style allows the quotes', author: 'Eddie', authorId: userId.get('Eddie') });
    // The archived segment keeps its translation and history.
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM segments WHERE archived_in_version = 2').get()).toEqual({ n: 1 });
    expect(review.history(segByLegacy.get(3)!.id).map((r) => r.text)).toEqual(['“It is a first,” she said.']);

    // Comments keep their thread and who resolved it.
    const thread = review.comments(segByLegacy.get(2)!.id);
    expect(thread.comments.map((c) => [c.author, c.text, c.authorId])).toEqual([
      ['Eddie', 'Say individuals', userId.get('Eddie')],
      ['Ana', 'Done.', userId.get('Ana')],
    ]);
    expect(thread.comments[1]!.parentId).toBe(thread.comments[0]!.id);
    expect(thread.comments[0]!.resolvedBy).toBe('Ana');
    expect(thread.open).toBe(0);

    // Review marks belong to the users; a person of the same name sees what changed since their last look.
    const marks = db.prepare('SELECT COUNT(*) AS n FROM review_marks').get() as { n: number };
    expect(marks.n).toBe(before.marks.length);
    const eddieNow: UserIdentity = { id: newId(), name: 'Eddie', role: 'editor' };
    // 1 is his own change, 2 he saw after Ana's last change (his mark), 4 Ana changed and he never looked at.
    expect(review.changedSince(eddieNow)).toEqual([segByLegacy.get(4)!.id]);

    // The glossary entry keeps its id.
    expect(db.prepare('SELECT id FROM glossary_entries').all()).toEqual([{ id: 'project-coup-de-filet' }]);

    // Work goes on: a commit from the upgraded head is accepted; from an older one, refused.
    const seg = live[1]!;
    const ana: UserIdentity = { id: newId(), name: 'Ana', role: 'translator' };
    const older = h4[0]!.id;
    expect(errorCode(() => store!.commitSegment({ segmentId: seg.id, target: 'x', status: 'draft', origin: 'typed', expectedRevisionId: older }, ana))).toBe('segment.conflict');
    const next = store.commitSegment({ segmentId: seg.id, target: 'At least 25 individuals have been arrested.', status: 'translated', origin: 'typed', expectedRevisionId: seg.revisionId }, ana);
    expect(next.revisionId! > seg.revisionId!).toBe(true);
    store.close();

    // Opening again changes nothing.
    const ids = () => {
      const d = new Database(file, { readonly: true });
      try {
        return d.prepare('SELECT id, legacy_id FROM revisions ORDER BY id').all();
      } finally {
        d.close();
      }
    };
    const once = ids();
    store = ProjectStore.open(file);
    store.close();
    expect(ids()).toEqual(once);
    store = null;
  });

  it('a file with a broken reference is refused and left as it was', () => {
    const file = path.join(dir, 'broken.relais');
    writeVersion2Project(file);
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE revisions SET prev_revision_id = 999 WHERE id = 3').run();
    db.close();
    const before = oldRows(file);
    expect(errorCode(() => ProjectStore.open(file))).toBe('project.corrupt');
    expect(oldRows(file)).toEqual(before);
  });
});
