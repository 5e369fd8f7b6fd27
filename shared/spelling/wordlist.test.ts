import { describe, expect, it } from 'vitest';
import { normalizeWord, parseWordList, serializeWordList } from './wordlist.ts';

describe('plain word lists', () => {
  it('reads one word per line: BOM, CRLF, comments, blanks, duplicates, typographic apostrophes', () => {
    const r = parseWordList('\uFEFF# desk words\r\nEuropol\r\n\r\nDe\nO’Brien\nEuropol\n  covid  \n');
    expect(r.words).toEqual(['Europol', 'De', "O'Brien", 'covid']);
    expect(r.rejected).toEqual([]);
  });

  it('reads a Hunspell .dic file: the count line and the flags are dropped', () => {
    expect(parseWordList('3\nlivestream/GS\nEuropol/M\nchatbot\n').words).toEqual(['livestream', 'Europol', 'chatbot']);
  });

  it('reports the lines that are not one word, with their line number', () => {
    const r = parseWordList('ok\nper cent\n<script>\nfine\n');
    expect(r.words).toEqual(['ok', 'fine']);
    expect(r.rejected).toEqual([{ line: 2, text: 'per cent' }, { line: 3, text: '<script>' }]);
  });

  it('writes the words sorted without regard to case, one per line, and reads them back', () => {
    const text = serializeWordList(['zebra', 'Europol', 'apple', 'europol']);
    expect(text).toBe('apple\nEuropol\neuropol\nzebra\n');
    expect(parseWordList(text).words).toEqual(['apple', 'Europol', 'europol', 'zebra']);
    expect(serializeWordList([])).toBe('');
  });

  it('normalises one word and refuses anything else', () => {
    expect(normalizeWord(' co-op ')).toBe('co-op');
    expect(normalizeWord('don’t')).toBe("don't");
    expect(normalizeWord('two words')).toBeNull();
    expect(normalizeWord('')).toBeNull();
    expect(normalizeWord('x'.repeat(101))).toBeNull();
  });
});
