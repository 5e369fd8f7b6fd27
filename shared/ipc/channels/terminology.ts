/**
 * IPC channels of terminology and QA: glossaries (project and desk), recognised terms for underlining and the term
 * panel, live and whole-document QA, and which QA rules are enabled in the project.
 *
 * Spread into `channels` in ../contract.ts; `Results` there extends TerminologyResults.
 *
 * Permissions (enforced in electron/services/terminology/handlers.ts):
 * - reading (terms, findings, glossaries, rules, export) needs an open project (desk reads do too, for one rule);
 * - both roles may ADD an entry to the project glossary (a translator adds a term from a source and a target selection);
 * - changing or deleting project entries, importing into the project glossary, enabling/disabling QA rules, and every
 *   change to the desk glossary (shared by all projects on the machine) are editor-only.
 */
import { z } from 'zod';
import type { ConceptEntry, Glossary, GlossaryScope, TermStatus } from '../../glossary/model.ts';
import type { Finding, Severity } from '../../qa/model.ts';

const id = z.string().min(1).max(64);
const filePath = z.string().min(1).max(4096);
const scope = z.enum(['project', 'desk']);
const termStatus = z.enum(['preferred', 'admitted', 'deprecated', 'superseded']);
const note = z.string().max(10_000);

/** One term of a concept entry, as the renderer sends it. */
export const termSchema = z.object({
  text: z.string().trim().min(1).max(500),
  lang: z.string().trim().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, 'a BCP 47 language such as fr or en-GB'),
  status: termStatus,
  caseSensitive: z.boolean(),
  note: note.optional(),
  partOfSpeech: z.string().trim().min(1).max(50).optional(),
});

/** A whole concept entry (update): its id and its terms (the full list; the entry is replaced). */
export const conceptEntrySchema = z.object({
  id: z.string().trim().min(1).max(200),
  terms: z.array(termSchema).min(1).max(200),
  note: note.optional(),
  source: z.string().max(2_000).optional(),
  subject: z.string().max(500).optional(),
});

/** "Add a term": a French source selection and an English target selection. */
export const newTermSchema = z.object({
  fr: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
  /** Status of the English term (default preferred); `deprecated` records a forbidden translation. */
  status: termStatus.optional(),
  note: note.optional(),
});

export const terminologyChannels = {
  /** French terms recognised in a segment's source, with their concept (approved / forbidden English terms). */
  getTerms: z.tuple([id]),
  /** Recognised terms of every live segment, for underlining (concepts listed once). */
  getSegmentsTerms: z.tuple([]),
  /** Project glossary then desk glossary, each with its scope: the renderer can build the same QA engine locally. */
  getGlossaries: z.tuple([]),
  /** Live QA of a target being typed (the stored source, the given target). */
  checkSegment: z.tuple([id, z.string().max(100_000)]),
  /** QA of every translatable segment's stored target, plus cross-segment checks. */
  checkDocument: z.tuple([]),
  listQaRules: z.tuple([]),
  setQaRuleEnabled: z.tuple([z.string().min(1).max(100), z.boolean()]),
  listGlossaryEntries: z.tuple([scope]),
  addGlossaryEntry: z.tuple([scope, newTermSchema]),
  updateGlossaryEntry: z.tuple([scope, conceptEntrySchema]),
  deleteGlossaryEntry: z.tuple([scope, z.string().min(1).max(200)]),
  /** Reads a TBX / CSV / TSV file; 'replace' (default) swaps the whole glossary, 'merge' adds or replaces entries by id. */
  importGlossary: z.tuple([scope, filePath, z.enum(['replace', 'merge']).optional()]),
  exportGlossary: z.tuple([scope, z.enum(['tbx', 'csv']), filePath]),
} as const satisfies Record<string, z.ZodTuple>;

export type TerminologyChannel = keyof typeof terminologyChannels;

/** A concept as the term panel shows it. */
export interface TermConcept {
  /** Unique across glossaries: `${glossary}#${id}`. */
  key: string;
  id: string;
  glossary: string;
  scope: GlossaryScope;
  /** English preferred terms first, then admitted. */
  approved: { text: string; status: TermStatus; note?: string }[];
  /** Deprecated English terms: forbidden in the target. */
  forbidden: { text: string; note?: string }[];
  superseded: { text: string; note?: string }[];
  note?: string;
  source?: string;
  subject?: string;
}

/** A French term recognised in a source: its range (UTF-16, end exclusive) and its concept. */
export interface TermSpan {
  start: number;
  end: number;
  /** The text as it appears in the source. */
  text: string;
  /** The glossary's French term that matched. */
  term: string;
  /** False when only an accent- or case-folded form matched. */
  exact: boolean;
  conceptKey: string;
}

export interface SegmentTerm extends TermSpan {
  concept: TermConcept;
}

export interface SegmentsTerms {
  /** Segment id → its recognised terms (segments without any are omitted). */
  segments: Record<string, TermSpan[]>;
  concepts: Record<string, TermConcept>;
}

export interface QaRuleState {
  id: string;
  /** As configured (desk, then project settings); spelling.unknown is always a warning. */
  severity: Severity;
  description: string;
  enabled: boolean;
  /** Options of a house-style rule, as configured (see docs/house-style.md). */
  options?: Record<string, string | number | boolean>;
}

export interface GlossaryExportResult {
  path: string;
  entries: number;
}

export interface TerminologyResults {
  getTerms: SegmentTerm[];
  getSegmentsTerms: SegmentsTerms;
  getGlossaries: Glossary[];
  checkSegment: Finding[];
  checkDocument: Finding[];
  listQaRules: QaRuleState[];
  setQaRuleEnabled: QaRuleState[];
  listGlossaryEntries: Glossary;
  addGlossaryEntry: ConceptEntry;
  updateGlossaryEntry: ConceptEntry;
  deleteGlossaryEntry: null;
  importGlossary: Glossary;
  exportGlossary: GlossaryExportResult;
}
