/**
 * IPC channels of spelling and house style (see docs/spelling.md for how the workbench uses them).
 *
 * The spelling check runs in the services (the project worker), next to the settings and the QA engine that
 * whole-article QA and the publication gate use: the renderer sends the target being typed (`checkSpelling`, tens
 * of microseconds of work) and asks for corrections on demand (`suggestSpelling`). Spread into `channels` in
 * ../schemas.ts; `Results` in ../contract.ts extends SpellingResults.
 *
 * Permissions (the application layer, electron/services/app): reading needs nothing (checks need an open project);
 * adding or removing a word of the desk dictionary or of the ignored words needs a user (either role: a translator
 * adds a name from the editor); choosing the variant of a project or of the desk and changing rule settings are
 * editor-only, like switching QA rules.
 */
import { z } from 'zod';
import type { Finding } from '../../qa/model.ts';
import { fileToken } from './review.ts';
import type { QaRuleState } from './terminology.ts';

const id = z.string().min(1).max(64);
const variant = z.enum(['en-GB', 'en-US']);
const word = z.string().min(1).max(100);
const list = z.enum(['dictionary', 'ignored']);
const ruleSetting = z.object({
  enabled: z.boolean().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  options: z.record(z.string().max(100), z.union([z.string().max(100), z.number(), z.boolean()])).optional(),
});

export const spellingChannels = {
  /** Variant (project / desk), desk dictionary and ignored words. */
  getSpellingState: z.tuple([]),
  /**
   * Spelling findings (spelling.unknown, style.variant) of a target being typed, against the segment's stored
   * source and the names of the whole article; offsets into `target`. The other QA rules run in the renderer.
   */
  checkSpelling: z.tuple([id, z.string().max(100_000)]),
  /**
   * Corrections for one word, best first (the variant spelling, desk words, names of the segment's source and of
   * the article when `segmentId` is given, Hunspell). Milliseconds; call it on demand (shortcut, right-click).
   */
  suggestSpelling: z.tuple([word, id.optional()]),
  /** The project's variant; null: follow the desk. */
  setProjectVariant: z.tuple([variant.nullable()]),
  setDeskVariant: z.tuple([variant]),
  /** Adds a word to the desk dictionary or to the ignored words. */
  addSpellingWord: z.tuple([list, word]),
  removeSpellingWord: z.tuple([list, word]),
  /**
   * Writes a list as a plain word list (UTF-8, one word per line) to the file chosen with
   * showSaveDialog('exportWordList', 'txt') (its token).
   */
  exportSpellingWords: z.tuple([list, fileToken]),
  /**
   * Reads a plain word list (or a Hunspell .dic), chosen with pickFile('wordList') (its token), into a list:
   * 'merge' (default) or 'replace'.
   */
  importSpellingWords: z.tuple([list, fileToken, z.enum(['merge', 'replace']).optional()]),
  /** A rule's setting (enabled, severity, options) for the desk or the open project; null clears it. */
  setQaRuleSetting: z.tuple([z.enum(['desk', 'project']), z.string().min(1).max(100), ruleSetting.nullable()]),
} as const satisfies Record<string, z.ZodTuple>;

export type SpellingChannel = keyof typeof spellingChannels;

export interface SpellingState {
  /** The variant the open project is checked in (the desk's when no project is open). */
  variant: 'en-GB' | 'en-US';
  /** The project's own choice; null when it follows the desk (or no project is open). */
  projectVariant: 'en-GB' | 'en-US' | null;
  deskVariant: 'en-GB' | 'en-US';
  /** The desk dictionary and the ignored words, sorted. */
  dictionary: string[];
  ignored: string[];
  /** Why spelling is off (dictionaries that cannot be loaded); null when it works or was not needed yet. */
  unavailable: string | null;
}

export interface WordListExportResult {
  path: string;
  words: number;
}

export interface SpellingResults {
  getSpellingState: SpellingState;
  checkSpelling: Finding[];
  suggestSpelling: string[];
  setProjectVariant: SpellingState;
  setDeskVariant: SpellingState;
  addSpellingWord: SpellingState;
  removeSpellingWord: SpellingState;
  exportSpellingWords: WordListExportResult;
  importSpellingWords: SpellingState;
  setQaRuleSetting: QaRuleState[];
}
