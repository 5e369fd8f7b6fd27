/**
 * The handler table driven the way the app drives it: through createDispatcher (zod validation + envelopes) and the
 * typed client, with real SQLite projects and settings in temp folders. A "session" is one handler table; a new
 * table on the same folders is the app restarted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isId } from '../../shared/ids.ts';
import type { RelaisApi } from '../../shared/ipc/contract.ts';
import { NO_DIALOGS } from './dialogs.ts';
import { createHandlers } from './handlers.ts';
import { SCHEMA_VERSION } from './store/migrations.ts';
import { AppSessions, clientFor, failure, SAMPLE, testContext, type ServiceContext, type TestApp } from './testing/context.ts';

let root: string;
let ctx: ServiceContext;
let dialogAnswer: string | null = null;
let settingsChanges = 0;
const sessions = new AppSessions(() => ctx);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-handlers-'));
  fs.mkdirSync(path.join(root, 'articles'));
  dialogAnswer = null;
  settingsChanges = 0;
  ctx = testContext(root, {
    dialogs: { showOpen: async () => dialogAnswer },
    onSettingsChanged: () => void settingsChanges++,
  });
});

afterEach(() => {
  sessions.disposeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Starts an app session: a handler table behind the real dispatcher, seen through the typed client. */
function session(): RelaisApi {
  return sessions.open();
}

/** An app session with its handler table and workspace, for what only the host (menu, OS) or the application layer does. */
function app(): TestApp {
  return sessions.start();
}

function endSession(): void {
  sessions.apps.pop()?.dispose();
}

describe('a translator’s session', () => {
  it('opens the sample, commits three segments; a new session finds them after reopening', async () => {
    let api = session();
    expect((await api.getAppState()).project).toBeNull();
    await api.setUser({ name: 'Ana', role: 'translator' });
    const snap = await api.openSample();
    const sampleProject = path.join(ctx.projectsDir, 'cumberland-fr.relais');
    expect(snap.info.path).toBe(sampleProject);
    expect(fs.existsSync(sampleProject)).toBe(true);
    const todo = snap.segments.filter((s) => s.translatable).slice(0, 3);
    expect(todo).toHaveLength(3);
    await api.commitSegment({ segmentId: todo[0]!.id, target: 'It is one of the first international operations of its kind.', status: 'translated', origin: 'typed' });
    await api.commitSegment({ segmentId: todo[1]!.id, target: 'At least 25\u00a0people were arrested', status: 'draft', origin: 'typed' });
    await api.commitSegment({ segmentId: todo[2]!.id, target: '“Operation Cumberland…”', status: 'translated', origin: 'pasted' });
    endSession();

    api = session();
    const state = await api.getAppState();
    expect(state.project).toBeNull();
    expect(state.settings.user).toEqual({ id: expect.any(String), name: 'Ana', role: 'translator' });
    expect(isId(state.settings.user!.id)).toBe(true);
    expect(state.settings.recent.map((r) => r.path)).toEqual([sampleProject]);
    const again = await api.openProject(sampleProject);
    const byId = new Map(again.segments.map((s) => [s.id, s]));
    expect(byId.get(todo[0]!.id)).toMatchObject({ status: 'translated', target: 'It is one of the first international operations of its kind.', updatedBy: 'Ana' });
    expect(byId.get(todo[1]!.id)).toMatchObject({ status: 'draft', target: 'At least 25\u00a0people were arrested' });
    expect(byId.get(todo[2]!.id)).toMatchObject({ status: 'translated' });
    expect(await api.getHistory(todo[2]!.id)).toEqual([expect.objectContaining({ origin: 'pasted', author: 'Ana', authorId: state.settings.user!.id, role: 'translator' })]);
    // openSample reopens the same project rather than importing the article again.
    const reopened = await api.openSample();
    expect(reopened.segments.find((s) => s.id === todo[0]!.id)!.status).toBe('translated');
    expect(fs.readdirSync(ctx.projectsDir).filter((f) => f.endsWith('.relais'))).toEqual(['cumberland-fr.relais']);
    const stats = await api.getStats();
    expect(stats.segments.byStatus.translated).toBe(2);
    expect(stats.progress).toBeGreaterThan(0);
  });

  it('a draft saved while typing survives the app going away without a commit', async () => {
    let api = session();
    await api.setUser({ name: 'Ana', role: 'translator' });
    const snap = await api.openSample();
    const seg = snap.segments.find((s) => s.translatable)!;
    await api.saveDraft(seg.id, 'It is one of the fir');
    // No commit, no closeProject, no dispose: the process is gone. A new session opens the file afresh.
    sessions.apps.pop();
    api = session();
    const again = await api.openProject(snap.info.path);
    expect(again.drafts[seg.id]).toBe('It is one of the fir');
    expect(again.segments.find((s) => s.id === seg.id)!.status).toBe('new');
  });

  it('no user set: reading is allowed, changing is permission.denied', async () => {
    const api = session();
    const snap = await api.openSample();
    const seg = snap.segments.find((s) => s.translatable)!;
    expect((await failure(api.commitSegment({ segmentId: seg.id, target: 'x', status: 'draft', origin: 'typed' }))).code).toBe('permission.denied');
    expect((await failure(api.saveDraft(seg.id, 'x'))).code).toBe('permission.denied');
    expect((await api.getStats()).segments.total).toBeGreaterThan(0);
  });
});

