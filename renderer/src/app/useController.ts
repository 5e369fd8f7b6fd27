/**
 * The app shell's controller: holds what comes from main (settings, project snapshot, stats) and the view state
 * (active segment, filter, find), and performs every action against main. Mutations are serialised in one queue
 * so quick repeated commands never race; results replace local copies (main is the source of truth).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { RelaisError } from '../../../shared/errors.ts';
import type { AppSettings, Block, ProjectSnapshot, ProjectStats, Segment, SegmentStatus, UiLanguage, UserIdentity } from '../../../shared/model.ts';
import { displayKind } from '../../../shared/model.ts';
import type { Backend } from '../lib/backend.ts';
import { findRow } from '../lib/dom.ts';
import { asRelaisError } from '../lib/errors.ts';
import { findMatches } from '../lib/find.ts';
import { applyDocumentLanguage } from '../lib/i18n.ts';
import type { StatusFilter } from '../features/find/index.ts';
import type { DraftState } from '../features/status-bar/index.ts';
import type { EditorCallbacks, EditorHandle, RowModel } from '../features/workbench/index.ts';
import { sourceCaretOffset } from '../features/workbench/index.ts';

export const DRAFT_DEBOUNCE_MS = 400;

export interface FindHit {
  segmentId: string;
  field: 'source' | 'target';
  start: number;
}

export interface ErrorState {
  error: RelaisError;
  textKept: boolean;
}

export interface ViewState {
  phase: 'loading' | 'ready';
  settings: AppSettings | null;
  project: ProjectSnapshot | null;
  stats: ProjectStats | null;
  activeId: string | null;
  filter: StatusFilter;
  findQuery: string;
  findIndex: number;
  draftState: DraftState;
  editorKey: number;
  error: ErrorState | null;
  onboarding: 'first' | 'switch' | null;
  paletteOpen: boolean;
  notice: { text: string; id: number } | null;
}

export interface Derived {
  blocks: Map<string, Block>;
  rows: RowModel[];
  matches: FindHit[];
  matched: ReadonlySet<string>;
  active: RowModel | null;
}

const UNCONFIRMED: ReadonlySet<SegmentStatus> = new Set(['new', 'draft', 'rejected']);

/**
 * Rows in document order. With `cache`, a row whose segment, block and position did not change is the same object
 * as before, so memoised rows skip re-rendering after a mutation that touched one segment.
 */
export function buildRows(project: ProjectSnapshot | null, blocks: Map<string, Block>, cache?: Map<string, RowModel>): RowModel[] {
  if (!project) return [];
  const segs = [...project.segments].sort((a, b) => a.ord - b.ord);
  const rows: RowModel[] = [];
  let prevBlock: string | null = null;
  for (const s of segs) {
    const block = blocks.get(s.blockId);
    if (!block) continue;
    const blockStart = s.blockId !== prevBlock;
    const number = rows.length + 1;
    const old = cache?.get(s.id);
    if (old && old.segment === s && old.block === block && old.blockStart === blockStart && old.number === number) rows.push(old);
    else rows.push({ segment: s, block, kind: displayKind(block), blockStart, number });
    prevBlock = s.blockId;
  }
  if (cache) {
    cache.clear();
    for (const r of rows) cache.set(r.segment.id, r);
  }
  return rows;
}

