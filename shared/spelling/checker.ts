/**
 * The spelling check of an English target.
 *
 * Pure: the Hunspell dictionaries are handed in (nspell instances built by the host — the services in Node, see
 * electron/services/spelling/dictionaries.ts), so this module runs anywhere and imports nothing but our own code.
 *
 * A word is accepted, in this order, when it is:
 * 1. a single letter, or written in capitals (acronyms such as "CSAM", "NGOs": skipped like Word and LibreOffice
 *    do by default; `checkUppercase` turns this off);
 * 2. in the desk dictionary or the ignored words (Hunspell casing: "covid" accepts "Covid" and "COVID",
 *    "Covid" accepts "COVID" but not "covid");
 * 3. a name copied from the source: a capitalised word that appears as written in the segment's source or among the
 *    names of the article's sources ("Europol", "Cumberland", "De Bolle"), with the particles of such names
 *    ("von der Leyen");
 * 4. a form of a word of a glossary term (`SpellContext.isTermWord`, from the QA engine's term index);
 * 5. known to the dictionary of the project's variant — possessives included ("Europol’s" is checked as "Europol"),
 *    accents optional ("café" is "cafe" there), and a capitalised word only the other variant's dictionary knows
 *    ("Romania" is missing from en-GB) is taken as a gap of this dictionary;
 * Otherwise it is a misspelling: `variant` when it is the other variant's spelling ("organize" in a British
 * article: known to the other dictionary, or turned into a known word by the variant rules), else `unknown`.
 * Hyphenated compounds are accepted when the dictionary knows the whole ("x-ray") or each part is accepted; a
 * first part may also be a prefix that is no word on its own ("pre-trial", "cyber-attack": HYPHEN_PREFIXES).
 */
import { HYPHEN_PREFIXES } from './newsroom.ts';
import { spellCompounds } from './tokens.ts';
import { matchCase, otherVariant, variantCandidates, type EnglishVariant } from './variants.ts';

