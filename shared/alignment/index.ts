/** Draft alignment: an English draft of the article paired with its French segments. See README.md. */
export type { AlignUnit, AlignmentLink, AlignmentStats, AlignmentWarning, AlignmentWarningCode, DraftAlignment, LinkKind } from './types.ts';
export { alignDraft, DEFAULT_ALIGN_PARAMS, LONG_DRAFT_FACTOR, type AlignOptions, type AlignParams } from './align.ts';
export { documentUnits, sourceUnits, draftUnits } from './document.ts';
export { alignmentToDrafts, linkTexts, type DraftTexts, type LinkTexts, type SegmentDraftText, type UnplacedDraftText } from './drafts.ts';
export { lengthCost, logNormalSurvival, GALE_CHURCH_C, GALE_CHURCH_S2 } from './gale-church.ts';
export { guessLanguage, languageName, type LanguageGuess } from './language.ts';
