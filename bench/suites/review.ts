/**
 * Review features: word diffs over a long revision history, and source-version alignment.
 *
 * The suite is a list of measurements run in order; each returns its figures and report lines. Later measurements
 * (e.g. loading 1,000 revisions from SQLite and writing the update, once the store has them) are appended to
 * MEASUREMENTS below and need nothing else.
 *
 *  (a) history: one segment with 1,000 revisions — successive realistic edits of a 30–60-word English sentence
 *      (word replaced, inserted, deleted, punctuation changed, space turned into a no-break space, a restore of an
 *      older revision now and then). Time of the diff between two random revisions (p50/p95/max) and of all
 *      consecutive diffs (the history list). Target: under 100 ms.
 *  (b) alignment: a 2,000-segment French article re-imported with 5 % of its segments changed (edited, removed,
 *      added, mixed; plus white-space-only edits, which are not changes). Target: < 1 s.
 * Times are wall-clock (performance.now) and, for the aggregates, CPU time of this process too: on a loaded
 * machine the CPU figure is the steadier one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { wordDiff } from '../../shared/review/diff.ts';
import { prng } from '../random.ts';
import { alignVersions, type AlignNewSegment, type AlignOldSegment } from '../../shared/review/align.ts';
import { percentile, timed } from '../report.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'review';

export interface MeasurementResult {
  /** The report's figures (ids are prefixed with the measurement's id by run()). */
  figures: Figure[];
  /** Everything else, machine-readable. */
  details: Record<string, unknown>;
  lines: string[];
}

