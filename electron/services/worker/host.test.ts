/**
 * The project worker as Electron main and the e2e harness use it: WorkerHost starts worker.ts on a worker thread,
 * calls go through it per window, dialogs come back to the host. Real projects in temp folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppState, FileChoice } from '../../../shared/ipc/contract.ts';
import type { Envelope } from '../../../shared/ipc/envelope.ts';
import type { AppSettings, ProjectSnapshot, Segment } from '../../../shared/model.ts';
import { Workspace } from '../app/workspace.ts';
import { ProjectStore } from '../store/project-store.ts';
import { SAMPLE } from '../testing/context.ts';
import { WorkerHost } from './host.ts';

const SHIPPED_DESK = path.resolve(import.meta.dirname, '../../../resources/glossary/desk-fr-en.tbx');

let root: string;
let host: WorkerHost | null = null;
const opened: { windowId: string; answer: string | null }[] = [];
const settingsSeen: AppSettings[] = [];

function config() {
  return {
    settingsDir: path.join(root, 'profile'),
    projectsDir: path.join(root, 'projects'),
    samplePath: SAMPLE,
    deskGlossaryPath: SHIPPED_DESK,
  };
}

async function start(): Promise<WorkerHost> {
  host = await WorkerHost.start({
    config: config(),
    dialogs: {
      showOpen: async (windowId) => opened.find((o) => o.windowId === windowId)?.answer ?? null,
      showSave: async () => null,
    },
    onSettingsChanged: (s) => void settingsSeen.push(s),
  });
  return host;
}

function value<T>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-worker-'));
  fs.mkdirSync(path.join(root, 'articles'));
  opened.length = 0;
  settingsSeen.length = 0;
});
afterEach(async () => {
  await host?.stop();
  host = null;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the project worker', () => {
  it('runs on its own thread; two windows have two projects open at once and edit both', async () => {
    const h = await start();
    expect(h.threadId).toBeGreaterThan(0);
    value(await h.call('w1', 'setUser', [{ name: 'Ana', role: 'translator' }]));
    expect(settingsSeen.at(-1)?.user?.name).toBe('Ana');

    const article = path.join(root, 'articles', 'brief.txt');
    fs.writeFileSync(article, 'Un coup de filet à La Haye.\n\nLes enquêteurs poursuivent leur travail.\n');
    const one = value<ProjectSnapshot>(await h.call('w1', 'openSample', []));
    const two = value<ProjectSnapshot>(await h.openDocument('w2', article));
    expect(two.info.path).toBe(path.join(root, 'articles', 'brief.relais'));

    const s1 = one.segments.find((s) => s.translatable)!;
    const s2 = two.segments[0]!;
    const c1 = value<Segment>(await h.call('w1', 'commitSegment', [{ segmentId: s1.id, target: 'It is one of the first operations.', status: 'translated', origin: 'typed', expectedRevisionId: s1.revisionId }]));
    const c2 = value<Segment>(await h.call('w2', 'commitSegment', [{ segmentId: s2.id, target: 'A sweep in The Hague.', status: 'translated', origin: 'typed', expectedRevisionId: s2.revisionId }]));
    expect(c1.revisionId).not.toBeNull();
    expect(c2.revisionId).not.toBeNull();

    // Each window sees its own project; a segment of one is unknown to the other.
    expect(value<AppState>(await h.call('w1', 'getAppState', [])).project!.info.path).toBe(one.info.path);
    expect(value<AppState>(await h.call('w2', 'getAppState', [])).project!.info.path).toBe(two.info.path);
    const cross = await h.call('w2', 'getHistory', [s1.id]);
    expect(cross).toMatchObject({ ok: false, error: { code: 'segment.notFound' } });
    // A stale head is refused in either window.
    const stale = await h.call('w1', 'commitSegment', [{ segmentId: s1.id, target: 'Other', status: 'draft', origin: 'typed', expectedRevisionId: s1.revisionId }]);
    expect(stale).toMatchObject({ ok: false, error: { code: 'segment.conflict' } });

    // A third window on the first project shares it; closing one window keeps it open for the other.
    value(await h.call('w3', 'openProject', [one.info.path]));
    await h.closeWindow('w1');
    expect(value<{ id: string }[]>(await h.call('w3', 'getHistory', [s1.id]))).toHaveLength(1);

    await h.stop();
    host = null;
    // Both edits are in the files.
    for (const [file, id, text] of [[one.info.path, s1.id, 'It is one of the first operations.'], [two.info.path, s2.id, 'A sweep in The Hague.']] as const) {
      const store = ProjectStore.open(file);
      try {
        expect(store.segment(id).target).toBe(text);
      } finally {
        store.close();
      }
    }
  }, 60_000);

  it('asks the host for the dialogs of the window that called', async () => {
    const h = await start();
    value(await h.call('w1', 'setUser', [{ name: 'Eve', role: 'editor' }]));
    value(await h.call('w1', 'openSample', []));
    const v2 = path.join(root, 'articles', 'v2.txt');
    fs.writeFileSync(v2, fs.readFileSync(SAMPLE, 'utf8').replace('pourrait conduire à d’autres arrestations', 'devrait conduire à de nouvelles arrestations'));
    opened.push({ windowId: 'w1', answer: v2 });
    expect(value(await h.call('w2', 'pickFile', ['article']))).toBeNull();
    const choice = value<FileChoice>(await h.call('w1', 'pickFile', ['article']));
    expect(choice.fileName).toBe('v2.txt');
    // The token belongs to the window whose dialog chose the file.
    expect(await h.call('w2', 'updateSource', [choice.token])).toMatchObject({ ok: false });
    expect(value<{ changed: number }>(await h.call('w1', 'updateSource', [choice.token])).changed).toBe(1);
  }, 60_000);

  it('keeps the caller’s event loop free while it checks a 10,000-segment article', async () => {
    // A generated article of 10,000 translated segments.
    const file = path.join(root, 'projects', 'long.relais');
    fs.mkdirSync(path.dirname(file));
    const sentences = ['Au moins 25 individus ont été arrêtés vendredi 28 février.', 'La police danoise a mené l’opération avec 18 pays.', 'Le coup de filet fait suite à une arrestation en novembre.', 'Europol a publié un communiqué à La Haye.'];
    const blocks = Array.from({ length: 1000 }, (_, b) => ({ kind: 'paragraph' as const, text: `p${b}`, chrome: null }));
    const drafts = Array.from({ length: 10_000 }, (_, i) => ({ blockIndex: Math.floor(i / 10), source: `${sentences[i % 4]} (${i})` }));
    ProjectStore.create(file, { format: 'txt', sourceName: 'long.txt', blocks }, drafts).close();
    const db = new Database(file);
    db.prepare("UPDATE segments SET target = 'At least 25 people were arrested on Friday 28 February (' || ord || ').', status = 'translated'").run();
    db.close();
    // The workspace knows it (the renderer opens projects of the recent list by path).
    const ws = new Workspace(config());
    ws.release(ws.openProject(file));
    ws.close();

    const h = await start();
    value(await h.call('w1', 'openProject', [file]));
    // Warm up: the glossaries are loaded and the engine built once, as in a windowId.
    value(await h.call('w1', 'listQaRules', []));

    const gaps: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const t = performance.now();
      gaps.push(t - last);
      last = t;
    }, 5);
    const t0 = performance.now();
    const status = value<{ total: number; blockers: { qaErrors: { count: number } } }>(await h.call('w1', 'getPublicationStatus', []));
    const took = performance.now() - t0;
    clearInterval(timer);
    expect(status.total).toBe(10_000);
    expect(status.blockers.qaErrors.count).toBeGreaterThan(0);
    // The timer kept ticking all along: never blocked for more than a fraction of the check.
    expect(gaps.length).toBeGreaterThanOrEqual(Math.min(20, took / 20));
    expect(Math.max(...gaps)).toBeLessThan(Math.max(150, took / 3));

    // The same check on this thread blocks it for about as long as it takes.
    const ws2 = new Workspace(config());
    const p = ws2.openProject(file);
    await p.qaRules();
    await p.glossaries();
    const before = performance.now();
    let ticks = 0;
    const timer2 = setInterval(() => void ticks++, 5);
    const findings = await p.checkDocument();
    const blocked = performance.now() - before;
    clearInterval(timer2);
    ws2.close();
    expect(findings.length).toBeGreaterThan(0);
    expect(ticks).toBeLessThanOrEqual(1);
    console.log(`[worker] whole-article QA of 10,000 segments: ${took.toFixed(0)} ms in the worker (caller's timer ticks: ${gaps.length}, longest gap ${Math.max(...gaps).toFixed(0)} ms); ${blocked.toFixed(0)} ms on the caller's thread (ticks: ${ticks})`);
  }, 120_000);
});
