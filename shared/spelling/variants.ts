/**
 * British and American spelling: the two English variants a project can be written in, and the rules that turn a
 * word of one variant into its counterpart in the other ("organise" ↔ "organize", "colour" ↔ "color",
 * "centre" ↔ "center", "travelled" ↔ "traveled", "grey" ↔ "gray"…).
 *
 * The rules over-generate on purpose: a candidate only counts when a dictionary (or the article itself) confirms it,
 * so "prize" never becomes "prise" unless both are real words used side by side. Pairs that are two different
 * words in British English ("licence"/"license", "practice"/"practise", "draught"/"draft", "metre"/"meter") are
 * listed in GB_DISTINCT: using both in a British article is correct, not a mix of variants.
 */

export type EnglishVariant = 'en-GB' | 'en-US';
export const ENGLISH_VARIANTS: readonly EnglishVariant[] = ['en-GB', 'en-US'];

export function isEnglishVariant(v: unknown): v is EnglishVariant {
  return v === 'en-GB' || v === 'en-US';
}

export function otherVariant(v: EnglishVariant): EnglishVariant {
  return v === 'en-GB' ? 'en-US' : 'en-GB';
}

/** English name of a variant, for messages. */
export function variantName(v: EnglishVariant): string {
  return v === 'en-GB' ? 'British' : 'American';
}

interface Rule {
  /** The British substring and its American counterpart. */
  gb: string;
  us: string;
  /** What may precede the substring (tested on the text before it). */
  prev?: RegExp;
  /** What must follow the substring (tested on the rest of the word). */
  next?: RegExp;
}

/** Infix and suffix rules, British → American (applied in reverse for American → British). */
const RULES: readonly Rule[] = [
  // organise, organisation, organising, organiser, realisable → -ize-
  { gb: 'is', us: 'iz', prev: /[a-z]{2}$/, next: /^(?:e|ing|ation|abl)/ },
  // analyse, paralysing
  { gb: 'ys', us: 'yz', prev: /[a-z]{2}$/, next: /^(?:e|ing)/ },
  // colour, favourite, honourable, behaviour, neighbourhood, labourer
  { gb: 'our', us: 'or', prev: /[a-z]{2}$/, next: /^(?:$|s$|ed|ing|ite|abl|ful|less|er|ist|ism|ly|ry|hood|y|ie)/ },
  // centre, theatre, fibre; centred, centring
  { gb: 're', us: 'er', prev: /[a-z][bcgtv]$/, next: /^(?:$|s$)/ },
  { gb: 'red', us: 'ered', prev: /[a-z][bcgtv]$/, next: /^$/ },
  { gb: 'ring', us: 'ering', prev: /[a-z][bcgtv]$/, next: /^$/ },
  // catalogue, dialogue, analogue
  { gb: 'ogue', us: 'og', prev: /[a-z]{2}$/, next: /^(?:$|s$)/ },
  // paediatric, anaemia, haemorrhage, encyclopaedia; oestrogen, foetus, diarrhoea, manoeuvre
  { gb: 'ae', us: 'e', next: /^[a-z]/ },
  { gb: 'oe', us: 'e', next: /^[a-z]/ },
  // travelled, travelling, traveller, cancelled, labelled, modelling, counsellor, jewellery
  { gb: 'll', us: 'l', prev: /[aeiou][a-z]*$/, next: /^(?:ed|ing|er|or|ery)/ },
  // defence, offence, pretence
  { gb: 'ence', us: 'ense', prev: /[a-z]{2}$/, next: /^(?:$|s$)/ },
  // fulfil, enrol, instil, distil, skilful, wilful, enrolment, fulfilment
  { gb: 'l', us: 'll', prev: /[a-z]{2}[aeiou]$/, next: /^(?:$|s$|ment|ful)/ },
  // judgement, acknowledgement
  { gb: 'dgement', us: 'dgment' },
  // ageing
  { gb: 'geing', us: 'ging', next: /^$/ },
  // sceptic, sceptical, scepticism
  { gb: 'scep', us: 'skep' },
];

