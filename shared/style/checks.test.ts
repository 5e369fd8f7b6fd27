import { describe, expect, it } from 'vitest';
import { checkDashes, checkHonorifics, checkMoney, checkNumbers, checkPercent, checkQuoteStyle, curlyQuotes, numberInWords } from './checks.ts';
import type { RawFinding } from '../qa/checks.ts';

/** The target with every finding's fix applied (from the end, so ranges hold). */
function fixed(target: string, findings: RawFinding[]): string {
  let out = target;
  for (const f of [...findings].sort((a, b) => b.range!.start - a.range!.start)) out = out.slice(0, f.range!.start) + f.suggestion! + out.slice(f.range!.end);
  return out;
}

describe('style.percent', () => {
  it('per cent (default): % and "percent" are flagged and fixed', () => {
    const t = 'A rise of 15% and 3 % and 20 percent.';
    expect(fixed(t, checkPercent(t, 'per cent'))).toBe('A rise of 15 per cent and 3 per cent and 20 per cent.');
    expect(checkPercent('A rise of 15 per cent; the percentage rose.', 'per cent')).toEqual([]);
  });

  it('%: "per cent" and "percent" after a number are flagged and fixed', () => {
    const t = 'A rise of 15 per cent and 20 percent, a large per cent.';
    expect(fixed(t, checkPercent(t, '%'))).toBe('A rise of 15% and 20%, a large per cent.');
    expect(checkPercent('A rise of 15%.', '%')).toEqual([]);
  });

  it('leaves placeholders alone', () => {
    expect(checkPercent('Value %s and {1}%', 'per cent')).toEqual([]);
  });
});

describe('style.honorifics', () => {
  it('without full stop (default)', () => {
    const t = 'Mr. Smith met Mrs. Jones, Dr. Patel and Ms Brown.';
    expect(fixed(t, checkHonorifics(t, false))).toBe('Mr Smith met Mrs Jones, Dr Patel and Ms Brown.');
  });

  it('with full stop', () => {
    const t = 'Mr Smith met Ms. Brown and Dr Patel.';
    expect(fixed(t, checkHonorifics(t, true))).toBe('Mr. Smith met Ms. Brown and Dr. Patel.');
  });

  it('French honorifics left in the English text become English ones; an initial is not "Monsieur"', () => {
    const t = 'Mme De Bolle and M. Dupont met John M. Smith and Mlle Roux.';
    expect(fixed(t, checkHonorifics(t, false))).toBe('Ms De Bolle and Mr Dupont met John M. Smith and Ms Roux.');
    expect(fixed('Mme De Bolle spoke.', checkHonorifics('Mme De Bolle spoke.', true))).toBe('Ms. De Bolle spoke.');
  });

  it('words that merely start like an honorific are not flagged', () => {
    expect(checkHonorifics('Drones and Mrsa. Profits rose. Mr.', false)).toEqual([]);
  });
});

describe('style.numbers', () => {
  const check = (t: string, below = 10) => fixed(t, checkNumbers(t, below));

  it('figures below ten become words, with a capital at the start of a sentence', () => {
    expect(check('Police arrested 3 suspects and 2 others. 4 were freed.')).toBe('Police arrested three suspects and two others. Four were freed.');
  });

  it('numbers from ten written in words become figures, except at the start of a sentence', () => {
    expect(check('Officers from eighteen countries and twenty-five agencies. Eighteen countries took part.')).toBe(
      'Officers from 18 countries and 25 agencies. Eighteen countries took part.',
    );
  });

  it.each([
    ['measures', 'A 3m wall, 5 km away, 2 kg, 7 mph, 4°C, 2 litres.'],
    ['percentages', 'A rise of 5%, 3 per cent, 4 percent.'],
    ['money', '£5, €3m, $2bn, 5 euros, 3 pence.'],
    ['ages', 'A 7-year-old, aged 5, 6 years old, John Smith, 7, said.'],
    ['dates and times', 'On 5 May, May 3, 5pm, 10.30, 3 am, 5 o’clock.'],
    ['scores and decimals', 'They won 3-1 and 2–0; 2.5 times; 1,5; 1/2.'],
    ['references', 'Article 5, page 3, chapter 2, No 1, number 4, World War 2, year 7.'],
    ['names', 'He watched Channel 4 and listened to Radio 4 on Windows 7.'],
    ['ranges with figures from ten', 'Between 5 and 15 people; 3 to 12; 8-12; 4, 11 and 20.'],
    ['a numbered list item', '3. Then the police left.'],
    ['words with digits', 'Covid-19, G7, the 1990s, 3rd, 24/7.'],
    ['spelled-out hundreds and thousands', 'Ten thousand people and twenty hundred.'],
  ])('no finding in %s', (_k, t) => {
    expect(checkNumbers(t, 10)).toEqual([]);
  });

  it('the threshold is an option', () => {
    expect(check('In 10 days, 11 people.', 12)).toBe('In ten days, eleven people.');
    expect(check('Only three people', 3)).toBe('Only 3 people');
  });

  it('numberInWords', () => {
    expect([1, 9, 10, 13, 20, 25, 99].map(numberInWords)).toEqual(['one', 'nine', 'ten', 'thirteen', 'twenty', 'twenty-five', 'ninety-nine']);
  });
});

