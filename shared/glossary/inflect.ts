/**
 * Inflected forms of glossary words, generated from rule tables (data), never by a stemmer: a form is accepted only
 * if a rule produces it from the lemma, and matching is on whole words, so "jugement" is never "juge", "offender"
 * is never "offence", "policy" is never "police".
 *
 * French: number (plural) and gender (feminine) — every word of a term is inflected independently (adjectives inside
 * multi-word terms: "violence sexuelle" → "violences sexuelles"); agreement between words is not enforced (a
 * mismatched "violences sexuelle" is still recognised: recognition must be robust to the source's own typos).
 * Feminine forms come only from productive endings (see FR_FEMININE): the bare "+e" rule is applied to endings
 * where it is productive (-at magistrat→magistrate, -ant, -ent, -é, -u, -i, -ais/-ois, -ain, -in, -al, -il, -ct,
 * -and, -ard, -ert…) and to any word whose partOfSpeech is an adjective; so "port" never yields "porte".
 * In multi-word terms, a word given in the plural ("contenus pédopornographiques", "forces de l’ordre") also yields
 * its singular by the reverse rules (-aux→-al, -eaux→-eau, -s→∅…); single-word terms are taken as given.
 *
 * English: number only (plural -s, -es, -ies, -oes, irregulars as data, -man→-men); possessives need no rule since
 * the tokenizer splits "officer's" into "officer" + "s".
 */

/** Words that never inflect inside terms (articles, prepositions, conjunctions, elided forms). */
export const FR_FUNCTION_WORDS = new Set([
  'à', 'a', 'au', 'aux', 'avec', 'c', 'ce', 'd', 'dans', 'de', 'des', 'du', 'en', 'entre', 'et', 'j', 'l', 'la', 'le',
  'les', 'm', 'n', 'ni', 'ou', 'par', 'pour', 'qu', 'que', 's', 'sans', 'se', 'sous', 'sur', 't', 'un', 'une', 'vers',
]);

export const EN_FUNCTION_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with',
]);

/** Irregular French forms (lemma → extra forms), e.g. œil/yeux. */
export const FR_IRREGULAR: Record<string, string[]> = {
  'œil': ['yeux'],
  oeil: ['yeux'],
  ciel: ['cieux'],
  'aïeul': ['aïeux', 'aïeule', 'aïeules'],
  monsieur: ['messieurs'],
  madame: ['mesdames'],
  mademoiselle: ['mesdemoiselles'],
  bonhomme: ['bonshommes'],
  travail: ['travaux'],
  vieux: ['vieille', 'vieilles', 'vieil'],
  beau: ['belle', 'belles', 'beaux', 'bel'],
  nouveau: ['nouvelle', 'nouvelles', 'nouveaux', 'nouvel'],
  fou: ['folle', 'folles', 'fous', 'fol'],
  mou: ['molle', 'molles', 'mous'],
  blanc: ['blanche', 'blanches', 'blancs'],
  franc: ['franche', 'franches', 'francs', 'franque', 'franques'],
  sec: ['sèche', 'sèches', 'secs'],
  grec: ['grecque', 'grecques', 'grecs'],
  long: ['longue', 'longues', 'longs'],
  frais: ['fraîche', 'fraîches'],
  doux: ['douce', 'douces'],
  faux: ['fausse', 'fausses'],
  roux: ['rousse', 'rousses'],
  gentil: ['gentille', 'gentilles', 'gentils'],
  nul: ['nulle', 'nulles', 'nuls'],
  bas: ['basse', 'basses'],
  gros: ['grosse', 'grosses'],
  gras: ['grasse', 'grasses'],
  épais: ['épaisse', 'épaisses'],
  malin: ['maligne', 'malignes', 'malins'],
  bénin: ['bénigne', 'bénignes', 'bénins'],
  favori: ['favorite', 'favorites', 'favoris'],
  public: ['publique', 'publiques', 'publics'],
  turc: ['turque', 'turques', 'turcs'],
  ami: ['amie', 'amies', 'amis'],
};

