/**
 * Shared test tables for term recognition and the QA engine. The vitest suites in shared/glossary and shared/qa run
 * them with the glossaries below built as `Glossary` objects; the TBX/CSV readers' tests run the SAME tables with
 * glossaries read from fixtures that describe the same concepts (see CASE_GLOSSARIES), so a reader that loses a
 * status, a language or the case-sensitive flag fails here.
 *
 * `only`: the rule ids the case is about (the others are disabled with `disabledRulesFor`); `expected`: the rule
 * ids of the findings, as a multiset (order does not matter, duplicates do).
 */
import type { Glossary, Term, TermStatus } from '../model.ts';
import { QA_RULES } from '../../qa/index.ts';

function t(text: string, lang: 'fr' | 'en', status: TermStatus = 'preferred', caseSensitive = false, partOfSpeech?: string): Term {
  const term: Term = { text, lang, status, caseSensitive };
  if (partOfSpeech) term.partOfSpeech = partOfSpeech;
  return term;
}

/** The desk glossary of the cases (scope desk). */
export const CASE_DESK_GLOSSARY: Glossary = {
  name: 'desk-cases',
  scope: 'desk',
  entries: [
    { id: 'csa', terms: [t('pédocriminalité', 'fr'), t('child sexual abuse', 'en'), t('paedophilia', 'en', 'deprecated')] },
    {
      id: 'csam',
      terms: [
        t('contenus pédopornographiques', 'fr'),
        t('pédopornographie', 'fr', 'admitted'),
        t('child sexual abuse material', 'en'),
        t('CSAM', 'en', 'admitted', true),
        t('child pornography', 'en', 'deprecated'),
        t('child porn', 'en', 'deprecated'),
      ],
    },
    { id: 'ai', terms: [t('IA', 'fr', 'preferred', true), t('intelligence artificielle', 'fr'), t('AI', 'en', 'preferred', true), t('artificial intelligence', 'en', 'admitted')] },
    { id: 'child', terms: [t('enfant', 'fr'), t('child', 'en')] },
    { id: 'victim', terms: [t('victime', 'fr'), t('victim', 'en')] },
    { id: 'police-officer', terms: [t('policier', 'fr'), t('police officer', 'en'), t('officer', 'en', 'admitted')] },
    { id: 'police', terms: [t('police', 'fr'), t('police', 'en')] },
    { id: 'magistrate', terms: [t('magistrat', 'fr'), t('judge', 'en'), t('magistrate', 'en', 'admitted')] },
    { id: 'judge', terms: [t('juge', 'fr'), t('judge', 'en')] },
    { id: 'judgment', terms: [t('jugement', 'fr'), t('judgment', 'en'), t('ruling', 'en', 'admitted')] },
    { id: 'un', terms: [t('ONU', 'fr', 'preferred', true), t('UN', 'en', 'preferred', true), t('United Nations', 'en', 'admitted')] },
    { id: 'authority', terms: [t('autorité', 'fr'), t('authority', 'en')] },
    { id: 'sexual-violence', terms: [t('violence sexuelle', 'fr'), t('sexual violence', 'en')] },
    { id: 'violence', terms: [t('violence', 'fr'), t('violence', 'en')] },
    { id: 'law-enforcement', terms: [t('forces de l’ordre', 'fr'), t('law enforcement', 'en')] },
    { id: 'member-states', terms: [t('États membres', 'fr'), t('member states', 'en')] },
    { id: 'arrest', terms: [t('arrestation', 'fr'), t('arrest', 'en')] },
    { id: 'investigator', terms: [t('enquêteur', 'fr'), t('investigator', 'en')] },
    { id: 'abuser', terms: [t('agresseur', 'fr'), t('abuser', 'en'), t('perpetrator', 'en', 'admitted')] },
    { id: 'offence', terms: [t('infraction', 'fr'), t('offence', 'en'), t('offense', 'en', 'admitted')] },
    { id: 'spokesperson', terms: [t('porte-parole', 'fr'), t('spokesperson', 'en'), t('spokesman', 'en', 'superseded')] },
    { id: 'port', terms: [t('port', 'fr'), t('port', 'en')] },
    { id: 'child-sex-offender', terms: [t('pédocriminel', 'fr'), t('child sex offender', 'en'), t('paedophile', 'en', 'superseded')] },
    { id: 'sex-offender', terms: [t('délinquant sexuel', 'fr'), t('sex offender', 'en'), t('sexual predator', 'en', 'superseded')] },
  ],
};

