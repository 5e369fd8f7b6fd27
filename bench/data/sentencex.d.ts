// Types for the npm package `sentencex` (Wikimedia's sentence segmenter, native binding), used by the segmentation bench.
declare module 'sentencex' {
  /** Splits `text` into sentences for a language code ('fr', 'en'…); pieces keep their trailing whitespace. */
  export function segment(language: string, text: string): string[];
  export function get_sentence_boundaries(language: string, text: string): unknown;
}
