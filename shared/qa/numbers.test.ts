import { describe, expect, it } from 'vitest';
import { extractNumbers } from './numbers.ts';

// [language, text, expected keys in order ("~" marks soft words)]
const EXTRACT: ['fr' | 'en', string, string[]][] = [
  ['fr', 'Au moins 25 individus', ['25']],
  ['fr', '3,5 % et 3.5', ['3.5', '3.5']],
  ['fr', '1 200, 1\u00A0200, 1\u202F200, 1.200 et 12 345 678', ['1200', '1200', '1200', '1200', '12345678']],
  ['fr', 'en 2024 200 personnes', ['2024', '200']],
  ['fr', '10 h 30, 10h30, 10 h, 10 heures 30, 10:30', ['T10:30', 'T10:30', 'T10:00', 'T10:30', 'T10:30']],
  ['fr', '18 habitants', ['18']],
  ['fr', 'dix-huit, vingt et un, soixante-dix-sept, quatre-vingts, quatre-vingt-dix-neuf, deux cents, deux mille vingt-cinq', ['18', '21', '77', '80', '99', '200', '2025']],
  ['fr', 'un, une, neuf, un million', ['1~', '1~', '9~', '1000000']],
  ['fr', 'des millions de personnes', []],
  ['fr', '1,5 milliard, 3 millions, trois millions', ['1500000000', '3000000', '3000000']],
  ['fr', 'le 1er, la 2e, le XXIe siècle, Le Ce', ['1', '2', '21']],
  ['en', 'At least 25 people', ['25']],
  ['en', '1,200 and 1 200 and 12,345,678.5', ['1200', '1200', '12345678.5']],
  ['en', 'In 2024, 300 people', ['2024', '300']],
  ['en', '10:30, 10.30am, 3pm, 3 p.m., 12am, 12pm', ['T10:30', 'T10:30', 'T15:00', 'T15:00', 'T0:00', 'T12:00']],
  ['en', 'eighteen, twenty-five, one hundred and five, two thousand', ['18', '25', '105', '2000']],
  ['en', 'one, someone, a', ['1~']],
  ['en', '1.5 billion, 3bn, 3 million', ['1500000000', '3000000000', '3000000']],
  ['en', 'the 1st, 2nd, 21st, 1990s', ['1', '2', '21', '1990']],
  ['en', '3,5', ['3', '5']],
  ['en', '€10m, $3bn, £1.2bn, $1tn, €10mn, US$5m, 10m euros, €2k', ['10000000', '3000000000', '1200000000', '1000000000000', '10000000', '5000000', '10000000', '2000']],
  ['en', 'a 10m wall, 10 m high, 5k run, 3 mph', ['10', '10', '5', '3']],
  ['fr', '10 M€, 3 Md$, 2 Mds €, 4 Mrd d’euros', ['10000000', '3000000000', '2000000000', '4000000000']],
  ['fr', '10 M de personnes', ['10']],
];

describe('extractNumbers', () => {
  it.each(EXTRACT.map(([l, t, k]) => [`${l}: ${t}`, l, t, k] as const))('%s', (_n, lang, text, keys) => {
    expect(extractNumbers(text, lang).map((n) => n.key + (n.soft ? '~' : ''))).toEqual(keys);
  });

  it('gives ranges into the original text', () => {
    const text = 'Le 28 février, 1\u202F200 personnes à 10 h 30.';
    expect(extractNumbers(text, 'fr').map((n) => text.slice(n.start, n.end))).toEqual(['28', '1\u202F200', '10 h 30']);
  });

  it('a metre is not part of the number, a million is', () => {
    const text = 'A 10m wall cost €10m.';
    expect(extractNumbers(text, 'en').map((n) => n.text)).toEqual(['10', '10m']);
  });
});
