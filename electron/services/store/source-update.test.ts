/**
 * A desk republishes the French article after translation started: the project follows the new version without
 * losing any translation. Real projects in temp folders, the reference article as the starting point.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import type { Segment, UserIdentity } from '../../../shared/model.ts';
import { segmentDocument } from '../../../shared/segmentation/index.ts';
import { importFile } from '../import/index.ts';
import { createProjectFromFile } from '../app/project-files.ts';
import type { ProjectStore } from './project-store.ts';
import { ReviewStore } from './review-store.ts';
import { archivedSegments, DIFFERENT_ARTICLE_THRESHOLD, sourceVersions, updateSource } from './source-update.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SAMPLE = path.join(ROOT, 'resources', 'samples', 'cumberland-fr.txt');
const ana: UserIdentity = { id: newId(), name: 'Ana', role: 'translator' };
const ed: UserIdentity = { id: newId(), name: 'Eddie', role: 'editor' };

const EDITED_FROM = 'L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.';
const EDITED_TO = 'L’enquête, toujours en cours, devrait conduire à de nouvelles arrestations dans les prochains jours, a précisé Europol.';
const REMOVED = 'Il s’agit de l’une des premières opérations internationales de ce type.';
const ADDED_PARAGRAPH =
  'Mise à jour, samedi 1er mars : Europol a indiqué que deux nouvelles interpellations avaient eu lieu en Espagne. Les suspects seront présentés à un juge la semaine prochaine.';

const v1Text = fs.readFileSync(SAMPLE, 'utf8');
function v2Of(text: string): string {
  expect(text).toContain(EDITED_FROM);
  expect(text).toContain(`${REMOVED} `);
  return text
    .replace(EDITED_FROM, EDITED_TO)
    .replace(`${REMOVED} `, '')
    .replace('Réglementation commune\n', `${ADDED_PARAGRAPH}\n\nRéglementation commune\n`);
}

let dir: string;
let store: ProjectStore | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-srcupd-'));
});
afterEach(() => {
  store?.close();
  store = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function project(): Promise<ProjectStore> {
  const article = path.join(dir, 'article.txt');
  fs.writeFileSync(article, v1Text);
  store = await createProjectFromFile(article, { projectPath: path.join(dir, 'article.relais') });
  return store;
}

async function docOf(text: string, name = 'article-v2.txt') {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return importFile(f);
}

/** Translates every translatable segment (translator), approves every third one (editor). */
function translateAll(s: ProjectStore): Map<string, Segment> {
  s.segments()
    .filter((x) => x.translatable)
    .forEach((x, i) => {
      s.commitSegment({ segmentId: x.id, target: `EN ${i}: ${x.source.slice(0, 30)}`, status: 'translated', origin: 'typed' }, ana);
      if (i % 3 === 0) s.setStatus({ segmentId: x.id, status: 'approved' }, ed);
    });
  return new Map(s.segments().map((x) => [x.id, x]));
}

