/**
 * Review in the workbench: review mode with tracked changes (accept / reject per segment or for the whole article),
 * reject with a comment, approved segments locked for translators (editor: Unlock), "changed since my last look",
 * and the review filter. What comes from main (tracked changes, changed segments) is re-read after each change.
 */
import type { TrackedChanges } from '../../../../shared/ipc/channels/review.ts';
import type { Segment } from '../../../../shared/model.ts';
import type { Core } from '../../lib/core/core.ts';
import { openThreadsBySegment } from '../../lib/state/comments.ts';
import { createStore, memoLast, watch, type StoreApi } from '../../lib/state/store.ts';
import type { ReviewFilterValue } from './ReviewFilter.tsx';

export interface ReviewState {
  reviewMode: boolean;
  filter: ReviewFilterValue;
  /** Tracked changes by segment; an entry keeps its object while its texts do not change. */
  tracked: ReadonlyMap<string, TrackedChanges>;
  /** Segments changed by someone else since this user last looked at them. */
  changed: ReadonlySet<string>;
  /** The reject dialog (a comment is required), or null. */
  rejecting: { segmentId: string; number: number } | null;
}

export type ReviewCounts = Record<Exclude<ReviewFilterValue, 'all'>, number>;

export interface Review {
  readonly store: StoreApi<ReviewState>;
  counts(): ReviewCounts;
  setFilter(filter: ReviewFilterValue): void;
  toggleReviewMode(): void;
  /** true, or the reason key when the user is not an editor. */
  editorOnly(): true | string;
  hasTracked(segmentId: string | null): boolean;
  acceptChanges(segmentId: string | null): Promise<unknown>;
  rejectChanges(segmentId: string | null): Promise<unknown>;
  unlock(segmentId: string): Promise<unknown>;
  openReject(): void;
  submitReject(comment: string): Promise<void>;
  cancelReject(): void;
  start(): () => void;
}

const sourceChangedIds = memoLast((segments: ReadonlyMap<string, Segment>) => new Set([...segments.values()].filter((s) => s.sourceChangedFrom).map((s) => s.id)));

function sameChanges(a: TrackedChanges, b: TrackedChanges): boolean {
  return a.base === b.base && a.current === b.current && a.editors.join('\n') === b.editors.join('\n');
}

/** The ids the review filter keeps, or null for all. */
function keptIds(filter: ReviewFilterValue, s: ReviewState, open: ReadonlyMap<string, number>, sourceChanged: ReadonlySet<string>): ReadonlySet<string> | null {
  switch (filter) {
    case 'all': return null;
    case 'changedSince': return s.changed;
    case 'openComments': return new Set(open.keys());
    case 'trackedChanges': return new Set(s.tracked.keys());
    case 'sourceChanged': return sourceChanged;
  }
}