describe('review', () => {
  it('a translator cannot approve; an editor can, and then the translator cannot change it', async () => {
    const api = session();
    await api.setUser({ name: 'Ana', role: 'translator' });
    const snap = await api.openSample();
    const seg = snap.segments.find((s) => s.translatable)!;
    await api.commitSegment({ segmentId: seg.id, target: 'It is one of the first operations.', status: 'translated', origin: 'typed' });
    expect((await failure(api.setStatus({ segmentId: seg.id, status: 'approved' }))).code).toBe('permission.denied');

    await api.setUser({ name: 'Eddie', role: 'editor' });
    expect(await api.setStatus({ segmentId: seg.id, status: 'approved', comment: 'Good.' })).toMatchObject({ status: 'approved', updatedBy: 'Eddie' });

    await api.setUser({ name: 'Ana', role: 'translator' });
    const locked = await failure(api.commitSegment({ segmentId: seg.id, target: 'Changed', status: 'translated', origin: 'typed' }));
    expect(locked.code).toBe('segment.locked');
    const revs = await api.getHistory(seg.id);
    expect(revs.map((r) => [r.author, r.status])).toEqual([['Ana', 'translated'], ['Eddie', 'approved']]);
    // Each person has their own id, kept when they switch back.
    const ana = (await api.getAppState()).settings.user!;
    expect(revs.map((r) => r.authorId === ana.id)).toEqual([true, false]);
  });
});

describe('arguments are validated before any handler runs', () => {
  it('bad arguments → invalid.arguments; no project → project.notOpen', async () => {
    const api = session();
    await api.setUser({ name: 'Ana', role: 'translator' });
    expect((await failure(api.getStats())).code).toBe('project.notOpen');
    await api.openSample();
    const bad = api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect((await failure(bad.commitSegment!({ segmentId: '1', target: 'x', status: 'done', origin: 'typed' }))).code).toBe('invalid.arguments');
    expect((await failure(bad.splitSegment!('1', -3))).code).toBe('invalid.arguments');
    expect((await failure(bad.setUser!({ name: '   ', role: 'editor' }))).code).toBe('invalid.arguments');
    expect((await failure(api.commitSegment({ segmentId: '99999', target: 'x', status: 'draft', origin: 'typed' }))).code).toBe('segment.notFound');
  });
});

describe('split, merge and blocks through the table', () => {
  it('split a segment, merge it back, put chrome back into translation', async () => {
    const api = session();
    await api.setUser({ name: 'Ana', role: 'translator' });
    const snap = await api.openSample();
    const seg = snap.segments.find((s) => s.source.startsWith('Au moins 25'))!;
    const at = seg.source.indexOf(' pour la diffusion');
    const afterSplit = await api.splitSegment(seg.id, at);
    expect(afterSplit.segments).toHaveLength(snap.segments.length + 1);
    const i = afterSplit.segments.findIndex((s) => s.id === seg.id);
    expect(afterSplit.segments[i]!.source).toBe('Au moins 25\u00a0individus ont été arrêtés');
    const second = afterSplit.segments[i + 1]!;
    expect(second.source.startsWith('pour la diffusion')).toBe(true);
    const merged = await api.mergeSegments(seg.id, second.id);
    expect(merged.segments.find((s) => s.id === seg.id)!.source).toBe(seg.source);

    const chrome = snap.blocks.find((b) => !b.translatable)!;
    const after = await api.setBlockTranslatable(chrome.id, true);
    expect(after.blocks.find((b) => b.id === chrome.id)!.translatable).toBe(true);
    expect(after.segments.filter((s) => s.blockId === chrome.id).every((s) => s.translatable)).toBe(true);
  });
});

