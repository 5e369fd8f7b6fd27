import { describe, expect, it } from 'vitest';
import {
  applyReject,
  diffText,
  isWhitespaceOnlyChange,
  listChanges,
  tokenizeForDiff,
  trackChanges,
  visibleWhitespace,
  wordDiff,
  type DiffPart,
} from './diff.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function changed(parts: DiffPart[]) {
  return parts.filter((p) => p.kind !== 'equal');
}

describe('wordDiff', () => {
  it('shows one changed word as that word replaced, nothing else', () => {
    const parts = wordDiff('Europol said on Friday that 25 people were arrested.', 'Europol announced on Friday that 25 people were arrested.');
    expect(parts).toEqual([
      { kind: 'equal', text: 'Europol ' },
      { kind: 'delete', text: 'said' },
      { kind: 'insert', text: 'announced' },
      { kind: 'equal', text: ' on Friday that 25 people were arrested.' },
    ]);
  });

  it('never cuts a word into letters', () => {
    const parts = wordDiff('The operation was coordinated', 'The operations were coordinated');
    for (const p of changed(parts)) expect(['operation', 'operations', 'was', 'were', 'operation was', 'operations were']).toContain(p.text);
  });

  it('groups two neighbouring replaced words into one replacement', () => {
    const parts = wordDiff('The big cat sat on the mat.', 'The small dog sat on the mat.');
    expect(changed(parts)).toEqual([
      { kind: 'delete', text: 'big cat' },
      { kind: 'insert', text: 'small dog' },
    ]);
  });

  it('keeps a common word between two replacements visible as unchanged', () => {
    const parts = wordDiff('25 people were arrested', '25 suspects were detained');
    expect(parts.map((p) => p.kind)).toEqual(['equal', 'delete', 'insert', 'equal', 'delete', 'insert']);
    expect(parts[3]).toEqual({ kind: 'equal', text: ' were ' });
  });

  it('shows a space turned into a no-break space as its own change', () => {
    const parts = wordDiff('Europol said : yes', `Europol said${NBSP}: yes`);
    expect(changed(parts)).toEqual([
      { kind: 'delete', text: ' ' },
      { kind: 'insert', text: NBSP },
    ]);
    expect(isWhitespaceOnlyChange(parts)).toBe(true);
  });

  it('shows a doubled space and a narrow no-break space', () => {
    expect(changed(wordDiff('one two', 'one  two'))).toEqual([{ kind: 'insert', text: ' ' }]);
    expect(changed(wordDiff(`« Oui »`, `«${NNBSP}Oui${NNBSP}»`))).toEqual([
      { kind: 'delete', text: ' ' },
      { kind: 'insert', text: NNBSP },
      { kind: 'delete', text: ' ' },
      { kind: 'insert', text: NNBSP },
    ]);
  });

  it('shows a changed punctuation mark on its own', () => {
    const parts = wordDiff('Paris, France, on Friday', 'Paris; France, on Friday');
    expect(changed(parts)).toEqual([
      { kind: 'delete', text: ',' },
      { kind: 'insert', text: ';' },
    ]);
    expect(isWhitespaceOnlyChange(parts)).toBe(false);
  });

  it('rebuilds both texts exactly from the parts, typography included', () => {
    const pairs: [string, string][] = [
      ['', 'A new sentence.'],
      ['An old sentence.', ''],
      ['same', 'same'],
      [`Il s’agit de l’une${NBSP}: « oui »`, `It is one of the first${NNBSP}— “yes”`],
      ['a\tb\nc', 'a b\nc d'],
      ['Émile Zoła ŝ 日本語 text', 'Émile Zola ŝ 中文 text'],
    ];
    for (const [a, b] of pairs) {
      const parts = wordDiff(a, b);
      expect(diffText(parts, 'before')).toBe(a);
      expect(diffText(parts, 'after')).toBe(b);
      for (let i = 1; i < parts.length; i++) {
        // Normalised: no two neighbours of the same kind, an insert never comes before a delete of the same run.
        expect(parts[i]!.kind === parts[i - 1]!.kind).toBe(false);
        expect(parts[i - 1]!.kind === 'insert' && parts[i]!.kind === 'delete').toBe(false);
      }
    }
  });

  it('treats a completely rewritten sentence as one replacement, not a soup', () => {
    const parts = wordDiff('I like apples', 'You hate pears');
    expect(parts).toEqual([
      { kind: 'delete', text: 'I like apples' },
      { kind: 'insert', text: 'You hate pears' },
    ]);
  });
});

describe('tokenizeForDiff', () => {
  it('cuts words, single spaces and single marks, in any script, and gives the text back', () => {
    expect(tokenizeForDiff(`l’IA a dit${NBSP}: « non »`)).toEqual(['l', '’', 'IA', ' ', 'a', ' ', 'dit', NBSP, ':', ' ', '«', ' ', 'non', ' ', '»']);
    expect(tokenizeForDiff('naïve café 東京 x😀y  z')).toEqual(['naïve', ' ', 'café', ' ', '東京', ' ', 'x', '😀', 'y', ' ', ' ', 'z']);
    const text = `Émile\tZola, 1840–1902 — « J’accuse…${NNBSP}! »`;
    expect(tokenizeForDiff(text).join('')).toBe(text);
  });
});

describe('visibleWhitespace', () => {
  it('marks each kind of space distinctly', () => {
    expect(visibleWhitespace(`a b${NBSP}c${NNBSP}d\te`)).toBe('a·b°c˙d→e');
    expect(visibleWhitespace('\u2003')).toBe('⍽');
    expect(visibleWhitespace('no-spaces')).toBe('no-spaces');
  });
});

describe('tracked changes', () => {
  const base = 'At least 25 people were arrested, Europol said on Friday.';
  const edited = 'At least 25 suspects were arrested, Europol announced on Friday 28 February.';

  it('lists the editor’s edits as numbered changes', () => {
    const parts = trackChanges(base, edited);
    const changes = listChanges(parts);
    expect(changes.map((c) => [c.deleted, c.inserted])).toEqual([
      ['people', 'suspects'],
      ['said', 'announced'],
      ['', ' 28 February'],
    ]);
    expect(changes.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('rejecting nothing gives the edited text, rejecting everything the base', () => {
    const parts = trackChanges(base, edited);
    expect(applyReject(parts, [])).toBe(edited);
    expect(applyReject(parts, listChanges(parts).map((c) => c.index))).toBe(base);
  });

  it('rejecting one change undoes only that one', () => {
    const parts = trackChanges(base, edited);
    expect(applyReject(parts, [1])).toBe('At least 25 suspects were arrested, Europol said on Friday 28 February.');
    expect(applyReject(parts, new Set([0, 2]))).toBe('At least 25 people were arrested, Europol announced on Friday.');
    expect(applyReject(parts, [99])).toBe(edited);
  });

  it('has no change when the editor changed nothing', () => {
    const parts = trackChanges(base, base);
    expect(listChanges(parts)).toEqual([]);
    expect(applyReject(parts, [0])).toBe(base);
  });
});
