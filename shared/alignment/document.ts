/** Alignment units from imported documents: the French source and the English draft, segmented by their rules. */
import type { ImportedDocument } from '../model.ts';
import { EN_NEWS_RULES, FR_NEWS_RULES, segmentDocument, type SegmentationRules } from '../segmentation/index.ts';
import type { AlignUnit } from './types.ts';

/**
 * The units of a document to align: its segments (title and headings whole, paragraphs split into sentences), page
 * chrome left out (share buttons, credits, teasers are not translated and not aligned). `paragraph` is the block index.
 */
export function documentUnits(doc: ImportedDocument, rules: SegmentationRules): AlignUnit[] {
  return segmentDocument(doc, rules)
    .filter((s) => doc.blocks[s.blockIndex]!.chrome === null)
    .map((s) => ({ text: s.source, paragraph: s.blockIndex, kind: doc.blocks[s.blockIndex]!.kind }));
}

/** French source units (fr-news rules). */
export function sourceUnits(doc: ImportedDocument): AlignUnit[] {
  return documentUnits(doc, FR_NEWS_RULES);
}

/** English draft units (en-news rules). */
export function draftUnits(doc: ImportedDocument): AlignUnit[] {
  return documentUnits(doc, EN_NEWS_RULES);
}
