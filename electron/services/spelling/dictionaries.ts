/**
 * The Hunspell dictionaries, read from the npm packages shipped with the app (dictionary-en-gb for en-GB,
 * dictionary-en for en-US: SCOWL size 60, "-ise" British spelling) and built with nspell, plus the newsroom
 * supplement of shared/spelling/newsroom.ts. No network, ever: the files are inside the app (or node_modules for
 * the CLI and the tests).
 *
 * Building a dictionary takes ~130–180 ms and ~15 MB of heap (measured by `npm run bench -- spelling`); it is done
 * once per variant per process and shared by every project, the CLI run and the publication gate. A checker built
 * from them is cheap (`SpellChecker.withWords`).
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nspell from 'nspell';
import { RelaisError } from '../../../shared/errors.ts';
import { createSpellChecker, type Hunspell, type SpellChecker } from '../../../shared/spelling/checker.ts';
import { newsroomWords } from '../../../shared/spelling/newsroom.ts';
import { otherVariant, type EnglishVariant } from '../../../shared/spelling/variants.ts';

export const DICTIONARY_PACKAGES: Record<EnglishVariant, string> = { 'en-GB': 'dictionary-en-gb', 'en-US': 'dictionary-en' };

const require = createRequire(import.meta.url);

/** Folder of a variant's dictionary package (index.aff, index.dic, license). */
export function dictionaryDir(variant: EnglishVariant): string {
  const pkg = DICTIONARY_PACKAGES[variant];
  try {
    return path.dirname(require.resolve(pkg));
  } catch (e) {
    throw new RelaisError('file.notFound', `The ${variant} spelling dictionary (npm package ${pkg}) is not installed`, { detail: String(e) });
  }
}

export interface DictionaryFiles {
  aff: string;
  dic: string;
}

export async function readDictionary(variant: EnglishVariant): Promise<DictionaryFiles> {
  const dir = dictionaryDir(variant);
  const read = async (name: string) => {
    const file = path.join(dir, name);
    try {
      return await readFile(file, 'utf8');
    } catch (e) {
      throw new RelaisError('file.notFound', `Cannot read the ${variant} spelling dictionary`, { file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  };
  const [aff, dic] = await Promise.all([read('index.aff'), read('index.dic')]);
  if (!/^SET /m.test(aff) || !/^\d+\s*$/m.test(dic.slice(0, 20))) {
    throw new RelaisError('file.corrupt', `The ${variant} spelling dictionary is not a Hunspell dictionary`, { file: path.join(dir, 'index.aff') });
  }
  return { aff, dic };
}

/** nspell over the files, with the newsroom supplement added. Synchronous and CPU-bound (see the module note). */
export function buildHunspell(files: DictionaryFiles, variant: EnglishVariant): Hunspell {
  const sp = nspell(files.aff, files.dic);
  sp.personal(newsroomWords(variant));
  return sp;
}

export interface DictionaryTiming {
  variant: EnglishVariant;
  readMs: number;
  buildMs: number;
}

/** Built dictionaries, once per variant (concurrent callers share one build). */
export class DictionaryCache {
  private readonly built = new Map<EnglishVariant, Promise<Hunspell>>();
  readonly timings: DictionaryTiming[] = [];

  load(variant: EnglishVariant): Promise<Hunspell> {
    let p = this.built.get(variant);
    if (!p) {
      p = (async () => {
        const t0 = performance.now();
        const files = await readDictionary(variant);
        const t1 = performance.now();
        const h = buildHunspell(files, variant);
        this.timings.push({ variant, readMs: t1 - t0, buildMs: performance.now() - t1 });
        return h;
      })();
      // A failed load is not cached: the next call tries again (and reports the problem again).
      p.catch(() => this.built.delete(variant));
      this.built.set(variant, p);
    }
    return p;
  }

  /** A checker for `variant` with both dictionaries (the other one tells variant spellings from unknown words). */
  async checker(variant: EnglishVariant, lists: { words?: Iterable<string>; ignored?: Iterable<string> } = {}): Promise<SpellChecker> {
    const [dictionary, other] = await Promise.all([this.load(variant), this.load(otherVariant(variant))]);
    return createSpellChecker({ variant, dictionary, otherDictionary: other, ...lists });
  }
}

/** The process-wide cache: the app's services, the CLI and the tests share one build per variant. */
export const dictionaries = new DictionaryCache();