describe('opening and importing', () => {
  it('imports next to the article, then " (2)" when the name is taken; recent list follows', async () => {
    const a0 = app();
    const api = a0.api;
    const article = path.join(root, 'articles', 'europol.txt');
    fs.copyFileSync(SAMPLE, article);
    const a = await a0.table.openDocument(article);
    expect(a.info.path).toBe(path.join(root, 'articles', 'europol.relais'));
    const b = await a0.table.openDocument(article);
    expect(b.info.path).toBe(path.join(root, 'articles', 'europol (2).relais'));
    const explicit = path.join(root, 'elsewhere.relais');
    const c = await a0.workspace.importArticle(article, { projectPath: explicit });
    expect(c.path).toBe(explicit);
    a0.workspace.release(c);
    expect((await failure(a0.workspace.importArticle(article, { projectPath: explicit }))).code).toBe('invalid.operation');
    expect((await api.listRecent()).map((r) => path.basename(r.path))).toEqual(['elsewhere.relais', 'europol (2).relais', 'europol.relais']);
    expect(settingsChanges).toBeGreaterThanOrEqual(3);
    fs.rmSync(explicit);
    expect((await api.listRecent()).map((r) => path.basename(r.path))).toEqual(['europol (2).relais', 'europol.relais']);
  });

  // Root can write anywhere, so this can only be checked as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('an article in a read-only folder gets its project in the projects folder', async () => {
    const { table } = app();
    const ro = path.join(root, 'readonly');
    fs.mkdirSync(ro);
    fs.copyFileSync(SAMPLE, path.join(ro, 'europol.txt'));
    fs.chmodSync(ro, 0o555);
    try {
      const snap = await table.openDocument(path.join(ro, 'europol.txt'));
      expect(snap.info.path).toBe(path.join(ctx.projectsDir, 'europol.relais'));
      expect(fs.readdirSync(ro)).toEqual(['europol.txt']);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  });

  it('a dropped file is imported into the projects folder', async () => {
    const api = session();
    const base64 = fs.readFileSync(SAMPLE).toString('base64');
    const snap = await api.importDroppedFile('../../Article du jour.txt', base64);
    expect(snap.info.path).toBe(path.join(ctx.projectsDir, 'Article du jour.relais'));
    expect(snap.segments.some((s) => s.source.includes('Mme\u00a0De Bolle'))).toBe(true);
  });

  it('the open dialog opens a project, imports an article, or does nothing when cancelled', async () => {
    const api = session();
    expect(await api.showOpenDialog()).toBeNull();
    const article = path.join(root, 'articles', 'a.txt');
    fs.copyFileSync(SAMPLE, article);
    dialogAnswer = article;
    const imported = await api.showOpenDialog();
    expect(imported!.info.path).toBe(path.join(root, 'articles', 'a.relais'));
    await api.closeProject();
    dialogAnswer = imported!.info.path;
    expect((await api.showOpenDialog())!.info.path).toBe(imported!.info.path);
    expect((await api.getAppState()).project?.info.path).toBe(imported!.info.path);
  });

  it('when the import fails no project file is left behind, and the open project stays open', async () => {
    const { api, table } = app();
    const open = await api.openSample();
    const bad = path.join(root, 'articles', 'photo.txt');
    fs.writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const err = await failure(table.openDocument(bad));
    expect(err.code).toMatch(/^file\./);
    expect(err.file).toBe(bad);
    expect(fs.readdirSync(path.join(root, 'articles'))).toEqual(['photo.txt']);
    const empty = path.join(root, 'articles', 'empty.md');
    fs.writeFileSync(empty, '');
    expect((await failure(table.openDocument(empty))).code).toBe('file.empty');
    expect(fs.readdirSync(path.join(root, 'articles')).sort()).toEqual(['empty.md', 'photo.txt']);
    expect((await api.getAppState()).project?.info.path).toBe(open.info.path);
  });
});

