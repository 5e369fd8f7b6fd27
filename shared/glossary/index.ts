/**
 * Term recognition (French source) and enforcement (English target) over one or more glossaries.
 *
 * Design: every term is a sequence of words; every word of every term is expanded into its inflected forms by the
 * rule tables in inflect.ts. A map sends each folded form (lower case, no accents) to the folded lemma words it can
 * come from, and a trie keyed by folded lemma words holds the terms. Recognition walks the trie from every word of
 * the text (Aho-Corasick over tokens without failure links: terms are at most a few words long), so the cost per
 * segment depends on its length and on how many terms share a prefix, not on the size of the glossary.
 *
 * Matching decisions (documented behaviour):
 * - whole words only; "jugement" is not "juge", "ONU" is not found in "bonus";
 * - accent-insensitive ("Etats membres" matches "États membres") but exact accents are preferred when two terms
 *   differ only by accents; `TermMatch.exact` says whether accents/case were exact;
 * - case-insensitive unless the term's `caseSensitive` flag is set ("IA" does not match "ia");
 * - apostrophe variants, space / U+00A0 / U+202F, and hyphen variants are equivalent inside a term, and a hyphen
 *   equals a space ("porte-parole" = "porte parole"); elision needs nothing special ("l’arrestation");
 * - in the SOURCE, a match may not be glued by a hyphen to a word outside it ("marin" is not in "sous-marin");
 *   in the TARGET this is allowed ("AI" counts in "AI-generated");
 * - overlapping source matches: the longest (in words) wins; on the same span, project scope beats desk scope,
 *   then exact accents beat folded, then glossary order;
 * - French terms of any status are recognised (a deprecated French term still names the concept).
 */
import { RelaisError } from '../errors.ts';
import type { ConceptEntry, Glossary, GlossaryScope, Term } from './model.ts';
import { englishWordForms, frenchWordForms } from './inflect.ts';
import { fold, bare, tokenize, type Token } from './text.ts';

export type { ConceptEntry, Glossary, GlossaryScope, Term, TermStatus } from './model.ts';
export { tokenize, fold, type Token } from './text.ts';
export { frenchWordForms, englishWordForms } from './inflect.ts';

/** A concept as seen by the index: its entry plus its English terms sorted by status. */
export interface ConceptRef {
  /** Unique key across glossaries: `${glossary}#${entry.id}`. */
  key: string;
  entry: ConceptEntry;
  glossary: string;
  scope: GlossaryScope;
  /** English preferred terms first, then admitted. */
  approved: Term[];
  deprecated: Term[];
  superseded: Term[];
}

/** A French term recognised in the source. */
export interface TermMatch {
  /** Range in the source string (end exclusive). */
  start: number;
  end: number;
  /** The text as it appears in the source. */
  text: string;
  /** The glossary's French term that matched. */
  term: Term;
  concept: ConceptRef;
  /** True when accents (and case, for case-sensitive terms) are exactly one of the generated forms. */
  exact: boolean;
}

export type TargetHitKind = 'approved' | 'deprecated' | 'superseded';

/** An English term found in the target. */
export interface TargetTermHit {
  start: number;
  end: number;
  text: string;
  term: Term;
  concept: ConceptRef;
  kind: TargetHitKind;
}

export interface TermIndex {
  /** French-side matches, longest first on overlaps, sorted by position. `tokens`: `tokenize(source)` if already done. */
  recognize(source: string, tokens?: Token[]): TermMatch[];
  /**
   * English terms in the target: approved terms of the concepts in `matches` (typically `recognize(source)`), and
   * deprecated / superseded terms of ALL concepts of all glossaries, whatever the source says — except where the
   * same span is an approved term of a recognised concept (project approval wins). Overlaps: longest wins.
   */
  findInTarget(target: string, matches?: readonly TermMatch[], tokens?: Token[]): TargetTermHit[];
  /**
   * True when `word` is a form of a word of some English term of the glossaries (any status, any inflection
   * generated for it: "officers", "authorities", "Europol’s" → "europol"). Used by the spelling check, which never
   * flags a glossary term.
   */
  isEnglishTermWord(word: string): boolean;
  /** Concepts in the index (after project/desk resolution they are all still listed). */
  readonly concepts: readonly ConceptRef[];
  /** Number of distinct terms indexed, per side. */
  readonly size: { fr: number; en: number };
}

