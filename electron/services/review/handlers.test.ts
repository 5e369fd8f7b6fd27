/**
 * The review channels driven the way the app drives them: the full handler table behind createDispatcher (zod
 * validation, envelopes) and the typed client, on a real project in a temp folder; native dialogs answered by the
 * test, as a person would answer them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import type { SaveDialogRequest } from '../dialogs.ts';
import { failure, SAMPLE, startApp, testContext, type TestApp } from '../testing/context.ts';

const EDITED_FROM = 'L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.';
const EDITED_TO = 'L’enquête, toujours en cours, devrait conduire à de nouvelles arrestations, a précisé Europol.';

let root: string;
let app: TestApp;
let api: RelaisApi;
/** What the next open / save dialogs answer, in order (null: cancelled). */
const openAnswers: (string | null)[] = [];
const saveAnswers: (string | null)[] = [];
const saveRequests: SaveDialogRequest[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-review-ipc-'));
  openAnswers.length = 0;
  saveAnswers.length = 0;
  saveRequests.length = 0;
  app = startApp(
    testContext(root, {
      projectsDir: path.join(root, 'projects'),
      dialogs: {
        showOpen: async () => openAnswers.shift() ?? null,
        showSave: async (req) => {
          saveRequests.push(req);
          return saveAnswers.shift() ?? null;
        },
      },
    }),
  );
  api = app.api;
});
afterEach(() => {
  app.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('review over IPC', () => {
  it('translate, edit, track, accept, comment, reject with a reason, republish, export', async () => {
    await api.setUser({ name: 'Ana', role: 'translator' });
    const snap = await api.openSample();
    const segs = snap.segments.filter((s) => s.translatable);
    const [a, b, c] = segs as [typeof segs[0], typeof segs[0], typeof segs[0]];

    // Two people start from the same head: the second commit is refused, not silently stacked.
    await api.commitSegment({ segmentId: a.id, target: 'It is one of the first international operations of its kind.', status: 'translated', origin: 'typed', expectedRevisionId: null });
    const conflict = await failure(api.commitSegment({ segmentId: a.id, target: 'Other text', status: 'translated', origin: 'typed', expectedRevisionId: null }));
    expect(conflict.code).toBe('segment.conflict');
    await api.commitSegment({ segmentId: b.id, target: 'At least 25 people were arrested.', status: 'translated', origin: 'typed' });
    await api.commitSegment({ segmentId: c.id, target: 'Operation Cumberland.', status: 'translated', origin: 'typed' });
    await api.markSeen([a.id, b.id, c.id]);

    await api.setUser({ name: 'Eddie', role: 'editor' });
    await api.commitSegment({ segmentId: b.id, target: 'At least 25 individuals were arrested.', status: 'translated', origin: 'typed' });
    await api.commitSegment({ segmentId: c.id, target: 'The Cumberland operation.', status: 'translated', origin: 'typed' });
    expect((await api.getTrackedChanges()).map((t) => t.segmentId)).toEqual([b.id, c.id]);
    expect((await api.getTrackedChanges(b.id))[0]!.base).toBe('At least 25 people were arrested.');
    expect((await api.acceptChanges(b.id)).map((s) => s.id)).toEqual([b.id]);
    expect((await api.rejectChanges(null)).map((s) => [s.id, s.target])).toEqual([[c.id, 'Operation Cumberland.']]);
    const history = await api.getHistory(b.id);
    expect(history.map((h) => h.action)).toEqual([null, null, 'accept-changes']);
    expect(app.project().diff(b.id, history[0]!.id, history[1]!.id).parts.some((p) => p.kind === 'insert' && p.text === 'individuals')).toBe(true);

    expect((await failure(api.setStatus({ segmentId: a.id, status: 'rejected' }))).code).toBe('invalid.arguments');
    await api.setStatus({ segmentId: a.id, status: 'rejected', comment: 'Too literal.' });
    await api.setStatus({ segmentId: b.id, status: 'approved', override: { reason: 'The date is in the next sentence.' } });
    const comments = await api.listComments(a.id);
    expect(comments).toMatchObject({ open: 1, comments: [{ text: 'Too literal.', author: 'Eddie' }] });
    const reply = await api.addComment(a.id, 'Fixed, see the new wording.', comments.comments[0]!.id);
    expect((await failure(api.addComment(a.id, '   '))).code).toBe('invalid.arguments');

    await api.setUser({ name: 'Ana', role: 'translator' });
    expect(await api.changedSinceLastLook()).toEqual([a.id, b.id, c.id]);
    expect((await failure(api.unlockSegment(b.id))).code).toBe('permission.denied');
    await api.resolveComment(reply.id);
    expect((await api.listComments()).open).toBe(0);

    const pub = await api.getPublicationStatus();
    expect(pub.ready).toBe(false);
    expect(pub.byStatus.approved).toBe(1);
    expect(pub.blockers.notApproved).not.toContain(b.id);
    expect(pub.blockers.qaErrors).not.toBeNull();
    expect(pub.blockers.qaErrors!.segmentIds.length).toBeGreaterThan(0); // untranslated segments are QA errors

    // Republished article: one sentence edited.
    const v2 = path.join(root, 'cumberland-v2.txt');
    const text = fs.readFileSync(SAMPLE, 'utf8');
    expect(text).toContain(EDITED_FROM);
    fs.writeFileSync(v2, text.replace(EDITED_FROM, EDITED_TO));
    openAnswers.push(null);
    expect(await api.pickFile('article')).toBeNull();
    openAnswers.push(v2);
    const v2File = (await api.pickFile('article'))!;
    expect(v2File.fileName).toBe('cumberland-v2.txt');
    const upd = await api.updateSource(v2File.token);
    expect(upd).toMatchObject({ version: 2, changed: 1, added: 0, removed: 0 });
    expect(app.project().sourceVersions().map((v) => v.version)).toEqual([1, 2]);
    expect(await api.listArchived()).toEqual([]);
    const other = path.join(root, 'other.txt');
    fs.writeFileSync(other, 'Le gouvernement a présenté son budget.\n\nLes syndicats protestent contre la réforme des retraites.');
    openAnswers.push(other);
    const otherFile = (await api.pickFile('article'))!;
    const refused = await failure(api.updateSource(otherFile.token));
    expect(refused).toMatchObject({ code: 'invalid.operation', detail: 'different-article', file: other });

    // Exports write where the person chose in a save dialog run by the services' host, never a path the page names.
    const html = path.join(root, 'review.html');
    saveAnswers.push(html);
    const reviewFile = (await api.showSaveDialog('exportReview', 'html'))!;
    expect(saveRequests.at(-1)).toMatchObject({ purpose: 'exportReview', format: 'html', defaultPath: path.join(root, 'projects', 'cumberland-fr.review.html') });
    expect(reviewFile.fileName).toBe('review.html');
    // A token is bound to its purpose and written once.
    expect((await failure(api.exportArticle('html', reviewFile.token))).code).toBe('invalid.arguments');
    expect(await api.exportReview('html', reviewFile.token)).toMatchObject({ file: html, warnings: [] });
    expect((await failure(api.exportReview('html', reviewFile.token))).code).toBe('invalid.arguments');
    const written = fs.readFileSync(html, 'utf8');
    expect(written).toContain('individuals');
    expect(written).toContain('Too literal.');
    const md = path.join(root, 'article.md');
    saveAnswers.push(md);
    const art = await api.exportArticle('md', (await api.showSaveDialog('exportArticle', 'md'))!.token);
    expect(art.warnings.length).toBeGreaterThan(0);
    expect(fs.readFileSync(md, 'utf8')).toContain('At least 25 individuals were arrested.');
    saveAnswers.push((await api.getAppState()).project!.info.path);
    expect((await failure(api.exportArticle('md', (await api.showSaveDialog('exportArticle', 'md'))!.token))).code).toBe('invalid.operation');
    saveAnswers.push(null);
    expect(await api.showSaveDialog('exportArticle', 'md')).toBeNull();
    // Arguments are validated before any handler runs: a path is not a token.
    expect((await failure((api.exportArticle as (...a: unknown[]) => Promise<unknown>)('md', md))).code).toBe('invalid.arguments');
    expect((await failure((api.exportReview as (...a: unknown[]) => Promise<unknown>)('pdf', reviewFile.token))).code).toBe('invalid.arguments');
  }, 60_000);
});
