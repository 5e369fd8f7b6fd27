/**
 * Review in the workbench, composed here (features never import each other): segment history and restore,
 * review mode with tracked changes (accept / reject per segment or for the whole article), reject with a comment,
 * approved segments locked for translators (editor: Unlock), "changed since my last look", threaded comments,
 * the publication view, and the republished source (Update source…, the archive of removed segments).
 * State that comes from main (tracked changes, comments, changed segments) is re-read after each change.
 */
import { createElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import type { RelaisError } from '../../../shared/errors.ts';
import type {
  ArchivedSegment, CommentView, HistoryEntry, PublicationStatus, SourceUpdateResult, TrackedChanges,
} from '../../../shared/ipc/channels/review.ts';
import type { FileChoice, RelaisApi } from '../../../shared/ipc/contract.ts';
import type { ProjectSnapshot, Segment, UserIdentity } from '../../../shared/model.ts';
import { asRelaisError } from '../lib/errors.ts';
import type { RowModel } from '../features/workbench/index.ts';
import { LockNotice, RowBadges, TrackedChangesView, type ReviewFilterValue } from '../features/review/index.ts';
import { SourceChangedNote } from '../features/source-update/index.ts';

export type ReviewPanel = 'history' | 'comments' | 'publication' | 'archive';

export interface ReviewDeps {
  api: RelaisApi | null;
  i18n: I18n;
  project: ProjectSnapshot | null;
  user: UserIdentity | null;
  activeRow: RowModel | null;
  /** Grid number of each segment (1-based), for messages and the publication view. */
  numberOf(segmentId: string): number | null;
  notify(text: string): void;
  showError(e: unknown): void;
  activate(segmentId: string, focusEditor: boolean): unknown;
  /** Runs a mutation after the pending ones, once the editor's unsaved text is committed as a draft. */
  mutate(fn: () => Promise<void>): Promise<unknown>;
  /** Puts segments returned by main in place (the active editor shows the new text). */
  applySegments(segments: readonly Segment[]): void;
  /** Re-reads the open project from main (after a source update). */
  reloadProject(): Promise<void>;
  /** Rejects the active segment with the editor's comment (setStatus, through the controller's queue). */
  rejectActive(comment: string): Promise<unknown>;
}

const isDifferentArticle = (e: RelaisError) => e.code === 'invalid.operation' && e.detail === 'different-article';

export function useReview(d: ReviewDeps) {
  const { api, i18n } = d;
  const t = useCallback((k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {}), [i18n]);
  const depsRef = useRef(d);
  depsRef.current = d;

  const [panel, setPanel] = useState<ReviewPanel | null>(null);
  const [reviewMode, setReviewMode] = useState(false);
  const [filter, setFilter] = useState<ReviewFilterValue>('all');
  const [tracked, setTracked] = useState<ReadonlyMap<string, TrackedChanges>>(new Map());
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [comments, setComments] = useState<readonly CommentView[]>([]);
  const [history, setHistory] = useState<readonly HistoryEntry[] | null>(null);
  const [publication, setPublication] = useState<PublicationStatus | null>(null);
  const [archive, setArchive] = useState<readonly ArchivedSegment[] | null>(null);
  const [rejecting, setRejecting] = useState<{ segmentId: string; number: number } | null>(null);
  const [updateResult, setUpdateResult] = useState<SourceUpdateResult | null>(null);
  /** A newer source the person chose that does not look like the same article: asked again before applying. */
  const [differentFile, setDifferentFile] = useState<FileChoice | null>(null);

  const project = d.project;
  const segments = project?.segments;
  const projectPath = project?.info.path ?? null;
  const userName = d.user?.name ?? null;
  const role = d.user?.role ?? null;
  const activeId = d.activeRow?.segment.id ?? null;

  // ——— reading from main ———
  const loadComments = useCallback(async () => {
    if (!api || !projectPath) return setComments([]);
    try {
      setComments((await api.listComments(null)).comments);
    } catch (e) {
      depsRef.current.showError(e);
    }
  }, [api, projectPath]);

  const loadChanged = useCallback(async () => {
    if (!api || !projectPath || !userName) return setChanged(new Set());
    try {
      setChanged(new Set(await api.changedSinceLastLook()));
    } catch (e) {
      depsRef.current.showError(e);
    }
  }, [api, projectPath, userName]);

  const loadTracked = useCallback(async () => {
    if (!api || !projectPath) return setTracked(new Map());
    try {
      const list = await api.getTrackedChanges(null);
      setTracked(new Map(list.map((c) => [c.segmentId, c])));
    } catch (e) {
      depsRef.current.showError(e);
    }
  }, [api, projectPath]);

  // Comments and "changed since" follow the project and the user; tracked changes follow every segment change.
  useEffect(() => { void loadComments(); }, [loadComments]);
  useEffect(() => { void loadChanged(); }, [loadChanged]);
  useEffect(() => { void loadTracked(); }, [loadTracked, segments]);

  // Seeing a segment (making it active) marks it seen for this user.
  const changedRef = useRef(changed);
  changedRef.current = changed;
  useEffect(() => {
    if (!api || !activeId || !userName || !changedRef.current.has(activeId)) return;
    const id = activeId;
    const timer = setTimeout(() => {
      api.markSeen([id]).then(() => setChanged((s) => {
        if (!s.has(id)) return s;
        const n = new Set(s);
        n.delete(id);
        return n;
      }), (e: unknown) => depsRef.current.showError(e));
    }, 300);
    return () => clearTimeout(timer);
  }, [api, activeId, userName, changed]);

  // The history panel follows the active segment and its changes.
  const activeSegment = d.activeRow?.segment ?? null;
  useEffect(() => {
    if (panel !== 'history' || !api || !activeSegment) return setHistory(null);
    let live = true;
    api.getHistory(activeSegment.id).then((h) => { if (live) setHistory(h); }, (e: unknown) => depsRef.current.showError(e));
    return () => { live = false; };
  }, [panel, api, activeSegment]);

  useEffect(() => {
    if (panel !== 'publication' || !api || !projectPath) return;
    let live = true;
    api.getPublicationStatus().then((p) => { if (live) setPublication(p); }, (e: unknown) => depsRef.current.showError(e));
    return () => { live = false; };
  }, [panel, api, projectPath, segments, comments]);

  useEffect(() => {
    if (panel !== 'archive' || !api || !projectPath) return setArchive(null);
    let live = true;
    api.listArchived().then((a) => { if (live) setArchive(a); }, (e: unknown) => depsRef.current.showError(e));
    return () => { live = false; };
  }, [panel, api, projectPath, segments]);

  // A closed project closes the panels and dialogs.
  useEffect(() => {
    if (projectPath) return;
    setPanel(null);
    setRejecting(null);
    setFilter('all');
  }, [projectPath]);

  // ——— derived ———
  const openBySegment = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of comments) if (c.parentId === null && c.resolvedAt === null) m.set(c.segmentId, (m.get(c.segmentId) ?? 0) + 1);
    return m;
  }, [comments]);
  const openCount = useMemo(() => [...openBySegment.values()].reduce((a, b) => a + b, 0), [openBySegment]);
  const sourceChanged = useMemo(() => new Set((segments ?? []).filter((s) => s.sourceChangedFrom).map((s) => s.id)), [segments]);
  const counts = { changedSince: changed.size, openComments: openBySegment.size, trackedChanges: tracked.size, sourceChanged: sourceChanged.size };

  /** Rows kept by the review filter (the active row always stays, like the status filter). */
  const filterRows = useCallback((rows: readonly RowModel[]): readonly RowModel[] => {
    if (filter === 'all') return rows;
    const keep = (id: string) =>
      filter === 'changedSince' ? changed.has(id)
        : filter === 'openComments' ? openBySegment.has(id)
          : filter === 'trackedChanges' ? tracked.has(id)
            : sourceChanged.has(id);
    return rows.filter((r) => r.segment.id === activeId || keep(r.segment.id));
  }, [filter, changed, openBySegment, tracked, sourceChanged, activeId]);

  // ——— actions ———
  const isEditor = role === 'editor';
  const editorOnly = (): true | string => (!d.user ? 'reasons.noUser' : isEditor ? true : 'review.reasons.editorOnly');

  const numberOf = (id: string) => depsRef.current.numberOf(id) ?? 0;

  const acceptChanges = (segmentId: string | null) =>
    depsRef.current.mutate(async () => {
      if (!api) return;
      const segs = await api.acceptChanges(segmentId);
      depsRef.current.applySegments(segs);
      depsRef.current.notify(t('review.announce.accepted', { count: segmentId === null ? segs.length : 1 }));
      await loadTracked();
    });

  const rejectChanges = (segmentId: string | null) =>
    depsRef.current.mutate(async () => {
      if (!api) return;
      const segs = await api.rejectChanges(segmentId);
      depsRef.current.applySegments(segs);
      depsRef.current.notify(t('review.announce.rejected', { count: segmentId === null ? segs.length : 1 }));
      await loadTracked();
    });

  const unlock = (segmentId: string) =>
    depsRef.current.mutate(async () => {
      if (!api) return;
      const seg = await api.unlockSegment(segmentId);
      depsRef.current.applySegments([seg]);
      depsRef.current.notify(t('review.announce.unlocked', { number: numberOf(segmentId) }));
    });

  const restore = (revisionId: string) => {
    const seg = depsRef.current.activeRow?.segment;
    if (!seg) return;
    void depsRef.current.mutate(async () => {
      if (!api) return;
      const updated = await api.restoreRevision(seg.id, revisionId);
      depsRef.current.applySegments([updated]);
      depsRef.current.notify(t('history.announce.restored', { number: numberOf(seg.id) }));
    });
  };

  const openReject = () => {
    const row = depsRef.current.activeRow;
    if (row) setRejecting({ segmentId: row.segment.id, number: row.number });
  };
  const submitReject = async (comment: string) => {
    const r = rejecting;
    setRejecting(null);
    if (!r) return;
    await depsRef.current.rejectActive(comment);
    depsRef.current.notify(t('review.announce.segmentRejected', { number: r.number }));
    await loadComments();
  };

  const addComment = (text: string, parentId: string | null) => {
    const seg = depsRef.current.activeRow?.segment;
    if (!api || !seg) return;
    api.addComment(seg.id, text, parentId).then(() => loadComments(), (e: unknown) => depsRef.current.showError(e));
  };
  const resolveComment = (id: string) => { api?.resolveComment(id).then(() => loadComments(), (e: unknown) => depsRef.current.showError(e)); };
  const reopenComment = (id: string) => { api?.reopenComment(id).then(() => loadComments(), (e: unknown) => depsRef.current.showError(e)); };

  const runUpdate = async (file: FileChoice, confirm: boolean) => {
    if (!api) return;
    try {
      const result = await api.updateSource(file.token, confirm);
      setDifferentFile(null);
      await depsRef.current.reloadProject();
      setUpdateResult(result);
      await Promise.all([loadChanged(), loadComments()]);
    } catch (e) {
      const err = asRelaisError(e);
      if (!confirm && isDifferentArticle(err)) setDifferentFile(file);
      else depsRef.current.showError(err);
    }
  };
  const updateSource = () =>
    depsRef.current.mutate(async () => {
      if (!api) return;
      const file = await api.pickFile('article');
      if (file === null) {
        depsRef.current.notify(t('sourceUpdate.announce.cancelled'));
        return;
      }
      await runUpdate(file, false);
    });

  const togglePanel = (p: ReviewPanel) => setPanel((cur) => (cur === p ? null : p));
  const toggleReviewMode = () => {
    setReviewMode((m) => {
      depsRef.current.notify(t(m ? 'review.announce.modeOff' : 'review.announce.modeOn'));
      return !m;
    });
  };

  // ——— the slots filled in the workbench rows ———
  const acts = useRef({ acceptChanges, rejectChanges, unlock });
  acts.current = { acceptChanges, rejectChanges, unlock };
  const canAct = editorOnly();
  const segById = useMemo(() => new Map((segments ?? []).map((s) => [s.id, s])), [segments]);
  const decor = useMemo(() => ({
    rowBadges: (segmentId: string) => {
      const changedSince = changed.has(segmentId);
      const open = openBySegment.get(segmentId) ?? 0;
      return changedSince || open ? createElement(RowBadges, { changedSince, openComments: open, role }) : null;
    },
    belowTarget: (segmentId: string) => {
      const seg = segById.get(segmentId);
      if (!seg) return null;
      const parts = [];
      if (seg.sourceChangedFrom) parts.push(createElement(SourceChangedNote, { key: 'src', before: seg.sourceChangedFrom, after: seg.source }));
      const tc = tracked.get(segmentId);
      if (reviewMode && tc) {
        parts.push(createElement(TrackedChangesView, {
          key: 'tc', changes: tc, canAct,
          onAccept: (id: string) => void acts.current.acceptChanges(id),
          onReject: (id: string) => void acts.current.rejectChanges(id),
        }));
      }
      if (seg.status === 'approved' && seg.translatable && segmentId === activeId) {
        parts.push(createElement(LockNotice, { key: 'lock', canUnlock: isEditor, onUnlock: () => void acts.current.unlock(segmentId) }));
      }
      return parts.length ? parts : null;
    },
    readOnly: (segmentId: string) => !isEditor && segById.get(segmentId)?.status === 'approved',
  }), [changed, openBySegment, role, segById, tracked, reviewMode, canAct, activeId, isEditor]);

  return {
    panel, setPanel, togglePanel, closePanel: () => setPanel(null),
    reviewMode, toggleReviewMode,
    filter, setFilter, filterRows, counts,
    tracked, changed, comments, openBySegment, openCount,
    activeComments: activeId ? comments.filter((c) => c.segmentId === activeId) : null,
    history, restore, canRestore: (): true | string => (d.user ? true : 'reasons.noUser'),
    publication, archive,
    acceptChanges, rejectChanges, unlock, editorOnly,
    hasTracked: (segmentId: string | null) => (segmentId === null ? tracked.size > 0 : tracked.has(segmentId)),
    rejecting, openReject, submitReject, cancelReject: () => setRejecting(null),
    addComment, resolveComment, reopenComment,
    updateSource, updateResult, closeUpdateResult: () => setUpdateResult(null),
    differentFile: differentFile?.fileName ?? null, confirmDifferent: () => { const f = differentFile; if (f) void depsRef.current.mutate(() => runUpdate(f, true)); },
    cancelDifferent: () => { setDifferentFile(null); depsRef.current.notify(t('sourceUpdate.announce.cancelled')); },
    decor,
    jump: (segmentId: string) => void depsRef.current.activate(segmentId, true),
  };
}

export type Review = ReturnType<typeof useReview>;