export interface Measurement {
  id: string;
  title: string;
  run(): Promise<MeasurementResult>;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

const ms = (x: number) => Math.round(x * 1000) / 1000;
const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

// ---------------------------------------------------------------------------------------------------------------
// (a) Revision history diffs
// ---------------------------------------------------------------------------------------------------------------

const BASE_SENTENCE =
  '“Operation Cumberland has been one of the first cases involving AI-generated child sexual abuse material, making it exceptionally challenging for investigators due to the lack of national legislation addressing these crimes,” the European police agency, based in The Hague, said in a statement on Friday.';

const VOCAB = (
  'agency police investigators officers suspects arrests operation platform content material images videos online network ' +
  'countries authorities Europe European Danish national international legislation crimes offences victims children abuse ' +
  'said stated announced added noted warned explained confirmed reported statement press release Friday Wednesday February ' +
  'particularly especially exceptionally increasingly widely quickly recently still now also however meanwhile ' +
  'first main principal major global worldwide coordinated led carried out arrested detained charged identified'
).split(' ');

const PUNCT = [',', ';', ':', ' —', '.'];

/** Applies one realistic edit to a sentence, keeping it between 30 and 60 words. */
function editSentence(text: string, rnd: () => number): string {
  const words = text.split(' ');
  const r = rnd();
  const i = Math.floor(rnd() * words.length);
  if (r < 0.35) {
    // Replace a word (keeping any punctuation glued to it).
    const m = /^([“"(]?)([^,.;:”")]*)([,.;:”")]*)$/.exec(words[i]!);
    words[i] = m ? `${m[1]}${pick(rnd, VOCAB)}${m[3]}` : pick(rnd, VOCAB);
  } else if (r < 0.55 && words.length < 60) {
    words.splice(i, 0, pick(rnd, VOCAB));
  } else if (r < 0.72 && words.length > 30) {
    words.splice(i, 1);
  } else if (r < 0.85) {
    // Change or add a punctuation mark after a word.
    const w = words[i]!.replace(/[,;:]$/, '');
    words[i] = w + pick(rnd, PUNCT).trim().slice(0, 1);
  } else if (r < 0.95) {
    // Typography: an ordinary space becomes a no-break space (or back).
    const joined = words.join(' ');
    const spaces = [...joined.matchAll(/ /g)].map((m) => m.index!);
    if (!spaces.length) return joined.replace(/\u00A0/, ' ');
    const at = pick(rnd, spaces);
    return joined.slice(0, at) + '\u00A0' + joined.slice(at + 1);
  } else {
    // Swap two neighbouring words.
    const j = Math.min(words.length - 1, i + 1);
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words.join(' ');
}

export function makeRevisionHistory(count: number, seed = 1): string[] {
  const rnd = prng(seed);
  const revs = [BASE_SENTENCE];
  for (let k = 1; k < count; k++) {
    const prev = revs[k - 1]!;
    // Now and then a revision restores an older one (history "restore"), otherwise 1–3 edits.
    if (rnd() < 0.02) {
      revs.push(revs[Math.floor(rnd() * k)]!);
      continue;
    }
    let t = prev;
    const edits = 1 + Math.floor(rnd() * 3);
    for (let e = 0; e < edits; e++) t = editSentence(t, rnd);
    revs.push(t);
  }
  return revs;
}

const historyDiffs: Measurement = {
  id: 'history',
  title: '(a) Word diffs over a 1,000-revision history',
  async run() {
    const revs = makeRevisionHistory(1000, 42);
    const wordsPer = revs.map((r) => r.split(/\s+/u).length);
    // Warm-up (JIT), not measured.
    for (let k = 0; k < 200; k++) wordDiff(revs[k]!, revs[k + 1]!);

    const rnd = prng(7);
    const pairTimes: number[] = [];
    let changedParts = 0;
    for (let k = 0; k < 2000; k++) {
      const a = Math.floor(rnd() * revs.length);
      const b = Math.floor(rnd() * revs.length);
      const t0 = performance.now();
      const parts = wordDiff(revs[a]!, revs[b]!);
      pairTimes.push(performance.now() - t0);
      changedParts += parts.filter((p) => p.kind !== 'equal').length;
    }
    pairTimes.sort((x, y) => x - y);

    const listRuns: number[] = [];
    const listCpu: number[] = [];
    for (let run = 0; run < 5; run++) {
      const r = timed(() => {
        for (let k = 1; k < revs.length; k++) wordDiff(revs[k - 1]!, revs[k]!);
      });
      listRuns.push(r.wallMs);
      listCpu.push(r.cpuMs);
    }
    listRuns.sort((x, y) => x - y);
    listCpu.sort((x, y) => x - y);

    const details = {
      revisions: revs.length,
      wordsMin: Math.min(...wordsPer),
      wordsMax: Math.max(...wordsPer),
      randomPairs: pairTimes.length,
      pairP50Ms: ms(percentile(pairTimes, 50)),
      pairP95Ms: ms(percentile(pairTimes, 95)),
      pairMaxMs: ms(pairTimes[pairTimes.length - 1]!),
      meanChangedPartsPerPair: Math.round((changedParts / pairTimes.length) * 10) / 10,
      historyListMs: ms(listRuns[Math.floor(listRuns.length / 2)]!),
      historyListMaxMs: ms(listRuns[listRuns.length - 1]!),
      historyListCpuMs: ms(listCpu[Math.floor(listCpu.length / 2)]!),
      targetMs: 100,
    };
    const figures: Figure[] = [
      { id: 'pairDiff.p50', label: 'word diff of two random revisions, p50', value: details.pairP50Ms, unit: 'ms', better: 'lower', stat: `p50 of ${pairTimes.length}` },
      { id: 'pairDiff.p95', label: 'word diff of two random revisions, p95', value: details.pairP95Ms, unit: 'ms', better: 'lower', stat: `p95 of ${pairTimes.length}` },
      { id: 'list', label: `history list (${revs.length - 1} consecutive diffs)`, value: details.historyListMs, unit: 'ms', better: 'lower', stat: 'median of 5', target: { op: '<', value: 100, of: 'value' } },
    ];
    return {
      figures,
      details,
      lines: [
        `revisions: ${details.revisions} (sentence of ${details.wordsMin}–${details.wordsMax} words)`,
        `diff of two random revisions (${details.randomPairs} pairs): p50 ${fmt(details.pairP50Ms)} ms · p95 ${fmt(details.pairP95Ms)} ms · max ${fmt(details.pairMaxMs)} ms (mean ${details.meanChangedPartsPerPair} changed parts)`,
        `history list (all ${revs.length - 1} consecutive diffs): median ${fmt(details.historyListMs)} ms (CPU ${fmt(details.historyListCpuMs)} ms) · max ${fmt(details.historyListMaxMs)} ms of 5 runs (target < ${details.targetMs} ms)`,
      ],
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// (b) Source-version alignment
// ---------------------------------------------------------------------------------------------------------------

/** French vocabulary with its frequencies, from the reference article. */
function frenchVocabulary(): string[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'samples', 'cumberland-fr.txt');
  const text = readFileSync(file, 'utf8');
  return text.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
}

export interface AlignmentCase {
  old: AlignOldSegment[];
  next: AlignNewSegment[];
  expected: { unchanged: number; changed: number; added: number; removed: number };
}

/** A 2,000-segment article and its next version with `share` of the segments edited, removed or added (mixed). */
export function makeAlignmentCase(segments: number, share: number, seed = 3): AlignmentCase {
  const rnd = prng(seed);
  const vocab = frenchVocabulary();
  const sentence = () => {
    const n = 12 + Math.floor(rnd() * 30);
    const w = Array.from({ length: n }, () => pick(rnd, vocab));
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    if (rnd() < 0.3) w.splice(Math.floor(n / 2), 0, '«\u00A0' + pick(rnd, vocab));
    return w.join(' ') + (rnd() < 0.2 ? '\u00A0!' : '.');
  };
  const old: AlignOldSegment[] = [];
  let block = 0;
  for (let i = 0; i < segments; i++) {
    if (rnd() < 0.3) block++;
    old.push({ id: `seg-${i}`, source: sentence(), blockKind: 'paragraph', blockIndex: block });
  }
  const changes = Math.round(segments * share);
  // Choose distinct positions for edits, removals and additions (roughly a third each).
  const positions = new Set<number>();
  while (positions.size < changes) positions.add(1 + Math.floor(rnd() * (segments - 2)));
  const kinds = new Map<number, 'edit' | 'remove' | 'add'>();
  [...positions].forEach((p, k) => kinds.set(p, k % 3 === 0 ? 'edit' : k % 3 === 1 ? 'remove' : 'add'));
  // White-space-only edits on other segments (not changes).
  const spaced = new Set<number>();
  while (spaced.size < 20) {
    const p = Math.floor(rnd() * segments);
    if (!positions.has(p)) spaced.add(p);
  }
  const next: AlignNewSegment[] = [];
  const expected = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  old.forEach((s, i) => {
    const kind = kinds.get(i);
    if (kind === 'remove') {
      expected.removed++;
      return;
    }
    if (kind === 'edit') {
      const w = s.source.split(' ');
      for (let e = 0; e < 1 + Math.floor(w.length / 10); e++) w[Math.floor(rnd() * w.length)] = pick(rnd, vocab);
      w.push('(mise à jour)');
      next.push({ source: w.join(' '), blockKind: s.blockKind, blockIndex: s.blockIndex });
      expected.changed++;
      return;
    }
    const source = spaced.has(i) ? s.source.replace(' ', '\u00A0').replace(' ', '  ') : s.source;
    next.push({ source, blockKind: s.blockKind, blockIndex: s.blockIndex });
    expected.unchanged++;
    if (kind === 'add') {
      next.push({ source: `Ajout ${i} : ${sentence()}`, blockKind: 'paragraph', blockIndex: s.blockIndex });
      expected.added++;
    }
  });
  return { old, next, expected };
}

const alignment: Measurement = {
  id: 'alignment',
  title: '(b) Source-version alignment, 2,000 segments, 5 % changed',
  async run() {
    const c = makeAlignmentCase(2000, 0.05);
    alignVersions(c.old, c.next); // warm-up
    const times: number[] = [];
    const cpu: number[] = [];
    let result = alignVersions(c.old, c.next);
    for (let run = 0; run < 10; run++) {
      const r = timed(() => alignVersions(c.old, c.next));
      result = r.value;
      times.push(r.wallMs);
      cpu.push(r.cpuMs);
    }
    times.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    const exact =
      result.stats.unchanged === c.expected.unchanged &&
      result.stats.changed === c.expected.changed &&
      result.stats.added === c.expected.added &&
      result.stats.removed === c.expected.removed;

    // A different article of the same size: the worst case (no anchors at all).
    const other = makeAlignmentCase(2000, 0, 99).next;
    const d = timed(() => alignVersions(c.old, other));
    const diff = d.value;

    const details = {
      oldSegments: c.old.length,
      newSegments: c.next.length,
      expected: c.expected,
      found: result.stats,
      exact,
      sameArticleScore: result.sameArticleScore,
      alignP50Ms: ms(percentile(times, 50)),
      alignMaxMs: ms(times[times.length - 1]!),
      alignCpuP50Ms: ms(percentile(cpu, 50)),
      differentArticleMs: ms(d.wallMs),
      differentArticleCpuMs: ms(d.cpuMs),
      differentArticleScore: diff.sameArticleScore,
      targetMs: 1000,
    };
    const figures: Figure[] = [
      { id: 'time', label: 'align 2,000 segments, 5 % changed', value: details.alignP50Ms, unit: 'ms', better: 'lower', stat: 'median of 10', target: { op: '<', value: 1000, of: 'value' } },
      { id: 'differentArticle', label: 'align with a different 2,000-segment article', value: details.differentArticleMs, unit: 'ms', better: 'lower', stat: 'single run' },
      { id: 'exact', label: 'changes found exactly as made (1 yes, 0 no)', value: exact ? 1 : 0, unit: 'count', better: 'higher', stat: 'single run', target: { op: '>=', value: 1, of: 'value' } },
    ];
    const st = (s: typeof c.expected) => `${s.unchanged} unchanged, ${s.changed} changed, ${s.added} added, ${s.removed} removed`;
    return {
      figures,
      details,
      lines: [
        `versions: ${details.oldSegments} → ${details.newSegments} segments; expected ${st(c.expected)}`,
        `found: ${st(result.stats)} (${exact ? 'exact' : 'MISMATCH'}), same-article score ${result.sameArticleScore}`,
        `alignment time: p50 ${fmt(details.alignP50Ms)} ms (CPU ${fmt(details.alignCpuP50Ms)} ms) · max ${fmt(details.alignMaxMs)} ms of 10 runs (target < ${details.targetMs} ms)`,
        `a different 2,000-segment article: ${fmt(details.differentArticleMs)} ms (CPU ${fmt(details.differentArticleCpuMs)} ms), same-article score ${details.differentArticleScore}`,
      ],
    };
  },
};

/** Measurements in order. Append new ones here (e.g. the store: loading 1,000 revisions, writing the update). */
export const MEASUREMENTS: Measurement[] = [historyDiffs, alignment];

export async function run(): Promise<SuiteResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const text: string[] = [];
  for (const m of MEASUREMENTS) {
    const r = await m.run();
    figures.push(...r.figures.map((f) => ({ ...f, id: `${m.id}.${f.id}` })));
    details[m.id] = r.details;
    text.push(m.title, ...r.lines.map((l) => '  ' + l), '');
  }
  return { name, title: 'Review: word diffs over a long history, source-version alignment', figures, details, text: text.join('\n') };
}
