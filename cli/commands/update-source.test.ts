/**
 * `relais history`, `relais update-source` and `relais review-export` as a user runs them: the subprocess for
 * update-source --json and history --json, main() in-process for the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { createProjectFromFile } from '../../electron/services/app/project-files.ts';
import { runInProcess, runSubprocess, SAMPLE } from '../testing.ts';

const EDITED_FROM = 'L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.';
const EDITED_TO = 'L’enquête, toujours en cours, devrait conduire à de nouvelles arrestations, a précisé Europol.';
const REMOVED = 'Il s’agit de l’une des premières opérations internationales de ce type. ';

let dir: string;
let project: string;
let firstId: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-review-'));
  project = path.join(dir, 'cumberland.relais');
  const store = await createProjectFromFile(SAMPLE, { projectPath: project });
  try {
    const segs = store.segments().filter((s) => s.translatable);
    firstId = segs[1]!.id;
    for (const s of segs.slice(0, 3)) store.commitSegment({ segmentId: s.id, target: `EN ${s.id}`, status: 'translated', origin: 'typed' }, { id: newId(), name: 'Ana', role: 'translator' });
    store.commitSegment({ segmentId: firstId, target: `EN ${firstId} edited`, status: 'translated', origin: 'typed' }, { id: newId(), name: 'Eddie', role: 'editor' });
  } finally {
    store.close();
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const relais = (...args: string[]) => runSubprocess(dir, args, { RELAIS_USER: 'Desk' });

const run = (...args: string[]) => runInProcess(dir, args);

function writeVersion(name: string, edit: (t: string) => string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, edit(fs.readFileSync(SAMPLE, 'utf8')));
  return f;
}

describe('relais update-source', () => {
  it('--json (subprocess): counts and the affected segments; history --json shows the source-update revision', () => {
    writeVersion('v2.txt', (t) => t.replace(EDITED_FROM, EDITED_TO).replace(REMOVED, ''));
    const r = relais('update-source', 'cumberland.relais', 'v2.txt', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { segments: { changed: { after: string }[]; removed: { source: string; target: string }[]; added: unknown[] } };
    expect(out).toMatchObject({ version: 2, changed: 1, removed: 1, added: 0 });
    expect(out.unchanged).toBeGreaterThan(20);
    expect(out.segments.changed.map((c) => c.after)).toEqual([EDITED_TO]);
    expect(out.segments.removed.map((c) => c.source)).toEqual([REMOVED.trim()]);
    expect(out.segments.removed[0]!.target).toMatch(/^EN /);

    const h = relais('history', 'cumberland.relais', '--json');
    expect(h.code).toBe(0);
    const groups = JSON.parse(h.stdout) as { segment: string; archived: boolean; revisions: { author: string; role: string; origin: string; text: string; createdAt: string }[] }[];
    expect(groups.map((g) => g.segment)).toContain(firstId);
    expect(groups.find((g) => g.segment === firstId)!.revisions.map((x) => [x.author, x.role, x.text])).toEqual([
      ['Ana', 'translator', `EN ${firstId}`],
      ['Eddie', 'editor', `EN ${firstId} edited`],
    ]);
    expect(groups.some((g) => g.archived)).toBe(true);
    const changed = groups.flatMap((g) => g.revisions).filter((x) => x.origin === 'source-update') as unknown as { status: string }[];
    // The edited sentence had no translation: its history records the new source, it stays new.
    expect(changed).toMatchObject([{ author: 'Desk', role: 'editor', text: '', status: 'new' }]);
  });

  it('refuses a different article with exit 2 and changes nothing; --yes applies it', async () => {
    fs.writeFileSync(path.join(dir, 'other.txt'), 'Le gouvernement a présenté son budget.\n\nLes syndicats dénoncent une réforme des retraites injuste.');
    const before = fs.readFileSync(project);
    const r = await run('update-source', 'cumberland.relais', 'other.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not look like a version of this article.*--yes/);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(project).equals(before)).toBe(true);
    const yes = await run('update-source', 'cumberland.relais', 'other.txt', '--yes');
    expect(yes.code).toBe(0);
    expect(yes.stdout).toMatch(/Source version 2: 0 unchanged/);
    expect((await run('update-source', 'cumberland.relais')).code).toBe(2);
    expect((await run('update-source', 'cumberland.relais', 'missing.txt')).code).toBe(2);
  });

  it('a translated sentence that changed keeps its translation, back to draft, with a source-update revision', async () => {
    const h0 = JSON.parse((await run('history', 'cumberland.relais', firstId, '--json')).stdout) as { text: string }[];
    expect(h0).toHaveLength(2);
    // The third translatable segment (index 2) was translated: change its source.
    const store = (await import('../../electron/services/store/project-store.ts')).ProjectStore.open(project);
    const seg = store.segments().filter((s) => s.translatable)[2]!;
    store.close();
    writeVersion('v2.txt', (t) => t.replace(seg.source, seg.source.replace(/\.$/, ', selon Europol.')));
    const r = await run('update-source', 'cumberland.relais', 'v2.txt', '--user', 'Marie');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 changed, 0 added, 0 removed/);
    const h = JSON.parse((await run('history', 'cumberland.relais', seg.id, '--json')).stdout) as { origin: string; author: string; status: string; text: string }[];
    expect(h.at(-1)).toMatchObject({ origin: 'source-update', author: 'Marie', status: 'draft', text: `EN ${seg.id}` });
    const text = await run('history', 'cumberland.relais', seg.id);
    expect(text.stdout).toMatch(/Marie \(editor\)\s+draft\s+\[source-update\]/);
  });
});

describe('relais review-export', () => {
  it('writes the html and docx review documents with the editor’s changes', async () => {
    const r = await run('review-export', 'cumberland.relais', '-o', 'review.html');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'review.html'), 'utf8');
    expect(html).toContain('edited');
    expect(html).toMatch(/<ins[^>]*>/);
    const d = await run('review-export', 'cumberland.relais', '--format', 'docx', '-o', 'review.out');
    expect(d.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'review.out')).subarray(0, 2).toString()).toBe('PK');
    expect((await run('review-export', 'cumberland.relais', '-o', 'review.pdf')).code).toBe(2);
    expect((await run('review-export', 'cumberland.relais', '-o', 'cumberland.relais', '--format', 'html')).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'review.pdf'))).toBe(false);
  });
});
