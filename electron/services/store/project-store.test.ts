import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import { isId, newId } from '../../../shared/ids.ts';
import type { ImportedDocument, SegmentDraft, UserIdentity } from '../../../shared/model.ts';
import { migrate, MIGRATIONS, RELAIS_APPLICATION_ID, SCHEMA_VERSION } from './migrations.ts';
import { errorCode } from '../testing/errors.ts';
import { ProjectStore } from './project-store.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const doc: ImportedDocument = {
  format: 'txt',
  sourceName: 'article.txt',
  blocks: [
    { kind: 'title', text: 'Europol : opération Cumberland', chrome: null },
    {
      kind: 'paragraph',
      text: `Au moins 25${NBSP}individus ont été arrêtés. Mme De Bolle l’a annoncé${NNBSP}! « C’est une première », dit-elle.`,
      chrome: null,
    },
    { kind: 'heading', level: 2, text: 'Réglementation commune', chrome: null },
    { kind: 'paragraph', text: 'Partager', chrome: 'share' },
    { kind: 'paragraph', text: 'Les Etats membres discutent.', chrome: null },
  ],
};
const drafts: SegmentDraft[] = [
  { blockIndex: 0, source: 'Europol : opération Cumberland' },
  { blockIndex: 1, source: `Au moins 25${NBSP}individus ont été arrêtés.` },
  { blockIndex: 1, source: `Mme De Bolle l’a annoncé${NNBSP}!` },
  { blockIndex: 1, source: '« C’est une première », dit-elle.' },
  { blockIndex: 2, source: 'Réglementation commune' },
  { blockIndex: 3, source: 'Partager' },
  { blockIndex: 4, source: 'Les Etats membres discutent.' },
];

const ana: UserIdentity = { id: newId(), name: 'Ana', role: 'translator' };
const ed: UserIdentity = { id: newId(), name: 'Eddie', role: 'editor' };

