/**
 * English news sentence segmentation (the segmenter for English drafts) on bench/data/en-news-segmentation.json:
 * the en-news rules (shared/segmentation/rules/en-news.ts) vs Intl.Segmenter('en', sentence) vs sentencex, on the
 * same paragraphs. The gold set has a `split` per paragraph: "dev" (the rules may be tuned on it) and "test" (held
 * out, never used to choose rules); both are reported, separately.
 */
import { existsSync } from 'node:fs';
import { EN_NEWS_RULES, segmentText } from '../../shared/segmentation/index.ts';
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
  type NamedSegmenter,
  type Score,
} from '../segmentation-gold.ts';

export const name = 'segmentation-en';

const FILE = 'en-news-segmentation.json';

export async function run(): Promise<SuiteResult> {
  const file = dataFile(FILE);
  if (!existsSync(file)) {
    const note = `bench/data/${FILE} is not present: nothing measured`;
    return { name, figures: { notes: [note] }, text: note + '\n' };
  }
  const all = loadSegmentationGold(file);
  const sx = await sentencexSegmenter('en');
  const notes = sx.note ? [sx.note] : [];
  const SEGMENTERS: NamedSegmenter[] = [
    { id: 'relais', label: 'Relais en-news rules', run: (t) => boundariesFromPieces(t, segmentText(t, EN_NEWS_RULES)) },
    intlSegmenter('en'),
    ...(sx.segmenter ? [sx.segmenter] : []),
  ];
  const parts = [
    { id: 'dev', label: 'dev (rules tuned on it)', data: all.filter((d) => d.p.split === 'dev') },
    { id: 'test', label: 'test (held out, never tuned on)', data: all.filter((d) => d.p.split === 'test') },
  ];
  const unsplit = all.length - parts[0]!.data.length - parts[1]!.data.length;
  if (unsplit) notes.push(`${unsplit} paragraph(s) with neither split "dev" nor "test" are left out`);
  let text = `Gold set: bench/data/${FILE}, ${all.length} paragraphs\n`;
  const figures: Record<string, unknown> = { notes };
  for (const part of parts) {
    const boundaries = part.data.reduce((n, d) => n + d.gold.length, 0);
    const results: Record<string, Score> = {};
    for (const s of SEGMENTERS) results[s.id] = score(s.run, part.data);
    text += `\n-- ${part.label}: ${part.data.length} paragraphs, ${boundaries} sentence boundaries --\n`;
    text += scoreTable(SEGMENTERS, results);
    // Errors are listed for dev only: the test part is for measuring, not for reading and fixing.
    if (part.id === 'dev') text += errorListing(SEGMENTERS.slice(0, 1), results, 12);
    figures[part.id] = { paragraphs: part.data.length, goldBoundaries: boundaries, ...scoreFigures(SEGMENTERS, results) };
  }
  for (const n of notes) text += `\n${n}\n`;
  return { name, figures, text };
}
