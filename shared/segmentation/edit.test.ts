import { describe, expect, it } from 'vitest';
import { joinSegments, segmentText, splitAt, splitAtDetailed } from './index.ts';
import { RelaisError } from '../errors.ts';

describe('splitAt: the translator splits a segment at the caret', () => {
  const source = '« Enfin\u00a0! » a-t-elle lancé, puis M. Dupont est parti.';

  it('splits at the caret and drops only the ordinary space at the split point', () => {
    const at = source.indexOf(' puis');
    expect(splitAt(source, at)).toEqual(['« Enfin\u00a0! » a-t-elle lancé,', 'puis M. Dupont est parti.']);
    expect(splitAt(source, at + 1)).toEqual(['« Enfin\u00a0! » a-t-elle lancé,', 'puis M. Dupont est parti.']);
  });

  it('keeps no-break spaces: they are text, not a separator', () => {
    const at = source.indexOf('\u00a0!') + 1;
    expect(splitAt(source, at)).toEqual(['« Enfin\u00a0', '! » a-t-elle lancé, puis M. Dupont est parti.']);
  });

  it('reports the whitespace it removed so that a merge can restore it exactly', () => {
    const text = 'Première phrase.\n  Deuxième phrase.';
    const r = splitAtDetailed(text, text.indexOf('\n'));
    expect(r).toEqual({ before: 'Première phrase.', gap: '\n  ', after: 'Deuxième phrase.' });
    expect(joinSegments(r.before, r.after, r.gap)).toBe(text);
  });

  it('refuses offsets outside the text, on the edges or that leave an empty half', () => {
    for (const bad of [0, -1, source.length, source.length + 3, 2.5, Number.NaN]) {
      expect(() => splitAt(source, bad)).toThrow(RelaisError);
    }
    expect(() => splitAt('  Bonjour', 1)).toThrow(/empty segment/);
    expect(() => splitAt('Bonjour   ', 8)).toThrow(/empty segment/);
  });

  it('refuses to cut a character in two (surrogate pair)', () => {
    const t = 'Il a dit 😀 puis est parti.';
    const at = t.indexOf('😀') + 1;
    expect(() => splitAt(t, at)).toThrow(/inside a character/);
  });
});

describe('joinSegments: the translator merges two segments', () => {
  it('joins with one ordinary space by default', () => {
    expect(joinSegments('« Oui\u00a0»', 'a-t-il dit.')).toBe('« Oui\u00a0» a-t-il dit.');
  });

  it('joins with the original whitespace when given', () => {
    expect(joinSegments('Un.', 'Deux.', '\n')).toBe('Un.\nDeux.');
  });

  it('adds nothing when one side already carries whitespace, and handles empty sides', () => {
    expect(joinSegments('Un.\u00a0', 'Deux.')).toBe('Un.\u00a0Deux.');
    expect(joinSegments('', 'Deux.')).toBe('Deux.');
    expect(joinSegments('Un.', '')).toBe('Un.');
  });

  it('refuses a separator that is not ordinary whitespace', () => {
    expect(() => joinSegments('a', 'b', 'x')).toThrow(RelaisError);
    expect(() => joinSegments('a', 'b', '\u00a0')).toThrow(RelaisError);
  });

  it('merging the sentences of a paragraph gives back the paragraph', () => {
    const p = 'Il est parti. « Pourquoi\u00a0? » Personne ne sait. Fin.';
    const merged = segmentText(p).reduce((acc, s) => joinSegments(acc, s));
    expect(merged).toBe(p);
  });
});
