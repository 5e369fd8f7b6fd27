/**
 * Is the draft English? franc-min (trigram language identification, the languages with 8M+ speakers) on the
 * draft's text. A text too short to tell is not judged.
 */
import { francAll } from 'franc-min';

/** English names of the languages a draft is most likely to be in by mistake (ISO 639-3 → name). */
const NAMES: Record<string, string> = {
  eng: 'English', fra: 'French', deu: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese', nld: 'Dutch',
  pol: 'Polish', ron: 'Romanian', swe: 'Swedish', dan: 'Danish', nob: 'Norwegian', fin: 'Finnish', ces: 'Czech',
  hun: 'Hungarian', ell: 'Greek', tur: 'Turkish', rus: 'Russian', ukr: 'Ukrainian', arb: 'Arabic', cmn: 'Chinese',
  jpn: 'Japanese', kor: 'Korean', hin: 'Hindi', vie: 'Vietnamese', ind: 'Indonesian', cat: 'Catalan',
};

export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

export interface LanguageGuess {
  /** ISO 639-3 code of the most likely language, 'und' when the text is too short. */
  code: string;
  /** False only when the text is long enough and English is clearly not its language. */
  english: boolean;
}

/** Letters needed before judging: below this, trigram statistics are noise. */
const MIN_LETTERS = 40;
/** Only this much text is looked at (the start of the article says enough). */
const SAMPLE = 6000;

export function guessLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) return { code: 'und', english: true };
  const ranking = francAll(sample, { minLength: MIN_LETTERS });
  const top = ranking[0]?.[0] ?? 'und';
  if (top === 'und') return { code: 'und', english: true };
  const eng = ranking.find(([c]) => c === 'eng')?.[1] ?? 0;
  // francAll scores are relative to the best (1.0): English a close second is still English (names, quotes).
  return { code: top, english: top === 'eng' || eng >= 0.97 };
}
