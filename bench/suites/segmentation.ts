/**
 * Sentence segmentation quality and speed on the French news gold sets: our SRX-like rules (shared/segmentation) vs
 * Intl.Segmenter('fr', sentence) vs the npm package sentencex.
 *
 * Two gold sets, scored separately (same format):
 *  - training: bench/data/fr-news-segmentation.json, written together with the rules and asserted whole by the unit
 *    tests — its score is training accuracy;
 *  - held-out: bench/data/fr-news-segmentation-heldout.json, written afterwards and never used to tune the rules nor
 *    asserted by any test — the honest score. Left out, with a note, while the file does not exist.
 * A boundary is the offset where a sentence's text ends (trailing whitespace excluded), inside the paragraph.
 * Also printed: the known limitations (shared/segmentation/known-limitations.json) with what the rules give today.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { segmentText, segmentDocument } from '../../shared/segmentation/index.ts';
import type { ImportedDocument } from '../../shared/model.ts';
import { peer, round } from '../report.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'segmentation';

interface GoldParagraph {
  id: string;
  topic: string;
  sentences: string[];
  separator?: string;
}

const ORDINARY_WS = /[ \t\n\r\f\v\u0085\u2028\u2029]/;

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
export const TRAINING_SET = path.join(DATA, 'fr-news-segmentation.json');
export const HELDOUT_SET = path.join(DATA, 'fr-news-segmentation-heldout.json');
const LIMITATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'segmentation', 'known-limitations.json');

type Gold = ReturnType<typeof loadGold>;

export function loadGold(file = TRAINING_SET): { text: string; gold: number[]; p: GoldParagraph }[] {
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

interface Limitation {
  id: string;
  limitation: string;
  text: string;
  expected: string[];
}

function knownLimitations(): { id: string; limitation: string; text: string; expected: string[]; got: string[]; stillFails: boolean }[] {
  const data = JSON.parse(readFileSync(LIMITATIONS, 'utf8')) as { cases: Limitation[] };
  return data.cases.map((c) => {
    const got = segmentText(c.text);
    return { ...c, got, stillFails: JSON.stringify(got) !== JSON.stringify(c.expected) };
  });
}

interface SetScores {
  set: 'training' | 'heldout';
  file: string;
  paragraphs: number;
  boundaries: number;
  scores: Record<string, Score>;
}

function scoreSet(set: SetScores['set'], file: string, segmenters: { id: string; run: Segmenter }[]): SetScores {
  const data: Gold = loadGold(file);
  const scores: Record<string, Score> = {};
  for (const s of segmenters) scores[s.id] = score(s.run, data);
  return { set, file: path.relative(path.join(DATA, '..', '..'), file), paragraphs: data.length, boundaries: data.reduce((n, d) => n + d.gold.length, 0), scores };
}

function table(r: SetScores, segmenters: { id: string; label: string }[]): string {
  const head = ['segmenter', 'found', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'paras OK', 'ms/1k paras', 'sentences/s'];
  const widths = [24, 6, 5, 5, 5, 10, 8, 7, 10, 12, 12];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(' ');
  const rows = segmenters.map((s) => {
    const x = r.scores[s.id]!;
    return [s.label, String(x.found), String(x.tp), String(x.fp), String(x.fn), x.precision.toFixed(3), x.recall.toFixed(3), x.f1.toFixed(3), `${x.paragraphsCorrect}/${x.paragraphs}`, x.msPer1000Paragraphs.toFixed(1), Math.round(x.sentencesPerSecond).toLocaleString('en-US')];
  });
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Quality figures of one set: ours with each other segmenter beside it. */
function qualityFigures(r: SetScores, segmenters: { id: string; label: string }[]): Figure[] {
  const ours = r.scores.relais!;
  const others = segmenters.filter((s) => s.id !== 'relais');
  const setName = r.set === 'training' ? 'training set' : 'held-out set';
  const fig = (key: string, label: string, get: (x: Score) => number, unit: Figure['unit'], better: Figure['better']): Figure => ({
    id: `${r.set}.${key}`,
    label: `${setName}: ${label}`,
    value: round(get(ours), unit === 'fraction' ? 4 : 0),
    unit,
    better,
    stat: `${r.paragraphs} paragraphs, ${r.boundaries} boundaries`,
    peers: others.map((o) => peer(o.label, get(ours), round(get(r.scores[o.id]!), unit === 'fraction' ? 4 : 0))),
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

function errorList(r: SetScores, segmenters: { id: string; label: string }[]): string {
  let text = '';
  for (const s of segmenters) {
    const errs = r.scores[s.id]!.errors;
    text += `\n${s.label}: ${errs.length} paragraph(s) wrong${errs.length ? ' (first 8; | marks the boundary)' : ''}\n`;
    for (const e of errs.slice(0, 8)) {
      for (const x of e.spurious.slice(0, 2)) text += `  ${e.id}  spurious  ${x}\n`;
      for (const x of e.missed.slice(0, 2)) text += `  ${e.id}  missed    ${x}\n`;
    }
  }
  return text;
}

export async function run(): Promise<SuiteResult> {
  const { segmenters, notes } = await loadSegmenters();
  const sets = [scoreSet('training', TRAINING_SET, segmenters)];
  if (existsSync(HELDOUT_SET)) sets.push(scoreSet('heldout', HELDOUT_SET, segmenters));
  else notes.push(`held-out set not scored: ${path.relative(path.join(DATA, '..', '..'), HELDOUT_SET)} does not exist yet`);
  const big = bigDocumentTiming(loadGold(TRAINING_SET));
  const limitations = knownLimitations();

  const relaisSpeed = sets[0]!.scores.relais!.sentencesPerSecond;
  const figures: Figure[] = [
    ...sets.flatMap((r) => qualityFigures(r, segmenters)),
    {
      id: 'speed.sentencesPerSecond',
      label: 'speed on the training set',
      value: Math.round(relaisSpeed),
      unit: 'per_s',
      better: 'higher',
      stat: 'repeated for at least 300 ms',
      peers: segmenters.filter((s) => s.id !== 'relais').map((s) => peer(s.label, relaisSpeed, Math.round(sets[0]!.scores[s.id]!.sentencesPerSecond))),
    },
    { id: 'bigDocument.ms', label: `segmentDocument, ${big.segments.toLocaleString('en-US')}-segment document`, value: round(big.ms), unit: 'ms', better: 'lower', stat: 'single run' },
    { id: 'knownLimitations.failing', label: 'known limitations still failing', value: limitations.filter((l) => l.stillFails).length, unit: 'count', better: 'lower', stat: `of ${limitations.length}` },
  ];

  let text = '';
  for (const r of sets) {
    text += `${r.set === 'training' ? 'Training set (written with the rules, asserted by the unit tests)' : 'Held-out set (never used to tune the rules)'}: ${r.paragraphs} paragraphs, ${r.boundaries} sentence boundaries (${r.file})\n\n`;
    text += table(r, segmenters) + '\n';
    text += errorList(r, segmenters) + '\n';
  }
  for (const n of notes) text += `${n}\n`;
  text += `\nsegmentDocument on a ${big.segments.toLocaleString('en-US')}-segment document: ${big.ms.toFixed(1)} ms\n`;
  text += `\nKnown limitations (shared/segmentation/known-limitations.json):\n`;
  for (const l of limitations) {
    text += `- ${l.limitation} ${l.stillFails ? '[still fails]' : '[now handled: move it to the unit tests]'}\n`;
    text += `    text:     ${l.text}\n    expected: ${JSON.stringify(l.expected)}\n    Relais:   ${JSON.stringify(l.got)}\n`;
  }
  const details: Record<string, unknown> = {
    sets: sets.map((r) => ({
      set: r.set,
      file: r.file,
      paragraphs: r.paragraphs,
      goldBoundaries: r.boundaries,
      segmenters: Object.fromEntries(Object.entries(r.scores).map(([id, { errors, ...rest }]) => [id, { ...rest, paragraphsWrong: errors.map((e) => e.id) }])),
    })),
    bigDocument: big,
    knownLimitations: limitations,
  };
  return { name, title: 'French sentence segmentation: training and held-out gold sets', figures, details, notes, text };
}
