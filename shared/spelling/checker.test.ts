import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../../electron/services/spelling/dictionaries.ts';
import { createTermIndex } from '../glossary/index.ts';
import { CASE_GLOSSARIES } from '../glossary/testing/cases.ts';
import { createSpellChecker, sourceNames, type SpellChecker } from './checker.ts';

let gb: SpellChecker;
let us: SpellChecker;

beforeAll(async () => {
  gb = await dictionaries.checker('en-GB');
  us = await dictionaries.checker('en-US');
});

const words = (c: SpellChecker, text: string, ctx?: Parameters<SpellChecker['check']>[1]) => c.check(text, ctx).map((m) => m.word);

describe('dictionary choice: en-GB and en-US from the npm Hunspell packages', () => {
  it('British spellings are correct in en-GB and variants in en-US, and the other way round', () => {
    for (const w of ['organise', 'colour', 'centre', 'travelled', 'defence', 'judgement', 'paediatric', 'catalogue', 'grey']) {
      expect(gb.isCorrect(w), `${w} en-GB`).toBe(true);
      expect(us.isCorrect(w), `${w} en-US`).toBe(false);
    }
    for (const w of ['organize', 'color', 'center', 'traveled', 'defense', 'judgment', 'pediatric', 'catalog', 'gray']) {
      expect(us.isCorrect(w), `${w} en-US`).toBe(true);
      expect(gb.isCorrect(w), `${w} en-GB`).toBe(false);
    }
  });

  it('knows proper nouns with their case: "Paris" yes, "paris" no; sentence case and capitals are accepted', () => {
    expect(gb.isCorrect('Paris')).toBe(true);
    expect(gb.isCorrect('paris')).toBe(false);
    expect(gb.isCorrect('The')).toBe(true);
    expect(words(gb, 'PARIS IS BIG', {})).toEqual([]);
  });

  it('adds the newsroom supplement with inflections (livestreamed, cyberattacks, lockdowns)', () => {
    for (const w of ['livestream', 'livestreamed', 'livestreaming', 'cyberattacks', 'lockdowns', 'whistleblowers', 'Covid']) expect(gb.isCorrect(w), w).toBe(true);
    expect(gb.isCorrect('anonymise')).toBe(true);
    expect(us.isCorrect('anonymise')).toBe(false);
    expect(us.isCorrect('anonymize')).toBe(true);
  });
});

describe('misspellings: offsets, kinds, suggestions', () => {
  it('finds unknown words with their range in the original text', () => {
    const text = 'The investigaton recieved new evidence.';
    const found = gb.check(text);
    expect(found.map((m) => [m.word, m.kind, text.slice(m.start, m.end)])).toEqual([
      ['investigaton', 'unknown', 'investigaton'],
      ['recieved', 'unknown', 'recieved'],
    ]);
    expect(gb.suggest('investigaton')[0]).toBe('investigation');
    expect(gb.suggest('recieved')[0]).toBe('received');
  });

  it('tells a spelling of the other variant from an unknown word, with the project variant’s form', () => {
    expect(gb.check('They organized it.')).toEqual([{ start: 5, end: 14, word: 'organized', kind: 'variant', counterpart: 'organised' }]);
    expect(us.check('The colour of the centre.').map((m) => [m.word, m.kind, m.counterpart])).toEqual([
      ['colour', 'variant', 'color'],
      ['centre', 'variant', 'center'],
    ]);
    expect(gb.check('Organizations').map((m) => m.counterpart)).toEqual(['Organisations']);
    expect(gb.suggest('organized')[0]).toBe('organised');
  });

  it('checks words with typographic apostrophes and possessives', () => {
    expect(words(gb, 'It didn’t work and the parents’ car’s door')).toEqual([]);
    expect(words(gb, 'The goverment’s plan')).toEqual(['goverment’s']);
    expect(gb.suggest('goverment’s')[0]).toBe("government's");
  });

  it('checks each part of a hyphenated compound; prefixes such as "pre-" and "e-" are parts too', () => {
    expect(words(gb, 'A well-known pre-trial e-mail about co-operation and a cyber-attack.')).toEqual([]);
    expect(words(gb, 'A well-knwon case.')).toEqual(['knwon']);
  });

  it('flags a French word copied in lower case (a false friend), unlike a name', () => {
    expect(words(gb, 'He was responsable for it.', { source: 'Il en était responsable.' })).toEqual(['responsable']);
  });

  it('accents are optional on loanwords, and a name only the other dictionary knows is not a variant spelling', () => {
    expect(words(gb, 'A café, a naïve façade, a rôle.')).toEqual([]);
    expect(words(gb, 'A farmer in Romania.')).toEqual([]);
    expect(gb.check('A cafxé.').map((m) => m.kind)).toEqual(['unknown']);
  });

  it('checks capitals only when asked', () => {
    const strict = createSpellChecker({ variant: 'en-GB', dictionary: { correct: (w) => w === 'the', suggest: () => [] }, checkUppercase: true });
    expect(words(strict, 'the XQZT')).toEqual(['XQZT']);
    expect(words(gb, 'the XQZT and 17 NGOs')).toEqual([]);
  });
});