/** The project glossary of the cases (scope project): overrides "enquêteur" and deprecates "paedophile ring". */
export const CASE_PROJECT_GLOSSARY: Glossary = {
  name: 'project-cases',
  scope: 'project',
  entries: [
    { id: 'investigator-project', terms: [t('enquêteur', 'fr'), t('detective', 'en')] },
    { id: 'ring', terms: [t('réseau pédocriminel', 'fr'), t('child abuse network', 'en'), t('paedophile ring', 'en', 'deprecated')] },
  ],
};

export const CASE_GLOSSARIES: Glossary[] = [CASE_DESK_GLOSSARY, CASE_PROJECT_GLOSSARY];

export interface QaCase {
  name: string;
  source: string;
  target: string;
  /** Rule ids exercised; every other rule is disabled. Absent: all rules on. */
  only?: string[];
  /** Rule ids of the expected findings (multiset). */
  expected: string[];
}

const G = ['glossary.missing', 'glossary.forbidden', 'glossary.superseded'];
const N = ['number.mismatch'];

export const GLOSSARY_CASES: QaCase[] = [
  // Inflection of the French source.
  { name: 'victime (singular)', source: 'La victime a parlé.', target: 'The victim spoke.', only: G, expected: [] },
  { name: 'victimes (plural)', source: 'Les victimes ont parlé.', target: 'The victims spoke.', only: G, expected: [] },
  { name: 'victimes, no English term', source: 'Les victimes ont parlé.', target: 'The people spoke.', only: G, expected: ['glossary.missing'] },
  { name: 'policier', source: 'Un policier est arrivé.', target: 'A police officer arrived.', only: G, expected: [] },
  { name: 'policière', source: 'Une policière est arrivée.', target: 'A police officer arrived.', only: G, expected: [] },
  { name: 'policiers → officers (admitted, plural)', source: 'Des policiers sont arrivés.', target: 'Officers arrived.', only: G, expected: [] },
  { name: 'policières → police officers', source: 'Des policières sont arrivées.', target: 'Police officers arrived.', only: G, expected: [] },
  { name: 'policières, no English term', source: 'Des policières sont arrivées.', target: 'Women arrived.', only: G, expected: ['glossary.missing'] },
  { name: 'magistrat', source: 'Le magistrat a tranché.', target: 'The judge ruled.', only: G, expected: [] },
  { name: 'magistrate (feminine)', source: 'La magistrate a tranché.', target: 'The magistrate ruled.', only: G, expected: [] },
  { name: 'magistrats', source: 'Les magistrats ont tranché.', target: 'The judges ruled.', only: G, expected: [] },
  { name: 'magistrates (feminine plural)', source: 'Les magistrates ont tranché.', target: 'The magistrates ruled.', only: G, expected: [] },
  { name: 'violences sexuelles (adjective inflected inside the term)', source: 'Des violences sexuelles ont été signalées.', target: 'Sexual violence was reported.', only: G, expected: [] },
  { name: 'violence sexuelle', source: 'Une violence sexuelle.', target: 'Sexual violence.', only: G, expected: [] },
  { name: 'contenu pédopornographique (singular of a plural lemma)', source: 'Du contenu pédopornographique généré.', target: 'Generated child sexual abuse material.', only: G, expected: [] },
  { name: 'pédocriminelle (feminine)', source: 'Une organisation pédocriminelle.', target: 'A child sex offender organisation.', only: G, expected: [] },
  { name: 'pédocriminels (plural)', source: 'Des pédocriminels.', target: 'Child sex offenders.', only: G, expected: [] },
  { name: 'autorités → authorities', source: 'Les autorités enquêtent.', target: 'The authorities are investigating.', only: G, expected: [] },
  { name: 'autorité → authority', source: 'Une autorité.', target: 'An authority.', only: G, expected: [] },
  { name: 'officer’s (possessive)', source: 'Le policier.', target: 'The officer’s car.', only: G, expected: [] },
  { name: 'officers’ (plural possessive)', source: 'Les policiers.', target: 'The officers’ cars.', only: G, expected: [] },
  { name: 'enfants → children (irregular plural)', source: 'Des enfants.', target: 'Children.', only: G, expected: [] },
  { name: 'enfants → kids does not count', source: 'Des enfants.', target: 'Kids.', only: G, expected: ['glossary.missing'] },
  { name: 'children’s (irregular plural possessive)', source: 'Les droits des enfants.', target: 'Children’s rights.', only: G, expected: [] },
  // False friends: whole words, no stemming.
  { name: 'jugement is not juge', source: 'Le jugement a été rendu.', target: 'The ruling was delivered.', only: G, expected: [] },
  { name: 'juge is recognised', source: 'Le juge a parlé.', target: 'The ruling was delivered.', only: G, expected: ['glossary.missing'] },
  { name: 'ONU is not in bonus', source: 'Un bonus pour tous.', target: 'A bonus for all.', only: G, expected: [] },
  { name: 'ONU recognised', source: 'L’ONU a réagi.', target: 'The UN reacted.', only: G, expected: [] },
  { name: 'offender does not satisfy offence', source: 'L’infraction est grave.', target: 'The offender is dangerous.', only: G, expected: ['glossary.missing'] },
  { name: 'offences satisfies offence', source: 'Les infractions sont graves.', target: 'The offences are serious.', only: G, expected: [] },
  { name: 'abuse does not satisfy abuser', source: 'L’agresseur a été arrêté.', target: 'The abuse was stopped.', only: G, expected: ['glossary.missing'] },
  { name: 'abusers satisfies abuser', source: 'Les agresseurs ont été arrêtés.', target: 'The abusers were arrested.', only: G, expected: [] },
  { name: 'policy does not satisfy police', source: 'La police est arrivée.', target: 'The policy arrived.', only: G, expected: ['glossary.missing'] },
  { name: 'port is not porte', source: 'Ferme la porte.', target: 'Close the door.', only: G, expected: [] },
  { name: 'port recognised', source: 'Le port de Marseille.', target: 'The port of Marseille.', only: G, expected: [] },
  // Case.
  { name: 'IA (case-sensitive) → AI', source: 'Des images générées par l’IA.', target: 'Images generated by AI.', only: G, expected: [] },
  { name: 'IA → lower-case ai does not count', source: 'Des images générées par l’IA.', target: 'Images generated by ai.', only: G, expected: ['glossary.missing'] },
  { name: 'ia (lower case) is not IA', source: 'Le mot ia.', target: 'The word.', only: G, expected: [] },
  { name: 'via is not IA', source: 'Envoyé via internet.', target: 'Sent online.', only: G, expected: [] },
  { name: 'AI-generated counts for AI', source: 'Des contenus générés par l’IA.', target: 'AI-generated content.', only: G, expected: [] },
  // Accents, apostrophes, spaces, hyphens, elision.
  { name: 'Etats membres (no accent) = États membres', source: 'Les Etats membres discutent.', target: 'Member states are discussing.', only: G, expected: [] },
  { name: 'États membres', source: 'Les États membres discutent.', target: 'The member states are discussing.', only: G, expected: [] },
  { name: 'straight apostrophe', source: "Après l'arrestation.", target: 'After the arrest.', only: G, expected: [] },
  { name: 'modifier-letter apostrophe', source: 'Après lʼarrestation.', target: 'After the arrest.', only: G, expected: [] },
  { name: 'modifier-letter apostrophe, term missing', source: 'Après lʼarrestation.', target: 'Afterwards.', only: G, expected: ['glossary.missing'] },
  { name: 'elision d’', source: 'Un mandat d’arrestation.', target: 'An arrest warrant.', only: G, expected: [] },
  { name: 'elision, term missing', source: 'Après l’arrestation.', target: 'Afterwards.', only: G, expected: ['glossary.missing'] },
  { name: 'no-break space inside a term', source: 'Les forces\u00A0de l’ordre.', target: 'Law\u00A0enforcement.', only: G, expected: [] },
  { name: 'narrow no-break space inside a term', source: 'Les forces\u202Fde l’ordre.', target: 'Law enforcement.', only: G, expected: [] },
  { name: 'hyphenated English term', source: 'Les forces de l’ordre.', target: 'Law-enforcement agencies.', only: G, expected: [] },
  { name: 'porte parole (space) = porte-parole', source: 'Le porte parole a parlé.', target: 'The spokesperson spoke.', only: G, expected: [] },
  { name: 'porte‑parole (non-breaking hyphen)', source: 'Le porte‑parole a parlé.', target: 'The spokesperson spoke.', only: G, expected: [] },
  { name: 'port is not inside porte-parole', source: 'Le porte-parole du port.', target: 'The spokesperson of the port.', only: G, expected: [] },
  // Deprecated and superseded terms in the target.
  { name: 'contenus pédopornographiques → CSAM', source: 'Des contenus pédopornographiques.', target: 'Child sexual abuse material.', only: G, expected: [] },
  { name: 'CSAM (admitted acronym)', source: 'Des contenus pédopornographiques.', target: 'CSAM.', only: G, expected: [] },
  { name: 'child pornography is forbidden', source: 'Des contenus pédopornographiques.', target: 'Child pornography.', only: G, expected: ['glossary.missing', 'glossary.forbidden'] },
  { name: 'Child Pornography (title case)', source: 'Le site.', target: 'Child Pornography sites.', only: G, expected: ['glossary.forbidden'] },
  { name: 'child-pornography (hyphen)', source: 'Le site.', target: 'A child-pornography site.', only: G, expected: ['glossary.forbidden'] },
  { name: 'deprecated term without any source term', source: 'Il a parlé.', target: 'He spoke about child porn.', only: G, expected: ['glossary.forbidden'] },
  { name: 'deprecated from the project glossary', source: 'Il a parlé.', target: 'A paedophile ring.', only: G, expected: ['glossary.forbidden'] },
  { name: 'superseded term is a warning', source: 'Le délinquant sexuel.', target: 'The sexual predator.', only: G, expected: ['glossary.missing', 'glossary.superseded'] },
  { name: 'superseded spokesman', source: 'Le porte-parole.', target: 'The spokesman.', only: G, expected: ['glossary.missing', 'glossary.superseded'] },
  // Priority and counting.
  { name: 'project wins over desk (desk translation refused)', source: 'Les enquêteurs.', target: 'The investigators.', only: G, expected: ['glossary.missing'] },
  { name: 'project wins over desk (project translation)', source: 'Les enquêteurs.', target: 'The detectives.', only: G, expected: [] },
  { name: 'enquêtrices (-teur → -trice)', source: 'Les enquêtrices.', target: 'The detectives.', only: G, expected: [] },
  { name: 'two occurrences, one English term', source: 'La victime et une autre victime.', target: 'The victim and another one.', only: G, expected: [] },
  { name: 'longest match wins', source: 'Des violences sexuelles.', target: 'Sexual violence.', only: G, expected: [] },
  { name: 'shorter concept inside a longer English term does not count', source: 'La pédocriminalité et les contenus pédopornographiques.', target: 'Child sexual abuse material.', only: G, expected: ['glossary.missing'] },
  // Reference article (cumberland-fr.txt).
  {
    name: 'article: first sentence, full engine',
    source: 'Au moins 25 individus ont été arrêtés pour la diffusion en ligne de contenus pédopornographiques générés par l’intelligence artificielle (IA), a annoncé Europol vendredi 28 février.',
    target: 'At least 25 people have been arrested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 28 February.',
    expected: [],
  },
  {
    name: 'article: first sentence with child pornography',
    source: 'Au moins 25 individus ont été arrêtés pour la diffusion en ligne de contenus pédopornographiques générés par l’intelligence artificielle (IA), a annoncé Europol vendredi 28 février.',
    target: 'At least 25 people have been arrested for distributing AI-generated child pornography online, Europol announced on Friday 28 February.',
    expected: ['glossary.missing', 'glossary.forbidden'],
  },
  {
    name: 'article: pédocriminalité → child sexual abuse',
    source: 'Les viols d’enfants en webcams, angle mort de la lutte contre la pédocriminalité',
    target: 'Child rape on webcams, a blind spot in the fight against child sexual abuse',
    expected: [],
  },
  {
    name: 'article: du contenu pédopornographique généré par l’IA',
    source: '« L’opération Cumberland a été l’une des premières affaires impliquant du contenu pédopornographique généré par l’IA, ce qui rend la tâche des enquêteurs particulièrement difficile », a déclaré l’Agence européenne de police, basée à La Haye.',
    target: '“Operation Cumberland was one of the first cases involving AI-generated child sexual abuse material, which makes the detectives’ task particularly difficult,” said the European police agency, based in The Hague.',
    expected: [],
  },
];

