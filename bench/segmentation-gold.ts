/**
 * Shared by the segmentation suites (French sources, English drafts): the one loader of the gold sets in
 * bench/data/*-segmentation*.json, boundary extraction from any segmenter's pieces, scoring, the Intl.Segmenter and
 * sentencex peers, the result table and the report's figures.
 * A boundary is the offset where a sentence's text ends (trailing whitespace excluded), inside the paragraph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { peer, round } from './report.ts';
import type { Figure } from './types.ts';

export interface GoldParagraph {
  id: string;
  topic: string;
  sentences: string[];
  separator?: string;
  /** "dev" (rules may be tuned on it) or "test" (held out: measured, never tuned on). Absent in older sets. */
  split?: 'dev' | 'test';
}

export interface GoldItem {
  text: string;
  gold: number[];
  p: GoldParagraph;
}

const ORDINARY_WS = /[ \t\n\r\f\v\u0085\u2028\u2029]/;

export function dataFile(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', name);
}

/** Loads a gold set: each paragraph is its sentences joined by `separator` (default one space). */
export function loadSegmentationGold(file: string): GoldItem[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { paragraphs: GoldParagraph[] };
  return data.paragraphs.map((p) => {
    const sep = p.separator ?? ' ';
    const gold: number[] = [];
    let pos = 0;
    p.sentences.forEach((s, i) => {
      pos += s.length;
      if (i < p.sentences.length - 1) {
        gold.push(pos);
        pos += sep.length;
      }
    });
    return { text: p.sentences.join(sep), gold, p };
  });
}

function backOverSpace(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && ORDINARY_WS.test(text[i - 1]!)) i--;
  return i;
}

/** Boundaries of a segmenter that returns the pieces in order (possibly with whitespace kept at their edges). */
export function boundariesFromPieces(text: string, pieces: string[]): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const core = piece.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
    if (!core) continue;
    const at = text.indexOf(core, cursor);
    const end = at >= 0 ? at + core.length : cursor + piece.length;
    cursor = end;
    out.push(end);
  }
  return out.map((b) => backOverSpace(text, b)).filter((b) => b > 0 && b < backOverSpace(text, text.length));
}

export type Segmenter = (text: string) => number[];

export interface NamedSegmenter {
  id: string;
  label: string;
  run: Segmenter;
}

/** `Intl.Segmenter(language, sentence)` as a peer. */
export function intlSegmenter(language: string): NamedSegmenter {
  const intl = new Intl.Segmenter(language, { granularity: 'sentence' });
  return { id: 'intl', label: `Intl.Segmenter('${language}')`, run: (t) => boundariesFromPieces(t, Array.from(intl.segment(t), (s) => s.segment)) };
}

/**
 * sentencex ships its native binary as per-platform optional packages, and only the linux-x64 one is published for
 * 1.0.17: elsewhere the comparison row is left out with a note rather than failing the whole bench.
 */