/** Nouns in -ou whose plural is -oux (the seven exceptions). */
export const FR_OU_X = new Set(['bijou', 'caillou', 'chou', 'genou', 'hibou', 'joujou', 'pou']);

/**
 * Feminine rules: first matching suffix wins; each replacement yields a candidate.
 * A word matching no rule has no feminine (unless its partOfSpeech is an adjective: +e). Rules need a stem of at
 * least two letters, so "mer" does not yield "mère".
 */
export const FR_FEMININE: [suffix: string, replacements: string[]][] = [
  ['e', ['e']],
  ['teur', ['trice', 'teuse', 'teure']],
  ['eur', ['euse', 'eure']],
  ['ier', ['ière']],
  ['er', ['ère']],
  ['ien', ['ienne']],
  ['en', ['enne']],
  ['on', ['onne']],
  ['eil', ['eille']],
  ['el', ['elle']],
  ['et', ['ette', 'ète']],
  ['eau', ['elle']],
  ['f', ['ve']],
  ['eux', ['euse']],
  ['oux', ['ouse']],
  // Bare "+e" only where it is productive (not -rt, -ort, -i, -us, -ard…: port/porte, parti/partie, abus/abuse).
  ...['at', 'ant', 'ent', 'é', 'u', 'is', 'ais', 'ois', 'ain', 'in', 'al', 'il', 'ct', 'and', 'ert'].map(
    (s): [string, string[]] => [s, [s + 'e']],
  ),
];

/** Plural rules (masculine or feminine singular → plural candidates); first matching suffix wins. */
export const FR_PLURAL: [suffix: string, replacements: string[]][] = [
  ['s', ['s']],
  ['x', ['x']],
  ['z', ['z']],
  ['ail', ['ails', 'aux']],
  ['al', ['aux', 'als']],
  ['eau', ['eaux']],
  ['au', ['aux', 'aus']],
  ['eu', ['eux', 'eus']],
  ['', ['s']],
];

/** Reverse plural rules used for plural words inside multi-word terms ("contenus" → "contenu"). */
export const FR_SINGULAR: [suffix: string, replacements: string[]][] = [
  ['eaux', ['eau']],
  ['aux', ['al', 'ail']],
  ['eux', ['eu']],
  ['oux', ['ou']],
  ['s', ['']],
];

/** English irregular plurals (singular → plurals) and invariable nouns. */
export const EN_IRREGULAR: Record<string, string[]> = {
  child: ['children'],
  man: ['men'],
  woman: ['women'],
  person: ['people', 'persons'],
  foot: ['feet'],
  tooth: ['teeth'],
  mouse: ['mice'],
  goose: ['geese'],
  criterion: ['criteria'],
  phenomenon: ['phenomena'],
  datum: ['data'],
  medium: ['media', 'mediums'],
  life: ['lives'],
  wife: ['wives'],
  knife: ['knives'],
  leaf: ['leaves'],
  thief: ['thieves'],
  half: ['halves'],
  shelf: ['shelves'],
  wolf: ['wolves'],
  self: ['selves'],
  sheep: [],
  fish: [],
  series: [],
  species: [],
  aircraft: [],
  news: [],
  police: [],
};

/** English plural suffix rules; first match wins. `[a-z]` placeholders are handled in code (consonant + y). */
export const EN_PLURAL: [suffix: string, replacements: string[]][] = [
  ['man', ['men', 'mans']],
  ['sis', ['ses']],
  ['ss', ['sses']],
  ['s', ['ses', 's']],
  ['x', ['xes']],
  ['z', ['zes']],
  ['ch', ['ches']],
  ['sh', ['shes']],
  ['o', ['os', 'oes']],
  ['', ['s']],
];

function applyRules(word: string, rules: [string, string[]][], minStem = 0): string[] | null {
  for (const [suffix, reps] of rules) {
    if (word.endsWith(suffix) && word.length > suffix.length && word.length - suffix.length >= minStem) {
      const stem = word.slice(0, word.length - suffix.length);
      return reps.map((r) => stem + r);
    }
  }
  return null;
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);
}

