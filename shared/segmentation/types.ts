/**
 * Segmentation rules as data, modelled on SRX 2.0 (Segmentation Rules eXchange).
 *
 * A break can only happen at a position between two characters. At each candidate position the ordered rules are
 * tried in turn; the first rule whose `before` pattern matches the text ending at the position AND whose `after`
 * pattern matches the text starting at the position decides: `break: true` splits there, `break: false` keeps the
 * text together. A position that no rule matches is not a boundary. Candidate positions are the positions where at
 * least one break rule matches (exactly the SRX semantics: a no-break rule is an exception to later break rules).
 *
 * Patterns are JavaScript regular-expression sources compiled with the `u` flag (so `\p{Lu}` works). Beware: in JS,
 * `\s` also matches U+00A0 and U+202F; the French rules use an explicit class of ordinary whitespace instead.
 */
export interface SegmentationRule {
  /** true: a sentence boundary; false: an exception (never a boundary here). */
  break: boolean;
  /** Pattern that must match the text ending at the position ('' matches anything). */
  before: string;
  /** Pattern that must match the text starting at the position ('' matches anything). */
  after: string;
  /** Why the rule exists (shown in rule listings, ignored by the engine). */
  comment?: string;
}

/**
 * Abbreviation lists, written without their final dot, e.g. `Mme`, `c.-à-d`, `J.-C`. Each list is expanded into
 * no-break rules that are tried BEFORE `rules`. Matching is case-sensitive; an entry that starts with a lowercase
 * letter also matches with its first letter capitalised (sentence-initial `Cf.`, `Ex.`).
 */
export interface AbbreviationLists {
  /** Never end a sentence (titles, `cf.`, `c.-à-d.`, street types…): no break after them, whatever follows. */
  always: string[];
  /** Do not end a sentence when a number (or a roman numeral, or an initial like `L.`) follows: `art. 12`, `p. 45`, `sept. 2024`. */
  beforeNumber: string[];
  /** End a sentence only when followed by an uppercase-initial word or an opening quote/dash (`etc.`, `hab.`, `min.`): not before a number or a lowercase word. */
  weak: string[];
}

export interface SegmentationRules {
  /** Short id, e.g. `fr-news`. */
  name: string;
  /** BCP 47 language code the rules are meant for. */
  language: string;
  abbreviations: AbbreviationLists;
  /** Ordered rules, first match wins (after the abbreviation rules). */
  rules: SegmentationRule[];
}
