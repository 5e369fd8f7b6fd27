/**
 * French news segmentation rules (SRX-like data, see ../types.ts for the semantics).
 *
 * Conventions used by the patterns below:
 * - WS is ORDINARY whitespace only (space, tab, line breaks). No-break spaces (U+00A0, U+202F) never separate two
 *   sentences: they sit inside French punctuation (`« Oui »`, `Vraiment ?`), numbers (`1 200 €`) and titles.
 * - SP is any space that French typography puts before `» ? ! : ;` (ordinary, U+00A0 or U+202F).
 * - A sentence starts with an uppercase letter or a digit, possibly after an opening quote/parenthesis, or with a
 *   dialogue dash. A lowercase word never starts a sentence (`« Enfin ! » a-t-elle lancé` is one sentence,
 *   `Il hésite… puis repart` too).
 * - Colons and semicolons never end a sentence; neither do no-break spaces.
 */
import type { SegmentationRules } from '../types.ts';
import { BRACKETED_ELLIPSIS, BULLET_LINES, LIST_NUMBER_AT_LINE_START, WS } from './common.ts';

/** Spaces French typography allows inside punctuation. */
const SP = String.raw`[ \u00A0\u202F]`;
/** Characters that may close a sentence after its final punctuation: quotes, parentheses, brackets. */
const CLOSER = String.raw`(?:${SP}?»|[”"’')\]])`;
/** End punctuation of a sentence, with its closers: `.`, `?`, `!`, `…`, `...`, `?!`, `!!!`, `. »`, `."`, `.)`. */
const END = String.raw`[.!?…]${CLOSER}*`;
/** What a new sentence starts with (after the ordinary whitespace). */
const START = String.raw`(?:[—–]|-${SP}|[«"“‘'(\[¿¡]${SP}*[«"“\p{Lu}\p{N}]|[\p{Lu}\p{N}])`;

export const FR_NEWS_RULES: SegmentationRules = {
  name: 'fr-news',
  language: 'fr',
  abbreviations: {
    always: [
      // titles and forms of address
      'M', 'MM', 'Mr', 'Mrs', 'Ms', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Mgr', 'Mgrs', 'Pr', 'Prs', 'Dr', 'Drs', 'Me', 'Vve', 'Sr', 'St', 'Ste', 'Sts', 'Stes',
      // two-letter initials of first names
      'Ch', 'Ph', 'Th', 'Chr', 'Fr',
      // ranks
      'P.-D.G', 'gén', 'cdt', 'lt', 'sgt', 'adj',
      // addresses and companies
      'av', 'bd', 'boul', 'Cie', 'Sté',
      // references and Latin
      'cf', 'c.-à-d', 'i.e', 'e.g', 'ca', 'env', 'approx', 'éd', 'ex', 'dir', 'coord', 'trad', 'réf', 'tél', 'vs', 'resp', 'apr',
    ],
    beforeNumber: [
      'art', 'p', 'pp', 'vol', 'chap', 'fig', 'n', 'no', 'No', 't', 'tab', 'sect', 'ch', 'éq', 'fasc',
      'janv', 'févr', 'avr', 'juil', 'juill', 'sept', 'oct', 'nov', 'déc',
    ],
    weak: ['etc', 'hab', 'min', 'max', 'al', 's', 'Jr', 'Inc', 'Ltd', 'Corp', 'Co'],
  },
  rules: [
    BRACKETED_ELLIPSIS,
    {
      break: true,
      before: String.raw`(?:(?<![\p{L}\p{N}])(?:av|apr)\.|avant|après)\s+J\.-C\.`,
      after: `${WS}+${START}`,
      comment: 'Jésus-Christ after av./apr. can end a sentence: « en 52 av. J.-C. Le… ».',
    },
    {
      break: false,
      before: String.raw`(?<![\p{L}\p{N}.])\p{Lu}\.`,
      after: '',
      comment: 'Initials: A. Dupont, J. R. R. Tolkien, A.-M. Dupont, Jean-M. Le Pen, art. L. 121-1 (not the last letter of U.S.A.).',
    },
    LIST_NUMBER_AT_LINE_START,
    {
      break: false,
      before: String.raw`«[^«»]{0,3000}`,
      after: String.raw`[^«»]{0,3000}»(?:${SP}*[,;:)]|${WS}+\p{Ll})`,
      comment:
        'Inside « … » followed by an incise (« Non ! Jamais », a-t-il dit / « Pourquoi ? Non ! » s’écrie-t-il): the quotation and its attribution stay one segment.',
    },
    {
      break: false,
      before: String.raw`“[^“”]{0,3000}`,
      after: String.raw`[^“”]{0,3000}”(?:${SP}*[,;:)]|${WS}+\p{Ll})`,
      comment: 'Same for English-style quotes: “Non. Jamais”, a-t-il dit.',
    },
    {
      break: false,
      before: String.raw`(?:^|[\s(\[])"[^"]{0,3000}`,
      after: String.raw`[^"]{0,3000}"(?:${SP}*[,;:)]|${WS}+\p{Ll})`,
      comment: 'Same for straight quotes, the opening one being at the start or after a space: "Non. Jamais", a-t-il dit.',
    },
    {
      break: true,
      before: END,
      after: `${WS}+${START}`,
      comment: 'End punctuation (with closing quotes/brackets) followed by ordinary whitespace and a new sentence.',
    },
    BULLET_LINES,
  ],
};