function restoreCase(orig: string, form: string): string {
  if (isAcronym(orig)) return form.toUpperCase();
  if (/^\p{Lu}/u.test(orig)) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

function isAdjective(pos: string | undefined): boolean {
  return !!pos && /^(adj|adjective|adjectif)/i.test(pos);
}

/** French masculine plural, feminine singular and plural of one word (lower case), including the word itself. */
export function frenchWordForms(word: string, opts: { partOfSpeech?: string; inMultiWord?: boolean } = {}): string[] {
  const key = `${word}\u0000${opts.partOfSpeech ?? ''}\u0000${opts.inMultiWord ? 1 : 0}`;
  let forms = frCache.get(key);
  if (!forms) {
    forms = computeFrenchWordForms(word, opts);
    if (frCache.size > 100_000) frCache.clear();
    frCache.set(key, forms);
  }
  return [...forms];
}

const frCache = new Map<string, string[]>();
const enCache = new Map<string, string[]>();

function computeFrenchWordForms(word: string, opts: { partOfSpeech?: string; inMultiWord?: boolean }): string[] {
  const w = word.normalize('NFC');
  if (isAcronym(w)) return [w];
  const lw = w.toLowerCase();
  if (FR_FUNCTION_WORDS.has(lw) || lw.length < 2 || /\p{N}/u.test(lw)) return [restoreCase(w, lw)];
  const lemmas = new Set<string>([lw]);
  if (opts.inMultiWord) for (const s of applyRules(lw, FR_SINGULAR) ?? []) if (s.length >= 3) lemmas.add(s);
  const out = new Set<string>();
  for (const lemma of lemmas) {
    out.add(lemma);
    const irregular = FR_IRREGULAR[lemma];
    if (irregular) for (const f of irregular) out.add(f);
    const fem = new Set<string>(applyRules(lemma, FR_FEMININE, 2) ?? []);
    if (isAdjective(opts.partOfSpeech) && fem.size === 0) fem.add(lemma + 'e');
    for (const base of [lemma, ...fem]) {
      out.add(base);
      if (base === lemma && lemma.endsWith('ou') && FR_OU_X.has(lemma)) {
        out.add(lemma + 'x');
        continue;
      }
      for (const p of applyRules(base, FR_PLURAL) ?? [base + 's']) out.add(p);
    }
  }
  return [...out].map((f) => restoreCase(w, f));
}

/** English singular and plural of one word, including the word itself. */
export function englishWordForms(word: string): string[] {
  let forms = enCache.get(word);
  if (!forms) {
    forms = computeEnglishWordForms(word);
    if (enCache.size > 100_000) enCache.clear();
    enCache.set(word, forms);
  }
  return [...forms];
}

function computeEnglishWordForms(word: string): string[] {
  const w = word.normalize('NFC');
  if (isAcronym(w)) return [w, w + 's'];
  const lw = w.toLowerCase();
  if (EN_FUNCTION_WORDS.has(lw) || lw.length < 2 || /\p{N}/u.test(lw)) return [restoreCase(w, lw)];
  const out = new Set<string>([lw]);
  const irregular = EN_IRREGULAR[lw];
  if (irregular) {
    for (const f of irregular) out.add(f);
  } else {
    const irregularSuffix = Object.keys(EN_IRREGULAR).find((k) => k.length >= 4 && lw.endsWith(k) && (EN_IRREGULAR[k]?.length ?? 0) > 0);
    if (irregularSuffix) {
      const stem = lw.slice(0, lw.length - irregularSuffix.length);
      for (const f of EN_IRREGULAR[irregularSuffix] ?? []) out.add(stem + f);
    } else if (/[^aeiou]y$/.test(lw)) {
      out.add(lw.slice(0, -1) + 'ies');
    } else {
      for (const f of applyRules(lw, EN_PLURAL) ?? []) out.add(f);
    }
  }
  return [...out].map((f) => restoreCase(w, f));
}
