/**
 * The one IPC contract between the renderer and the services, as types (VS Code's ProxyChannel idea): channel →
 * argument types (from the schemas in schemas.ts) and result type. The renderer imports this module for types only;
 * main, the e2e harness and (later) the desk server validate arguments with the schemas themselves.
 *
 * Two transports carry it — Electron IPC in the app (the preload exposes one function per channel, forwarded by main
 * to the project worker) and a Playwright binding in the e2e harness — and both end in the same handler table
 * (electron/services/handlers.ts) running in the same worker.
 */
import type { ReviewResults } from './channels/review.ts';
import type { SpellingResults } from './channels/spelling.ts';
import type { TerminologyResults } from './channels/terminology.ts';
import type { Args, Channel, ParsedArgs } from './schemas.ts';
import type { AppSettings, ProjectSnapshot, ProjectStats, RecentProject, Segment } from '../model.ts';

export type { Args, Channel, ParsedArgs };

export interface AppState {
  settings: AppSettings;
  /** The project open in this window, if any. */
  project: ProjectSnapshot | null;
}

/** A file chosen in a native dialog run by main: a token that stands for it, and its name to show. */
export interface FileChoice {
  token: string;
  fileName: string;
}

/** Result type of each channel. */
export interface Results extends ReviewResults, TerminologyResults, SpellingResults {
  getAppState: AppState;
  setUser: AppSettings;
  setLanguage: AppSettings;
  listRecent: RecentProject[];
  openSample: ProjectSnapshot;
  openProject: ProjectSnapshot;
  importDroppedFile: ProjectSnapshot;
  showOpenDialog: ProjectSnapshot | null;
  pickFile: FileChoice | null;
  showSaveDialog: FileChoice | null;
  closeProject: null;
  saveDraft: null;
  commitSegment: Segment;
  setStatus: Segment;
  splitSegment: ProjectSnapshot;
  mergeSegments: ProjectSnapshot;
  setBlockTranslatable: ProjectSnapshot;
  getStats: ProjectStats;
}

type _Complete = { [K in Channel]: Results[K] };
// Compile-time check that every channel has a result type and no result lacks a channel.
export type _ContractComplete = _Complete extends Results ? (Results extends _Complete ? true : never) : never;

/** What the renderer calls: one async function per channel. */
export type RelaisApi = { [C in Channel]: (...args: Args<C>) => Promise<Results[C]> };

/** What the services implement: one handler per channel, given validated arguments. */
export type Handlers = { [C in Channel]: (...args: ParsedArgs<C>) => Results[C] | Promise<Results[C]> };
