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

/** An English article about something else (for the "different article" warning). */
export const EN_OTHER_ARTICLE: Paragraphs = [
  ['Storm closes ports along the Atlantic coast'],
  [
    'A powerful storm forced the closure of three ports on the Atlantic coast on Sunday night.',
    'Winds reached 130 km/h near Brest, according to the national weather service.',
    'Ferries to the islands were cancelled until further notice.',
  ],
  [
    'Fishermen said they had not seen such waves in a decade.',
    'About 4,000 homes were left without power in Finistère.',
    'Electricity should be restored by Tuesday evening, the grid operator said.',
  ],
  [
    'Insurers expect claims to exceed €80 million.',
    'The storm is moving north towards Ireland.',
  ],
];

/** Newsletter material around the article (for the "much longer draft" case). */
export const EN_NEWSLETTER_BEFORE: Paragraphs = [
  ['Your morning briefing'],
  ['Good morning. Here is what you need to know today, from the markets to the weather.'],
  [
    'Markets opened lower in Asia after a week of strong gains.',
    'The Nikkei fell 1.2% and the Hang Seng lost 0.8% in early trading.',
    'Oil prices were steady at around $82 a barrel.',
  ],
  [
    'In sport, the national rugby team named its squad for the autumn tests.',
    'Three uncapped players were included, the coach said on Monday.',
  ],
  ['And in culture, a new exhibition of Impressionist paintings opens in Madrid on Friday, with 140 works on loan.'],
];

export const EN_NEWSLETTER_AFTER: Paragraphs = [
  ['Weather: showers in the north, sunny spells in the south, highs of 21C.'],
  [
    'That is all for today.',
    'Forward this newsletter to a friend, or sign up on our website to receive it every morning.',
    'Thanks for reading, and see you tomorrow.',
  ],
  ['You are receiving this e-mail because you subscribed to our morning briefing. Unsubscribe at any time.'],
];

/** The faithful draft in German (for the "wrong language" warning; written for this test). */
export const DE_DRAFT: Paragraphs = [
  ['Lyon startet einen Plan über 45 Millionen Euro zur Sanierung seiner Schulen'],
  [
    'Der Großraum Lyon hat am Dienstag, dem 14. Mai, einen Sanierungsplan über 45 Millionen Euro für die Grundschulen vorgestellt.',
    'Das Programm betrifft 62 Schulen, die vor 1975 gebaut wurden.',
    'Die Arbeiten beginnen im September, sagte Bürgermeister Grégory Doucet.',
  ],
  [
    '„Unsere Kinder verdienen gesunde und gut gedämmte Gebäude“, sagte Herr Doucet auf einer Pressekonferenz.',
    'Nach Angaben des Rathauses ist die Energierechnung der Schulen in zwei Jahren um 38 % gestiegen.',
    'Die Opposition kritisiert einen zu knappen Zeitplan.',
  ],
];