/** What the checker needs from a Hunspell dictionary (an nspell instance fits). */
export interface Hunspell {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export interface SpellCheckerOptions {
  variant: EnglishVariant;
  /** Dictionary of the project's variant. */
  dictionary: Hunspell;
  /** Dictionary of the other variant: tells "organize" (American) from an unknown word in a British text. */
  otherDictionary?: Hunspell | null;
  /** The desk dictionary: accepted, and offered as suggestions. */
  words?: Iterable<string>;
  /** Ignored words: accepted, never suggested. */
  ignored?: Iterable<string>;
  /** Check words written in capitals too (default false: acronyms are skipped). */
  checkUppercase?: boolean;
}

/** What the checker knows about the segment being checked. */
export interface SpellContext {
  /** The segment's source: capitalised words copied from it (names, acronyms) are accepted. */
  source?: string;
  /** Names of the whole article's sources (see `sourceNames`), so a name stays accepted in later segments. */
  names?: ReadonlySet<string>;
  /** True when a word is a form of a glossary term word (TermIndex.isEnglishTermWord). */
  isTermWord?(word: string): boolean;
}

export type MisspellingKind = 'unknown' | 'variant';

export interface Misspelling {
  /** Range in the checked text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The word as written. */
  word: string;
  kind: MisspellingKind;
  /** For `variant`: the spelling in the project's variant ("organise"), when one was found. */
  counterpart?: string;
}

export interface SpellChecker {
  readonly variant: EnglishVariant;
  /** Misspellings of `text`, in order. Cost: a few microseconds per word (dictionary lookups are cached). */
  check(text: string, ctx?: SpellContext): Misspelling[];
  /** True when one word is accepted (desk dictionary, ignored words and dictionary; no source or glossary). */
  isCorrect(word: string): boolean;
  /**
   * Corrections for a word, best first: the variant spelling, desk-dictionary words and names of the source
   * (`ctx`) within two edits, then the dictionary's suggestions. Costs milliseconds (Hunspell's search; see
   * `npm run bench -- spelling`): call it on demand, not per key.
   */
  suggest(word: string, max?: number, ctx?: SpellContext): string[];
  /** The spelling of `word` in `to`, confirmed by the dictionaries, or undefined ("organize" → "organise"). */
  counterpart(word: string, to: EnglishVariant): string | undefined;
  /** True when the dictionary of `v` knows `word` (undefined when that dictionary is not loaded). */
  knownIn(word: string, v: EnglishVariant): boolean | undefined;
  /** The same dictionaries with other word lists (cheap: the dictionaries are shared, not copied). */
  withWords(lists: { words?: Iterable<string>; ignored?: Iterable<string> }): SpellChecker;
}

/** Particles of names that stay lower case ("von der Leyen", "de Gaulle", "bin Salman"). */
const NAME_PARTICLES = new Set(['de', 'du', 'des', 'da', 'di', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'el', 'al', 'bin', 'ibn', 'ben', 'y', 'zu']);

const CAPITALISED = /^\p{Lu}/u;
const NAME_WORD_RE = /[\p{L}\p{M}]+/gu;

/**
 * Names in source text(s): capitalised words as written ("Europol", "Bolle", "IWF"), and lower-case particles
 * directly followed by a capitalised word. Apostrophes split words, so "d’Europol" gives "Europol".
 */
export function sourceNames(sources: Iterable<string>, into: Set<string> = new Set()): Set<string> {
  for (const s of sources) {
    if (typeof s !== 'string' || s === '') continue;
    // Lower-case particles directly before the current word, joined by single spaces or hyphens.
    let particles: string[] = [];
    let prevEnd = -1;
    for (const m of s.matchAll(NAME_WORD_RE)) {
      const w = m[0];
      const joined = prevEnd >= 0 && /^[ \u00A0\u202F-]$/u.test(s.slice(prevEnd, m.index));
      if (!joined) particles = [];
      if (CAPITALISED.test(w)) {
        into.add(w);
        for (const p of particles) into.add(p);
        particles = [];
      } else if (NAME_PARTICLES.has(w)) particles.push(w);
      else particles = [];
      prevEnd = m.index + w.length;
    }
  }
  return into;
}

/** Hunspell's casing rules for personal word lists. */
class WordList {
  private readonly exact = new Set<string>();
  private readonly lowered = new Map<string, string[]>();

  constructor(words: Iterable<string> | undefined) {
    for (const raw of words ?? []) {
      const w = typeof raw === 'string' ? raw.trim().normalize('NFC').replace(/[’ʼ]/g, "'") : '';
      if (w === '') continue;
      this.exact.add(w);
      const l = w.toLowerCase();
      const list = this.lowered.get(l);
      if (list) list.push(w);
      else this.lowered.set(l, [w]);
    }
  }

  get size(): number {
    return this.exact.size;
  }

  words(): string[] {
    return [...this.exact];
  }

  has(word: string): boolean {
    if (this.exact.size === 0) return false;
    if (this.exact.has(word)) return true;
    const entries = this.lowered.get(word.toLowerCase());
    if (!entries) return false;
    const upper = word === word.toUpperCase();
    const capitalised = !upper && word.charAt(0) !== word.charAt(0).toLowerCase() && word.slice(1) === word.slice(1).toLowerCase();
    // "covid" in the list accepts "Covid" and "COVID"; "Covid" accepts "COVID"; nothing accepts a lower-cased name.
    return entries.some((e) => (e === e.toLowerCase() ? upper || capitalised : upper));
  }
}

function isUppercaseWord(w: string): boolean {
  // "NATO", "CSAM", and acronym plurals "NGOs", "MPs"
  const core = w.length > 2 && w.endsWith('s') ? w.slice(0, -1) : w;
  return core.length >= 2 && core === core.toUpperCase() && core !== core.toLowerCase();
}

function splitPossessive(w: string): string | null {
  return w.length > 2 && (w.endsWith("'s") || w.endsWith("'S")) ? w.slice(0, -2) : null;
}

const CACHE_LIMIT = 50_000;

class Checker implements SpellChecker {
  readonly variant: EnglishVariant;
  private readonly dict: Hunspell;
  private readonly other: Hunspell | null;
  private readonly deskWords: WordList;
  private readonly ignoredWords: WordList;
  private readonly checkUppercase: boolean;
  private readonly known: Map<string, boolean>;
  private readonly otherKnown: Map<string, boolean>;

