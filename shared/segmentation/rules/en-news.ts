/**
 * English news segmentation rules (SRX-like data, see ../types.ts for the semantics), for English drafts of an
 * article (a machine translation, a stringer's version). Same engine as the French rules.
 *
 * Conventions used by the patterns below:
 * - WS is ORDINARY whitespace only (space, tab, line breaks); a no-break space never separates two sentences.
 * - A sentence starts with an uppercase letter or a digit, possibly after an opening quote/parenthesis, or with a
 *   dash. A lowercase word never starts a sentence ("?" she asked / "Wait..." he said stay one sentence).
 * - American punctuation puts the period inside the quotation marks: `He called it "a disgrace." Then he left.`
 *   breaks after the closing quote, never between the period and the quote.
 * - Colons and semicolons never end a sentence.
 * - Abbreviations that cannot end a sentence in news copy (Mr., Dr., Sen., Gov., Gen., St. Louis…) never break;
 *   months (Jan., Sept.) and reference words (No., Vol., p.) only before a number; company and name suffixes
 *   (Inc., Corp., Jr.) and a.m./p.m. only before a capitalised word that is not a day, month or time zone.
 */
import type { SegmentationRules } from '../types.ts';
import { BRACKETED_ELLIPSIS, BULLET_LINES, LIST_NUMBER_AT_LINE_START, WS } from './common.ts';

