import { RelaisError } from '../errors.ts';
import type { ImportedDocument, SegmentDraft } from '../model.ts';
import type { SegmentationRules } from './types.ts';
import { FR_NEWS_RULES } from './rules/fr-news.ts';
import { segmentText } from './engine.ts';
import { trimOrdinary } from './whitespace.ts';

/**
 * Segments an imported article: the title and each heading give exactly one segment (never split); each paragraph,
 * chrome ones included, is split into sentences with segmentText. Blocks that are empty or whitespace-only give no
 * segment. `blockIndex` is the index of the block in `doc.blocks`; segments come in document order.
 */
export function segmentDocument(doc: ImportedDocument, rules: SegmentationRules = FR_NEWS_RULES): SegmentDraft[] {
  if (!doc || !Array.isArray(doc.blocks)) {
    throw new RelaisError('invalid.arguments', 'segmentDocument expects a document with blocks', { file: doc?.sourceName });
  }
  const out: SegmentDraft[] = [];
  doc.blocks.forEach((block, blockIndex) => {
    if (!block || typeof block.text !== 'string') {
      throw new RelaisError('invalid.arguments', `Block ${blockIndex + 1} has no text`, { file: doc.sourceName });
    }
    if (block.kind === 'paragraph') {
      for (const source of segmentText(block.text, rules)) out.push({ blockIndex, source });
    } else {
      const source = trimOrdinary(block.text);
      if (source) out.push({ blockIndex, source });
    }
  });
  return out;
}