  constructor(o: SpellCheckerOptions, caches?: { known: Map<string, boolean>; otherKnown: Map<string, boolean> }) {
    this.variant = o.variant;
    this.dict = o.dictionary;
    this.other = o.otherDictionary ?? null;
    this.deskWords = new WordList(o.words);
    this.ignoredWords = new WordList(o.ignored);
    this.checkUppercase = o.checkUppercase === true;
    this.known = caches?.known ?? new Map();
    this.otherKnown = caches?.otherKnown ?? new Map();
  }

  private lookup(d: Hunspell, cache: Map<string, boolean>, w: string): boolean {
    let v = cache.get(w);
    if (v === undefined) {
      v = d.correct(w);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(w, v);
    }
    return v;
  }

  private inDictionary(w: string): boolean {
    return this.lookup(this.dict, this.known, w);
  }

  knownIn(word: string, v: EnglishVariant): boolean | undefined {
    if (v === this.variant) return this.inDictionary(word);
    return this.other ? this.lookup(this.other, this.otherKnown, word) : undefined;
  }

  /** Accepted without the source and glossary context. */
  private acceptedAlone(w: string): boolean {
    if (w.length <= 1) return true;
    if (!this.checkUppercase && isUppercaseWord(w)) return true;
    if (this.deskWords.has(w) || this.ignoredWords.has(w)) return true;
    if (this.inDictionary(w)) return true;
    // Loanwords keep or drop their accents in English ("café", "naïve", "façade"): the dictionary has them bare.
    if (/[^ -~]/.test(w)) {
      const bare = w.normalize('NFD').replace(/\p{M}/gu, '');
      return bare !== w && this.inDictionary(bare);
    }
    return false;
  }

  private accepted(w: string, ctx: SpellContext | undefined, sourceWords: ReadonlySet<string> | null): boolean {
    if (this.acceptedAlone(w)) return true;
    const base = splitPossessive(w);
    const candidates = base ? [w, base] : [w];
    for (const c of candidates) {
      if (c !== w && this.acceptedAlone(c)) return true;
      if (CAPITALISED.test(c) && (sourceWords?.has(c) || ctx?.names?.has(c))) return true;
      if (ctx?.isTermWord?.(c)) return true;
    }
    if (NAME_PARTICLES.has(w) && (sourceWords?.has(w) || ctx?.names?.has(w))) return true;
    return false;
  }

  isCorrect(word: string): boolean {
    const w = word.normalize('NFC').replace(/[’ʼ]/g, "'");
    if (this.acceptedAlone(w)) return true;
    const base = splitPossessive(w);
    return base !== null && this.acceptedAlone(base);
  }

  counterpart(word: string, to: EnglishVariant): string | undefined {
    const lower = word.toLowerCase();
    for (const c of variantCandidates(lower, to)) {
      const cased = matchCase(c, word);
      if (this.knownIn(cased, to) === true) return cased;
    }
    return undefined;
  }

