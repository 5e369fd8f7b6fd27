/** Rules and pattern pieces shared by the French and English news rule sets (same engine, same conventions). */
import type { SegmentationRule } from '../types.ts';

/** Ordinary whitespace (JS `\s` would also match the no-break spaces, which must not separate sentences). */
export const WS = String.raw`[ \t\n\r\f\v\u2028\u2029]`;

export const BRACKETED_ELLIPSIS: SegmentationRule = {
  break: false,
  before: String.raw`[\[(](?:…|\.\.\.)[\])]`,
  after: '',
  comment: 'An ellipsis in brackets marks a cut in a quotation, not the end of a sentence: « Nous […] refusons », "We [...] refuse".',
};

export const LIST_NUMBER_AT_LINE_START: SegmentationRule = {
  break: false,
  before: String.raw`(?:^|[\n\r])[ \t\u00A0]*\d{1,3}[.)]`,
  after: '',
  comment: 'A list number at the start of a line ("1. Premier point", "1. First point") is not the end of a sentence.',
};

export const BULLET_LINES: SegmentationRule = {
  break: true,
  before: String.raw`\n`,
  after: String.raw`${WS}*(?:[-–—•*·▪◦‣►→]|\d{1,3}[.)]|[a-z]\))[ \t\u00A0]`,
  comment: 'Bullet-like lines inside a paragraph: each line that starts with a bullet or a list number is its own segment.',
};