let dir: string;
let store: ProjectStore | null = null;
let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 25, 12, 0, 0) + clock++ * 1000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-store-'));
});
afterEach(() => {
  store?.close();
  store = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Ids of the segments at creation, in document order. */
let created: string[] = [];
/** The id of the n-th segment (1-based) as the project was created. */
const sid = (n: number): string => created[n - 1]!;

function create(name = 'p.relais'): ProjectStore {
  store = ProjectStore.create(path.join(dir, name), doc, drafts, { now });
  created = store.segments().map((x) => x.id);
  return store;
}

const code = errorCode;

describe('creating a project', () => {
  it('stores blocks and segments in document order, typography intact, chrome out of translation', () => {
    const s = create();
    const snap = s.snapshot();
    expect(snap.info).toMatchObject({ name: 'p', sourceName: 'article.txt', sourceFormat: 'txt', sourceLang: 'fr', targetLang: 'en' });
    expect(snap.info.path).toBe(path.join(dir, 'p.relais'));
    expect(snap.blocks.map((b) => [b.kind, b.level, b.translatable])).toEqual([
      ['title', 1, true],
      ['paragraph', null, true],
      ['heading', 2, true],
      ['paragraph', null, false],
      ['paragraph', null, true],
    ]);
    expect(snap.segments.map((x) => x.source)).toEqual(drafts.map((d) => d.source));
    expect(snap.segments.map((x) => x.ord)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Global, time-ordered ids: made in document order at creation, so they sort that way.
    const ids = snap.segments.map((x) => x.id);
    expect(ids.every(isId)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(7);
    expect(isId(snap.info.id)).toBe(true);
    expect(snap.segments[1]!.source).toContain(`25${NBSP}individus`);
    expect(snap.segments[2]!.source).toContain(`annoncé${NNBSP}!`);
    expect(snap.segments.every((x) => x.status === 'new' && x.target === '')).toBe(true);
    expect(snap.segments[5]!.translatable).toBe(false);
    expect(snap.drafts).toEqual({});
  });

  it('writes a recognisable, versioned SQLite file in WAL mode and leaves no temp file', () => {
    create().close();
    store = null;
    expect(fs.readdirSync(dir)).toEqual(['p.relais']);
    const db = new Database(path.join(dir, 'p.relais'), { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(RELAIS_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to overwrite an existing file unless asked', () => {
    const file = path.join(dir, 'p.relais');
    fs.writeFileSync(file, 'keep me');
    expect(code(() => ProjectStore.create(file, doc, drafts))).toBe('invalid.operation');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir)).toEqual(['p.relais']);
    store = ProjectStore.create(file, doc, drafts, { overwrite: true });
    expect(store.segments()).toHaveLength(7);
  });

  it('leaves nothing behind when the input is inconsistent', () => {
    const file = path.join(dir, 'bad.relais');
    expect(code(() => ProjectStore.create(file, doc, [...drafts, { blockIndex: 99, source: 'x' }]))).toBe('invalid.arguments');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failure half-way through writing removes the temp file: no project, no debris', () => {
    const file = path.join(dir, 'half.relais');
    const broken = { ...doc, blocks: [...doc.blocks, { kind: 'sidebar', text: 'x', chrome: null }] } as unknown as ImportedDocument;
    expect(() => ProjectStore.create(file, broken, drafts)).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a migration that fails is rolled back whole: the file stays at the previous version', () => {
    create().close();
    store = null;
    const file = path.join(dir, 'p.relais');
    const db = new Database(file);
    const failing = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        description: 'adds a table, then fails',
        up(d: Database.Database) {
          d.exec('CREATE TABLE test_failing_migration(id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
          d.exec('INSERT INTO no_such_table VALUES (1)');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'test_failing_migration'").get()).toBeUndefined();
    db.close();
    store = ProjectStore.open(file);
    expect(store.segments()).toHaveLength(7);
  });

  it('has migrations numbered 1..n', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('opening files that are not projects this build can use', () => {
  function expectRefused(file: string, expected: string) {
    const before = fs.readFileSync(file);
    let err: unknown;
    try {
      ProjectStore.open(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe(expected);
    expect((err as RelaisError).file).toBe(path.resolve(file));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
  }

  it('a text file, random bytes or an empty file → project.notRelais, unchanged', () => {
    const txt = path.join(dir, 'notes.relais');
    fs.writeFileSync(txt, 'Ceci n’est pas un projet.\n');
    expectRefused(txt, 'project.notRelais');
    const rnd = path.join(dir, 'random.relais');
    fs.writeFileSync(rnd, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)));
    expectRefused(rnd, 'project.notRelais');
    const empty = path.join(dir, 'empty.relais');
    fs.writeFileSync(empty, '');
    expectRefused(empty, 'project.notRelais');
  });

  it('another application’s SQLite database → project.notRelais, unchanged', () => {
    const file = path.join(dir, 'other.relais');
    const db = new Database(file);
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1);');
    db.close();
    expectRefused(file, 'project.notRelais');
  });

  it('a project from a newer Relais → project.tooNew, unchanged (journal mode not touched)', () => {
    const file = path.join(dir, 'future.relais');
    create('future.relais').close();
    store = null;
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(file, 'project.tooNew');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('a missing file → file.notFound', () => {
    expect(code(() => ProjectStore.open(path.join(dir, 'nope.relais')))).toBe('file.notFound');
  });

  it('a truncated project → refused, never opened half-way', () => {
    create('cut.relais').close();
    store = null;
    const file = path.join(dir, 'cut.relais');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 2048));
    const c = code(() => ProjectStore.open(file));
    expect(['project.corrupt', 'project.notRelais']).toContain(c);
  });
});

describe('translating and reviewing', () => {
  it('commit = target + status + revision + draft removed, in one go', () => {
    const s = create();
    s.saveDraft(sid(2), 'At least 25');
    expect(s.snapshot().drafts).toEqual({ [sid(2)]: 'At least 25' });
    const seg = s.commitSegment({ segmentId: sid(2), target: `At least 25${NBSP}people were arrested.`, status: 'translated', origin: 'typed' }, ana);
    expect(seg).toMatchObject({ id: sid(2), ord: 1, status: 'translated', updatedBy: 'Ana', target: `At least 25${NBSP}people were arrested.` });
    expect(s.snapshot().drafts).toEqual({});
    s.saveDraft(sid(2), 'At least 25 peo');
    // Committing the same text and status again (e.g. the draft was abandoned) adds no revision but clears the draft.
    s.commitSegment({ segmentId: sid(2), target: `At least 25${NBSP}people were arrested.`, status: 'translated', origin: 'typed' }, ana);
    expect(s.snapshot().drafts).toEqual({});
    const revs = s.revisions(sid(2));
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ author: 'Ana', role: 'translator', status: 'translated', origin: 'typed', prevRevisionId: null });
  });

  it('an edit without confirmation is a draft; clearing the text makes it new again', () => {
    const s = create();
    expect(s.commitSegment({ segmentId: sid(1), target: 'Europol:', status: 'draft', origin: 'typed' }, ana).status).toBe('draft');
    expect(s.commitSegment({ segmentId: sid(1), target: '', status: 'draft', origin: 'typed' }, ana).status).toBe('new');
    expect(code(() => s.commitSegment({ segmentId: sid(1), target: '  ', status: 'translated', origin: 'typed' }, ana))).toBe('invalid.operation');
    expect(code(() => s.commitSegment({ segmentId: sid(1), target: 'x', status: 'new', origin: 'typed' }, ana))).toBe('invalid.operation');
  });

  it('revisions chain: each records the head it replaced', () => {
    const s = create();
    s.commitSegment({ segmentId: sid(5), target: 'Common rules', status: 'translated', origin: 'typed' }, ana);
    s.commitSegment({ segmentId: sid(5), target: 'Common regulation', status: 'translated', origin: 'typed' }, ed);
    const [r1, r2] = s.revisions(sid(5));
    expect(r2!.prevRevisionId).toBe(r1!.id);
    expect(r1!.text).toBe('Common rules');
  });

  it('an edit started from an old head is refused rather than overwriting someone else’s', () => {
    const s = create();
    const before = s.revisions(sid(5)).at(-1)?.id ?? null;
    s.commitSegment({ segmentId: sid(5), target: 'Common rules', status: 'translated', origin: 'typed' }, ed);
    expect(
      code(() => s.commitSegment({ segmentId: sid(5), target: 'Mine', status: 'draft', origin: 'typed', expectedRevisionId: before }, ana)),
    ).toBe('segment.conflict');
    expect(s.segment(sid(5)).target).toBe('Common rules');
  });

  it('only editors approve or reject; approved segments are locked for translators', () => {
    const s = create();
    s.commitSegment({ segmentId: sid(1), target: 'Europol: Operation Cumberland', status: 'translated', origin: 'typed' }, ana);
    expect(code(() => s.setStatus({ segmentId: sid(1), status: 'approved' }, ana))).toBe('permission.denied');
    expect(code(() => s.commitSegment({ segmentId: sid(1), target: 'x', status: 'approved', origin: 'typed' }, ana))).toBe('permission.denied');
    expect(s.setStatus({ segmentId: sid(1), status: 'approved' }, ed).status).toBe('approved');
    expect(code(() => s.commitSegment({ segmentId: sid(1), target: 'Mine', status: 'translated', origin: 'typed' }, ana))).toBe('segment.locked');
    expect(code(() => s.saveDraft(sid(1), 'Mine', ana))).toBe('segment.locked');
    expect(code(() => s.setStatus({ segmentId: sid(1), status: 'draft' }, ana))).toBe('segment.locked');
    expect(s.segment(sid(1)).target).toBe('Europol: Operation Cumberland');
    const rej = s.setStatus({ segmentId: sid(1), status: 'rejected', comment: 'Use “Europol says”' }, ed);
    expect(rej.status).toBe('rejected');
    const last = s.revisions(sid(1)).at(-1)!;
    expect(last).toMatchObject({ origin: 'review', status: 'rejected', comment: 'Use “Europol says”', author: 'Eddie', role: 'editor' });
    // A rejected segment is back in the translator's hands.
    expect(s.commitSegment({ segmentId: sid(1), target: 'Europol says', status: 'translated', origin: 'typed' }, ana).status).toBe('translated');
  });

  it('cannot approve an untranslated segment, nor translate chrome left out of translation', () => {
    const s = create();
    expect(code(() => s.setStatus({ segmentId: sid(2), status: 'approved' }, ed))).toBe('invalid.operation');
    expect(code(() => s.commitSegment({ segmentId: sid(6), target: 'Share', status: 'translated', origin: 'typed' }, ana))).toBe('invalid.operation');
    s.setBlockTranslatable(s.segment(sid(6)).blockId, true);
    expect(s.commitSegment({ segmentId: sid(6), target: 'Share', status: 'translated', origin: 'typed' }, ana).translatable).toBe(true);
  });

  it('unknown ids → segment.notFound', () => {
    const s = create();
    expect(code(() => s.commitSegment({ segmentId: newId(), target: 'x', status: 'draft', origin: 'typed' }, ana))).toBe('segment.notFound');
    expect(code(() => s.saveDraft('abc', 'x'))).toBe('segment.notFound');
    expect(code(() => s.revisions(sid(0)))).toBe('segment.notFound');
  });

  it('a failing operation leaves the data as it was', () => {
    const s = create();
    s.commitSegment({ segmentId: sid(2), target: 'At least 25', status: 'draft', origin: 'typed' }, ana);
    const before = s.snapshot();
    expect(code(() => s.mergeSegments(sid(2), sid(4), ana))).toBe('invalid.operation');
    expect(code(() => s.splitSegment(sid(2), 0, ana))).toBe('invalid.arguments');
    expect(s.snapshot()).toEqual(before);
  });
});

describe('split and merge', () => {
  it('split keeps the target on the first half, inserts a new segment after it, with split revisions', () => {
    const s = create();
    s.commitSegment({ segmentId: sid(2), target: 'At least 25 people', status: 'translated', origin: 'typed' }, ana);
    const src = s.segment(sid(2)).source; // "Au moins 25 individus ont été arrêtés."
    const [a, b] = s.splitSegment(sid(2), src.indexOf(' ont'), ana);
    expect(a.source).toBe(`Au moins 25${NBSP}individus`);
    expect(b.source).toBe('ont été arrêtés.');
    expect(a).toMatchObject({ status: 'draft', target: 'At least 25 people', ord: 1 });
    expect(b).toMatchObject({ status: 'new', target: '', ord: 2 });
    const order = s.segments().map((x) => x.id);
    expect(order.slice(0, 4)).toEqual([sid(1), sid(2), b.id, sid(3)]);
    expect(s.revisions(a.id).at(-1)!.origin).toBe('split');
    expect(s.revisions(b.id)[0]!.origin).toBe('split');
    expect(s.revisions(b.id)[0]!.prevRevisionId).toBe(s.revisions(a.id)[0]!.id);
  });

  it('repeated splits in one place never collide (block renumbered when the gap runs out)', () => {
    const s = create();
    const words = Array.from({ length: 14 }, (_, i) => `mot${i}`).join(' ');
    const d2: ImportedDocument = { format: 'txt', sourceName: 'w.txt', blocks: [{ kind: 'paragraph', text: `${words} fin`, chrome: null }] };
    s.close();
    store = ProjectStore.create(path.join(dir, 'w.relais'), d2, [{ blockIndex: 0, source: `${words} fin` }, { blockIndex: 0, source: 'Suite.' }]);
    // Always split the first segment before its last word: each new segment lands right after it, halving the gap.
    for (let i = 0; i < 14; i++) {
      const first = store.segments()[0]!;
      store.splitSegment(first.id, first.source.lastIndexOf(' '), ana);
    }
    expect(store.segments().map((x) => x.source)).toEqual([...Array.from({ length: 14 }, (_, i) => `mot${i}`), 'fin', 'Suite.']);
    expect(store.segments().map((x) => x.ord)).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  it('merge joins sources and targets of adjacent segments of one block; the second keeps its history', () => {
    const s = create();
    s.commitSegment({ segmentId: sid(3), target: 'Ms De Bolle announced it!', status: 'translated', origin: 'typed' }, ana);
    s.commitSegment({ segmentId: sid(4), target: '“A first,” she said.', status: 'translated', origin: 'typed' }, ana);
    expect(code(() => s.mergeSegments(sid(2), sid(4), ana))).toBe('invalid.operation'); // not adjacent
    expect(code(() => s.mergeSegments(sid(4), sid(5), ana))).toBe('invalid.operation'); // different blocks
    const m = s.mergeSegments(sid(3), sid(4), ana);
    expect(m.source).toBe(`Mme De Bolle l’a annoncé${NNBSP}! « C’est une première », dit-elle.`);
    expect(m.target).toBe('Ms De Bolle announced it! “A first,” she said.');
    expect(m.status).toBe('draft');
    expect(s.segments().map((x) => x.id)).toEqual([1, 2, 3, 5, 6, 7].map(sid));
    expect(s.revisions(sid(3)).at(-1)!.origin).toBe('merge');
    expect(s.revisions(sid(4))).toHaveLength(1);
    expect(code(() => s.segment(sid(4)))).toBe('segment.notFound');
  });

  it('split then merge gives back the source', () => {
    const s = create();
    const src = s.segment(sid(4)).source;
    const [a, b] = s.splitSegment(sid(4), src.indexOf(' dit-elle'), ana);
    expect(s.mergeSegments(a.id, b.id, ana).source).toBe(src);
  });
});

describe('statistics', () => {
  it('counts words of translatable segments only; progress = translated + approved words', () => {
    const s = create();
    const st0 = s.stats();
    expect(st0.segments.total).toBe(6); // "Partager" is chrome
    expect(st0.chromeBlocks).toBe(1);
    expect(st0.progress).toBe(0);
    const total = st0.words.total;
    expect(total).toBeGreaterThan(20);
    s.commitSegment({ segmentId: sid(1), target: 'Europol: Operation Cumberland', status: 'translated', origin: 'typed' }, ana);
    s.commitSegment({ segmentId: sid(7), target: 'Member states are discussing.', status: 'draft', origin: 'typed' }, ana);
    s.setStatus({ segmentId: sid(1), status: 'approved' }, ed);
    const st = s.stats();
    expect(st.segments.byStatus).toMatchObject({ approved: 1, draft: 1, new: 4 });
    // Words are counted on the source: « Europol : opération Cumberland » = 3.
    expect(st.words.byStatus.approved).toBe(3);
    expect(st.words.byStatus.draft).toBe(4);
    expect(st.progress).toBeCloseTo(3 / total);
  });
});

describe('persistence', () => {
  it('everything, drafts included, is there after closing and reopening', () => {
    const file = path.join(dir, 'p.relais');
    const s = create();
    s.commitSegment({ segmentId: sid(1), target: 'Europol', status: 'translated', origin: 'typed' }, ana);
    s.saveDraft(sid(2), 'At least twenty-five');
    s.close();
    store = ProjectStore.open(file);
    expect(store.segment(sid(1))).toMatchObject({ target: 'Europol', status: 'translated' });
    expect(store.snapshot().drafts).toEqual({ [sid(2)]: 'At least twenty-five' });
  });

  it('a closed store refuses work with project.notOpen', () => {
    const s = create();
    s.close();
    expect(code(() => s.snapshot())).toBe('project.notOpen');
  });

  it('a process killed right after saveDraft (no close, WAL not checkpointed) loses nothing', () => {
    const file = path.join(dir, 'p.relais');
    create().close();
    store = null;
    const script = path.join(dir, 'typist.ts');
    const storeModule = path.resolve(import.meta.dirname, 'project-store.ts');
    fs.writeFileSync(
      script,
      `import { ProjectStore } from ${JSON.stringify(storeModule)};
       const s = ProjectStore.open(${JSON.stringify(file)});
       s.commitSegment({ segmentId: ${JSON.stringify(sid(1))}, target: 'Europol: Operation Cumberland', status: 'translated', origin: 'typed' }, ${JSON.stringify(ana)});
       s.saveDraft(${JSON.stringify(sid(2))}, 'At least 25 people were');
       process.kill(process.pid, 'SIGKILL');`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(import.meta.dirname, '../../..'), encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    store = ProjectStore.open(file);
    expect(store.segment(sid(1))).toMatchObject({ status: 'translated', target: 'Europol: Operation Cumberland' });
    expect(store.snapshot().drafts).toEqual({ [sid(2)]: 'At least 25 people were' });
  });

  it('two people on the same file: both edits are in the history, neither replaces the other silently', () => {
    const file = path.join(dir, 'p.relais');
    const a = create();
    const b = ProjectStore.open(file);
    try {
      // Both start editing segment 5 from the same head (none yet).
      const head = a.revisions(sid(5)).at(-1)?.id ?? null;
      a.commitSegment({ segmentId: sid(5), target: 'Common rules', status: 'translated', origin: 'typed', expectedRevisionId: head }, ana);
      const err = code(() => b.commitSegment({ segmentId: sid(5), target: 'Shared regulation', status: 'translated', origin: 'typed', expectedRevisionId: head }, ed));
      expect(err).toBe('segment.conflict');
      expect(b.segment(sid(5)).target).toBe('Common rules');
      // Without a base, a later commit is recorded on top of the other person's revision.
      b.commitSegment({ segmentId: sid(5), target: 'Shared regulation', status: 'translated', origin: 'typed' }, ed);
      const revs = a.revisions(sid(5));
      expect(revs.map((r) => [r.author, r.text])).toEqual([['Ana', 'Common rules'], ['Eddie', 'Shared regulation']]);
      expect(revs[1]!.prevRevisionId).toBe(revs[0]!.id);
    } finally {
      b.close();
    }
  });
});