export const NUMBER_CASES: QaCase[] = [
  { name: 'decimal comma = decimal point', source: 'Une hausse de 3,5 %.', target: 'A rise of 3.5%.', only: N, expected: [] },
  { name: 'percent with space = percent', source: '15 % des cas.', target: '15% of cases.', only: N, expected: [] },
  { name: 'percent = per cent', source: '15 % des cas.', target: '15 per cent of cases.', only: N, expected: [] },
  { name: 'thousands: space = comma', source: '1 200 personnes.', target: '1,200 people.', only: N, expected: [] },
  { name: 'thousands: no-break space = none', source: '1\u00A0200 personnes.', target: '1200 people.', only: N, expected: [] },
  { name: 'thousands: narrow no-break space = comma', source: '1\u202F200 personnes.', target: '1,200 people.', only: N, expected: [] },
  { name: 'thousands: dot (fr) = comma (en)', source: '1.200 personnes.', target: '1,200 people.', only: N, expected: [] },
  { name: 'ordinal 1er = 1st', source: 'Le 1er mars.', target: 'On March 1st.', only: N, expected: [] },
  { name: 'ordinal 1er = 1', source: 'Le 1er mars.', target: 'On 1 March.', only: N, expected: [] },
  { name: 'date 28 février = 28 February', source: 'Vendredi 28 février.', target: 'Friday 28 February.', only: N, expected: [] },
  { name: 'date 28 février = February 28', source: 'Vendredi 28 février.', target: 'Friday, February 28.', only: N, expected: [] },
  { name: 'dix-huit = 18', source: 'Dix-huit pays.', target: '18 countries.', only: N, expected: [] },
  { name: '18 = eighteen', source: '18 pays.', target: 'Eighteen countries.', only: N, expected: [] },
  { name: '25 = twenty-five', source: '25 individus.', target: 'Twenty-five people.', only: N, expected: [] },
  { name: 'vingt-cinq = 25', source: 'Vingt-cinq individus.', target: '25 people.', only: N, expected: [] },
  { name: 'vingt et un = 21', source: 'Vingt et un pays.', target: '21 countries.', only: N, expected: [] },
  { name: 'quatre-vingt-dix = 90', source: 'Quatre-vingt-dix jours.', target: '90 days.', only: N, expected: [] },
  { name: 'un (article) is not a number', source: 'Un suspect a été arrêté.', target: 'A suspect was arrested.', only: N, expected: [] },
  { name: 'un = one', source: 'Un suspect a été arrêté.', target: 'One suspect was arrested.', only: N, expected: [] },
  { name: '1 = one', source: '1 suspect a été arrêté.', target: 'One suspect was arrested.', only: N, expected: [] },
  { name: 'une = 1', source: 'Une victime.', target: '1 victim.', only: N, expected: [] },
  { name: 'neuf (new) is not required', source: 'Un bâtiment neuf.', target: 'A new building.', only: N, expected: [] },
  { name: 'deux (spelled, ≥ 2) is required', source: 'Deux enquêteurs.', target: 'Investigators.', only: N, expected: ['number.mismatch'] },
  { name: 'number missing', source: '25 individus de 18 pays.', target: '25 people from several countries.', only: N, expected: ['number.mismatch'] },
  { name: 'number changed', source: '25 individus.', target: '52 people.', only: N, expected: ['number.mismatch'] },
  { name: 'number extra', source: 'Des individus.', target: '25 people.', only: N, expected: ['number.mismatch'] },
  { name: 'year', source: 'En 2025.', target: 'In 2025.', only: N, expected: [] },
  { name: 'year changed', source: 'En 2024.', target: 'In 2025.', only: N, expected: ['number.mismatch'] },
  { name: 'time 10 h 30 = 10:30', source: 'À 10 h 30.', target: 'At 10:30.', only: N, expected: [] },
  { name: 'time 10h30 = 10.30am', source: 'À 10h30.', target: 'At 10.30am.', only: N, expected: [] },
  { name: 'time 15 h = 3pm', source: 'À 15 h.', target: 'At 3pm.', only: N, expected: [] },
  { name: 'time 15 h ≠ 3.30pm', source: 'À 15 h.', target: 'At 3.30pm.', only: N, expected: ['number.mismatch'] },
  { name: 'duration 10 h = 10 hours', source: 'Pendant 10 h.', target: 'For 10 hours.', only: N, expected: [] },
  { name: '1,5 milliard = 1.5 billion', source: '1,5 milliard d’euros.', target: '1.5 billion euros.', only: N, expected: [] },
  { name: '3 millions = 3 million', source: '3 millions d’images.', target: '3 million images.', only: N, expected: [] },
  { name: '3 millions = 3,000,000', source: '3 millions d’images.', target: '3,000,000 images.', only: N, expected: [] },
  { name: 'XXIe siècle = 21st century', source: 'Au XXIe siècle.', target: 'In the 21st century.', only: N, expected: [] },
  { name: 'decimal comma kept in English', source: 'Une hausse de 3,5 %.', target: 'A rise of 3,5%.', only: N, expected: ['number.mismatch', 'number.mismatch'] },
  { name: 'article: 18 autres pays', source: 'Les forces de l’ordre de 18 autres pays, dont la France.', target: 'Law enforcement from 18 other countries, including France.', only: N, expected: [] },
  { name: 'newsroom amount €10m = 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €10m.', only: N, expected: [] },
  { name: 'newsroom amount €10mn = 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €10mn.', only: N, expected: [] },
  { name: 'newsroom amount 10 million euros = 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of 10 million euros.', only: N, expected: [] },
  { name: 'newsroom amount €10 million = 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €10 million.', only: N, expected: [] },
  { name: 'newsroom amount 10m euros = 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of 10m euros.', only: N, expected: [] },
  { name: 'newsroom amount $3bn = 3 milliards de dollars', source: 'Une amende de 3 milliards de dollars.', target: 'A fine of $3bn.', only: N, expected: [] },
  { name: 'newsroom amount 3 billion dollars = 3 milliards de dollars', source: 'Une amende de 3 milliards de dollars.', target: 'A fine of 3 billion dollars.', only: N, expected: [] },
  { name: 'newsroom amount $3 billion = 3 milliards de dollars', source: 'Une amende de 3 milliards de dollars.', target: 'A fine of $3 billion.', only: N, expected: [] },
  { name: 'newsroom amount £1.2bn = 1,2 milliard de livres', source: 'Une amende de 1,2 milliard de livres.', target: 'A fine of £1.2bn.', only: N, expected: [] },
  { name: 'newsroom amount £1.2 billion = 1,2 milliard de livres', source: 'Une amende de 1,2 milliard de livres.', target: 'A fine of £1.2 billion.', only: N, expected: [] },
  { name: 'newsroom amount $1tn = 1 000 milliards de dollars', source: 'Une amende de 1 000 milliards de dollars.', target: 'A fine of $1tn.', only: N, expected: [] },
  { name: 'newsroom amount €10m = 10 M€', source: 'Une amende de 10 M€.', target: 'A fine of €10m.', only: N, expected: [] },
  { name: 'newsroom amount $3bn = 3 Md$', source: 'Une amende de 3 Md$.', target: 'A fine of $3bn.', only: N, expected: [] },
  { name: 'newsroom amount €100m ≠ 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €100m.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount €1m ≠ 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €1m.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount 100 million euros ≠ 10 millions d’euros', source: 'Une amende de 10 millions d’euros.', target: 'A fine of 100 million euros.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount $30bn ≠ 3 milliards de dollars', source: 'Une amende de 3 milliards de dollars.', target: 'A fine of $30bn.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount $3m ≠ 3 milliards de dollars', source: 'Une amende de 3 milliards de dollars.', target: 'A fine of $3m.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount £12bn ≠ 1,2 milliard de livres', source: 'Une amende de 1,2 milliard de livres.', target: 'A fine of £12bn.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount £1.2m ≠ 1,2 milliard de livres', source: 'Une amende de 1,2 milliard de livres.', target: 'A fine of £1.2m.', only: N, expected: ['number.mismatch'] },
  { name: 'newsroom amount €10bn ≠ 10 M€', source: 'Une amende de 10 M€.', target: 'A fine of €10bn.', only: N, expected: ['number.mismatch'] },
  { name: 'a bare m is metres, not millions', source: 'Un mur de 10 m.', target: 'A 10m wall.', only: N, expected: [] },
  { name: 'a bare m is not millions outside money', source: 'Un mur de 10 millions.', target: 'A 10m wall.', only: N, expected: ['number.mismatch'] },
];