export function useController(backend: Backend | null, i18n: I18n) {
  const [state, setState] = useState<ViewState>({
    phase: 'loading', settings: null, project: null, stats: null, activeId: null, filter: 'all', findQuery: '', findIndex: -1,
    draftState: 'idle', editorKey: 0, error: null, onboarding: null, paletteOpen: false, notice: null,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<ViewState> | ((s: ViewState) => Partial<ViewState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof p === 'function' ? p(s) : p) };
      stateRef.current = next;
      return next;
    });
  }, []);

  const projectBlocks = state.project?.blocks;
  const blocks = useMemo(() => new Map((projectBlocks ?? []).map((b) => [b.id, b])), [projectBlocks]);
  const rowCache = useRef(new Map<string, RowModel>());
  const allRows = useMemo(() => buildRows(state.project, blocks, rowCache.current), [state.project, blocks]);
  const rows = useMemo(
    () => (state.filter === 'all' ? allRows : allRows.filter((r) => r.segment.status === state.filter || r.segment.id === state.activeId)),
    [allRows, state.filter, state.activeId],
  );
  const matches = useMemo(() => {
    const out: FindHit[] = [];
    if (state.findQuery === '') return out;
    for (const r of rows) {
      for (const m of findMatches(r.segment.source, state.findQuery)) out.push({ segmentId: r.segment.id, field: 'source', start: m.start });
      for (const m of findMatches(r.segment.target, state.findQuery)) out.push({ segmentId: r.segment.id, field: 'target', start: m.start });
    }
    return out;
  }, [rows, state.findQuery]);
  const active = useMemo(() => allRows.find((r) => r.segment.id === state.activeId) ?? null, [allRows, state.activeId]);
  const matched = useMemo(() => new Set(matches.map((m) => m.segmentId)), [matches]);
  const derived: Derived = { blocks, rows, matches, matched, active };
  const derivedRef = useRef(derived);
  derivedRef.current = derived;

  // Refs that never re-render anything.
  const editor = useRef<EditorHandle | null>(null);
  const focusEditorOnMount = useRef(false);
  const drafts = useRef<Record<string, string>>({});
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const draftChain = useRef<Promise<unknown>>(Promise.resolve());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const sourceCaret = useRef<{ segmentId: string; offset: number } | null>(null);
  const noticeId = useRef(0);

  const api = backend?.api ?? null;

  const actions = useMemo(() => {
    const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {});

    const notify = (text: string) => {
      noticeId.current += 1;
      patch({ notice: { text, id: noticeId.current } });
    };

    const showError = (e: unknown, textKept = false) => {
      patch({ error: { error: asRelaisError(e), textKept } });
    };

    /** Runs `fn` after every earlier mutation; errors go to the error dialog, the result (or undefined) comes back. */
    const enqueue = <T,>(fn: () => Promise<T>, opts: { textKept?: boolean } = {}): Promise<T | undefined> => {
      const run = queue.current.then(fn).catch((e: unknown) => {
        showError(e, opts.textKept ?? false);
        return undefined;
      });
      queue.current = run;
      return run;
    };

    const refreshStats = async () => {
      if (!api) return;
      try {
        const stats = await api.getStats();
        patch({ stats });
      } catch (e) {
        showError(e);
      }
    };

    const firstWorkRow = (rows: readonly RowModel[]): RowModel | undefined =>
      rows.find((r) => r.segment.translatable && UNCONFIRMED.has(r.segment.status)) ?? rows.find((r) => r.segment.translatable);

    const setProject = (project: ProjectSnapshot | null, opts: { keepActive?: boolean } = {}) => {
      drafts.current = { ...(project?.drafts ?? {}) };
      const keep = opts.keepActive !== false && project?.segments.some((s) => s.id === stateRef.current.activeId && s.translatable);
      let activeId: string | null = keep ? stateRef.current.activeId : null;
      if (project && !activeId) {
        const b = new Map(project.blocks.map((x) => [x.id, x]));
        activeId = firstWorkRow(buildRows(project, b))?.segment.id ?? null;
      }
      focusEditorOnMount.current = true;
      patch((s) => ({ project, activeId, editorKey: s.editorKey + 1, draftState: 'idle', findIndex: -1, stats: project ? s.stats : null }));
      if (project) void refreshStats();
    };

    /**
     * A commit refused because someone else changed the segment meanwhile: take their head (the editor keeps the
     * person's text), so that confirming again replaces their version knowingly.
     */
    const takeNewHead = async (e: unknown, segmentId: string) => {
      if (!api || asRelaisError(e).code !== 'segment.conflict') return;
      try {
        const fresh = (await api.getAppState()).project?.segments.find((s) => s.id === segmentId);
        if (fresh) patch((s) => (s.project ? { project: { ...s.project, segments: s.project.segments.map((x) => (x.id === fresh.id ? fresh : x)) } } : {}));
      } catch {
        // The error dialog already says what happened.
      }
    };

    const replaceSegment = (seg: Segment) => {
      delete drafts.current[seg.id];
      patch((s) => (s.project ? { project: { ...s.project, segments: s.project.segments.map((x) => (x.id === seg.id ? seg : x)) } } : {}));
      void refreshStats();
    };

    const cancelDraftTimer = () => {
      if (draftTimer.current !== null) {
        clearTimeout(draftTimer.current);
        draftTimer.current = null;
      }
    };

    const activeSegment = (): Segment | null => {
      const id = stateRef.current.activeId;
      return stateRef.current.project?.segments.find((s) => s.id === id) ?? null;
    };

    /** The editor's text when it differs from the stored target (what leaving or confirming must commit). */
    const pendingEdit = (): { seg: Segment; text: string } | null => {
      const seg = activeSegment();
      const h = editor.current;
      if (!seg || !h || h.segmentId !== seg.id) return null;
      const text = h.getText();
      return text === seg.target ? null : { seg, text };
    };

    /** Commits a changed buffer as a draft. False when the commit failed (the buffer is kept, the user stays). */
    const commitPending = async (status: SegmentStatus = 'draft'): Promise<boolean> => {
      const p = pendingEdit();
      if (!p || !api) return true;
      cancelDraftTimer();
      await draftChain.current.catch(() => undefined);
      try {
        const seg = await api.commitSegment({ segmentId: p.seg.id, target: p.text, status, origin: editor.current?.getOrigin() ?? 'typed', expectedRevisionId: p.seg.revisionId });
        replaceSegment(seg);
        patch({ draftState: 'committed' });
        return true;
      } catch (e) {
        await takeNewHead(e, p.seg.id);
        showError(e, true);
        return false;
      }
    };

    const scrollToRow = (id: string) => {
      const el = findRow(document, id);
      if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
    };

    const activateNow = (id: string, focusEditor: boolean) => {
      focusEditorOnMount.current = focusEditor;
      cancelDraftTimer();
      patch({ activeId: id, draftState: 'idle' });
      requestAnimationFrame(() => scrollToRow(id));
    };

    const activate = (id: string, focusEditor: boolean) =>
      enqueue(async () => {
        if (stateRef.current.activeId === id) {
          if (focusEditor) editor.current?.focus();
          return;
        }
        if (!(await commitPending('draft'))) return;
        activateNow(id, focusEditor);
      });

    const move = (delta: 1 | -1) =>
      enqueue(async () => {
        const rows = derivedRef.current.rows.filter((r) => r.segment.translatable);
        const i = rows.findIndex((r) => r.segment.id === stateRef.current.activeId);
        const target = i < 0 ? rows[0] : rows[i + delta];
        if (!target) return;
        if (!(await commitPending('draft'))) return;
        activateNow(target.segment.id, true);
      });

    const confirm = () =>
      enqueue(async () => {
        const seg = activeSegment();
        const h = editor.current;
        if (!seg || !h || !api) return;
        const text = h.getText();
        if (text.trim() === '') {
          notify(t('reasons.emptyTarget'));
          return;
        }
        const unchangedDone = text === seg.target && (seg.status === 'translated' || seg.status === 'approved');
        if (!unchangedDone) {
          cancelDraftTimer();
          await draftChain.current.catch(() => undefined);
          try {
            const updated = await api.commitSegment({ segmentId: seg.id, target: text, status: 'translated', origin: h.getOrigin(), expectedRevisionId: seg.revisionId });
            replaceSegment(updated);
            patch({ draftState: 'committed' });
          } catch (e) {
            await takeNewHead(e, seg.id);
            showError(e, true);
            return;
          }
        }
        // Next unconfirmed segment after this one, wrapping round; stay if there is none.
        const rows = derivedRef.current.rows;
        const i = rows.findIndex((r) => r.segment.id === seg.id);
        const order = [...rows.slice(i + 1), ...rows.slice(0, Math.max(0, i))];
        const next = order.find((r) => r.segment.translatable && UNCONFIRMED.has(r.segment.status));
        if (next) activateNow(next.segment.id, true);
      }, { textKept: true });

    /** `override`: an editor's reason for approving despite QA errors (the approval gate, app/useTerminology.ts). */
    /** `comment`: why an editor rejects (required by main for a rejection; app/useReview.ts asks for it). */
    const setStatus = (status: 'approved' | 'rejected', override?: { reason: string }, comment?: string) =>
      enqueue(async () => {
        const seg = activeSegment();
        if (!seg || !api) return;
        if (!(await commitPending('translated'))) return;
        const updated = await api.setStatus({ segmentId: seg.id, status, ...(override ? { override } : {}), ...(comment !== undefined ? { comment } : {}) });
        replaceSegment(updated);
        notify(t('announce.statusChanged', { number: derivedRef.current.active?.number ?? seg.ord + 1, status: t(`status.${status}`) }));
      }, { textKept: true });

    const copySource = () => {
      const seg = activeSegment();
      if (seg && editor.current) {
        editor.current.setText(seg.source, 'copy-source');
        editor.current.focus();
      }
    };

    const cancelEdit = () => {
      const seg = activeSegment();
      const h = editor.current;
      if (!seg || !h) return;
      const hadDraft = drafts.current[seg.id] !== undefined;
      cancelDraftTimer();
      h.setText(seg.target, 'typed');
      cancelDraftTimer();
      patch({ draftState: 'idle' });
      if (hadDraft && api) {
        delete drafts.current[seg.id];
        draftChain.current = draftChain.current.catch(() => undefined).then(() => api.saveDraft(seg.id, seg.target)).catch(() => undefined);
      }
      h.focus();
    };

    const split = () =>
      enqueue(async () => {
        const seg = activeSegment();
        if (!seg || !api) return;
        const live = sourceCaretOffset(seg.id, window.getSelection());
        const caret = live ?? (sourceCaret.current?.segmentId === seg.id ? sourceCaret.current.offset : null);
        if (caret === null || caret <= 0 || caret >= seg.source.length) {
          notify(t('reasons.splitCaret'));
          return;
        }
        if (!(await commitPending('draft'))) return;
        const snap = await api.splitSegment(seg.id, caret);
        sourceCaret.current = null;
        setProject(snap);
        notify(t('announce.split', { number: derivedRef.current.active?.number ?? seg.ord + 1 }));
      }, { textKept: true });

    const mergeNext = () =>
      enqueue(async () => {
        const seg = activeSegment();
        const next = nextInBlock();
        if (!seg || !next || !api) return;
        if (!(await commitPending('draft'))) return;
        const snap = await api.mergeSegments(seg.id, next.id);
        setProject(snap);
        notify(t('announce.merged'));
      }, { textKept: true });

    const nextInBlock = (): Segment | null => {
      const seg = activeSegment();
      const project = stateRef.current.project;
      if (!seg || !project) return null;
      const after = project.segments.filter((s) => s.ord > seg.ord).sort((a, b) => a.ord - b.ord)[0];
      return after && after.blockId === seg.blockId ? after : null;
    };

    const toggleTranslatable = (blockId: string, translatable: boolean) =>
      enqueue(async () => {
        if (!api) return;
        if (!(await commitPending('draft'))) return;
        const snap = await api.setBlockTranslatable(blockId, translatable);
        setProject(snap);
        notify(t(translatable ? 'announce.blockIncluded' : 'announce.blockExcluded'));
      });

    const onInput = (segmentId: string, text: string) => {
      if (!api) return;
      if (stateRef.current.draftState !== 'pending') patch({ draftState: 'pending' });
      cancelDraftTimer();
      draftTimer.current = setTimeout(() => {
        draftTimer.current = null;
        patch({ draftState: 'saving' });
        draftChain.current = draftChain.current.catch(() => undefined).then(async () => {
          try {
            await api.saveDraft(segmentId, text);
            drafts.current[segmentId] = text;
            if (draftTimer.current === null && stateRef.current.draftState === 'saving') patch({ draftState: 'saved' });
          } catch (_e) {
            patch({ draftState: 'failed' });
          }
        });
      }, DRAFT_DEBOUNCE_MS);
    };

    const editorCallbacks: EditorCallbacks = {
      onInput,
      register(handle, segmentId) {
        if (handle) {
          editor.current = handle;
          if (focusEditorOnMount.current) {
            focusEditorOnMount.current = false;
            // Never pull focus out of an open dialog (first-run onboarding, an error).
            if (!document.querySelector('[aria-modal="true"]')) handle.focus();
          }
        } else if (editor.current?.segmentId === segmentId) {
          editor.current = null;
        }
      },
    };

    const setFilter = (filter: StatusFilter) => {
      patch({ filter, findIndex: -1 });
      const a = derivedRef.current.active;
      if (filter !== 'all' && a && a.segment.status !== filter) {
        const first = buildRows(stateRef.current.project, derivedRef.current.blocks).find((r) => r.segment.translatable && r.segment.status === filter);
        if (first) void activate(first.segment.id, false);
      }
    };

    const setFindQuery = (findQuery: string) => patch({ findQuery, findIndex: -1 });

    const goToMatch = (delta: 1 | -1) => {
      const matches = derivedRef.current.matches;
      if (matches.length === 0) {
        notify(t('reasons.noMatches'));
        return;
      }
      const cur = stateRef.current.findIndex;
      const index = cur < 0 ? (delta === 1 ? 0 : matches.length - 1) : (cur + delta + matches.length) % matches.length;
      patch({ findIndex: index });
      const hit = matches[index]!;
      const row = derivedRef.current.rows.find((r) => r.segment.id === hit.segmentId);
      if (row?.segment.translatable && stateRef.current.activeId !== hit.segmentId) void activate(hit.segmentId, false);
      requestAnimationFrame(() => scrollToRow(hit.segmentId));
    };

    const load = async () => {
      if (!api) {
        patch({ phase: 'ready' });
        showError(new RelaisError('internal', 'window.relais is missing', { detail: t('errors.bridgeMissing') }));
        return;
      }
      try {
        const app = await api.getAppState();
        applyLanguage(app.settings.language);
        patch({ settings: app.settings, onboarding: app.settings.user ? null : 'first' });
        let project = app.project;
        if (!project) {
          try {
            project = await api.openSample();
          } catch (e) {
            showError(e);
          }
        }
        setProject(project, { keepActive: false });
      } catch (e) {
        showError(e);
      } finally {
        patch({ phase: 'ready' });
      }
    };

    const applyLanguage = (lang: UiLanguage) => {
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      applyDocumentLanguage(document, lang);
    };

    const setLanguage = async (lang: UiLanguage) => {
      applyLanguage(lang);
      if (!api) return;
      try {
        const settings = await api.setLanguage(lang);
        patch({ settings });
      } catch (e) {
        showError(e);
      }
    };

    const settingsChanged = (settings: AppSettings) => {
      applyLanguage(settings.language);
      patch((s) => ({ settings, onboarding: settings.user ? (s.onboarding === 'first' ? null : s.onboarding) : 'first' }));
    };

    const setUser = async (user: Pick<UserIdentity, 'name' | 'role'>) => {
      if (!api) return;
      try {
        const settings = await api.setUser(user);
        patch({ settings, onboarding: null });
        requestAnimationFrame(() => editor.current?.focus());
      } catch (e) {
        showError(e);
      }
    };

    const openWith = (fn: () => Promise<ProjectSnapshot | null>) =>
      enqueue(async () => {
        if (!(await commitPending('draft'))) return;
        const snap = await fn();
        if (snap) {
          setProject(snap, { keepActive: false });
          patch({ filter: 'all', findQuery: '', findIndex: -1 });
          notify(t('announce.imported', { name: snap.info.name }));
          if (api) api.listRecent().then((recent) => patch((s) => (s.settings ? { settings: { ...s.settings, recent } } : {})), () => undefined);
        }
      });

    const closeProject = () =>
      enqueue(async () => {
        if (!api) return;
        if (!(await commitPending('draft'))) return;
        await api.closeProject();
        setProject(null);
        const recent = await api.listRecent();
        patch((s) => (s.settings ? { settings: { ...s.settings, recent } } : {}));
      });

    // ——— for app/useReview.ts ———
    /** Segments changed by a review action: put in place; the active editor restarts from its new text. */
    const applySegments = (segs: readonly Segment[]) => {
      if (segs.length === 0) return;
      const byId = new Map(segs.map((x) => [x.id, x]));
      for (const id of byId.keys()) delete drafts.current[id];
      const activeHit = stateRef.current.activeId !== null && byId.has(stateRef.current.activeId);
      patch((st) => (st.project ? {
        project: { ...st.project, segments: st.project.segments.map((x) => byId.get(x.id) ?? x) },
        editorKey: activeHit ? st.editorKey + 1 : st.editorKey,
      } : {}));
      void refreshStats();
    };
    /** A review mutation, queued after the others, once the editor's unsaved text is kept as a draft. */
    const mutate = (fn: () => Promise<void>) =>
      enqueue(async () => {
        if (!(await commitPending('draft'))) return;
        await fn();
      }, { textKept: true });
    /** Re-reads the open project (a republished source changed its segments). */
    const reloadProject = async () => {
      if (!api) return;
      const app = await api.getAppState();
      setProject(app.project);
    };

    return {
      applySegments, mutate, reloadProject,
      load, notify, showError, activate, move, confirm, setStatus, copySource, cancelEdit, split, mergeNext, nextInBlock,
      toggleTranslatable, editorCallbacks, setFilter, setFindQuery, goToMatch, setLanguage, settingsChanged, setUser,
      open: () => openWith(() => api!.showOpenDialog()),
      openSample: () => openWith(() => api!.openSample()),
      openRecent: (path: string) => openWith(() => api!.openProject(path)),
      importDropped: async (name: string, base64: string) => {
        await openWith(() => api!.importDroppedFile(name, base64));
      },
      closeProject,
      closeError: () => {
        patch({ error: null });
        requestAnimationFrame(() => editor.current?.focus());
      },
      openOnboarding: () => patch({ onboarding: 'switch' }),
      closeOnboarding: () => {
        patch((s) => ({ onboarding: s.settings?.user ? null : s.onboarding }));
        requestAnimationFrame(() => editor.current?.focus());
      },
      setPalette: (paletteOpen: boolean) => patch({ paletteOpen }),
      hasEditor: () => editor.current !== null,
      /** What the editor of a segment starts with: its autosaved draft when there is one, else its target. */
      initialText: (segmentId: string): string | undefined => drafts.current[segmentId],
      rememberSourceCaret: () => {
        const id = stateRef.current.activeId;
        if (!id) return;
        const offset = sourceCaretOffset(id, window.getSelection());
        if (offset !== null) sourceCaret.current = { segmentId: id, offset };
      },
      /** Resolves when every queued mutation and draft save has finished (tests, closing). */
      idle: async () => {
        await queue.current;
        await draftChain.current.catch(() => undefined);
      },
    };
  }, [api, i18n, patch]);

  // Main pushes menu commands and settings changes.
  const settingsChanged = actions.settingsChanged;
  useEffect(() => {
    if (!backend) return;
    return backend.on('settingsChanged', (s) => settingsChanged(s));
  }, [backend, settingsChanged]);

  // Remember where the user put the caret in the active source text (the split point).
  const remember = actions.rememberSourceCaret;
  useEffect(() => {
    const onSel = () => remember();
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, [remember]);

  return { state, stateRef, derived, derivedRef, actions };
}

export type Controller = ReturnType<typeof useController>;
export type Actions = Controller['actions'];