export function createReview(core: Core): Review {
  const { api, t, project, view, session } = core;
  const store = createStore<ReviewState>(() => ({ reviewMode: false, filter: 'all', tracked: new Map(), changed: new Set(), rejecting: null }));
  const countsOf = memoLast((changed: ReadonlySet<string>, open: ReadonlyMap<string, number>, tracked: ReadonlyMap<string, TrackedChanges>, src: ReadonlySet<string>): ReviewCounts => ({
    changedSince: changed.size, openComments: open.size, trackedChanges: tracked.size, sourceChanged: src.size,
  }));
  const userName = () => session.getState().settings?.user?.name ?? null;
  const projectPath = () => project.getState().info?.path ?? null;

  const loadTracked = async () => {
    if (!api || !projectPath()) {
      store.setState({ tracked: new Map() });
      return;
    }
    try {
      const list = await api.getTrackedChanges(null);
      const prev = store.getState().tracked;
      store.setState({ tracked: new Map(list.map((c) => {
        const old = prev.get(c.segmentId);
        return [c.segmentId, old && sameChanges(old, c) ? old : c];
      })) });
    } catch (e) {
      core.showError(e);
    }
  };

  const loadChanged = async () => {
    if (!api || !projectPath() || !userName()) {
      store.setState({ changed: new Set() });
      return;
    }
    try {
      store.setState({ changed: new Set(await api.changedSinceLastLook()) });
    } catch (e) {
      core.showError(e);
    }
  };

  const numberOf = (id: string) => core.numberOf(id) ?? 0;

  const editorOnly = (): true | string => {
    const user = session.getState().settings?.user;
    return !user ? 'reasons.noUser' : user.role === 'editor' ? true : 'review.reasons.editorOnly';
  };

  const changesAction = (kind: 'accept' | 'reject') => (segmentId: string | null) =>
    core.mutate(async () => {
      if (!api) return;
      const segs = await (kind === 'accept' ? api.acceptChanges(segmentId) : api.rejectChanges(segmentId));
      core.applySegments(segs);
      core.notify(t(kind === 'accept' ? 'review.announce.accepted' : 'review.announce.rejected', { count: segmentId === null ? segs.length : 1 }));
      await loadTracked();
    });

  /** Seeing a segment (making it active) marks it seen for this user, after a short look. */
  const markSeenLater = () => {
    const id = view.getState().activeId;
    if (!api || !id || !userName() || !store.getState().changed.has(id)) return () => undefined;
    const timer = setTimeout(() => {
      api.markSeen([id]).then(() => store.setState((s) => {
        if (!s.changed.has(id)) return {};
        const changed = new Set(s.changed);
        changed.delete(id);
        return { changed };
      }), (e: unknown) => core.showError(e));
    }, 300);
    return () => clearTimeout(timer);
  };

  return {
    store,
    counts: () => {
      const s = store.getState();
      return countsOf(s.changed, openThreadsBySegment(core.comments.getState().comments), s.tracked, sourceChangedIds(project.getState().segments));
    },
    setFilter: (filter) => store.setState({ filter }),
    toggleReviewMode() {
      const on = !store.getState().reviewMode;
      store.setState({ reviewMode: on });
      core.notify(t(on ? 'review.announce.modeOn' : 'review.announce.modeOff'));
    },
    editorOnly,
    hasTracked: (segmentId) => (segmentId === null ? store.getState().tracked.size > 0 : store.getState().tracked.has(segmentId)),
    acceptChanges: changesAction('accept'),
    rejectChanges: changesAction('reject'),
    unlock: (segmentId) =>
      core.mutate(async () => {
        if (!api) return;
        core.applySegments([await api.unlockSegment(segmentId)]);
        core.notify(t('review.announce.unlocked', { number: numberOf(segmentId) }));
      }),
    openReject() {
      const row = core.activeRow();
      if (row) store.setState({ rejecting: { segmentId: row.segment.id, number: row.number } });
    },
    async submitReject(comment) {
      const r = store.getState().rejecting;
      store.setState({ rejecting: null });
      if (!r) return;
      await core.setStatus('rejected', undefined, comment);
      core.notify(t('review.announce.segmentRejected', { number: r.number }));
      await core.reloadComments();
    },
    cancelReject: () => store.setState({ rejecting: null }),
    start() {
      let stopSeen = markSeenLater();
      const stops = [
        // Tracked changes follow every segment change; "changed since" follows each snapshot and the user.
        watch(() => project.getState().segments, [project], () => void loadTracked()),
        watch(() => `${project.getState().loads}\n${userName() ?? ''}`, [project, session], () => void loadChanged()),
        watch(() => {
          const id = view.getState().activeId;
          return `${id ?? ''}\n${userName() ?? ''}\n${id !== null && store.getState().changed.has(id)}`;
        }, [view, session, store], () => {
          stopSeen();
          stopSeen = markSeenLater();
        }),
        // A closed project closes the reject dialog and the filter.
        watch(projectPath, [project], (path) => {
          if (path === null) store.setState({ rejecting: null, filter: 'all' });
        }),
        // The review filter, as a row filter of the grid.
        watch(() => {
          const s = store.getState();
          return s.filter === 'all' ? null : keptIds(s.filter, s, openThreadsBySegment(core.comments.getState().comments), sourceChangedIds(project.getState().segments));
        }, [store, core.comments, project], (rowFilter) => view.setState({ rowFilter }), (a, b) => a === b || (a !== null && b !== null && a.size === b.size && [...a].every((id) => b.has(id)))),
      ];
      void loadTracked();
      void loadChanged();
      return () => {
        stopSeen();
        for (const stop of stops) stop();
      };
    },
  };
}
