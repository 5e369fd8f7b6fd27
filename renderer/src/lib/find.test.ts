import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64.ts';
import { findMatches, foldForSearch } from './find.ts';

describe('find', () => {
  it('is case-insensitive and keeps offsets of the original text', () => {
    const text = 'Europol a déclaré : « EUROPOL »';
    const m = findMatches(text, 'europol');
    const at = text.indexOf('EUROPOL');
    expect(m).toEqual([{ start: 0, end: 7 }, { start: at, end: at + 7 }]);
    expect(text.slice(m[1]!.start, m[1]!.end)).toBe('EUROPOL');
  });

  it('matches typographic apostrophes and no-break spaces with what a keyboard types', () => {
    const text = 'l’intelligence artificielle\u00a0: l’IA';
    expect(findMatches(text, "l'ia")).toEqual([{ start: 30, end: 34 }]);
    expect(findMatches(text, 'artificielle :')).toHaveLength(1);
    expect(foldForSearch(text)).toHaveLength(text.length);
  });

  it('finds nothing for an empty query and does not loop', () => {
    expect(findMatches('abc', '')).toEqual([]);
    expect(findMatches('aaaa', 'aa')).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
  });
});

describe('base64', () => {
  it('encodes large byte arrays in chunks', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const b64 = bytesToBase64(bytes);
    const back = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('Été'))).toBe(btoa(String.fromCharCode(...new TextEncoder().encode('Été'))));
  });
});