describe('style.dashes', () => {
  it('spaced em dash (default): unspaced dashes, spaced hyphens, double hyphens and spaced en dashes are fixed', () => {
    const t = 'The suspect—a Dane—was held - police said -- and – later – freed.';
    expect(fixed(t, checkDashes(t, 'em', true))).toBe('The suspect — a Dane — was held — police said — and — later — freed.');
  });

  it('unspaced em dash', () => {
    const t = 'The suspect — a Dane — was held.';
    expect(fixed(t, checkDashes(t, 'em', false))).toBe('The suspect—a Dane—was held.');
  });

  it('spaced en dash', () => {
    const t = 'The suspect — a Dane - was held.';
    expect(fixed(t, checkDashes(t, 'en', true))).toBe('The suspect – a Dane – was held.');
  });

  it('leaves ranges, compounds and dashes that open or close a segment alone', () => {
    expect(checkDashes('From 2010–2015, the Paris–London line, a well-known case.', 'em', true)).toEqual([]);
    expect(checkDashes('— Yes, he said —', 'em', false)).toEqual([]);
    expect(checkDashes('The suspect — a Dane — was held.', 'em', true)).toEqual([]);
  });
});

describe('style.quotes', () => {
  it('curly (default): each straight quote or apostrophe is a finding whose fix is its typographic form in context', () => {
    const t = 'He said "it\'s over" and \'no\' in the \'90s, rock \'n\' roll.';
    const f = checkQuoteStyle(t, true);
    expect(f).toHaveLength(8);
    expect(f.map((x) => x.suggestion).join('')).toBe('“’”‘’’’’');
    expect(f[1]!.message).toContain('apostrophe');
    expect(fixed(t, f)).toBe('He said “it’s over” and ‘no’ in the ’90s, rock ’n’ roll.');
  });

  it('feet and inches stay straight; typographic text passes', () => {
    expect(checkQuoteStyle('He is 5\'10" tall.', true)).toEqual([]);
    expect(checkQuoteStyle('“It’s over,” he said.', true)).toEqual([]);
  });

  it('straight: typographic quotes are flagged and straightened', () => {
    const t = '“It’s over,” he said.';
    expect(fixed(t, checkQuoteStyle(t, false))).toBe('"It\'s over," he said.');
  });

  it('curlyQuotes keeps offsets', () => {
    const s = '"a" \'b\' c\'s';
    expect(curlyQuotes(s)).toHaveLength(s.length);
  });
});

describe('style.money', () => {
  const forms = ['€10m', '€10 million', '10 million euros'];
  it.each([
    ['abbreviated', '€10m'],
    ['symbol', '€10 million'],
    ['words', '10 million euros'],
  ])('house form %s: every other form is fixed to %s', (form, expected) => {
    for (const f of forms) {
      const t = `A fine of ${f}.`;
      expect(fixed(t, checkMoney(t, form))).toBe(`A fine of ${expected}.`);
    }
  });

  it('dollars, pounds, billions, trillions and "mn"', () => {
    const t = 'Costs of 3 billion dollars, £1.2 billion, $1 trillion, €5mn and US$2 million.';
    expect(fixed(t, checkMoney(t, 'abbreviated'))).toBe('Costs of $3bn, £1.2bn, $1tn, €5m and US$2m.');
    expect(fixed('A $3bn deal.', checkMoney('A $3bn deal.', 'words'))).toBe('A 3 billion dollars deal.');
  });

  it('leaves small sums and unrelated millions alone', () => {
    expect(checkMoney('It cost €5 and 3 million people came.', 'abbreviated')).toEqual([]);
  });
});
