/**
 * Review features through the real store (SQLite file in a temp folder), complementing the pure `review` suite:
 *
 *  (a) history: a segment with 1,000 revisions (successive edits of a 40-word sentence) in a project file; fresh
 *      open, then ReviewStore.history() (1,000 rows read) and diffRevisions() between two far-apart revisions.
 *      Target: history + diff under 100 ms.
 *  (b) source update: a 2,000-segment project (500 paragraphs × 4 sentences, all translated), a new version with
 *      5 % of its sentences changed (2 % edited, 1.5 % removed, 1.5 % added). updateSource end to end: segmentation
 *      of the new version, alignment with the live segments and the one write transaction (synchronous=FULL).
 *      Target: under 1 s.
 * Wall-clock times (performance.now), best and median of several runs (each run on a fresh copy for (b)).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newId } from '../../shared/ids.ts';
import type { ImportedDocument, SegmentDraft, UserIdentity } from '../../shared/model.ts';
import { segmentDocument } from '../../shared/segmentation/index.ts';
import { ProjectStore } from '../../electron/services/store/project-store.ts';
import { ReviewStore } from '../../electron/services/store/review-store.ts';
import { updateSource } from '../../electron/services/store/source-update.ts';
import { median, round } from '../report.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'review-store';

const ana: UserIdentity = { id: newId(), name: 'Ana', role: 'translator' };
const ed: UserIdentity = { id: newId(), name: 'Eddie', role: 'editor' };

const WORDS = 'police enquête suspects réseau plateforme images victimes juge ministre pays opération contenus arrestations Europe'.split(' ');

function sentence(k: number): string {
  const w = (i: number) => WORDS[(k * 7 + i * 3) % WORDS.length]!;
  return `La ${w(0)} numéro ${k} signale ${k % 97} ${w(1)} et ${w(2)} selon le ${w(3)} de la ${w(4)} régionale ${k * 13}.`;
}

function articleDoc(sentences: string[][], name: string): ImportedDocument {
  return { format: 'txt', sourceName: name, blocks: sentences.map((p) => ({ kind: 'paragraph', text: p.join(' '), chrome: null })) };
}

async function historyBench(dir: string) {
  const file = path.join(dir, 'history.relais');
  const doc: ImportedDocument = { format: 'txt', sourceName: 'h.txt', blocks: [{ kind: 'paragraph', text: 'Les Etats membres discutent.', chrome: null }] };
  const drafts: SegmentDraft[] = [{ blockIndex: 0, source: 'Les Etats membres discutent.' }];
  const s = ProjectStore.create(file, doc, drafts);
  // Ids are UUIDv7: the one segment's id comes from the store.
  const segmentId = s.segments()[0]!.id;
  const base = 'Member states of the European Union are currently discussing common rules to deal with this new situation, the agency said on Friday in a statement published in The Hague after the operation';
  s.db.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const words = base.split(' ');
      words[i % words.length] = `${words[i % words.length]}${i % 7 === 0 ? '\u00A0' : ''}x${i}`;
      s.commitSegment({ segmentId, target: words.join(' '), status: i % 2 ? 'draft' : 'translated', origin: 'typed' }, i % 3 ? ana : ed);
    }
  })();
  s.close();
  const runs: { total: number; history: number; diff: number }[] = [];
  for (let r = 0; r < 7; r++) {
    const store = ProjectStore.open(file);
    const review = new ReviewStore(store);
    const t0 = performance.now();
    const h = review.history(segmentId);
    const t1 = performance.now();
    const d = review.diffRevisions(segmentId, h[17]!.id, h[983]!.id);
    const t2 = performance.now();
    if (h.length !== 1000 || d.parts.length === 0) throw new Error('history bench: unexpected result');
    runs.push({ total: t2 - t0, history: t1 - t0, diff: t2 - t1 });
    store.close();
  }
  return {
    revisions: 1000,
    totalMsBest: Math.min(...runs.map((r) => r.total)),
    totalMsMedian: median(runs.map((r) => r.total)),
    historyMsMedian: median(runs.map((r) => r.history)),
    diffMsMedian: median(runs.map((r) => r.diff)),
  };
}

async function updateBench(dir: string) {
  const paragraphs: string[][] = [];
  for (let p = 0; p < 500; p++) paragraphs.push([0, 1, 2, 3].map((i) => sentence(p * 4 + i)));
  const v1 = articleDoc(paragraphs, 'v1.txt');
  const drafts = segmentDocument(v1);
  if (drafts.length !== 2000) throw new Error(`update bench: expected 2,000 segments, got ${drafts.length}`);
  const master = path.join(dir, 'master.relais');
  const s = ProjectStore.create(master, v1, drafts);
  s.db.transaction(() => {
    for (const seg of s.segments()) s.commitSegment({ segmentId: seg.id, target: `EN ${seg.source}`, status: 'translated', origin: 'typed' }, ana);
  })();
  s.close();
  // 5 %: 40 edited, 30 removed, 30 added.
  let edited = 0;
  let removed = 0;
  let added = 0;
  const v2p = paragraphs.map((p, pi) =>
    p.flatMap((sent, si) => {
      const k = pi * 4 + si;
      if (k % 50 === 7) {
        edited++;
        return [sent.replace(' selon le ', ' d’après le ')];
      }
      if (k % 200 === 33 || k % 200 === 133 || k % 200 === 166) {
        removed++;
        return [];
      }
      if (k % 200 === 99 || k % 200 === 100 || k % 200 === 199) {
        added++;
        return [sent, `Une phrase entièrement nouvelle sur la coopération judiciaire ${k} en Europe.`];
      }
      return [sent];
    }),
  );
  const v2 = articleDoc(v2p, 'v2.txt');
  const runs: number[] = [];
  let last: ReturnType<typeof updateSource> | null = null;
  for (let r = 0; r < 5; r++) {
    const copy = path.join(dir, `run-${r}.relais`);
    fs.copyFileSync(master, copy);
    const store = ProjectStore.open(copy);
    const t0 = performance.now();
    last = updateSource(store, v2, ed);
    runs.push(performance.now() - t0);
    store.close();
  }
  if (!last || last.changed !== edited || last.removed !== removed || last.added !== added) {
    throw new Error(`update bench: expected ${edited}/${removed}/${added}, got ${JSON.stringify(last && { c: last.changed, r: last.removed, a: last.added })}`);
  }
  return { segments: 2000, changed: last.changed, removed: last.removed, added: last.added, unchanged: last.unchanged, msBest: Math.min(...runs), msMedian: median(runs) };
}

export async function run(): Promise<SuiteResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-review-store-'));
  try {
    const history = await historyBench(dir);
    const update = await updateBench(dir);
    const f = (x: number) => x.toFixed(1).padStart(8);
    const text = [
      `(a) 1,000 revisions from SQLite + diff of two   total ${f(history.totalMsMedian)} ms median, ${f(history.totalMsBest)} ms best  (history ${history.historyMsMedian.toFixed(1)} ms, diff ${history.diffMsMedian.toFixed(1)} ms)   target < 100 ms`,
      `(b) source update, 2,000 segments, 5 % changed ${f(update.msMedian)} ms median, ${f(update.msBest)} ms best  (${update.changed} changed, ${update.removed} removed, ${update.added} added, ${update.unchanged} unchanged)   target < 1000 ms`,
    ].join('\n');
    const figures: Figure[] = [
      { id: 'history.total', label: '1,000 revisions read from SQLite + diff of two', value: round(history.totalMsMedian), unit: 'ms', better: 'lower', stat: 'median of 7 fresh opens', target: { op: '<', value: 100, of: 'value' } },
      { id: 'sourceUpdate.total', label: 'source update, 2,000 segments, 5 % changed', value: round(update.msMedian), unit: 'ms', better: 'lower', stat: 'median of 5, each on a fresh copy', target: { op: '<', value: 1000, of: 'value' } },
    ];
    return { name, title: 'Review through the real SQLite store', figures, details: { history, update }, text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
