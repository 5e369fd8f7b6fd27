/**
 * English news sentence segmentation (the segmenter for English drafts) on bench/data/en-news-segmentation.json:
 * the en-news rules (shared/segmentation/rules/en-news.ts) vs Intl.Segmenter('en', sentence) vs sentencex, on the
 * same paragraphs. The gold set has a `split` per paragraph: "dev" (the rules may be tuned on it) and "test" (held
 * out, never used to choose rules); both are reported, separately.
 */
import { EN_NEWS_RULES, segmentText } from '../../shared/segmentation/index.ts';
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
  type NamedSegmenter,
  type Score,
} from '../segmentation-gold.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'segmentation-en';

const FILE = 'en-news-segmentation.json';

export async function run(): Promise<SuiteResult> {
  const all = loadSegmentationGold(dataFile(FILE));
  const sx = await sentencexSegmenter('en');
  const notes = sx.note ? [sx.note] : [];
  const segmenters: NamedSegmenter[] = [
    { id: 'relais', label: 'Relais en-news rules', run: (t) => boundariesFromPieces(t, segmentText(t, EN_NEWS_RULES)) },
    intlSegmenter('en'),
    ...(sx.segmenter ? [sx.segmenter] : []),
  ];
  const parts = [
    { id: 'dev', label: 'dev part', heading: 'dev (rules tuned on it)', data: all.filter((d) => d.p.split === 'dev') },
    { id: 'test', label: 'test part (held out)', heading: 'test (held out, never tuned on)', data: all.filter((d) => d.p.split === 'test') },
  ];
  const unsplit = all.length - parts[0]!.data.length - parts[1]!.data.length;
  if (unsplit) notes.push(`${unsplit} paragraph(s) with neither split "dev" nor "test" are left out`);
  let text = `Gold set: bench/data/${FILE}, ${all.length} paragraphs\n`;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const part of parts) {
    const boundaries = part.data.reduce((n, d) => n + d.gold.length, 0);
    const results: Record<string, Score> = {};
    for (const s of segmenters) results[s.id] = score(s.run, part.data);
    text += `\n-- ${part.heading}: ${part.data.length} paragraphs, ${boundaries} sentence boundaries --\n`;
    text += scoreTable(segmenters, results);
    // Errors are listed for dev only: the test part is for measuring, not for reading and fixing.
    if (part.id === 'dev') text += errorListing(segmenters.slice(0, 1), results, 12);
    figures.push(...qualityFigures({ id: part.id, label: part.label, paragraphs: part.data.length, boundaries }, segmenters, results));
    details[part.id] = { paragraphs: part.data.length, goldBoundaries: boundaries, segmenters: scoreFigures(segmenters, results) };
  }
  for (const n of notes) text += `\n${n}\n`;
  return { name, title: 'English sentence segmentation (drafts): dev and held-out test parts', figures, details, notes, text };
}
