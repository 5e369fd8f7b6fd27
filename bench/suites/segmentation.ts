/**
 * Sentence segmentation quality and speed on the French news gold set (bench/data/fr-news-segmentation.json):
 * our SRX-like rules (shared/segmentation) vs Intl.Segmenter('fr', sentence) vs the npm package sentencex.
 * A boundary is the offset where a sentence's text ends (trailing whitespace excluded), inside the paragraph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { segmentText, segmentDocument } from '../../shared/segmentation/index.ts';
import type { ImportedDocument } from '../../shared/model.ts';
import type { SuiteResult } from '../types.ts';

export const name = 'segmentation';

interface GoldParagraph {
  id: string;
  topic: string;
  sentences: string[];
  separator?: string;
}

const ORDINARY_WS = /[ \t\n\r\f\v\u0085\u2028\u2029]/;

export function loadGold(): { text: string; gold: number[]; p: GoldParagraph }[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'fr-news-segmentation.json');
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
function boundariesFromPieces(text: string, pieces: string[]): number[] {
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

type Segmenter = (text: string) => number[];

const intl = new Intl.Segmenter('fr', { granularity: 'sentence' });
const BUILT_IN: { id: string; label: string; run: Segmenter }[] = [
  { id: 'relais', label: 'Relais fr-news rules', run: (t) => boundariesFromPieces(t, segmentText(t)) },
  {
    id: 'intl',
    label: "Intl.Segmenter('fr')",
    run: (t) => boundariesFromPieces(t, Array.from(intl.segment(t), (s) => s.segment)),
  },
];

/**
 * sentencex ships its native binary as per-platform optional packages, and only the linux-x64 one is published for
 * 1.0.17: elsewhere the comparison row is left out with a note rather than failing the whole bench.
 */
async function loadSegmenters(): Promise<{ segmenters: typeof BUILT_IN; notes: string[] }> {
  try {
    const { segment } = (await import('sentencex')) as { segment: (lang: string, text: string) => string[] };
    segment('fr', 'Test. Test.');
    return { segmenters: [...BUILT_IN, { id: 'sentencex', label: 'sentencex (npm)', run: (t) => boundariesFromPieces(t, segment('fr', t)) }], notes: [] };
  } catch (e) {
    return { segmenters: BUILT_IN, notes: [`sentencex not measured: it does not load on ${process.platform}-${process.arch} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`] };
  }
}

interface Score {
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

function score(run: Segmenter, data: ReturnType<typeof loadGold>): Score {
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
  while (elapsed < 300 || reps < 3) {
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
    msPer1000Paragraphs: (elapsed / (reps * data.length)) * 1000,
    sentencesPerSecond: (sentences * reps) / (elapsed / 1000),
    errors,
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Time to segment a synthetic article of 10,000+ segments built from the gold paragraphs. */
function bigDocumentTiming(data: ReturnType<typeof loadGold>): { segments: number; ms: number } {
  const doc: ImportedDocument = { format: 'txt', sourceName: 'bench.txt', blocks: [] };
  let count = 0;
  while (count < 10_000) {
    for (const d of data) {
      doc.blocks.push({ kind: 'paragraph', text: d.text, chrome: null });
      count += d.gold.length + 1;
    }
  }
  const t0 = performance.now();
  const segs = segmentDocument(doc);
  return { segments: segs.length, ms: performance.now() - t0 };
}

export async function run(): Promise<SuiteResult> {
  const data = loadGold();
  const goldBoundaries = data.reduce((n, d) => n + d.gold.length, 0);
  const { segmenters: SEGMENTERS, notes } = await loadSegmenters();
  const results: Record<string, Score> = {};
  for (const s of SEGMENTERS) results[s.id] = score(s.run, data);
  const big = bigDocumentTiming(data);

  const head = ['segmenter', 'found', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'paras OK', 'ms/1k paras', 'sentences/s'];
  const widths = [24, 6, 5, 5, 5, 10, 8, 7, 10, 12, 12];
  const rows = SEGMENTERS.map((s) => {
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
  let text = `Gold set: ${data.length} paragraphs, ${goldBoundaries} sentence boundaries (bench/data/fr-news-segmentation.json)\n\n`;
  text += line(head) + '\n' + line(widths.map((w) => '-'.repeat(w))) + '\n' + rows.map(line).join('\n') + '\n';
  for (const n of notes) text += `\n${n}\n`;
  text += `\nsegmentDocument on a ${big.segments.toLocaleString('en-US')}-segment document: ${big.ms.toFixed(1)} ms\n`;
  for (const s of SEGMENTERS) {
    const errs = results[s.id]!.errors;
    text += `\n${s.label}: ${errs.length} paragraph(s) wrong${errs.length ? ' (first 8; | marks the boundary)' : ''}\n`;
    for (const e of errs.slice(0, 8)) {
      for (const x of e.spurious.slice(0, 2)) text += `  ${e.id}  spurious  ${x}\n`;
      for (const x of e.missed.slice(0, 2)) text += `  ${e.id}  missed    ${x}\n`;
    }
  }
  const figures: Record<string, unknown> = { paragraphs: data.length, goldBoundaries, bigDocument: big, notes };
  for (const s of SEGMENTERS) {
    const { errors, ...rest } = results[s.id]!;
    figures[s.id] = { ...rest, paragraphsWrong: errors.map((e) => e.id) };
  }
  return { name, figures, text };
}