interface TermRef {
  term: Term;
  concept: ConceptRef;
  /** Per word: accepted lower-case accented forms (to decide exactness). */
  lowerForms: Set<string>[];
  /** Per word: the same forms folded (the actual matching test). */
  foldForms: Set<string>[];
  /** Per word: accepted accent-stripped forms with case, when the term is case-sensitive. */
  caseForms: Set<string>[] | null;
  kind: TargetHitKind;
  order: number;
}

interface WordInfo {
  /** Folded lemma word: the trie edge. */
  key: string;
  lower: Set<string>;
  fold: Set<string>;
  bare: Set<string>;
}

interface Node {
  next: Map<string, Node> | null;
  refs: TermRef[] | null;
}

function newNode(): Node {
  return { next: null, refs: null };
}

function isFrench(lang: string): boolean {
  return /^fr(\b|-|_|$)/i.test(lang.trim());
}

function isEnglish(lang: string): boolean {
  return /^en(\b|-|_|$)/i.test(lang.trim());
}

const STATUS_ORDER: Record<string, number> = { preferred: 0, admitted: 1 };

class SideIndex {
  readonly root = newNode();
  /** Folded form → folded lemma words it may come from. */
  readonly forms = new Map<string, string[]>();
  count = 0;

  constructor(private readonly lang: 'fr' | 'en') {}

  /** Per distinct word (and options): its forms, registered once in `forms`, shared by every term using it. */
  private readonly words = new Map<string, WordInfo>();

  private word(original: string, multi: boolean, partOfSpeech: string | undefined): WordInfo {
    const id = `${original}\u0000${multi ? 1 : 0}\u0000${partOfSpeech ?? ''}`;
    let info = this.words.get(id);
    if (info) return info;
    const generated =
      this.lang === 'fr'
        ? frenchWordForms(original, { ...(partOfSpeech ? { partOfSpeech } : {}), inMultiWord: multi })
        : englishWordForms(original);
    const key = fold(original);
    const lowerSet = new Set<string>();
    const foldSet = new Set<string>();
    for (const g of generated) {
      lowerSet.add(g.toLowerCase());
      const f = fold(g);
      foldSet.add(f);
      const lemmas = this.forms.get(f);
      if (!lemmas) this.forms.set(f, [key]);
      else if (!lemmas.includes(key)) lemmas.push(key);
    }
    info = { key, lower: lowerSet, fold: foldSet, bare: new Set(generated.map((g) => bare(g))) };
    this.words.set(id, info);
    return info;
  }

  add(term: Term, concept: ConceptRef, kind: TargetHitKind, order: number): void {
    const words = tokenize(term.text.normalize('NFC'));
    if (words.length === 0) return;
    const multi = words.length > 1;
    const lowerForms: Set<string>[] = [];
    const foldForms: Set<string>[] = [];
    const caseForms: Set<string>[] | null = term.caseSensitive ? [] : null;
    let node = this.root;
    for (const w of words) {
      const info = this.word(w.text.normalize('NFC'), multi, term.partOfSpeech);
      lowerForms.push(info.lower);
      foldForms.push(info.fold);
      if (caseForms) caseForms.push(info.bare);
      if (!node.next) node.next = new Map();
      let child = node.next.get(info.key);
      if (!child) {
        child = newNode();
        node.next.set(info.key, child);
      }
      node = child;
    }
    (node.refs ??= []).push({ term, concept, lowerForms, foldForms, caseForms, kind, order });
    this.count++;
  }