/** Everything a user could see or lose, for before/after comparisons. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ['project', 'blocks', 'segments', 'revisions', 'drafts', 'source_versions', 'comments', 'review_marks'];
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
  } finally {
    db.close();
  }
}

describe('updateSource on the reference article', () => {
  it('edited sentence, removed sentence, added paragraph: exactly those reported, every other translation kept', async () => {
    const s = await project();
    const before = translateAll(s);
    const historyBefore = new Map([...before.keys()].map((id) => [id, s.revisions(id).length]));
    const oldEdited = [...before.values()].find((x) => x.source === EDITED_FROM)!;
    const oldRemoved = [...before.values()].find((x) => x.source === REMOVED)!;

    const r = updateSource(s, await docOf(v2Of(v1Text)), ed);

    expect(r).toMatchObject({ version: 2, changed: 1, removed: 1, added: 2, unchanged: before.size - 2 });
    expect(r.sameArticleScore).toBeGreaterThan(0.9);
    expect(r.segments.changed).toEqual([{ id: oldEdited.id, before: EDITED_FROM, after: EDITED_TO, target: oldEdited.target }]);
    expect(r.segments.removed).toEqual([{ id: oldRemoved.id, source: REMOVED, target: oldRemoved.target, status: oldRemoved.status }]);
    expect(r.segments.added.map((a) => a.source).join(' ')).toBe(ADDED_PARAGRAPH);

    const after = s.segments();
    expect(after).toHaveLength(before.size + 1);
    // Every other segment: same translation, same status, same history.
    for (const seg of after) {
      const old = before.get(seg.id);
      if (!old) continue;
      if (seg.id === oldEdited.id) continue;
      expect(seg, seg.source).toMatchObject({ source: old.source, target: old.target, status: old.status, sourceChangedFrom: null });
      expect(s.revisions(seg.id)).toHaveLength(historyBefore.get(seg.id)!);
    }
    // The changed one keeps its translation, goes back to draft, shows what it was translated from.
    const changed = after.find((x) => x.id === oldEdited.id)!;
    expect(changed).toMatchObject({ source: EDITED_TO, target: oldEdited.target, status: 'draft', sourceChangedFrom: EDITED_FROM });
    expect(s.revisions(changed.id).at(-1)).toMatchObject({ origin: 'source-update', source: EDITED_TO, text: oldEdited.target, status: 'draft', author: 'Eddie' });
    // The removed one is archived with its translation, never deleted; its history is still there.
    expect(after.some((x) => x.id === oldRemoved.id)).toBe(false);
    expect(archivedSegments(s)).toEqual([expect.objectContaining({ id: oldRemoved.id, source: REMOVED, target: oldRemoved.target, archivedInVersion: 2 })]);
    expect(new ReviewStore(s).history(oldRemoved.id).length).toBe(historyBefore.get(oldRemoved.id));
    // The added paragraph sits right before "Réglementation commune", untranslated, in a paragraph of its own.
    const heading = after.findIndex((x) => x.source === 'Réglementation commune');
    const added = after.slice(heading - 2, heading);
    expect(added.map((x) => x.source).join(' ')).toBe(ADDED_PARAGRAPH);
    expect(added.every((x) => x.status === 'new' && x.target === '')).toBe(true);
    expect(added[0]!.blockId).toBe(added[1]!.blockId);
    expect(added[0]!.blockId).not.toBe(after[heading]!.blockId);
    expect(new Set(after.map((x) => x.ord))).toEqual(new Set(after.map((_, i) => i)));
    // Document order follows the new version.
    expect(after.map((x) => x.source)).toEqual(segmentDocument(await docOf(v2Of(v1Text))).map((d) => d.source));
    expect(sourceVersions(s).map((v) => [v.version, v.importedBy, v.sourceName])).toEqual([
      [1, null, 'article.txt'],
      [2, 'Eddie', 'article-v2.txt'],
    ]);

    // After reopening: the same (it was committed).
    const file = s.path;
    const seen = JSON.stringify(s.snapshot().segments);
    s.close();
    store = (await import('./project-store.ts')).ProjectStore.open(file);
    expect(JSON.stringify(store.snapshot().segments)).toBe(seen);
    // Confirming the changed segment clears the "source changed" flag.
    store.commitSegment({ segmentId: changed.id, target: 'EN: the investigation should lead to new arrests', status: 'translated', origin: 'typed' }, ana);
    expect(store.segment(changed.id).sourceChangedFrom).toBeNull();
  });

  it('a space turned into a no-break space is not a change, but the source takes the new typography', async () => {
    const s = await project();
    const before = translateAll(s);
    const target = [...before.values()].find((x) => x.source.includes('vendredi 28\u00A0février'))!;
    const spaced = v1Text.replace('vendredi 28\u00A0février', 'vendredi\u00A028\u00A0février');
    expect(spaced).not.toBe(v1Text);
    const r = updateSource(s, await docOf(spaced), ed);
    expect(r).toMatchObject({ changed: 0, added: 0, removed: 0, unchanged: before.size });
    const now = s.segment(target.id);
    expect(now.source).toContain('vendredi\u00A028\u00A0février');
    expect(now).toMatchObject({ target: target.target, status: target.status, sourceChangedFrom: null });
    expect(s.revisions(target.id).some((x) => x.origin === 'source-update')).toBe(false);
  });

  it('a sentence moved to another paragraph keeps its translation there; a paragraph added at the top comes first', async () => {
    const s = await project();
    const before = translateAll(s);
    const moved = [...before.values()].find((x) => x.source === EDITED_FROM)!;
    const lead = 'Dernière minute : Europol publie un nouveau bilan.';
    const text = `${lead}\n\n${v1Text.replace(` ${EDITED_FROM}`, '').replace('Réglementation commune\n', `Réglementation commune\n\n${EDITED_FROM}\n`)}`;
    const r = updateSource(s, await docOf(text), ed);
    expect(r).toMatchObject({ changed: 0, removed: 0, added: 1, moved: 1, unchanged: before.size });
    const after = s.segments();
    expect(after[0]).toMatchObject({ source: lead, status: 'new', ord: 0 });
    const heading = after.findIndex((x) => x.source === 'Réglementation commune');
    expect(after[heading + 1]).toMatchObject({ id: moved.id, target: moved.target, status: moved.status });
    expect(after[heading + 1]!.blockId).not.toBe(moved.blockId);
    expect(after.map((x) => x.source)).toEqual(segmentDocument(await docOf(text)).map((d) => d.source));
    expect(s.blocks().map((b) => b.ord)).toEqual(s.blocks().map((_, i) => i));
  });

  it('version 3 after version 2: changes again, keeps the earliest translated-from source until confirmed', async () => {
    const s = await project();
    const before = translateAll(s);
    const v2 = v2Of(v1Text);
    updateSource(s, await docOf(v2), ed);
    const v3 = v2.replace(EDITED_TO, EDITED_TO.replace('de nouvelles', 'd’autres nouvelles')).replace('Réglementation commune', 'Une réglementation commune');
    const r = updateSource(s, await docOf(v3, 'article-v3.txt'), ed);
    expect(r).toMatchObject({ version: 3, changed: 2, added: 0, removed: 0 });
    const edited = s.segments().find((x) => x.source.includes('d’autres nouvelles'))!;
    expect(edited.sourceChangedFrom).toBe(EDITED_FROM);
    const heading = s.segments().find((x) => x.source === 'Une réglementation commune')!;
    expect(heading).toMatchObject({ sourceChangedFrom: 'Réglementation commune', target: before.get(heading.id)!.target, status: 'draft' });
    expect(sourceVersions(s).map((v) => v.version)).toEqual([1, 2, 3]);
    expect(archivedSegments(s)).toHaveLength(1);
    // A fourth, identical version changes nothing but is recorded.
    expect(updateSource(s, await docOf(v3, 'article-v4.txt'), ed)).toMatchObject({ version: 4, changed: 0, added: 0, removed: 0 });
  });

  it('a different article is refused without confirmation and nothing changes, byte for byte', async () => {
    const s = await project();
    const before = translateAll(s);
    const other = [
      'Le gouvernement a présenté mercredi son projet de budget pour l’année prochaine, marqué par de fortes économies.',
      'Le ministre de l’économie a défendu des choix « responsables » devant l’Assemblée nationale.',
      'Les syndicats dénoncent une politique d’austérité qui pèsera sur les services publics.',
    ].join('\n\n');
    const doc = await docOf(other, 'budget.txt');
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(s.path);
    const rows = dump(s.path);
    let err: unknown;
    try {
      updateSource(s, doc, ed);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RelaisError);
    expect(err).toMatchObject({ code: 'invalid.operation', detail: 'different-article' });
    expect(dump(s.path)).toBe(rows);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(s.path).equals(bytes)).toBe(true);
    // Confirmed: applied, everything old archived with its translation.
    const r = updateSource(s, doc, ed, { confirmDifferentArticle: true });
    expect(r.sameArticleScore).toBeLessThan(DIFFERENT_ARTICLE_THRESHOLD);
    expect(r.added).toBe(3);
    expect(s.segments().map((x) => x.source)).toEqual(other.split('\n\n'));
    expect(archivedSegments(s)).toHaveLength(r.removed);
    expect(r.removed + r.changed).toBe(before.size);
  });

  it('a failure inside the transaction leaves the project exactly as before', async () => {
    const s = await project();
    translateAll(s);
    const doc = await docOf(v2Of(v1Text));
    const rows = dump(s.path);
    expect(() =>
      updateSource(s, doc, ed, {
        onBeforeCommit: () => {
          throw new Error('power cut');
        },
      }),
    ).toThrow();
    expect(dump(s.path)).toBe(rows);
  });
});

describe('updateSource and a killed process', () => {
  it('a process killed in the middle of the update leaves the project as before; a completed one as after', async () => {
    const s = await project();
    translateAll(s);
    const file = s.path;
    s.close();
    store = null;
    const before = dump(file);
    const v2 = path.join(dir, 'article-v2.txt');
    fs.writeFileSync(v2, v2Of(v1Text));
    const script = path.join(dir, 'updater.mts');
    const mod = (p: string) => JSON.stringify(path.resolve(import.meta.dirname, p));
    fs.writeFileSync(
      script,
      `import { ProjectStore } from ${mod('project-store.ts')};
       import { updateSource } from ${mod('source-update.ts')};
       import { importFile } from ${mod('../import/index.ts')};
       const doc = await importFile(${JSON.stringify(v2)});
       const s = ProjectStore.open(${JSON.stringify(file)});
       const hang = process.argv[2] === 'hang';
       updateSource(s, doc, ${JSON.stringify(ed)}, {
         onBeforeCommit: () => {
           if (!hang) return;
           process.stdout.write('in-transaction\\n');
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
         },
       });
       process.stdout.write('done\\n');
       process.kill(process.pid, 'SIGKILL');`,
    );
    const runChild = (mode: string) =>
      new Promise<{ signal: NodeJS.Signals | null; out: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { cwd: ROOT });
        let out = '';
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('in-transaction')) child.kill('SIGKILL');
        });
        child.stderr.on('data', (b: Buffer) => void (out += b.toString()));
        child.on('error', reject);
        child.on('exit', (_code, signal) => resolve({ signal, out }));
      });

    const killed = await runChild('hang');
    expect(killed.out).toContain('in-transaction');
    expect(killed.out).not.toContain('done');
    expect(killed.signal).toBe('SIGKILL');
    expect(dump(file)).toBe(before);

    const completed = await runChild('go');
    expect(completed.out).toContain('done');
    expect(completed.signal).toBe('SIGKILL');
    const after = dump(file);
    expect(after).not.toBe(before);
    const { ProjectStore } = await import('./project-store.ts');
    store = ProjectStore.open(file);
    expect(sourceVersions(store).map((v) => v.version)).toEqual([1, 2]);
    expect(store.segments().some((x) => x.source === EDITED_TO && x.sourceChangedFrom === EDITED_FROM)).toBe(true);
  }, 60_000);
});
