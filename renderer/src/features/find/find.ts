/** Find in source and target, and the status filter: what the find bar and its commands do. */
import { rowsOf } from '../../lib/state/project.ts';
import type { Core } from '../../lib/core/core.ts';
import { scrollToRow } from '../../lib/dom.ts';
import type { StatusFilter } from '../../lib/state/view.ts';

export interface Find {
  /** The find box and the status filter, for the focus commands. */
  readonly inputRef: { current: HTMLInputElement | null };
  readonly filterRef: { current: HTMLSelectElement | null };
  setQuery(query: string): void;
  /** Shows the rows of one status; when the active row has another, the first row shown becomes active. */
  setFilter(filter: StatusFilter): void;
  /** The next (1) or previous (-1) hit, wrapping round; its segment becomes active when it can be edited. */
  goToMatch(delta: 1 | -1): void;
  /** Leaves the find box for the active editor. */
  done(): void;
  focusFind(): void;
  focusFilter(): void;
}

export function createFind(core: Core): Find {
  const { view, project } = core;
  const inputRef: Find['inputRef'] = { current: null };
  const filterRef: Find['filterRef'] = { current: null };

  return {
    inputRef,
    filterRef,
    setQuery: (findQuery) => view.setState({ findQuery, findIndex: -1 }),
    setFilter(statusFilter) {
      view.setState({ statusFilter, findIndex: -1 });
      const a = core.activeSegment();
      if (statusFilter !== 'all' && a && a.status !== statusFilter) {
        const first = rowsOf(project.getState()).find((r) => r.segment.translatable && r.segment.status === statusFilter);
        if (first) void core.activate(first.segment.id, false);
      }
    },
    goToMatch(delta) {
      const v = view.getState();
      const hits = core.select.findHits(project.getState(), v);
      if (hits.length === 0) {
        core.notify(core.t('reasons.noMatches'));
        return;
      }
      const cur = v.findIndex;
      const index = cur < 0 ? (delta === 1 ? 0 : hits.length - 1) : (cur + delta + hits.length) % hits.length;
      view.setState({ findIndex: index });
      const hit = hits[index]!;
      const seg = project.getState().segments.get(hit.segmentId);
      if (seg?.translatable && view.getState().activeId !== hit.segmentId) void core.activate(hit.segmentId, false);
      requestAnimationFrame(() => scrollToRow(hit.segmentId));
    },
    done: () => {
      void core.activate(view.getState().activeId ?? '', true);
    },
    focusFind: () => {
      inputRef.current?.focus();
      inputRef.current?.select();
    },
    focusFilter: () => filterRef.current?.focus(),
  };
}