  /**
   * All candidate matches starting at each token: [startTok, endTok (exclusive), refs that accept the words].
   * `strictHyphen`: reject matches glued by a hyphen to an outside word.
   */
  scan(tokens: Token[], strictHyphen: boolean, visit: (startTok: number, endTok: number, refs: TermRef[]) => void): void {
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const t0 = tokens[i]!;
      if (strictHyphen && t0.sepBefore === 'hyphen') continue;
      const lemmas0 = this.forms.get(t0.fold);
      if (!lemmas0) continue;
      for (const l0 of lemmas0) {
        const child = this.root.next?.get(l0);
        if (child) this.walk(tokens, i, i, child, strictHyphen, visit);
      }
    }
  }

  private walk(
    tokens: Token[],
    start: number,
    at: number,
    node: Node,
    strictHyphen: boolean,
    visit: (startTok: number, endTok: number, refs: TermRef[]) => void,
  ): void {
    const endTok = at + 1;
    if (node.refs) {
      const after = tokens[endTok];
      if (!(strictHyphen && after && after.sepBefore === 'hyphen')) {
        const ok = node.refs.filter((r) => accepts(r, tokens, start, endTok));
        if (ok.length) visit(start, endTok, ok);
      }
    }
    if (!node.next) return;
    const nextTok = tokens[endTok];
    if (!nextTok) return;
    if (nextTok.sepBefore !== 'space' && nextTok.sepBefore !== 'hyphen' && nextTok.sepBefore !== 'apos') return;
    const lemmas = this.forms.get(nextTok.fold);
    if (!lemmas) return;
    for (const l of lemmas) {
      const child = node.next.get(l);
      if (child) this.walk(tokens, start, endTok, child, strictHyphen, visit);
    }
  }
}

/** The folded form matched the lemma; check the form is one of THIS term's forms (and case when required). */
function accepts(r: TermRef, tokens: Token[], start: number, end: number): boolean {
  for (let k = 0; k < end - start; k++) {
    const tok = tokens[start + k]!;
    if (!r.foldForms[k]!.has(tok.fold)) return false;
    if (r.caseForms && !r.caseForms[k]!.has(tok.bare)) return false;
  }
  return true;
}

function isExact(r: TermRef, tokens: Token[], start: number, end: number): boolean {
  for (let k = 0; k < end - start; k++) if (!r.lowerForms[k]!.has(tokens[start + k]!.lower)) return false;
  return true;
}

function better(a: TermRef, aExact: boolean, b: TermRef, bExact: boolean): boolean {
  if (a.concept.scope !== b.concept.scope) return a.concept.scope === 'project';
  if (aExact !== bExact) return aExact;
  return a.order < b.order;
}

interface Span {
  s: number;
  e: number;
}

/** Longest-first selection of non-overlapping token spans; equal spans are kept together. */
function selectLongest<T extends Span>(cands: T[]): T[] {
  cands.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
  const taken: T[] = [];
  const used: boolean[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.s; i < c.e; i++) if (used[i]) { free = false; break; }
    if (!free) {
      // Same span as one already taken: keep it too (several concepts may share a term).
      if (taken.some((t) => t.s === c.s && t.e === c.e)) taken.push(c);
      continue;
    }
    for (let i = c.s; i < c.e; i++) used[i] = true;
    taken.push(c);
  }
  return taken.sort((a, b) => a.s - b.s);
}

