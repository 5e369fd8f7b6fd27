/**
 * A small French article and English drafts of it, written for the alignment tests (no text copied from elsewhere).
 * Each paragraph is an array of sentences; `units()` turns paragraphs into alignment units.
 */
import type { AlignUnit } from '../types.ts';

export type Paragraphs = readonly (readonly string[])[];

export const FR_ARTICLE: Paragraphs = [
  ['Lyon lance un plan de 45 millions d’euros pour rénover ses écoles'],
  [
    'La métropole de Lyon a présenté mardi 14 mai un plan de rénovation de 45 millions d’euros pour les écoles primaires.',
    'Le programme concerne 62 établissements construits avant 1975.',
    'Les travaux commenceront en septembre, a précisé le maire, Grégory Doucet.',
  ],
  [
    '« Nos enfants méritent des bâtiments sains et bien isolés », a déclaré M. Doucet lors d’une conférence de presse.',
    'Selon la mairie, la facture énergétique des écoles a augmenté de 38 % en deux ans.',
    'L’opposition dénonce un calendrier trop serré.',
  ],
  [
    'Le financement sera assuré à 60 % par la ville et à 40 % par l’Etat.',
    'La Banque des territoires apportera un prêt de 12,5 millions d’euros.',
    'Un premier bilan est prévu en juin 2026.',
  ],
];

/** A faithful translation, sentence by sentence. */
export const EN_FAITHFUL: Paragraphs = [
  ['Lyon launches a €45 million plan to renovate its schools'],
  [
    'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
    'The programme covers 62 schools built before 1975.',
    'Work will begin in September, Mayor Grégory Doucet said.',
  ],
  [
    '“Our children deserve healthy, well-insulated buildings,” Mr. Doucet told a press conference.',
    'According to the city hall, the schools’ energy bill has risen by 38% in two years.',
    'The opposition says the timetable is too tight.',
  ],
  [
    'The city will provide 60% of the funding and the state 40%.',
    'The Banque des Territoires will lend €12.5 million.',
    'A first review is planned for June 2026.',
  ],
];

export function units(paragraphs: Paragraphs, kinds: 'title-first' | 'paragraphs' = 'title-first'): AlignUnit[] {
  const out: AlignUnit[] = [];
  paragraphs.forEach((p, k) => {
    for (const text of p) out.push({ text, paragraph: k, kind: kinds === 'title-first' && k === 0 ? 'title' : 'paragraph' });
  });
  return out;
}

/** The faithful draft with one paragraph replaced. */
export function withParagraph(base: Paragraphs, index: number, replacement: readonly string[]): Paragraphs {
  return base.map((p, k) => (k === index ? replacement : p));
}
