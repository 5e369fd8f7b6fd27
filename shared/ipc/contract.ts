/**
 * The one IPC contract between the renderer and the main-process services (VS Code's ProxyChannel idea):
 * a single typed map, channel → argument schema (zod, validated in main) and result type.
 *
 * Two transports carry it — Electron IPC in the app (preload exposes one function per channel) and a
 * Playwright binding in the e2e harness — and both end in the same handler table (electron/services/handlers.ts).
 * Add a channel here, then its handler there; the compiler refuses a table that misses one.
 */
import { z } from 'zod';
import { reviewChannels, type ReviewResults } from './channels/review.ts';
import { spellingChannels, type SpellingResults } from './channels/spelling.ts';
import { terminologyChannels, type TerminologyResults } from './channels/terminology.ts';
import type {
  AppSettings,
  ProjectSnapshot,
  ProjectStats,
  RecentProject,
  Revision,
  Segment,
} from '../model.ts';

const role = z.enum(['translator', 'editor']);
const status = z.enum(['new', 'draft', 'translated', 'approved', 'rejected']);
const origin = z.enum([
  'import', 'typed', 'pasted', 'copy-source', 'term', 'qa-fix', 'draft-import', 'tm', 'source-update', 'restore', 'review', 'split', 'merge',
]);
const id = z.string().min(1).max(64);
/** Segment text: bounded so a runaway paste cannot wedge the store. */
const text = z.string().max(100_000);
const filePath = z.string().min(1).max(4096);
/** Approving a segment that has QA errors: the editor's reason, kept in the revision (see electron/services/terminology). */
const qaOverride = z.object({ reason: z.string().trim().min(1).max(2_000) });

export const schemas = { role, status, origin, id, text, filePath };

export const channels = {
  ...reviewChannels,
  ...terminologyChannels,
  ...spellingChannels,
  /** Settings and, when one is open, the current project. */
  getAppState: z.tuple([]),
  setUser: z.tuple([z.object({ name: z.string().trim().min(1).max(100), role })]),
  setLanguage: z.tuple([z.enum(['en', 'fr'])]),
  listRecent: z.tuple([]),

  /** Opens the built-in sample article, creating its project on first use. */
  openSample: z.tuple([]),
  openProject: z.tuple([filePath]),
  /** Imports an article (txt, html, md, docx) into a new project next to it (or at `projectPath`) and opens it. */
  importFile: z.tuple([filePath, filePath.optional()]),
  /** Imports a file dropped on the window: its name and its bytes in base64 (works over both transports). */
  importDroppedFile: z.tuple([z.string().min(1).max(255), z.string().max(80_000_000)]),
  /** Shows the native open dialog (project or article); null when cancelled. */
  showOpenDialog: z.tuple([]),
  /** The native open dialog only picks a file (nothing is opened): 'article' for a newer version of the source (Update source…). Null: cancelled. */
  pickFile: z.tuple([z.enum(['article'])]),
  closeProject: z.tuple([]),

  /** Autosave of the segment being typed (not a revision; survives a crash). */
  saveDraft: z.tuple([id, text]),
  /**
   * Writes a target and its status in one transaction, with a revision row. `expectedRevisionId`: the head revision
   * the edit started from (null = none); if someone else committed since, refused (invalid.operation, detail 'conflict…').
   */
  commitSegment: z.tuple([z.object({ segmentId: id, target: text, status, origin, expectedRevisionId: id.nullable().optional(), override: qaOverride.optional() })]),
  /**
   * Status change only (approve / reject / back to draft), with a revision row. Editors only for approved/rejected.
   * Approving a target with QA errors needs `override.reason` (else invalid.operation, detail `qa-errors: <rule ids>`).
   */
  setStatus: z.tuple([z.object({ segmentId: id, status, comment: z.string().max(10_000).optional(), override: qaOverride.optional() })]),
  splitSegment: z.tuple([id, z.number().int().min(1)]),
  mergeSegments: z.tuple([id, id]),
  setBlockTranslatable: z.tuple([id, z.boolean()]),
  getRevisions: z.tuple([id]),
  getStats: z.tuple([]),
} as const satisfies Record<string, z.ZodTuple>;

export type Channel = keyof typeof channels;
export const CHANNELS = Object.keys(channels) as Channel[];

export interface AppState {
  settings: AppSettings;
  project: ProjectSnapshot | null;
}

/** Result type of each channel. */
export interface Results extends ReviewResults, TerminologyResults, SpellingResults {
  getAppState: AppState;
  setUser: AppSettings;
  setLanguage: AppSettings;
  listRecent: RecentProject[];
  openSample: ProjectSnapshot;
  openProject: ProjectSnapshot;
  importFile: ProjectSnapshot;
  importDroppedFile: ProjectSnapshot;
  showOpenDialog: ProjectSnapshot | null;
  pickFile: string | null;
  closeProject: null;
  saveDraft: null;
  commitSegment: Segment;
  setStatus: Segment;
  splitSegment: ProjectSnapshot;
  mergeSegments: ProjectSnapshot;
  setBlockTranslatable: ProjectSnapshot;
  getRevisions: Revision[];
  getStats: ProjectStats;
}

type _Complete = { [K in Channel]: Results[K] };
// Compile-time check that every channel has a result type and no result lacks a channel.
export type _ContractComplete = _Complete extends Results ? (Results extends _Complete ? true : never) : never;

export type Args<C extends Channel> = z.input<(typeof channels)[C]>;
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]>;

/** What the renderer calls: one async function per channel. */
export type RelaisApi = { [C in Channel]: (...args: Args<C>) => Promise<Results[C]> };

/** What main implements: one handler per channel, given validated arguments. */
export type Handlers = { [C in Channel]: (...args: ParsedArgs<C>) => Results[C] | Promise<Results[C]> };