/** Characters that may close a sentence after its final punctuation: quotes, parentheses, brackets. */
const CLOSER = String.raw`[”"’')\]]`;
/** End punctuation of a sentence, with its closers: `.`, `?`, `!`, `…`, `...`, `?!`, `."`, `.)`, `?”`. */
const END = String.raw`[.!?…]${CLOSER}*`;
/** What a new sentence starts with (after the ordinary whitespace). */
const START = String.raw`(?:[—–]|-[ \u00A0]|[«"“‘'(\[¿¡]+[«"“‘'\p{Lu}\p{N}]|[$£€¥#]?[\p{Lu}\p{N}])`;
/** A word that cannot be part of the previous sentence when it follows "a.m."/"Inc."… */
const NOT_A_START = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|(?:[ECMP][SD]T|ET|CT|PT|GMT|BST|CET|CEST|UTC|HKT|JST|AEST|AEDT)\b`;
/** Dotted acronyms of places and bodies, which end a sentence like any word ("moved to the U.S. He…"). */
const PLACE_ACRONYMS = ['U.S.A', 'U.S.S.R', 'U.A.E', 'U.S', 'U.K', 'U.N', 'E.U', 'D.C', 'L.A', 'N.Y', 'N.J', 'N.C', 'S.C', 'N.D', 'S.D', 'N.H', 'N.M', 'R.I', 'P.R', 'N.Z', 'B.C']
  .map((a) => a.replace(/\./g, '\\.'))
  .join('|');
/** Capitalised words that commonly follow the dotted country acronyms inside a sentence: U.S. President, U.K. Parliament. */
const ACRONYM_CONTINUATION = [
  'President', 'Presidents', 'Vice', 'Secretary', 'Sen', 'Sens', 'Rep', 'Reps', 'Senator', 'Senators', 'Representative', 'Ambassador',
  'Attorney', 'Supreme', 'Justice', 'District', 'Court', 'Courts', 'Circuit', 'Department', 'Treasury', 'State', 'Defense', 'Defence',
  'Army', 'Navy', 'Air', 'Marine', 'Marines', 'Coast', 'Forces', 'Special', 'Central', 'Federal', 'Embassy', 'Embassies',
  'Consulate', 'Congress', 'Capitol', 'Senate', 'House', 'Parliament', 'Government', 'Prime', 'Chancellor', 'Foreign', 'Home',
  'Health', 'Food', 'Centers', 'Census', 'Postal', 'Border', 'Customs', 'Immigration', 'Trade', 'Commerce', 'Chamber',
  'Agency', 'Geological', 'Open', 'Olympic', 'Olympics', 'Mayor', 'Police', 'Council', 'Treasuries', 'Steel', 'Bank',
  'Banks', 'Stocks', 'Dollar', 'Economy', 'Intelligence', 'Official', 'Officials', 'General', 'Military', 'Envoy',
  'Security', 'National', 'Open', 'Labor', 'Labour', 'Energy', 'Interior', 'Education', 'Transportation', 'Navy',
  'Office', 'Special', 'Forest', 'Fish', 'Patent', 'Copyright', 'Mint', 'Soccer', 'Team', 'Women', 'Men', 'Cup',
].filter((w, i, all) => all.indexOf(w) === i);

export const EN_NEWS_RULES: SegmentationRules = {
  name: 'en-news',
  language: 'en',
  abbreviations: {
    always: [
      // forms of address and titles, civil and military (AP style)
      'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs', 'Rev', 'Revs', 'Msgr', 'Fr', 'Hon', 'Pres',
      'Gov', 'Govs', 'Lt', 'Sen', 'Sens', 'Rep', 'Reps', 'Atty', 'Supt', 'Insp', 'Det', 'Sgt', 'Cpl', 'Pvt', 'Spc', 'Capt', 'Cmdr',
      'Col', 'Gen', 'Maj', 'Adm', 'Brig', 'Ald', 'Amb', 'Asst', 'Assoc', 'Dist',
      // places before a name (Mt. Everest, Ft. Worth, Pt. Reyes; St. has its own rules below)
      'Ste', 'Mt', 'Ft', 'Pt',
      // references and Latin
      'e.g', 'i.e', 'a.k.a', 'cf', 'vs', 'v', 'viz', 'approx', 'ca', 'incl', 'esp', 'Dept', 'Univ', 'Assn',
    ],
    beforeNumber: [
      'no', 'nos', 'vol', 'p', 'pp', 'para', 'paras', 'art', 'fig', 'ch', 'sec', 'ex', 'Rm', 'Apt', 'c',
      // units before a number: 5 ft. 10 in.
      'ft', 'in', 'lb', 'lbs', 'oz',
      'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
      'Rt', 'Hwy', 'Rte', 'est',
    ],
    weak: ['etc', 'Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'PLC', 'LLC', 'LLP', 'Jr', 'Sr', 'Bros', 'al', 'Ave', 'Blvd', 'Rd', 'Ln', 'Hts', 'a.m', 'p.m', 'Ph.D', 'M.D'],
  },
  rules: [
    BRACKETED_ELLIPSIS,
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}])(?:a\.m|p\.m|Inc|Corp|Co|Ltd|Jr|Sr)\.`,
      after: String.raw`${WS}+(?:${NOT_A_START})`,
      comment: 'A time or a company/name suffix before a day, a month or a time zone: "at 10 a.m. Tuesday", "3 p.m. EST".',
    },
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}])King${WS}+Jr\.`,
      after: String.raw`${WS}+Day\b`,
      comment: 'Martin Luther King Jr. Day.',
    },
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}.])(?:${PLACE_ACRONYMS})\.`,
      after: String.raw`${WS}+(?:${ACRONYM_CONTINUATION.join('|')})\b`,
      comment: 'A dotted acronym used as an adjective: "U.S. President Joe Biden", "U.K. Foreign Secretary", "D.C. Mayor".',
    },
    {
      break: true,
      before: String.raw`(?<![\p{L}\p{N}.])(?:${PLACE_ACRONYMS})\.`,
      after: `${WS}+${START}`,
      comment: 'Otherwise a place acronym ends a sentence like a word: "He moved to the U.S. His wife stayed."',
    },
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}.'’])(?:\p{Lu}\.){1,3}`,
      after: '',
      comment: 'Initials: George W. Bush, J. K. Rowling, J.R.R. Tolkien, T.S. Eliot.',
    },
    {
      break: true,
      before: String.raw`(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+${WS}St\.`,
      after: `${WS}+${START}`,
      comment: 'St. after a capitalised word is a street and may end a sentence: "on Main St. The parade…".',
    },
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}])St\.`,
      after: '',
      comment: 'Otherwise St. is Saint: St. Louis, St. Patrick’s Day.',
    },
    LIST_NUMBER_AT_LINE_START,
    {
      break: false,
      before: String.raw`[?!][”"]`,
      after: String.raw`${WS}+(?:\p{Lu}[\p{L}.’'-]*${WS}+){1,3}(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|replied|replies|shouted|yelled|recalled|recalls|continued|explained|insisted|wondered|exclaimed|tweeted|posted|cried)\b`,
      comment: 'A question or exclamation quoted before its attribution: "Is it over?" Smith asked.',
    },
    {
      break: false,
      before: String.raw`“[^“”]{0,3000}`,
      after: String.raw`[^“”]{0,3000}”(?:[ \u00A0]*[,;:)—–]|${WS}+\p{Ll})`,
      comment: 'Inside a quotation followed by its attribution: “No. Never,” he said. The quotation and its attribution stay one segment.',
    },
    {
      break: false,
      before: String.raw`(?:^|[\s(\[—–])"[^"]{0,3000}`,
      after: String.raw`[^"]{0,3000}"(?:[ \u00A0]*[,;:)—–]|${WS}+\p{Ll})`,
      comment: 'Same with straight quotes, the opening one at the start or after a space: "No. Never," he said.',
    },
    {
      break: true,
      before: END,
      after: `${WS}+${START}`,
      comment: 'End punctuation (with closing quotes/brackets) followed by ordinary whitespace and a new sentence.',
    },
    {
      break: true,
      before: String.raw`\n`,
      after: String.raw`${WS}*${START}`,
      comment: 'A line break inside a paragraph before a capitalised line: a headline and its standfirst, a lead-in and its list.',
    },
    BULLET_LINES,
  ],
};
