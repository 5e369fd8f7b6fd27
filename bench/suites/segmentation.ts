/**
 * Sentence segmentation quality and speed on the French news gold sets: our SRX-like rules (shared/segmentation) vs
 * Intl.Segmenter('fr', sentence) vs the npm package sentencex.
 *
 * Two gold sets, scored separately (same format, one loader: bench/segmentation-gold.ts):
 *  - training: bench/data/fr-news-segmentation.json, written together with the rules and asserted whole by the unit
 *    tests — its score is training accuracy;
 *  - held-out: bench/data/fr-news-segmentation-heldout.json, written afterwards and never used to tune the rules nor
 *    asserted by any test — the honest score.
 * A boundary is the offset where a sentence's text ends (trailing whitespace excluded), inside the paragraph.
 * Also printed: the known limitations (shared/segmentation/known-limitations.json) with what the rules give today.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { segmentText, segmentDocument } from '../../shared/segmentation/index.ts';
import type { ImportedDocument } from '../../shared/model.ts';
import { peer, round } from '../report.ts';
import {
  boundariesFromPieces,
  dataFile,
  errorListing,
  intlSegmenter,
  loadSegmentationGold,
  qualityFigures,
  score,
  scoreFigures,
  scoreTable,
  sentencexSegmenter,
  type GoldItem,
  type NamedSegmenter,
  type Score,
} from '../segmentation-gold.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'segmentation';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TRAINING_SET = dataFile('fr-news-segmentation.json');
const HELDOUT_SET = dataFile('fr-news-segmentation-heldout.json');
const LIMITATIONS = path.join(ROOT, 'shared', 'segmentation', 'known-limitations.json');

/** Time to segment a synthetic article of 10,000+ segments built from the gold paragraphs. */
function bigDocumentTiming(data: readonly GoldItem[]): { segments: number; ms: number } {
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

function knownLimitations(): (Limitation & { got: string[]; stillFails: boolean })[] {
  const data = JSON.parse(readFileSync(LIMITATIONS, 'utf8')) as { cases: Limitation[] };
  return data.cases.map((c) => {
    const got = segmentText(c.text);
    return { ...c, got, stillFails: JSON.stringify(got) !== JSON.stringify(c.expected) };
  });
}

interface SetScores {
  id: 'training' | 'heldout';
  label: string;
  file: string;
  data: GoldItem[];
  paragraphs: number;
  boundaries: number;
  scores: Record<string, Score>;
}

function scoreSet(id: SetScores['id'], file: string, segmenters: readonly NamedSegmenter[]): SetScores {
  const data = loadSegmentationGold(file);
  const scores: Record<string, Score> = {};
  for (const s of segmenters) scores[s.id] = score(s.run, data);
  return {
    id,
    label: id === 'training' ? 'training set' : 'held-out set',
    file: path.relative(ROOT, file),
    data,
    paragraphs: data.length,
    boundaries: data.reduce((n, d) => n + d.gold.length, 0),
    scores,
  };
}

export async function run(): Promise<SuiteResult> {
  const sx = await sentencexSegmenter('fr');
  const notes = sx.note ? [sx.note] : [];
  const segmenters: NamedSegmenter[] = [
    { id: 'relais', label: 'Relais fr-news rules', run: (t) => boundariesFromPieces(t, segmentText(t)) },
    intlSegmenter('fr'),
    ...(sx.segmenter ? [sx.segmenter] : []),
  ];
  const sets = [scoreSet('training', TRAINING_SET, segmenters), scoreSet('heldout', HELDOUT_SET, segmenters)];
  const training = sets[0]!;
  const big = bigDocumentTiming(training.data);
  const limitations = knownLimitations();

  const relaisSpeed = training.scores.relais!.sentencesPerSecond;
  const figures: Figure[] = [
    ...sets.flatMap((r) => qualityFigures(r, segmenters, r.scores)),
    {
      id: 'speed.sentencesPerSecond',
      label: 'speed on the training set',
      value: Math.round(relaisSpeed),
      unit: 'per_s',
      better: 'higher',
      stat: 'repeated for at least 300 ms',
      peers: segmenters.filter((s) => s.id !== 'relais').map((s) => peer(s.label, relaisSpeed, Math.round(training.scores[s.id]!.sentencesPerSecond))),
    },
    { id: 'bigDocument.ms', label: `segmentDocument, ${big.segments.toLocaleString('en-US')}-segment document`, value: round(big.ms), unit: 'ms', better: 'lower', stat: 'single run' },
    { id: 'knownLimitations.failing', label: 'known limitations still failing', value: limitations.filter((l) => l.stillFails).length, unit: 'count', better: 'lower', stat: `of ${limitations.length}` },
  ];

  let text = '';
  for (const r of sets) {
    text += `${r.id === 'training' ? 'Training set (written with the rules, asserted by the unit tests)' : 'Held-out set (never used to tune the rules)'}: ${r.paragraphs} paragraphs, ${r.boundaries} sentence boundaries (${r.file})\n\n`;
    text += scoreTable(segmenters, r.scores);
    // Errors are listed for the training set only: the held-out set is for measuring, not for reading and fixing.
    text += (r.id === 'training' ? errorListing(segmenters, r.scores) : '') + '\n';
  }
  for (const n of notes) text += `${n}\n`;
  text += `\nsegmentDocument on a ${big.segments.toLocaleString('en-US')}-segment document: ${big.ms.toFixed(1)} ms\n`;
  text += `\nKnown limitations (shared/segmentation/known-limitations.json):\n`;
  for (const l of limitations) {
    text += `- ${l.limitation} ${l.stillFails ? '[still fails]' : '[now handled: move it to the unit tests]'}\n`;
    text += `    text:     ${l.text}\n    expected: ${JSON.stringify(l.expected)}\n    Relais:   ${JSON.stringify(l.got)}\n`;
  }
  const details: Record<string, unknown> = {
    sets: sets.map((r) => ({ set: r.id, file: r.file, paragraphs: r.paragraphs, goldBoundaries: r.boundaries, segmenters: scoreFigures(segmenters, r.scores) })),
    bigDocument: big,
    knownLimitations: limitations,
  };
  return { name, title: 'French sentence segmentation: training and held-out gold sets', figures, details, notes, text };
}
