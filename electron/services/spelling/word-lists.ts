/**
 * Plain word lists on disk (UTF-8, one word per line; a Hunspell .dic reads too): the desk dictionary and the
 * ignored words exported and imported from the workbench, and the CLI's `relais qa --words`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import { parseWordList, serializeWordList } from '../../../shared/spelling/wordlist.ts';
import { writeFileAtomicSync } from '../fs/atomic.ts';

export const MAX_WORD_LIST_BYTES = 5_000_000;

/**
 * The words of a word list file. Refused as a whole, naming the file (and the line), when it cannot be read, is too
 * large, is not UTF-8 text, or has a line that is not one word. An empty list is returned as such.
 */
export async function readWordListFile(file: string): Promise<string[]> {
  const abs = path.resolve(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', `Cannot read the word list (${code ?? String(e)})`, { file: abs });
  }
  if (bytes.length > MAX_WORD_LIST_BYTES) throw new RelaisError('file.tooLarge', `A word list may not exceed ${MAX_WORD_LIST_BYTES / 1_000_000} MB`, { file: abs });
  if (bytes.includes(0)) throw new RelaisError('file.binary', 'This is not a text file', { file: abs });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RelaisError('file.encoding', 'The word list is not UTF-8 text', { file: abs });
  }
  const parsed = parseWordList(text);
  const bad = parsed.rejected[0];
  if (bad) {
    throw new RelaisError('file.corrupt', `Line ${bad.line} is not one word: “${bad.text}”`, {
      file: abs,
      line: bad.line,
      detail: `${parsed.rejected.length} line${parsed.rejected.length === 1 ? '' : 's'} to correct; nothing was imported`,
    });
  }
  return parsed.words;
}

/** Writes `words` as a word list (temp file + rename). */
export function writeWordListFile(file: string, words: readonly string[]): { path: string; words: number } {
  const abs = path.resolve(file);
  writeFileAtomicSync(abs, serializeWordList(words), {
    mapError: (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      return new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', `Cannot write the word list (${code ?? String(e)})`, { file: abs });
    },
  });
  return { path: abs, words: words.length };
}