/** Build the index. Project glossaries win over desk glossaries for the same French term. */
export function createTermIndex(glossaries: readonly Glossary[]): TermIndex {
  const fr = new SideIndex('fr');
  const en = new SideIndex('en');
  const concepts: ConceptRef[] = [];
  // Project glossaries first so their order is lower (used as last tie-break).
  const ordered = [...glossaries].sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'project' ? -1 : 1));
  let order = 0;
  for (const g of ordered) {
    if (!g || !Array.isArray(g.entries)) {
      throw new RelaisError('invalid.arguments', `Glossary "${g?.name ?? '?'}" has no entry list`);
    }
    for (const entry of g.entries) {
      if (!entry || !Array.isArray(entry.terms) || entry.terms.some((t) => !t || typeof t.text !== 'string' || typeof t.lang !== 'string')) {
        throw new RelaisError('invalid.arguments', `Glossary "${g.name}": entry "${entry?.id ?? '?'}" has a malformed term list`);
      }
      const enTerms = entry.terms.filter((t) => isEnglish(t.lang) && t.text.trim() !== '');
      const approved = enTerms
        .filter((t) => t.status === 'preferred' || t.status === 'admitted')
        .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
      const concept: ConceptRef = {
        key: `${g.name}#${entry.id}`,
        entry,
        glossary: g.name,
        scope: g.scope,
        approved,
        deprecated: enTerms.filter((t) => t.status === 'deprecated'),
        superseded: enTerms.filter((t) => t.status === 'superseded'),
      };
      concepts.push(concept);
      for (const t of entry.terms) {
        if (t.text.trim() === '') continue;
        if (isFrench(t.lang)) fr.add(t, concept, 'approved', order++);
        else if (isEnglish(t.lang)) {
          const kind: TargetHitKind = t.status === 'deprecated' ? 'deprecated' : t.status === 'superseded' ? 'superseded' : 'approved';
          en.add(t, concept, kind, order++);
        }
      }
    }
  }

  function recognize(source: string, tokens: Token[] = tokenize(source)): TermMatch[] {
    // One best ref per span (several trie paths can reach the same span).
    const bySpan = new Map<number, Span & { ref: TermRef; exact: boolean }>();
    fr.scan(tokens, true, (s, e, refs) => {
      const k = s * (tokens.length + 1) + e;
      let cur = bySpan.get(k);
      for (const r of refs) {
        const ex = isExact(r, tokens, s, e);
        if (!cur || better(r, ex, cur.ref, cur.exact)) {
          cur = { s, e, ref: r, exact: ex };
          bySpan.set(k, cur);
        }
      }
    });
    const chosen = selectLongest([...bySpan.values()]);
    return chosen.map((c) => {
      const start = tokens[c.s]!.start;
      const end = tokens[c.e - 1]!.end;
      return { start, end, text: source.slice(start, end), term: c.ref.term, concept: c.ref.concept, exact: c.exact };
    });
  }

  function findInTarget(target: string, matches: readonly TermMatch[] = [], tokens: Token[] = tokenize(target)): TargetTermHit[] {
    const wanted = new Set(matches.map((m) => m.concept.key));
    const cands: (Span & { refs: TermRef[] })[] = [];
    en.scan(tokens, false, (s, e, refs) => {
      const keep = refs.filter((r) => r.kind !== 'approved' || wanted.has(r.concept.key));
      if (keep.length) cands.push({ s, e, refs: keep });
    });
    const chosen = selectLongest(cands);
    // Group by span.
    const bySpan = new Map<string, TermRef[]>();
    for (const c of chosen) {
      const k = `${c.s}:${c.e}`;
      const list = bySpan.get(k);
      if (list) list.push(...c.refs);
      else bySpan.set(k, [...c.refs]);
    }
    const hits: TargetTermHit[] = [];
    for (const [k, refs] of bySpan) {
      const [s, e] = k.split(':').map(Number) as [number, number];
      const start = tokens[s]!.start;
      const end = tokens[e - 1]!.end;
      const text = target.slice(start, end);
      const approved = refs.filter((r) => r.kind === 'approved');
      const approvedTexts = new Set(approved.map((r) => fold(r.term.text)));
      const seen = new Set<string>();
      for (const r of refs) {
        // A deprecated term that is the approved translation of a recognised concept at the same span is not flagged.
        if (r.kind !== 'approved' && approvedTexts.has(fold(r.term.text))) continue;
        const id = `${r.concept.key}|${r.kind}|${r.term.text}`;
        if (seen.has(id)) continue;
        seen.add(id);
        hits.push({ start, end, text, term: r.term, concept: r.concept, kind: r.kind });
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  function isEnglishTermWord(word: string): boolean {
    return en.forms.has(fold(word));
  }

  return { recognize, findInTarget, isEnglishTermWord, concepts, size: { fr: fr.count, en: en.count } };
}

/** The preferred English term of a concept (first approved), if any. */
export function preferredEnglish(concept: ConceptRef): Term | undefined {
  return concept.approved[0];
}
