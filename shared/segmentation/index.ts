/** Sentence segmentation for news articles (French sources, English drafts): rules as data (SRX-like), document segmentation, split/merge helpers. */
export type { SegmentationRule, SegmentationRules, AbbreviationLists } from './types.ts';
export { FR_NEWS_RULES } from './rules/fr-news.ts';
export { EN_NEWS_RULES } from './rules/en-news.ts';
export { segmentText, boundaryPositions, compileRules } from './engine.ts';
export type { CompiledRules } from './engine.ts';
export { segmentDocument } from './document.ts';
export { splitAt, splitAtDetailed, joinSegments } from './edit.ts';
export type { SplitResult } from './edit.ts';
export { trimOrdinary, isOrdinaryWhitespace } from './whitespace.ts';
