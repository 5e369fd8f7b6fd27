/**
 * Sentence segmentation quality and speed on the French news gold set (bench/data/fr-news-segmentation.json):
 * our SRX-like rules (shared/segmentation) vs Intl.Segmenter('fr', sentence) vs the npm package sentencex.
 * A boundary is the offset where a sentence's text ends (trailing whitespace excluded), inside the paragraph.
 */
import { segmentText, segmentDocument } from '../../shared/segmentation/index.ts';
import type { ImportedDocument } from '../../shared/model.ts';
import type { SuiteResult } from '../types.ts';
import {
  boundariesFromPieces,
  dataFile,
  errorListing,
  intlSegmenter,
  loadSegmentationGold,
  score,
  scoreFigures,
  scoreTable,
  sentencexSegmenter,
  type GoldItem,
  type NamedSegmenter,
  type Score,
} from '../segmentation-gold.ts';

export const name = 'segmentation';

export function loadGold(): GoldItem[] {
  return loadSegmentationGold(dataFile('fr-news-segmentation.json'));
}

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

export async function run(): Promise<SuiteResult> {
  const data = loadGold();
  const goldBoundaries = data.reduce((n, d) => n + d.gold.length, 0);
  const sx = await sentencexSegmenter('fr');
  const notes = sx.note ? [sx.note] : [];
  const SEGMENTERS: NamedSegmenter[] = [
    { id: 'relais', label: 'Relais fr-news rules', run: (t) => boundariesFromPieces(t, segmentText(t)) },
    intlSegmenter('fr'),
    ...(sx.segmenter ? [sx.segmenter] : []),
  ];
  const results: Record<string, Score> = {};
  for (const s of SEGMENTERS) results[s.id] = score(s.run, data);
  const big = bigDocumentTiming(data);

  let text = `Gold set: ${data.length} paragraphs, ${goldBoundaries} sentence boundaries (bench/data/fr-news-segmentation.json)\n\n`;
  text += scoreTable(SEGMENTERS, results);
  for (const n of notes) text += `\n${n}\n`;
  text += `\nsegmentDocument on a ${big.segments.toLocaleString('en-US')}-segment document: ${big.ms.toFixed(1)} ms\n`;
  text += errorListing(SEGMENTERS, results);
  const figures: Record<string, unknown> = { paragraphs: data.length, goldBoundaries, bigDocument: big, notes, ...scoreFigures(SEGMENTERS, results) };
  return { name, figures, text };
}