describe('two windows', () => {
  it('both open the sample at once (the first start of the app): one project, created once, open in both', async () => {
    const first = app();
    const second = createHandlers(first.workspace, NO_DIALOGS);
    try {
      const [a, b] = await Promise.all([first.api.openSample(), clientFor(second).openSample()]);
      expect(a.info.path).toBe(b.info.path);
      expect(a.info.id).toBe(b.info.id);
      expect(fs.readdirSync(ctx.projectsDir).filter((f) => f.endsWith('.relais'))).toEqual(['cumberland-fr.relais']);
    } finally {
      second.dispose();
    }
  });

  it('two handler tables on one workspace: two projects open at once, both edited, each window its own', async () => {
    const first = app();
    const second = createHandlers(first.workspace, NO_DIALOGS);
    try {
      const other = clientFor(second);
      await first.api.setUser({ name: 'Ana', role: 'translator' });
      const article = path.join(root, 'articles', 'brief.txt');
      fs.writeFileSync(article, 'Un coup de filet à La Haye.\n\nLes enquêteurs poursuivent leur travail.\n');
      const a = await first.api.openSample();
      const b = await second.openDocument(article);
      const sa = a.segments.find((s) => s.translatable)!;
      const sb = b.segments[0]!;
      await first.api.commitSegment({ segmentId: sa.id, target: 'It is one of the first operations.', status: 'translated', origin: 'typed', expectedRevisionId: sa.revisionId });
      await other.commitSegment({ segmentId: sb.id, target: 'A sweep in The Hague.', status: 'translated', origin: 'typed', expectedRevisionId: sb.revisionId });
      expect((await first.api.getAppState()).project!.segments.find((s) => s.id === sa.id)!.target).toBe('It is one of the first operations.');
      expect((await other.getAppState()).project!.segments.find((s) => s.id === sb.id)!.target).toBe('A sweep in The Hague.');
      expect((await failure(other.getHistory(sa.id))).code).toBe('segment.notFound');
      // The same user (one workspace) in both windows; closing one leaves the other's project open.
      await first.api.closeProject();
      expect((await other.getHistory(sb.id)).map((r) => r.author)).toEqual(['Ana']);
    } finally {
      second.dispose();
    }
  });
});

describe('opening by path', () => {
  it('the renderer may open a recent project by path, nothing else: other files go through the open dialog', async () => {
    const api = session();
    const made = await api.openSample();
    await api.closeProject();
    expect((await api.openProject(made.info.path)).info.path).toBe(made.info.path);
    const other = path.join(root, 'articles', 'other.relais');
    fs.copyFileSync(made.info.path, other);
    const err = await failure(api.openProject(other));
    expect(err.code).toBe('invalid.operation');
    expect((await api.getAppState()).project?.info.path).toBe(made.info.path);
  });
});

describe('files that are not Relais projects', () => {
  async function refused(name: string, bytes: Buffer, code: string) {
    const { api, table } = app();
    const file = path.join(root, 'articles', name);
    fs.writeFileSync(file, bytes);
    const before = fs.readFileSync(file);
    const err = await failure(table.openDocument(file));
    expect(err.code).toBe(code);
    expect(err.file).toBe(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(root, 'articles'))).toEqual([name]);
    expect((await api.listRecent()).map((r) => r.path)).not.toContain(file);
  }

  it('a text file', () => refused('notes.relais', Buffer.from('Mme De Bolle a déclaré…\n'), 'project.notRelais'));
  it('random bytes', () => refused('noise.relais', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) % 256)), 'project.notRelais'));
  it('an empty file', () => refused('empty.relais', Buffer.alloc(0), 'project.notRelais'));

  it('a project from a newer Relais: project.tooNew, bytes unchanged', async () => {
    const { workspace, table } = app();
    const made = await workspace.importArticle(SAMPLE, { projectPath: path.join(root, 'articles', 'future.relais') });
    const file = made.path;
    workspace.release(made);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const bytes = fs.readFileSync(file);
    const err = await failure(table.openDocument(file));
    expect(err.code).toBe('project.tooNew');
    expect(err.file).toBe(file);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.join(root, 'articles'))).toEqual(['future.relais']);
  });

  it('a corrupt settings file does not stop the app', async () => {
    fs.writeFileSync(path.join(ctx.settingsDir, 'settings.json'), '{"user": {"name": "Ana", "role": ');
    const api = session();
    expect((await api.getAppState()).settings).toEqual({ user: null, language: 'en', recent: [] });
    expect(fs.readdirSync(ctx.settingsDir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});