const R = (...ids: string[]) => ids;

export const RULE_CASES: QaCase[] = [
  { name: 'empty target', source: 'Bonjour.', target: '', only: R('target.empty'), expected: ['target.empty'] },
  { name: 'blank target (no-break spaces)', source: 'Bonjour.', target: ' \u00A0\u202F', only: R('target.empty'), expected: ['target.empty'] },
  { name: 'empty source and target', source: '', target: '', only: R('target.empty'), expected: [] },
  { name: 'nothing to translate', source: '—', target: '', only: R('target.empty'), expected: [] },
  { name: 'translated', source: 'Bonjour.', target: 'Hello.', only: R('target.empty'), expected: [] },
  { name: 'same as source', source: 'La police est arrivée.', target: 'La police est arrivée.', only: R('target.sameAsSource'), expected: ['target.sameAsSource'] },
  { name: 'same as source: name only', source: 'Catherine De Bolle', target: 'Catherine De Bolle', only: R('target.sameAsSource'), expected: [] },
  { name: 'same as source: URL', source: 'https://www.lemonde.fr/pixels/', target: 'https://www.lemonde.fr/pixels/', only: R('target.sameAsSource'), expected: [] },
  { name: 'same as source: number', source: '2025', target: '2025', only: R('target.sameAsSource'), expected: [] },
  { name: 'same as source: acronym', source: 'AFP', target: 'AFP', only: R('target.sameAsSource'), expected: [] },
  { name: 'end punctuation missing in target', source: 'Il est parti.', target: 'He left', only: R('punctuation.end'), expected: ['punctuation.end'] },
  { name: 'end punctuation extra in target', source: 'Il est parti', target: 'He left.', only: R('punctuation.end'), expected: ['punctuation.end'] },
  { name: 'question mark kept (fr space before ?)', source: 'Est-il parti\u202F?', target: 'Did he leave?', only: R('punctuation.end'), expected: [] },
  { name: 'question became statement', source: 'Est-il parti\u202F?', target: 'He left.', only: R('punctuation.end'), expected: ['punctuation.end'] },
  { name: 'guillemets vs curly quotes', source: '« Il est parti. »', target: '“He left.”', only: R('punctuation.end'), expected: [] },
  { name: 'ellipsis … = ...', source: 'Attendez…', target: 'Wait...', only: R('punctuation.end'), expected: [] },
  { name: 'balanced quotes', source: '« Bonjour », dit-il.', target: '“Hello,” he said.', only: R('quotes.unbalanced'), expected: [] },
  { name: 'unclosed quote', source: '« Bonjour », dit-il.', target: '“Hello, he said.', only: R('quotes.unbalanced'), expected: ['quotes.unbalanced'] },
  { name: 'stray closing quote', source: 'Bonjour, dit-il.', target: 'Hello,” he said.', only: R('quotes.unbalanced'), expected: ['quotes.unbalanced'] },
  { name: 'contraction is not a quote', source: 'Ne le faites pas.', target: 'Don’t do it.', only: R('quotes.unbalanced'), expected: [] },
  { name: 'plural possessive is not a quote', source: 'Les voitures des policiers.', target: 'The officers’ cars.', only: R('quotes.unbalanced'), expected: [] },
  { name: 'single quotes balanced', source: 'Le mot « abus ».', target: 'The word ‘abuse’.', only: R('quotes.unbalanced'), expected: [] },
  { name: 'straight quotes balanced', source: 'Le mot « abus ».', target: 'The word "abuse".', only: R('quotes.unbalanced'), expected: [] },
  { name: 'straight quote unbalanced', source: 'Le mot « abus ».', target: 'The word "abuse.', only: R('quotes.unbalanced'), expected: ['quotes.unbalanced'] },
  { name: 'quotation spanning segments (same imbalance as the source)', source: '« Il est parti.', target: '“He left.', only: R('quotes.unbalanced'), expected: [] },
  { name: 'balanced brackets', source: 'L’intelligence artificielle (IA).', target: 'Artificial intelligence (AI).', only: R('brackets.unbalanced'), expected: [] },
  { name: 'unclosed bracket', source: 'L’intelligence artificielle (IA).', target: 'Artificial intelligence (AI.', only: R('brackets.unbalanced'), expected: ['brackets.unbalanced'] },
  { name: 'mismatched brackets', source: 'Un [mot].', target: 'A [word).', only: R('brackets.unbalanced'), expected: ['brackets.unbalanced'] },
  { name: 'double space', source: 'Il est parti.', target: 'He  left.', only: R('spaces.double'), expected: ['spaces.double'] },
  { name: 'no-break space + space', source: 'Il est parti.', target: 'He\u00A0 left.', only: R('spaces.double'), expected: ['spaces.double'] },
  { name: 'single spaces', source: 'Il est parti.', target: 'He left.', only: R('spaces.double'), expected: [] },
  { name: 'repeated word', source: 'Le chat.', target: 'The the cat.', only: R('words.repeated'), expected: ['words.repeated'] },
  { name: 'repeated word, different case', source: 'Le chat.', target: 'the The cat.', only: R('words.repeated'), expected: ['words.repeated'] },
  { name: 'had had is fine', source: 'Il en avait assez.', target: 'He had had enough.', only: R('words.repeated'), expected: [] },
  { name: 'repeated numbers are not words', source: '2024, 2024.', target: 'In 2024 2024.', only: R('words.repeated'), expected: [] },
  { name: 'repetition across punctuation', source: 'Le chat. Le chat.', target: 'The cat. The cat.', only: R('words.repeated'), expected: [] },
  {
    name: 'names kept',
    source: '« Cela contribue », a déclaré Catherine De Bolle, directrice exécutive d’Europol.',
    target: '“This contributes,” said Catherine De Bolle, executive director of Europol.',
    only: R('names.missing'),
    expected: [],
  },
  {
    name: 'name missing',
    source: '« Cela contribue », a déclaré Catherine De Bolle, directrice exécutive d’Europol.',
    target: '“This contributes,” said the executive director of Europol.',
    only: R('names.missing'),
    expected: ['names.missing'],
  },
  { name: 'exonym La Haye = The Hague', source: 'L’agence, basée à La Haye.', target: 'The agency, based in The Hague.', only: R('names.missing'), expected: [] },
  { name: 'acronym missing', source: 'L’organisation Internet Watch Foundation (IWF).', target: 'The Internet Watch Foundation.', only: R('names.missing'), expected: ['names.missing'] },
  { name: 'acronym kept', source: 'L’organisation Internet Watch Foundation (IWF).', target: 'The Internet Watch Foundation (IWF).', only: R('names.missing'), expected: [] },
  { name: 'sentence-start capital is not a name', source: 'Les enquêteurs travaillent.', target: 'Detectives are working.', only: R('names.missing'), expected: [] },
  { name: 'operation name missing', source: 'Selon l’opération Cumberland.', target: 'According to the operation.', only: R('names.missing'), expected: ['names.missing'] },
  { name: 'glossary acronym IA is not a name', source: 'Des images générées par l’IA.', target: 'Images generated by AI.', only: R('names.missing'), expected: [] },
  { name: 'Union européenne', source: 'Les pays de l’Union européenne.', target: 'The countries of the European Union.', only: R('names.missing'), expected: [] },
  // House style with the default settings (shared/style/rules.ts); the options are tested in shared/style.
  { name: 'style: % where house style says per cent', source: 'Une hausse de 15 %.', target: 'A rise of 15%.', only: R('style.percent'), expected: ['style.percent'] },
  { name: 'style: per cent', source: 'Une hausse de 15 %.', target: 'A rise of 15 per cent.', only: R('style.percent'), expected: [] },
  { name: 'style: percent in one word', source: 'Une hausse de 15 %.', target: 'A rise of 15 percent.', only: R('style.percent'), expected: ['style.percent'] },
  { name: 'style: Mr. with a full stop', source: 'M. Dupont a parlé.', target: 'Mr. Dupont spoke.', only: R('style.honorifics'), expected: ['style.honorifics'] },
  { name: 'style: Ms without a full stop', source: 'Mme De Bolle a parlé.', target: 'Ms De Bolle spoke.', only: R('style.honorifics'), expected: [] },
  { name: 'style: Mme left in the English text', source: 'Mme De Bolle a parlé.', target: 'Mme De Bolle spoke.', only: R('style.honorifics'), expected: ['style.honorifics'] },
  { name: 'style: a figure below ten', source: 'Trois suspects.', target: 'Police arrested 3 suspects.', only: R('style.numbers'), expected: ['style.numbers'] },
  { name: 'style: a figure below ten in a measure, an age, a date', source: 'Un mur de 3 m, un enfant de 7 ans, le 5 mai.', target: 'A 3m wall, a 7-year-old child, on 5 May.', only: R('style.numbers'), expected: [] },
  { name: 'style: a number from ten in words', source: 'Dans 18 autres pays.', target: 'In eighteen other countries.', only: R('style.numbers'), expected: ['style.numbers'] },
  { name: 'style: figures from ten', source: 'Dans 18 autres pays.', target: 'In 18 other countries.', only: R('style.numbers'), expected: [] },
  { name: 'style: unspaced em dash', source: 'Le suspect — un Danois — a été arrêté.', target: 'The suspect—a Dane—was arrested.', only: R('style.dashes'), expected: ['style.dashes', 'style.dashes'] },
  { name: 'style: spaced hyphen used as a dash', source: 'Le suspect — un Danois.', target: 'The suspect - a Dane.', only: R('style.dashes'), expected: ['style.dashes'] },
  { name: 'style: spaced em dash', source: 'Le suspect — un Danois.', target: 'The suspect — a Dane.', only: R('style.dashes'), expected: [] },
  { name: 'style: straight quotes and apostrophes', source: '« C’est fini », a-t-il dit.', target: '"It\'s over," he said.', only: R('style.quotes'), expected: ['style.quotes', 'style.quotes', 'style.quotes'] },
  { name: 'style: curly quotes and apostrophes', source: '« C’est fini », a-t-il dit.', target: '“It’s over,” he said.', only: R('style.quotes'), expected: [] },
  { name: 'style: amount in words where house style abbreviates', source: 'Une amende de 10 millions d’euros.', target: 'A fine of 10 million euros.', only: R('style.money'), expected: ['style.money'] },
  { name: 'style: abbreviated amount', source: 'Une amende de 10 millions d’euros.', target: 'A fine of €10m.', only: R('style.money'), expected: [] },
];

export const ALL_CASES: QaCase[] = [...GLOSSARY_CASES, ...NUMBER_CASES, ...RULE_CASES];

/** The `disabledRules` to pass to createQaEngine for a case. */
export function disabledRulesFor(c: QaCase): string[] {
  if (!c.only) return [];
  const keep = new Set(c.only);
  return QA_RULES.map((r) => r.id).filter((id) => !keep.has(id));
}
