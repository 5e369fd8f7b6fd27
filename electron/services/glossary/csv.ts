/**
 * CSV / TSV glossaries (format documented in docs/glossary-formats.md): a header row, then one row per term pair;
 * rows with the same `concept_id` make one concept. Parsed with csv-parse in strict mode.
 */
import { parse } from 'csv-parse/sync';
import type { Glossary, GlossaryScope, Term, TermStatus } from '../../../shared/glossary/model.ts';
import { RelaisError } from '../../../shared/errors.ts';
import { displayName } from './xml.ts';
import type { DraftConcept, DraftTerm } from './build.ts';
import { buildGlossary, defaultCaseSensitive, parseStatus, parseYesNo } from './build.ts';

export const CSV_COLUMNS = [
  'concept_id',
  'fr',
  'fr_status',
  'fr_case_sensitive',
  'fr_pos',
  'fr_note',
  'en',
  'en_status',
  'en_case_sensitive',
  'en_pos',
  'en_note',
  'case_sensitive',
  'note',
  'source',
  'subject',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** The columns exportCsv writes, in this order. */
export const CSV_EXPORT_COLUMNS: readonly Column[] = CSV_COLUMNS.filter((c) => c !== 'case_sensitive');

const ALIASES: Record<string, Column> = { id: 'concept_id', concept: 'concept_id', definition: 'note' };

/** Picks the delimiter: tab for .tsv, otherwise the most frequent of `,` `;` and tab in the header line. */
export function sniffDelimiter(text: string, file: string): string {
  if (/\.tsv$/i.test(file)) return '\t';
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0]!;
  return best[1] > 0 ? best[0] : /\.csv$/i.test(file) ? ',' : '\t';
}

/** Line (1-based) where an unclosed quoted field starts, or undefined. */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let inQuote = false;
  let quoteLine = 1;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuote = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === delimiter) atFieldStart = true;
    else if (ch === '\n') {
      line++;
      atFieldStart = true;
    } else if (ch !== '\r') atFieldStart = false;
  }
  return inQuote ? quoteLine : undefined;
}

/** Parses CSV/TSV text (already decoded, BOM removed). */
export function parseCsvGlossary(text: string, file: string, opts: { scope: GlossaryScope; name?: string }): Glossary {
  const delimiter = sniffDelimiter(text, file);
  const corrupt = (msg: string, line?: number, detail?: string): never => {
    const o: { file: string; line?: number; detail?: string } = { file };
    if (line !== undefined) o.line = line;
    if (detail !== undefined) o.detail = detail;
    throw new RelaisError('file.corrupt', msg, o);
  };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter, info: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as unknown as typeof rows;
  } catch (e) {
    const err = e as { code?: string; message?: string; lines?: number };
    let line = typeof err.lines === 'number' ? err.lines : undefined;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') line = unclosedQuoteLine(text, delimiter) ?? line;
    const what =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'A quoted field is never closed'
        : err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
          ? 'This row does not have the same number of columns as the header'
          : err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_INVALID_OPENING_QUOTE'
            ? 'Misplaced quote (a field with quotes must be entirely quoted, inner quotes doubled)'
            : (err.message ?? 'unreadable CSV');
    return corrupt(what, line, err.message);
  }
  const first = rows[0];
  if (!first) throw new RelaisError('file.empty', 'The file is empty', { file });
  const columns: (Column | null)[] = first.record.map((raw, i) => {
    const key = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const col = (CSV_COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[key];
    if (!col) {
      return corrupt(`Unknown column "${raw}" (column ${i + 1}); the header must use: ${CSV_COLUMNS.join(', ')}`,
        1,
      );
    }
    return col;
  });
  for (const need of ['fr', 'en'] as const) if (!columns.includes(need)) corrupt(`The header has no "${need}" column`, 1);
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup) corrupt(`The column "${dup}" appears twice in the header`, 1);

  const concepts = new Map<string, DraftConcept & { fieldLines: Partial<Record<'note' | 'source' | 'subject', number>> }>();
  const termInfo = new Map<DraftTerm, { given: { status?: boolean; case?: boolean; pos?: boolean; note?: boolean } }>();
  for (const row of rows.slice(1)) {
    const r: Partial<Record<Column, string>> = {};
    columns.forEach((c, i) => {
      if (c) r[c] = (row.record[i] ?? '').replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    });
    const newlines = row.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    const line = row.info.lines - newlines;
    if (Object.values(r).every((v) => v === '')) continue;
    if (!r.fr && !r.en) corrupt('The row has neither a French nor an English term', line);
    const id = r.concept_id || `c${line}`;
    let c = concepts.get(id);
    if (!c) {
      c = { id, line, terms: [], fieldLines: {} };
      concepts.set(id, c);
    }
    for (const field of ['note', 'source', 'subject'] as const) {
      const v = r[field];
      if (!v) continue;
      const prev = c[field];
      if (prev === undefined) {
        c[field] = v;
        c.fieldLines[field] = line;
      } else if (prev !== v) {
        corrupt(`Concept "${id}" has two different values for "${field}" (lines ${c.fieldLines[field]} and ${line})`, line);
      }
    }
    for (const lang of ['fr', 'en'] as const) {
      const text = (r[lang] ?? '').replace(/[ \t\r\n]+/g, ' ');
      if (!text) continue;
      const statusCell = r[`${lang}_status`] ?? '';
      let status: TermStatus | undefined;
      if (statusCell) {
        status = parseStatus(statusCell);
        if (!status) corrupt(`Unknown ${lang}_status "${statusCell}" (use preferred, admitted, deprecated or superseded)`, line);
      }
      const caseCell = r[`${lang}_case_sensitive`] || r.case_sensitive || '';
      let cs: boolean | undefined;
      if (caseCell) {
        cs = parseYesNo(caseCell);
        if (cs === undefined) corrupt(`The case_sensitive column must be "yes", "no" or empty, not "${caseCell}"`, line);
      }
      const pos = r[`${lang}_pos`] || undefined;
      const note = r[`${lang}_note`] || undefined;
      const existing = c.terms.find((t) => t.term.lang === lang && t.term.text.normalize('NFC') === text.normalize('NFC'));
      if (existing) {
        // the same term on another row of the concept (pairing it with another translation): merge, unless the
        // two rows say different things about it
        const info = termInfo.get(existing)!.given;
        const clash = (what: string) =>
          corrupt(`"${text}" appears in concept "${id}" on lines ${existing.line} and ${line} with different ${what}`, line);
        if (status !== undefined) {
          if (info.status && existing.term.status !== status) clash('statuses');
          existing.term.status = status;
          info.status = true;
        }
        if (cs !== undefined) {
          if (info.case && existing.term.caseSensitive !== cs) clash('case sensitivity');
          existing.term.caseSensitive = cs;
          info.case = true;
        }
        if (pos !== undefined) {
          if (info.pos && existing.term.partOfSpeech !== pos) clash('parts of speech');
          existing.term.partOfSpeech = pos;
          info.pos = true;
        }
        if (note !== undefined) {
          if (info.note && existing.term.note !== note) clash('notes');
          existing.term.note = note;
          info.note = true;
        }
        continue;
      }
      const term: Term = { text, lang, status: status ?? 'preferred', caseSensitive: cs ?? defaultCaseSensitive(text) };
      if (note !== undefined) term.note = note;
      if (pos !== undefined) term.partOfSpeech = pos;
      const d: DraftTerm = { term, line };
      termInfo.set(d, { given: { status: status !== undefined, case: cs !== undefined, pos: pos !== undefined, note: note !== undefined } });
      c.terms.push(d);
    }
  }
  const drafts: DraftConcept[] = [...concepts.values()].map(({ fieldLines: _f, ...d }) => ({
    ...d,
    // French terms first, then English, each in row order (the order TBX langSecs give)
    terms: [...d.terms.filter((t) => t.term.lang === 'fr'), ...d.terms.filter((t) => t.term.lang === 'en')],
  }));
  return buildGlossary(file, opts.name ?? displayName(file).replace(/\.[^.]+$/, ''), opts.scope, drafts);
}

