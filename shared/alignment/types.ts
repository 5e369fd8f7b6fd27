/**
 * Draft alignment: an English draft of the whole article (machine translation, a stringer's version) paired with the
 * French segments, before anything is written. Pure data; see README.md for the model.
 */
import type { BlockKind } from '../model.ts';

/** One sentence-sized unit of either side: a French segment, or a sentence of the English draft. */
export interface AlignUnit {
  text: string;
  /**
   * Paragraph (block) the unit belongs to, non-decreasing in document order: units with the same number are in the
   * same paragraph. Any numbering works (block indexes, ordinals).
   */
  paragraph: number;
  /** Block kind; titles and headings are aligned preferably with titles and headings. Default 'paragraph'. */
  kind?: BlockKind;
}

/** The link shapes: source segments × draft sentences. */
export type LinkKind = '1-1' | '1-2' | '2-1' | '1-0' | '0-1';

export interface AlignmentLink {
  kind: LinkKind;
  /** Indexes into the source units (0, 1 or 2 consecutive ones). */
  source: number[];
  /** Indexes into the draft units (0, 1 or 2 consecutive ones). */
  target: number[];
  /**
   * 0..1: the probability, under the alignment model, that this link is right (the posterior of the link over all
   * alignments of the two texts). For a 1-0 link, that the segment really has no counterpart in the draft.
   */
  confidence: number;
  /**
   * 0-1 links only: the draft sentence belongs to material around the article (a longer draft such as a newsletter),
   * set aside when paragraphs were aligned first.
   */
  extra?: boolean;
}

export type AlignmentWarningCode =
  /** The draft has no sentence with a word in it. */
  | 'draft.empty'
  /** The draft is not in English (params.detected: ISO 639-3 code, params.language: its English name). */
  | 'draft.wrongLanguage'
  /** Almost nothing aligns: the draft is probably a different article (params.supported, params.links). */
  | 'draft.differentArticle'
  /** The draft is much longer than the source: paragraphs were aligned first and the rest left unlinked (params.extraParagraphs, params.extraSentences). */
  | 'draft.longer'
  /** Many source segments have no counterpart in the draft (params.unlinked, params.total). */
  | 'draft.incomplete';

export interface AlignmentWarning {
  code: AlignmentWarningCode;
  /** 'warning': the user should look before accepting; 'info': said for the record. */
  severity: 'warning' | 'info';
  /** English text for logs and the CLI; the UI translates by code with params. */
  message: string;
  params: Record<string, string | number>;
}

export interface AlignmentStats {
  sourceUnits: number;
  draftUnits: number;
  /** Links per kind. */
  kinds: Record<LinkKind, number>;
  /** Mean confidence of the links. */
  meanConfidence: number;
  /** English characters per French character estimated for this pair (the c of the length model). */
  lengthRatio: number;
  /** Share of the 1-1, 1-2 and 2-1 links that share an anchor (number, name, term, quotation) or cognates. */
  supportedShare: number;
  /** The same share for deliberately mismatched pairs of the same texts: what chance gives. */
  chanceShare: number;
  /** Language detected for the draft (ISO 639-3, 'und' when the text is too short to tell). */
  draftLanguage: string;
  /** True when paragraphs were aligned first (long draft). */
  paragraphsFirst: boolean;
}

export interface DraftAlignment {
  /** Every source unit and every draft unit appears in exactly one link; links are in document order. */
  links: AlignmentLink[];
  warnings: AlignmentWarning[];
  stats: AlignmentStats;
}
