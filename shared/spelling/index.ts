/**
 * Spelling of the English target: the checker (pure; dictionaries handed in), its tokeniser, the British/American
 * variant rules and plain word lists. See docs/spelling.md for where it runs and the API the workbench calls.
 */
export { createSpellChecker, sourceNames, type Hunspell, type Misspelling, type MisspellingKind, type SpellChecker, type SpellCheckerOptions, type SpellContext } from './checker.ts';
export { skippedRanges, spellCompounds, type SpellCompound, type SpellToken } from './tokens.ts';
export {
  ENGLISH_VARIANTS,
  FREE_VARIANTS,
  GB_DISTINCT,
  freeVariantOf,
  isEnglishVariant,
  isGbDistinct,
  matchCase,
  otherVariant,
  pairKey,
  variantCandidates,
  variantName,
  type EnglishVariant,
} from './variants.ts';
export { parseWordList, serializeWordList, normalizeWord, type ParsedWordList } from './wordlist.ts';
export { newsroomWords, HYPHEN_PREFIXES } from './newsroom.ts';