function csvField(v: string, delimiter: string): string {
  if (v === '') return '';
  if (v.includes('"') || v.includes(delimiter) || /[\r\n]/.test(v) || /^[ \t]|[ \t]$/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/**
 * CSV (or TSV with `delimiter: '\t'`): header `CSV_EXPORT_COLUMNS`, then per concept as many rows as its larger
 * language has terms, pairing the i-th French term with the i-th English term; concept fields on the first row.
 * Case sensitivity is written only where it differs from the default (empty = automatic).
 */
export function exportCsv(glossary: Glossary, opts: { delimiter?: ',' | ';' | '\t' } = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const lines: string[] = [CSV_EXPORT_COLUMNS.join(delimiter)];
  for (const c of glossary.entries) {
    const byLang = (l: string) => c.terms.filter((t) => (l === 'fr' ? /^fr\b/i : /^en\b/i).test(t.lang));
    const fr = byLang('fr');
    const en = byLang('en');
    const n = Math.max(fr.length, en.length, 1);
    for (let i = 0; i < n; i++) {
      const cells: Record<Column, string> = Object.fromEntries(CSV_COLUMNS.map((k) => [k, ''])) as Record<Column, string>;
      cells.concept_id = c.id;
      for (const [lang, t] of [
        ['fr', fr[i]],
        ['en', en[i]],
      ] as const) {
        if (!t) continue;
        cells[lang] = t.text;
        cells[`${lang}_status`] = t.status;
        if (t.caseSensitive !== defaultCaseSensitive(t.text)) cells[`${lang}_case_sensitive`] = t.caseSensitive ? 'yes' : 'no';
        if (t.partOfSpeech !== undefined) cells[`${lang}_pos`] = t.partOfSpeech;
        if (t.note !== undefined) cells[`${lang}_note`] = t.note;
      }
      if (i === 0) {
        if (c.note !== undefined) cells.note = c.note;
        if (c.source !== undefined) cells.source = c.source;
        if (c.subject !== undefined) cells.subject = c.subject;
      }
      lines.push(CSV_EXPORT_COLUMNS.map((k) => csvField(cells[k], delimiter)).join(delimiter));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
