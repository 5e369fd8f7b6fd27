/**
 * What the workbench shows, as opposed to what the project holds: the active segment, the editor's restart key and
 * autosave state, the row filters, the find query, and which side panel is open. The renderer's view state only;
 * none of it is stored in the project.
 */
import type { SegmentStatus } from '../../../../shared/model.ts';
import { createStore, type StoreApi } from './store.ts';

export type DraftState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'committed';
export type StatusFilter = 'all' | SegmentStatus;
/** The panels that share the side column (one at a time); the QA panel and the term panel show beside them. */
export type SidePanel = 'history' | 'comments' | 'publication' | 'archive';

export interface ViewState {
  activeId: string | null;
  /** Bumped when the active editor must restart from the stored text (a new snapshot, a review action on it). */
  editorKey: number;
  draftState: DraftState;
  statusFilter: StatusFilter;
  /**
   * Rows kept by a feature's own filter (review: changed since my last look, open comments…), or null for all.
   * The active row always stays, as with the status filter.
   */
  rowFilter: ReadonlySet<string> | null;
  findQuery: string;
  /** Index of the current find hit, -1 before the first Enter. */
  findIndex: number;
  /** The query the grid highlights: follows `findQuery` at the grid's own pace (a long article re-highlights later). */
  gridQuery: string;
  sidePanel: SidePanel | null;
}

export type ViewStore = StoreApi<ViewState>;

export function createViewStore(): ViewStore {
  return createStore<ViewState>(() => ({
    activeId: null, editorKey: 0, draftState: 'idle', statusFilter: 'all', rowFilter: null,
    findQuery: '', findIndex: -1, gridQuery: '', sidePanel: null,
  }));
}

/** Opens a side panel, or closes it when it is the one open. */
export function toggleSidePanel(view: ViewStore, panel: SidePanel): void {
  view.setState((s) => ({ sidePanel: s.sidePanel === panel ? null : panel }));
}
