/**
 * The argument schemas of the IPC contract (zod), channel by channel. Main-side only: the dispatcher
 * (shared/ipc/dispatch.ts) validates every call with them before a handler runs, in the app's project worker, the e2e
 * harness and the tests; the desk server will validate request bodies with the same schemas. The renderer never
 * loads this module (an ESLint rule refuses value imports of it and of zod in renderer/): it imports types from
 * shared/ipc/contract.ts.
 *
 * Add a channel: its schema here (or in channels/<group>.ts), its name in channel-names.ts, its result type in
 * contract.ts, its handler in electron/services/handlers.ts; the compiler refuses a table that misses one.
 */
import { z } from 'zod';
import { fileToken, reviewChannels } from './channels/review.ts';
import { spellingChannels } from './channels/spelling.ts';
import { terminologyChannels } from './channels/terminology.ts';
import { CHANNEL_NAMES, type ChannelName } from './channel-names.ts';

const role = z.enum(['translator', 'editor']);
const status = z.enum(['new', 'draft', 'translated', 'approved', 'rejected']);
const origin = z.enum([
  'import', 'typed', 'pasted', 'copy-source', 'term', 'qa-fix', 'draft-import', 'tm', 'source-update', 'restore', 'review', 'split', 'merge',
]);
/** Ids are opaque strings to the contract; the store parses them (shared/ids.ts). */
const id = z.string().min(1).max(64);
/** Segment text: bounded so a runaway paste cannot wedge the store. */
const text = z.string().max(100_000);
const filePath = z.string().min(1).max(4096);
/** Approving a segment that has QA errors: the editor's reason, kept in the revision. */
const qaOverride = z.object({ reason: z.string().trim().min(1).max(2_000) });

export const schemas = { role, status, origin, id, text, filePath, fileToken };

export const channels = {
  ...reviewChannels,
  ...terminologyChannels,
  ...spellingChannels,
  /** Settings and, when one is open in this window, its project. */
  getAppState: z.tuple([]),
  setUser: z.tuple([z.object({ name: z.string().trim().min(1).max(100), role })]),
  setLanguage: z.tuple([z.enum(['en', 'fr'])]),
  listRecent: z.tuple([]),

  /** Opens the built-in sample article, creating its project on first use. */
  openSample: z.tuple([]),
  /** Opens a project of the recent list (other files are opened through showOpenDialog). */
  openProject: z.tuple([filePath]),
  /** Imports a file dropped on the window: its name and its bytes in base64 (works over both transports). */
  importDroppedFile: z.tuple([z.string().min(1).max(255), z.string().max(80_000_000)]),
  /** Shows the native open dialog (project or article) and opens the choice; null when cancelled. */
  showOpenDialog: z.tuple([]),
  /**
   * The native open dialog only picks a file: 'article' for a newer version of the source (Update source…),
   * 'wordList' for a word list to import into the desk dictionary or the ignored words. Null: cancelled.
   */
  pickFile: z.tuple([z.enum(['article', 'wordList'])]),
  /**
   * The native save dialog for an export, run by main: the file chosen comes back as a token for exportArticle /
   * exportReview / exportSpellingWords (the renderer never names a path to write). Null: cancelled.
   */
  showSaveDialog: z.tuple([z.enum(['exportArticle', 'exportReview', 'exportWordList']), z.enum(['txt', 'md', 'html', 'docx']), z.string().max(255).optional()]),
  closeProject: z.tuple([]),

  /** Autosave of the segment being typed (not a revision; survives a crash). */
  saveDraft: z.tuple([id, text]),
  /**
   * Writes a target and its status in one transaction, with a revision row. `expectedRevisionId`: the segment's head
   * revision the edit started from (Segment.revisionId, null = none); if someone changed it since, refused with
   * segment.conflict.
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
  getStats: z.tuple([]),
} as const satisfies Record<ChannelName, z.ZodTuple>;

export type Channel = keyof typeof channels;
/** Every channel of the contract (the same list as CHANNEL_NAMES, checked below). */
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

// The name list and the schemas name the same channels.
type _SameChannels = [Exclude<Channel, ChannelName>, Exclude<ChannelName, Channel>] extends [never, never] ? true : never;
export const _sameChannels: _SameChannels = true;

export type Args<C extends Channel> = z.input<(typeof channels)[C]>;
export type ParsedArgs<C extends Channel> = z.output<(typeof channels)[C]>;