/** Word stems that differ as a whole (matched at the start of the word: "greyish", "tyres", "programmes"). */
const STEMS: readonly (readonly [string, string])[] = [
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['cheque', 'check'],
  ['kerb', 'curb'],
  ['plough', 'plow'],
  ['mould', 'mold'],
  ['moult', 'molt'],
  ['smoulder', 'smolder'],
  ['aluminium', 'aluminum'],
  ['pyjama', 'pajama'],
  ['moustache', 'mustache'],
  ['programme', 'program'],
  ['draught', 'draft'],
  ['storey', 'story'],
  ['cosy', 'cozy'],
  ['doughnut', 'donut'],
  ['gaol', 'jail'],
  ['practis', 'practic'],
  ['artefact', 'artifact'],
  ['sulph', 'sulf'],
  ['mollusc', 'mollusk'],
  ['yoghurt', 'yogurt'],
  ['whisky', 'whiskey'],
  ['omelette', 'omelet'],
  ['speciality', 'specialty'],
  ['specialities', 'specialties'],
  ['aeroplane', 'airplane'],
  ['manoeuvr', 'maneuver'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['tonne', 'ton'],
  ['axe', 'ax'],
  ['maths', 'math'],
  ['storeys', 'stories'],
];

/**
 * Pairs that are two different words in British English (both correct there): never a variant mix in a British
 * article. In an American article the British form is still a variant finding when the dictionary says so.
 */
export const GB_DISTINCT: ReadonlySet<string> = new Set([
  'licence|license', 'licences|licenses', 'licenced|licensed',
  'practice|practise', 'practices|practises',
  'draught|draft', 'draughts|drafts',
  'metre|meter', 'metres|meters',
  'storey|story', 'storeys|stories',
  'tyre|tire', 'tyres|tires',
  'kerb|curb', 'kerbs|curbs',
  'cheque|check', 'cheques|checks',
  'programme|program', 'programmes|programs',
  'tonne|ton', 'tonnes|tons',
  'axe|ax',
  'dependant|dependent',
  'enquiry|inquiry', 'enquiries|inquiries',
  'prise|prize', 'prised|prized',
]);

/** Pairs that are both correct in each variant, where a house style picks one ("learnt"/"learned"). */
export const FREE_VARIANTS: readonly (readonly [string, string])[] = [
  ['learnt', 'learned'],
  ['spelt', 'spelled'],
  ['burnt', 'burned'],
  ['dreamt', 'dreamed'],
  ['leapt', 'leaped'],
  ['spoilt', 'spoiled'],
  ['towards', 'toward'],
  ['amongst', 'among'],
  ['whilst', 'while'],
];

function applyRule(word: string, from: string, to: string, r: Rule, out: Set<string>): void {
  for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
    const before = word.slice(0, at);
    const rest = word.slice(at + from.length);
    if (r.prev && !r.prev.test(before)) continue;
    if (r.next && !r.next.test(rest)) continue;
    out.add(before + to + rest);
  }
}

/**
 * Spellings of a lower-case `word` in the variant `to`: every single rule applied once, then pairs of rules
 * ("manoeuvre" → "maneuver" needs two). Candidates are NOT checked: confirm them with a dictionary.
 */
export function variantCandidates(word: string, to: EnglishVariant): string[] {
  const w = word.toLowerCase();
  const toUs = to === 'en-US';
  const once = new Set<string>();
  for (const r of RULES) applyRule(w, toUs ? r.gb : r.us, toUs ? r.us : r.gb, r, once);
  for (const [gb, us] of STEMS) {
    const from = toUs ? gb : us;
    const repl = toUs ? us : gb;
    if (w.startsWith(from)) once.add(repl + w.slice(from.length));
  }
  const out = new Set(once);
  for (const c of once) for (const r of RULES) applyRule(c, toUs ? r.gb : r.us, toUs ? r.us : r.gb, r, out);
  out.delete(w);
  return [...out];
}

/** Key of an unordered pair of lower-case words, British form first when known. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const GB_DISTINCT_KEYS = new Set([...GB_DISTINCT].map((p) => {
  const [a, b] = p.split('|') as [string, string];
  return pairKey(a, b);
}));

/** True when "a" and "b" are two distinct British words ("licence"/"license"). */
export function isGbDistinct(a: string, b: string): boolean {
  return GB_DISTINCT_KEYS.has(pairKey(a.toLowerCase(), b.toLowerCase()));
}

const FREE_BY_WORD = new Map<string, string>();
for (const [a, b] of FREE_VARIANTS) {
  FREE_BY_WORD.set(a, b);
  FREE_BY_WORD.set(b, a);
}

/** The other form of a free variant pair ("learnt" → "learned"), or undefined. */
export function freeVariantOf(word: string): string | undefined {
  return FREE_BY_WORD.get(word.toLowerCase());
}

/** Writes `word` with the case pattern of `model` (Capitalised, UPPER or lower). */
export function matchCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