  check(text: string, ctx?: SpellContext): Misspelling[] {
    if (typeof text !== 'string' || text === '') return [];
    const out: Misspelling[] = [];
    const sourceWords = ctx?.source ? sourceNames([ctx.source]) : null;
    for (const c of spellCompounds(text)) {
      const hyphenated = c.parts.length > 1 && c.text.includes('-');
      if (hyphenated && this.inDictionary(c.text)) continue;
      for (const [i, p] of c.parts.entries()) {
        if (i === 0 && hyphenated && HYPHEN_PREFIXES.has(p.text.toLowerCase())) continue;
        if (this.accepted(p.text, ctx, sourceWords)) continue;
        const word = text.slice(p.start, p.end);
        const m: Misspelling = { start: p.start, end: p.end, word, kind: 'unknown' };
        const base = splitPossessive(p.text) ?? p.text;
        const other = otherVariant(this.variant);
        const knownElsewhere = this.knownIn(base, other);
        if (knownElsewhere !== false) {
          const cp = this.counterpart(base, this.variant);
          // A name only the other dictionary knows ("Romania" is missing from en-GB) is a gap of this dictionary,
          // not a spelling of the other variant.
          if (cp === undefined && knownElsewhere === true && CAPITALISED.test(base)) continue;
          if (cp !== undefined || knownElsewhere === true) {
            m.kind = 'variant';
            if (cp !== undefined) m.counterpart = base === p.text ? cp : `${cp}${p.text.slice(base.length)}`;
          }
        }
        out.push(m);
      }
    }
    return out;
  }

  suggest(word: string, max = 5, ctx?: SpellContext): string[] {
    const w = word.normalize('NFC').replace(/[’ʼ]/g, "'");
    if (w === '') return [];
    const out: string[] = [];
    const push = (s: string) => {
      if (s !== w && !out.includes(s)) out.push(s);
    };
    const base = splitPossessive(w);
    const stem = base ?? w;
    const tail = base ? w.slice(base.length) : '';
    const cp = this.counterpart(stem, this.variant);
    if (cp) push(cp + tail);
    // Desk words and names of the source / article within two edits ("Europl" → "Europol").
    const lower = stem.toLowerCase();
    const near = (d: string) => Math.abs(d.length - stem.length) <= 2 && editDistance(d.toLowerCase(), lower) <= 2;
    for (const d of this.deskWords.words()) if (near(d)) push(matchCase(d, stem) + tail);
    const names = new Set<string>([...(ctx?.source ? sourceNames([ctx.source]) : []), ...(ctx?.names ?? [])]);
    for (const n of names) if (CAPITALISED.test(n) && n.length > 2 && near(n)) push(n + tail);
    // Hunspell's search costs a few ms when a word one edit away exists, but up to seconds when it must go two edits
    // deep ("Natarajan" ~1 s). The deep search is skipped for capitalised words (names: better added to the desk
    // dictionary than "corrected") and when a desk word or a name already answered.
    if (this.oneEditAway(stem) || (!CAPITALISED.test(stem) && out.length === 0)) for (const s of this.dict.suggest(stem)) push(s + tail);
    return out.slice(0, Math.max(0, max));
  }

  /** True when some word one edit away (delete, swap, replace, insert a letter) is in the dictionary. */
  private oneEditAway(w: string): boolean {
    const letters = "abcdefghijklmnopqrstuvwxyz'-";
    const ok = (c: string) => c !== '' && this.inDictionary(c);
    for (let i = 0; i <= w.length; i++) {
      const a = w.slice(0, i);
      const b = w.slice(i);
      if (b && ok(a + b.slice(1))) return true;
      if (b.length > 1 && ok(a + b[1] + b[0] + b.slice(2))) return true;
      for (const c of letters) {
        if (b && c !== b[0] && ok(a + c + b.slice(1))) return true;
        if (ok(a + c + b)) return true;
      }
    }
    return false;
  }

  withWords(lists: { words?: Iterable<string>; ignored?: Iterable<string> }): SpellChecker {
    return new Checker(
      {
        variant: this.variant,
        dictionary: this.dict,
        otherDictionary: this.other,
        words: lists.words ?? this.deskWords.words(),
        ignored: lists.ignored ?? this.ignoredWords.words(),
        checkUppercase: this.checkUppercase,
      },
      { known: this.known, otherKnown: this.otherKnown },
    );
  }
}

/**
 * Levenshtein distance, stopping as soon as it exceeds 2 (only desk-dictionary words within two edits are wanted;
 * a library's full distance would do the same work without the early exit).
 */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > 2) return rowMin;
    prev = cur;
  }
  return prev[n]!;
}

export function createSpellChecker(opts: SpellCheckerOptions): SpellChecker {
  return new Checker(opts);
}
