/**
 * What every glossary importer (TBX v2/v3, CSV/TSV) shares: the status vocabulary, the case-sensitivity default,
 * and the checks that make a file fail as a whole (missing languages, duplicates). "Nothing imported from a file
 * that failed": importers collect drafts with their line numbers, then `buildGlossary` checks everything and
 * either returns the complete glossary or throws a RelaisError naming the file and the line(s).
 */
import type { ConceptEntry, Glossary, GlossaryScope, Term, TermStatus } from '../../../shared/glossary/model.ts';
import { RelaisError } from '../../../shared/errors.ts';

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded'];

/** TBX administrativeStatus / normativeAuthorization values → Relais status. Bare status words are accepted too. */
const STATUS_VALUES: Record<string, TermStatus> = {
  'preferredterm-admn-sts': 'preferred',
  'admittedterm-admn-sts': 'admitted',
  'deprecatedterm-admn-sts': 'deprecated',
  'supersededterm-admn-sts': 'superseded',
  preferredterm: 'preferred',
  admittedterm: 'admitted',
  deprecatedterm: 'deprecated',
  supersededterm: 'superseded',
  preferred: 'preferred',
  admitted: 'admitted',
  deprecated: 'deprecated',
  superseded: 'superseded',
};

/** Parses a status value; undefined when it is not one Relais knows. */
export function parseStatus(value: string): TermStatus | undefined {
  return STATUS_VALUES[value.trim().toLowerCase()];
}

export function tbxStatusValue(s: TermStatus): string {
  return `${s}Term-admn-sts`;
}

/**
 * Default case-sensitivity when the file does not say: an all-capitals acronym of 2 to 5 letters ("IA", "UE",
 * "CSAM", "IWF", "ONU") must match case exactly, so that "ia" inside a word or "Ue" do not match; every other term
 * matches regardless of case.
 */
export function defaultCaseSensitive(text: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(text);
}

export function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'oui'].includes(v)) return true;
  if (['no', 'n', 'false', '0', 'non'].includes(v)) return false;
  return undefined;
}

/** 'fr', 'fr-FR', 'fr-BE' → 'fr'. */
export function primaryLang(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export interface DraftTerm {
  term: Term;
  line: number;
}

export interface DraftConcept {
  id: string;
  line: number;
  terms: DraftTerm[];
  note?: string;
  source?: string;
  subject?: string;
}

/** Joins the distinct non-empty parts with a newline (definitions and notes gathered from several levels). */
export function joinParts(parts: string[]): string | undefined {
  const seen: string[] = [];
  for (const p of parts) if (p !== '' && !seen.includes(p)) seen.push(p);
  return seen.length ? seen.join('\n') : undefined;
}

function norm(s: string): string {
  return s.normalize('NFC');
}

/**
 * Checks and assembles a glossary. Fails (RelaisError `file.corrupt` with the file and line) when:
 * - the file holds no entry;
 * - an entry has no French or no English term (terms in other languages are ignored);
 * - a term is empty;
 * - two entries have the same id (both lines given);
 * - the same term appears twice in one entry (both lines);
 * - two entries pair the same French term with the same English term (both lines): duplicates are refused rather
 *   than merged, so that nobody's glossary is silently rewritten.
 */
export function buildGlossary(file: string, name: string, scope: GlossaryScope, drafts: DraftConcept[]): Glossary {
  const corrupt = (msg: string, line?: number, detail?: string): never => {
    const opts: { file: string; line?: number; detail?: string } = { file };
    if (line !== undefined) opts.line = line;
    if (detail !== undefined) opts.detail = detail;
    throw new RelaisError('file.corrupt', msg, opts);
  };
  if (drafts.length === 0) throw new RelaisError('file.empty', 'The file holds no glossary entry', { file });
  const ids = new Map<string, number>();
  const pairs = new Map<string, { id: string; line: number }>();
  const entries: ConceptEntry[] = [];
  for (const d of drafts) {
    const prev = ids.get(d.id);
    if (prev !== undefined) corrupt(`Entry id "${d.id}" is used twice (lines ${prev} and ${d.line})`, d.line, `first at line ${prev}`);
    ids.set(d.id, d.line);
    const terms = d.terms.filter((t) => ['fr', 'en'].includes(primaryLang(t.term.lang)));
    const seen = new Map<string, number>();
    for (const t of terms) {
      if (t.term.text === '') corrupt(`Entry "${d.id}" has an empty term`, t.line);
      const key = `${primaryLang(t.term.lang)}\u0000${norm(t.term.text)}`;
      const p = seen.get(key);
      if (p !== undefined) corrupt(`Entry "${d.id}" lists the term "${t.term.text}" twice (lines ${p} and ${t.line})`, t.line, `first at line ${p}`);
      seen.set(key, t.line);
    }
    const fr = terms.filter((t) => primaryLang(t.term.lang) === 'fr');
    const en = terms.filter((t) => primaryLang(t.term.lang) === 'en');
    if (fr.length === 0) corrupt(`Entry "${d.id}" has no French term`, d.line);
    if (en.length === 0) corrupt(`Entry "${d.id}" has no English term`, d.line);
    for (const f of fr) {
      for (const e of en) {
        const key = `${norm(f.term.text)}\u0000${norm(e.term.text)}`;
        const other = pairs.get(key);
        if (other && other.id !== d.id) {
          corrupt(`Duplicate entry: "${f.term.text}" → "${e.term.text}" is already in entry "${other.id}" (lines ${other.line} and ${Math.max(f.line, e.line)})`,
            Math.max(f.line, e.line),
            `first at line ${other.line}`,
          );
        }
        if (!other) pairs.set(key, { id: d.id, line: Math.max(f.line, e.line) });
      }
    }
    const entry: ConceptEntry = { id: d.id, terms: terms.map((t) => t.term) };
    if (d.note !== undefined) entry.note = d.note;
    if (d.source !== undefined) entry.source = d.source;
    if (d.subject !== undefined) entry.subject = d.subject;
    entries.push(entry);
  }
  return { name, scope, entries };
}