describe('no false alarms on what the desk already knows', () => {
  const index = createTermIndex(CASE_GLOSSARIES);
  const isTermWord = (w: string) => index.isEnglishTermWord(w);

  it('names and acronyms copied from the source segment: Europol, Cumberland, De Bolle, von der Leyen', () => {
    const source = '« Cela contribue », a déclaré Catherine De Bolle, directrice exécutive d’Europol, sur l’opération Cumberland avec Ursula von der Leyen.';
    const target = 'Europol’s executive director Catherine De Bolle spoke of Operation Cumberland with Ursula von der Leyen.';
    expect(words(gb, target)).toEqual(expect.arrayContaining(['Europol’s', 'Bolle']));
    expect(words(gb, target, { source })).toEqual([]);
  });

  it('names of other segments of the article (QaContext.names)', () => {
    const names = sourceNames(['Selon Catherine De Bolle, directrice d’Europol.', 'Elle a ajouté…']);
    expect(words(gb, 'De Bolle added…', { source: 'Elle a ajouté…', names })).toEqual([]);
    expect(words(gb, 'De Bolle added…', { source: 'Elle a ajouté…' })).toEqual(['De', 'Bolle']);
  });

  it('glossary terms in every inflected form', () => {
    const g = createTermIndex([
      { name: 'g', scope: 'desk', entries: [{ id: 'x', terms: [{ text: 'pédocriminel', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'paedocriminal offender', lang: 'en', status: 'preferred', caseSensitive: false }] }] },
    ]);
    expect(words(gb, 'Two paedocriminals were held.')).toEqual(['paedocriminals']);
    expect(words(gb, 'Two paedocriminals were held.', { isTermWord: (w) => g.isEnglishTermWord(w) })).toEqual([]);
    expect(words(gb, 'Child sexual abuse material.', { isTermWord })).toEqual([]);
  });

  it('numbers, money amounts, ordinals and words with digits', () => {
    expect(words(gb, '€10m, $3bn, £1.2bn, the 10th, 1990s, COVID-19, G7, 5pm, 10.30am, 3-1.')).toEqual([]);
  });

  it('URLs, e-mail addresses, placeholders and inline code', () => {
    const t = 'See https://www.europol.europa.eu/newsroom/xyzzy, write to presse@europol-xyz.eu, {1} {name} {{qwfp}} %s %1$s <x id="qzx"/> `kiddo_qwerty` [[qwfpgj]] or europolqz.com.';
    expect(words(gb, t)).toEqual([]);
  });

  it('the desk dictionary and the ignored words, with Hunspell casing', () => {
    const c = gb.withWords({ words: ['covidiot', 'Qwfpgj'], ignored: ['zxcvbn'] });
    expect(words(c, 'covidiot Covidiot COVIDIOT Qwfpgj QWFPGJ zxcvbn')).toEqual([]);
    expect(words(c, 'qwfpgj')).toEqual(['qwfpgj']);
    expect(c.suggest('covidot')).toContain('covidiot');
    expect(c.suggest('zxcvbm')).not.toContain('zxcvbn');
    // The original checker is unchanged.
    expect(words(gb, 'covidiot')).toEqual(['covidiot']);
  });
});

describe('suggestions', () => {
  it('offer names of the source and of the article, and desk words, before the dictionary’s words', () => {
    expect(gb.suggest('Europl', 3, { source: 'Selon Europol.' })[0]).toBe('Europol');
    expect(gb.suggest('Natarjan', 3, { names: new Set(['Natarajan']) })).toEqual(['Natarajan']);
    expect(gb.withWords({ words: ['covidiot'] }).suggest('covidot')).toEqual(['covidiot']);
    expect(gb.suggest('Cumberlnd')[0]).toBe('Cumberland');
  });

  it('skip Hunspell’s deep search for a name no word is one edit away from (it can take seconds)', () => {
    let deep = 0;
    const counting = createSpellChecker({
      variant: 'en-GB',
      dictionary: { correct: () => false, suggest: () => (deep++, ['x']) },
    });
    expect(counting.suggest('Natarajan')).toEqual([]);
    expect(deep).toBe(0);
    expect(counting.suggest('natarajan')).toEqual(['x']);
    expect(deep).toBe(1);
  });
});

describe('sourceNames', () => {
  it('keeps capitalised words as written and name particles before them', () => {
    expect([...sourceNames(['Selon l’opération Cumberland de la police danoise, Ursula von der Leyen et Charles de Gaulle.'])].sort()).toEqual(
      ['Charles', 'Cumberland', 'Gaulle', 'Leyen', 'Selon', 'Ursula', 'de', 'der', 'von'].sort(),
    );
  });
});
