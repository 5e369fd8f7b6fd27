/**
 * IPC channels of terminology and QA: the glossaries the QA engine uses (project and desk), adding a term, and which QA
 * rules are enabled in the project; plus the types of recognised terms the application layer returns.
 *
 * Their schemas are spread into `channels` in ../schemas.ts; `Results` in ../contract.ts extends TerminologyResults.
 *
 * Permissions (enforced by the application layer, electron/services/app):
 * - reading glossaries and rules needs an open project;
 * - both roles may ADD an entry to the project glossary (a translator adds a term from a source and a target selection);
 * - changing or deleting project entries, importing into the project glossary, enabling/disabling QA rules, and every
 *   change to the desk glossary (shared by all projects on the machine) are editor-only.
 */
import { z } from 'zod';
import type { ConceptEntry, Glossary, GlossaryScope, TermStatus } from '../../glossary/model.ts';
import type { Severity } from '../../qa/model.ts';

const scope = z.enum(['project', 'desk']);
const termStatus = z.enum(['preferred', 'admitted', 'deprecated', 'superseded']);
const note = z.string().max(10_000);

/** "Add a term": a French source selection and an English target selection. */
export const newTermSchema = z.object({
  fr: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
  /** Status of the English term (default preferred); `deprecated` records a forbidden translation. */
  status: termStatus.optional(),
  note: note.optional(),
});

export const terminologyChannels = {
  /** Project glossary then desk glossary, each with its scope: the renderer builds the same QA engine locally. */
  getGlossaries: z.tuple([]),
  listQaRules: z.tuple([]),
  setQaRuleEnabled: z.tuple([z.string().min(1).max(100), z.boolean()]),
  /** Adds a term (a source and a target selection) to the project glossary, or (editors) to the desk glossary. */
  addGlossaryEntry: z.tuple([scope, newTermSchema]),
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

export interface TerminologyResults {
  getGlossaries: Glossary[];
  listQaRules: QaRuleState[];
  setQaRuleEnabled: QaRuleState[];
  addGlossaryEntry: ConceptEntry;
}
