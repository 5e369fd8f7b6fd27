/**
 * Glossary model: concept entries (TBX's conceptEntry) holding French and English terms.
 * Each term has a status; `deprecated` terms are forbidden in the target.
 */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'superseded';

export interface Term {
  text: string;
  /** BCP 47 language, 'fr' or 'en' (regional variants such as 'en-GB' are kept as given). */
  lang: string;
  status: TermStatus;
  /** Match case exactly (acronyms such as "IA", "ONU"). */
  caseSensitive: boolean;
  note?: string;
  partOfSpeech?: string;
}

export interface ConceptEntry {
  id: string;
  terms: Term[];
  /** Definition or usage note. */
  note?: string;
  /** Where the entry comes from (a style guide, a law, an institution's site…). */
  source?: string;
  subject?: string;
}

/** Which glossary an entry comes from; the project glossary wins over the desk glossary. */
export type GlossaryScope = 'project' | 'desk';

export interface Glossary {
  name: string;
  scope: GlossaryScope;
  entries: ConceptEntry[];
}
