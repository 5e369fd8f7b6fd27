import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.ts';

/** Every occurrence by brute force: [pattern, start, end], sorted like the automaton reports them. */
function naive(patterns: string[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) out.push([i, at, at + p.length]);
  });
  return sort(out);
}

function sort(m: [number, number, number][]): [number, number, number][] {
  return m.sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0]);
}

function found(patterns: string[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  new AhoCorasick(patterns).forEachMatch(text, (p, s, e) => out.push([p, s, e]));
  return sort(out);
}

describe('AhoCorasick (bench baseline)', () => {
  it('finds overlapping and nested patterns, duplicates included', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'he'];
    expect(found(patterns, 'ushers')).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [4, 2, 4],
      [3, 2, 6],
    ]);
    expect(found(['aa'], 'aaaa')).toEqual([
      [0, 0, 2],
      [0, 1, 3],
      [0, 2, 4],
    ]);
    expect(found(['x'], '')).toEqual([]);
  });

  it('works on any UTF-16 text: accents, no-break spaces, surrogate pairs', () => {
    const patterns = ['enquête', 'garde\u00a0à vue', '😀a', 'é'];
    const text = 'L’enquête : garde\u00a0à vue. 😀a é';
    expect(found(patterns, text)).toEqual(naive(patterns, text));
    expect(found(patterns, text)).toHaveLength(4);
  });

  it('refuses an empty pattern', () => {
    expect(() => new AhoCorasick(['a', ''])).toThrow(/pattern 1 is empty/);
  });

  it('reports exactly what a brute-force search finds (random patterns and texts)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'é', ' ', '\u00a0');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (patterns, text) => {
        expect(found(patterns, text)).toEqual(naive(patterns, text));
      }),
      { seed: 20260302, numRuns: 300 },
    );
  });
});

describe('AhoCorasick with a folding of code units', () => {
  it('matches through the folding, reporting offsets in the original text', () => {
    const fold = (u: number) => {
      const c = String.fromCharCode(u);
      if (/[\s\u00a0\u202f-]/.test(c)) return 32;
      const l = c.toLowerCase();
      return l.length === 1 ? l.charCodeAt(0) : u;
    };
    const text = 'Une ENQUÊTE judiciaire, les enquêtes\u00a0judiciaires et une Enquête-Judiciaire.';
    const hits: string[] = [];
    new AhoCorasick(['enquête judiciaire', 'enquêtes judiciaires'], { fold }).forEachMatch(text, (_p, s, e) => hits.push(text.slice(s, e)));
    expect(hits).toEqual(['ENQUÊTE judiciaire', 'enquêtes\u00a0judiciaires', 'Enquête-Judiciaire']);
  });
});
