/**
 * Names and acronyms in a French source that should reappear in the English target.
 *
 * Candidates: words starting with a capital that are NOT at a sentence start (first word, or after . ? ! … : « “
 * or a line break), and all-caps acronyms (IWF, AFP) anywhere. Consecutive candidates joined by a space or hyphen
 * form one name ("Catherine De Bolle", "Internet Watch Foundation"); capitalised function words and titles (Le, La,
 * Les, Mme, Etats…) are trimmed from the ends of a name. Words inside a recognised glossary term are skipped (the
 * glossary decides how "IA" is translated). Exonyms as data: "La Haye" is found as "The Hague", "ONU" as "UN".
 * A word is found in the target when a target word starts with the same letters (the first 60 %, at least four:
 * "Agence" ~ "Agency", "européenne" ~ "European"), or exactly for words of four letters or fewer; acronyms need
 * an exact, case-sensitive match.
 */
import { tokenize, type Token } from '../glossary/text.ts';

export const FR_NAME_STOP_WORDS = new Set(
  [
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'et', 'mais', 'ou', 'donc', 'or', 'ni',
    'car', 'il', 'elle', 'ils', 'elles', 'on', 'nous', 'vous', 'je', 'tu', 'ce', 'cet', 'cette', 'ces', 'cela', 'ca',
    'celui', 'celle', 'son', 'sa', 'ses', 'leur', 'leurs', 'selon', 'pour', 'par', 'dans', 'sur', 'sous', 'avec',
    'sans', 'chez', 'apres', 'avant', 'depuis', 'pendant', 'lors', 'entre', 'mme', 'mmes', 'm', 'mlle', 'dr', 'me',
    'mgr', 'pr', 'monsieur', 'madame', 'etat', 'etats', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
    'dimanche', 'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre',
    'novembre', 'decembre',
  ],
);

/** French name (folded, words joined by one space) → English renderings (folded). */
export const FR_EN_EXONYMS: Record<string, string[]> = {
  haye: ['hague'],
  'la haye': ['the hague', 'hague'],
  'royaume uni': ['united kingdom', 'uk', 'britain', 'british'],
  'etats unis': ['united states', 'us', 'usa', 'america', 'american'],
  'union europeenne': ['european union', 'eu'],
  danemark: ['denmark', 'danish'],
  allemagne: ['germany', 'german'],
  espagne: ['spain', 'spanish'],
  italie: ['italy', 'italian'],
  belgique: ['belgium', 'belgian'],
  'pays bas': ['netherlands', 'dutch'],
  suisse: ['switzerland', 'swiss'],
  londres: ['london'],
  bruxelles: ['brussels'],
  chine: ['china', 'chinese'],
  russie: ['russia', 'russian'],
  grece: ['greece', 'greek'],
  pologne: ['poland', 'polish'],
  irlande: ['ireland', 'irish'],
  ecosse: ['scotland', 'scottish'],
  angleterre: ['england', 'english'],
  autriche: ['austria', 'austrian'],
  suede: ['sweden', 'swedish'],
  norvege: ['norway', 'norwegian'],
  japon: ['japan', 'japanese'],
  inde: ['india', 'indian'],
  mexique: ['mexico', 'mexican'],
  bresil: ['brazil', 'brazilian'],
  maroc: ['morocco', 'moroccan'],
  algerie: ['algeria', 'algerian'],
  tunisie: ['tunisia', 'tunisian'],
  egypte: ['egypt', 'egyptian'],
  liban: ['lebanon', 'lebanese'],
  syrie: ['syria', 'syrian'],
  irak: ['iraq', 'iraqi'],
  afrique: ['africa', 'african'],
  amerique: ['america', 'american'],
  asie: ['asia', 'asian'],
  onu: ['un', 'united nations'],
  ue: ['eu', 'european union'],
  otan: ['nato'],
  fmi: ['imf'],
  oms: ['who', 'world health organization'],
  ia: ['ai', 'artificial intelligence'],
  parlement: ['parliament'],
  gouvernement: ['government'],
  cour: ['court'],
  senat: ['senate'],
  'assemblee nationale': ['national assembly'],
};

export interface NameCandidate {
  text: string;
  start: number;
  end: number;
  words: Token[];
}

const SENTENCE_GAP_RE = /[.?!…:«“\n\r]/u;

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && t.text.length >= 2 && !/^\p{N}/u.test(t.text);
}

export function isAcronym(t: Token): boolean {
  return t.text.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(t.text) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}|\p{N}\p{Lu}/u.test(t.text);
}

/** Names and acronyms in a French text, skipping the ranges in `exclude` (recognised glossary terms). */
export function findNames(source: string, exclude: readonly { start: number; end: number }[] = [], tokens: Token[] = tokenize(source)): NameCandidate[] {
  const out: NameCandidate[] = [];
  let group: Token[] = [];
  const flush = () => {
    while (group.length && FR_NAME_STOP_WORDS.has(group[0]!.fold) && !isAcronym(group[0]!)) group.shift();
    while (group.length && FR_NAME_STOP_WORDS.has(group[group.length - 1]!.fold) && !isAcronym(group[group.length - 1]!)) group.pop();
    if (group.length) {
      const start = group[0]!.start;
      const end = group[group.length - 1]!.end;
      out.push({ text: source.slice(start, end), start, end, words: group });
    }
    group = [];
  };
  let sentenceStartIdx = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gap = i === 0 ? source.slice(0, t.start) : source.slice(tokens[i - 1]!.end, t.start);
    if (i === 0 || SENTENCE_GAP_RE.test(gap)) sentenceStartIdx = i;
    const excluded = exclude.some((r) => t.start < r.end && t.end > r.start);
    const atStart = i === sentenceStartIdx;
    const candidate = !excluded && (isAcronym(t) || (isCapitalised(t) && !atStart));
    const joined = group.length > 0 && (t.sepBefore === 'space' || t.sepBefore === 'hyphen');
    if (candidate && (group.length === 0 || joined)) group.push(t);
    else {
      flush();
      if (candidate) group.push(t);
    }
  }
  flush();
  return out;
}

/** What the name check needs from a target, computed once per segment. */
export interface TargetWords {
  folds: string[];
  padded: string;
  texts: Set<string>;
}

export function targetWords(target: string, tokens: Token[] = tokenize(target)): TargetWords {
  const folds = tokens.map((t) => t.fold);
  return { folds, padded: ` ${folds.join(' ')} `, texts: new Set(tokens.map((t) => t.text)) };
}

function wordFound(word: Token, tw: TargetWords): boolean {
  if (isAcronym(word)) return tw.texts.has(word.text);
  const f = word.fold;
  if (f.length <= 4) return tw.folds.includes(f);
  const n = Math.max(4, Math.ceil(f.length * 0.6));
  const prefix = f.slice(0, n);
  return tw.folds.some((t) => t.startsWith(prefix));
}

/** True when the name (or its exonym) appears in the target. */
export function nameInTarget(name: NameCandidate, target: string | TargetWords): boolean {
  const tw = typeof target === 'string' ? targetWords(target) : target;
  const key = name.words.map((w) => w.fold).join(' ');
  const exo = FR_EN_EXONYMS[key];
  if (exo && exo.some((e) => tw.padded.includes(` ${e} `))) return true;
  return name.words.every((w) => {
    if (FR_NAME_STOP_WORDS.has(w.fold) && !isAcronym(w)) return true;
    if (wordFound(w, tw)) return true;
    const e = FR_EN_EXONYMS[w.fold];
    return !!e && e.some((x) => tw.padded.includes(` ${x} `));
  });
}