export async function sentencexSegmenter(language: string): Promise<{ segmenter: NamedSegmenter | null; note: string | null }> {
  try {
    const { segment } = (await import('sentencex')) as { segment: (lang: string, text: string) => string[] };
    segment(language, 'Test. Test.');
    return { segmenter: { id: 'sentencex', label: 'sentencex (npm)', run: (t) => boundariesFromPieces(t, segment(language, t)) }, note: null };
  } catch (e) {
    return { segmenter: null, note: `sentencex not measured: it does not load on ${process.platform}-${process.arch} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
}

export interface Score {
  found: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  paragraphsCorrect: number;
  paragraphs: number;
  msPer1000Paragraphs: number;
  sentencesPerSecond: number;
  errors: { id: string; spurious: string[]; missed: string[] }[];
}

function context(text: string, pos: number): string {
  return `…${text.slice(Math.max(0, pos - 25), pos)}|${text.slice(pos, pos + 20)}…`.replace(/\n/g, '⏎');
}

export function score(run: Segmenter, data: readonly GoldItem[]): Score {
  let found = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let ok = 0;
  const errors: Score['errors'] = [];
  for (const { text, gold, p } of data) {
    const got = run(text);
    const g = new Set(gold);
    const s = new Set(got);
    found += s.size;
    const spurious = [...s].filter((b) => !g.has(b));
    const missed = gold.filter((b) => !s.has(b));
    tp += s.size - spurious.length;
    fp += spurious.length;
    fn += missed.length;
    if (!spurious.length && !missed.length) ok++;
    else errors.push({ id: p.id, spurious: spurious.map((b) => context(text, b)), missed: missed.map((b) => context(text, b)) });
  }
  // Throughput: repeat the whole set until at least ~300 ms have been spent.
  const sentences = data.reduce((n, d) => n + d.gold.length + 1, 0);
  let reps = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (data.length && (elapsed < 300 || reps < 3)) {
    for (const { text } of data) run(text);
    reps++;
    elapsed = performance.now() - t0;
  }
  const precision = found ? tp / found : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    found,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    paragraphsCorrect: ok,
    paragraphs: data.length,
    msPer1000Paragraphs: reps ? (elapsed / (reps * data.length)) * 1000 : 0,
    sentencesPerSecond: reps ? (sentences * reps) / (elapsed / 1000) : 0,
    errors,
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The result table: one row per segmenter. */
export function scoreTable(segmenters: readonly NamedSegmenter[], results: Record<string, Score>): string {
  const head = ['segmenter', 'found', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'paras OK', 'ms/1k paras', 'sentences/s'];
  const widths = [24, 6, 5, 5, 5, 10, 8, 7, 10, 12, 12];
  const rows = segmenters.map((s) => {
    const r = results[s.id]!;
    return [
      s.label,
      String(r.found),
      String(r.tp),
      String(r.fp),
      String(r.fn),
      r.precision.toFixed(3),
      r.recall.toFixed(3),
      r.f1.toFixed(3),
      `${r.paragraphsCorrect}/${r.paragraphs}`,
      r.msPer1000Paragraphs.toFixed(1),
      Math.round(r.sentencesPerSecond).toLocaleString('en-US'),
    ];
  });
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(' ');
  return line(head) + '\n' + line(widths.map((w) => '-'.repeat(w))) + '\n' + rows.map(line).join('\n') + '\n';
}

/** The first wrong paragraphs of each segmenter, with the boundary marked. */
export function errorListing(segmenters: readonly NamedSegmenter[], results: Record<string, Score>, max = 8): string {
  let text = '';
  for (const s of segmenters) {
    const errs = results[s.id]!.errors;
    text += `\n${s.label}: ${errs.length} paragraph(s) wrong${errs.length ? ` (first ${Math.min(max, errs.length)}; | marks the boundary)` : ''}\n`;
    for (const e of errs.slice(0, max)) {
      for (const x of e.spurious.slice(0, 2)) text += `  ${e.id}  spurious  ${x}\n`;
      for (const x of e.missed.slice(0, 2)) text += `  ${e.id}  missed    ${x}\n`;
    }
  }
  return text;
}

/** Figures for --json: the scores without the error details, plus the ids of the wrong paragraphs. */
export function scoreFigures(segmenters: readonly NamedSegmenter[], results: Record<string, Score>): Record<string, unknown> {
  const figures: Record<string, unknown> = {};
  for (const s of segmenters) {
    const { errors, ...rest } = results[s.id]!;
    figures[s.id] = { ...rest, paragraphsWrong: errors.map((e) => e.id) };
  }
  return figures;
}

/** Figures of one scored set (or part of a set): ours (`relais`) with every other segmenter beside it as a peer. */
export function qualityFigures(
  set: { id: string; label: string; paragraphs: number; boundaries: number },
  segmenters: readonly NamedSegmenter[],
  results: Record<string, Score>,
): Figure[] {
  const ours = results.relais!;
  const others = segmenters.filter((s) => s.id !== 'relais');
  const fig = (key: string, label: string, get: (x: Score) => number, unit: Figure['unit'], better: Figure['better']): Figure => ({
    id: `${set.id}.${key}`,
    label: `${set.label}: ${label}`,
    value: round(get(ours), unit === 'fraction' ? 4 : 0),
    unit,
    better,
    stat: `${set.paragraphs} paragraphs, ${set.boundaries} boundaries`,
    peers: others.map((o) => peer(o.label, get(ours), round(get(results[o.id]!), unit === 'fraction' ? 4 : 0))),
  });
  return [
    fig('f1', 'boundary F1', (x) => x.f1, 'fraction', 'higher'),
    fig('precision', 'boundary precision', (x) => x.precision, 'fraction', 'higher'),
    fig('recall', 'boundary recall', (x) => x.recall, 'fraction', 'higher'),
    fig('falsePositives', 'spurious boundaries (FP)', (x) => x.fp, 'count', 'lower'),
    fig('falseNegatives', 'missed boundaries (FN)', (x) => x.fn, 'count', 'lower'),
    fig('paragraphsExact', 'paragraphs segmented exactly', (x) => x.paragraphsCorrect / x.paragraphs, 'fraction', 'higher'),
  ];
}
