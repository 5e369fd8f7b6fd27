/**
 * Derived state over the project and view stores, memoised on its inputs so it stays the same object while they
 * do: the rows the grid shows, the find hits. One set per app (see createCore), read by hooks and by commands alike.
 */
import type { Segment, SegmentStatus } from '../../../../shared/model.ts';
import { findMatches } from '../find.ts';
import type { ProjectState } from '../state/project.ts';
import { memoLast } from '../state/store.ts';
import type { StatusFilter, ViewState } from '../state/view.ts';

export interface FindHit {
  segmentId: string;
  field: 'source' | 'target';
  start: number;
}

export interface Selectors {
  /** Ids of the rows the grid shows, in document order: the status filter and a feature's row filter applied. */
  visibleIds(p: ProjectState, v: ViewState): readonly string[];
  /** Every find hit of `findQuery` in the shown rows, in order. */
  findHits(p: ProjectState, v: ViewState): readonly FindHit[];
  /** Segments with a hit of the query the grid highlights (`gridQuery`). */
  gridMatched(p: ProjectState, v: ViewState): ReadonlySet<string>;
}

export const UNCONFIRMED: ReadonlySet<SegmentStatus> = new Set(['new', 'draft', 'rejected']);

function filterIds(order: readonly string[], segments: ReadonlyMap<string, Segment>, status: StatusFilter, keep: ReadonlySet<string> | null, activeId: string | null): readonly string[] {
  if (status === 'all' && keep === null) return order;
  return order.filter((id) => id === activeId || ((status === 'all' || segments.get(id)?.status === status) && (keep === null || keep.has(id))));
}

function hitsOf(ids: readonly string[], segments: ReadonlyMap<string, Segment>, query: string): readonly FindHit[] {
  const out: FindHit[] = [];
  if (query === '') return out;
  for (const id of ids) {
    const s = segments.get(id);
    if (!s) continue;
    for (const m of findMatches(s.source, query)) out.push({ segmentId: id, field: 'source', start: m.start });
    for (const m of findMatches(s.target, query)) out.push({ segmentId: id, field: 'target', start: m.start });
  }
  return out;
}

export function createSelectors(): Selectors {
  // The active row only matters when a filter is on: without one, moving the active segment changes nothing here.
  const visible = memoLast(filterIds);
  const visibleIds = (p: ProjectState, v: ViewState) =>
    visible(p.order, p.segments, v.statusFilter, v.rowFilter, v.statusFilter === 'all' && v.rowFilter === null ? null : v.activeId);
  const hits = memoLast(hitsOf);
  const gridHits = memoLast(hitsOf);
  const matchedOf = memoLast((h: readonly FindHit[]) => new Set(h.map((x) => x.segmentId)));
  return {
    visibleIds,
    findHits: (p, v) => hits(visibleIds(p, v), p.segments, v.findQuery),
    gridMatched: (p, v) => matchedOf(gridHits(visibleIds(p, v), p.segments, v.gridQuery)),
  };
}
