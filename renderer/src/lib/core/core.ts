/**
 * The renderer's core: the shared stores, the connection to main, and the operations more than one feature needs —
 * notices and errors, the mutation queue, moving the active segment, committing the editor's text, putting what
 * main returns in place. Features build on it (features/<name>/); they never import each other, and what two of
 * them share lives here or in the stores of lib/state.
 *
 * Mutations are serialised in one queue so quick repeated commands never race; results replace local copies (main
 * is the source of truth). Everything reads the stores' current state when it runs, never a render's copy.
 */
import type { i18n as I18n } from 'i18next';
import { RelaisError } from '../../../../shared/errors.ts';
import type { RelaisApi } from '../../../../shared/ipc/contract.ts';
import type { AppSettings, ProjectSnapshot, RevisionOrigin, Segment, SegmentStatus, UiLanguage } from '../../../../shared/model.ts';
import { scrollToRow } from '../dom.ts';
import { asRelaisError } from '../errors.ts';
import { applyDocumentLanguage } from '../i18n.ts';
import { createCommentsStore, type CommentsStore } from '../state/comments.ts';
import { createProjectStore, loadProject, putSegments, rowOf, rowsOf, type ProjectStore, type RowModel } from '../state/project.ts';
import { clearQaEngine, createQaEngineStore, reloadQaEngine, type QaEngineStore } from '../state/qaEngine.ts';
import { createSessionStore, type SessionStore } from '../state/session.ts';
import { createViewStore, type ViewStore } from '../state/view.ts';
import { createEditorSession, type EditorSession } from './editor.ts';
import { createSelectors, UNCONFIRMED, type Selectors } from './selectors.ts';

export interface Core {
  readonly api: RelaisApi | null;
  readonly i18n: I18n;
  t(key: string, options?: Record<string, unknown>): string;

  readonly project: ProjectStore;
  readonly view: ViewStore;
  readonly session: SessionStore;
  readonly qa: QaEngineStore;
  readonly comments: CommentsStore;
  /** Every store above, for subscribers that follow all of them (command availability). */
  readonly stores: readonly (ProjectStore | ViewStore | SessionStore | QaEngineStore | CommentsStore)[];
  readonly editor: EditorSession;
  readonly select: Selectors;

  notify(text: string): void;
  /** Shows the error dialog; `textKept`: the user's unsaved text is still in the editor. */
  showError(e: unknown, textKept?: boolean): void;
  /** Runs `fn` after every earlier mutation; errors go to the error dialog, the result (or undefined) comes back. */
  enqueue<T>(fn: () => Promise<T>, opts?: { textKept?: boolean }): Promise<T | undefined>;
  /** A queued mutation that first commits the editor's unsaved text as a draft (and does nothing if that fails). */
  mutate(fn: () => Promise<void>): Promise<unknown>;
  /** Resolves when every queued mutation and draft save has finished (tests, closing). */
  idle(): Promise<void>;

  activeRow(): RowModel | null;
  activeSegment(): Segment | null;
  /** The shown rows, in order. */
  visibleRows(): RowModel[];
  numberOf(segmentId: string): number | null;
  /** The active editor's text when it differs from the stored target. */
  pendingEdit(): { seg: Segment; text: string } | null;
  /** Commits a changed editor buffer with `status`. False when main refused (the buffer is kept, the user stays). */
  commitPending(status?: SegmentStatus): Promise<boolean>;
  /**
   * Commits `text` as the segment's target, from the head revision the segment shows (`expectedRevisionId`). False
   * when main refused: the error is shown with the text kept; on a conflict the segment takes the other person's head.
   */
  commitText(seg: Segment, text: string, status: SegmentStatus, origin: RevisionOrigin): Promise<boolean>;
  /** Makes a segment active once the editor's text is kept; queued. */
  activate(segmentId: string, focusEditor: boolean): Promise<unknown>;
  /** Makes a segment active now (the caller has kept the editor's text). */
  activateNow(segmentId: string, focusEditor: boolean): void;
  /** Approves or rejects the active segment (an override reason for QA errors, a comment for a rejection). */
  setStatus(status: 'approved' | 'rejected', override?: { reason: string }, comment?: string): Promise<unknown>;

  /** A snapshot from main becomes the open project (null: closed). `keepActive` false starts at the first segment to do. */
  setProject(project: ProjectSnapshot | null, opts?: { keepActive?: boolean }): void;
  /** Segments changed by main put in place; when the active one is among them, its editor restarts from the new text. */
  applySegments(segments: readonly Segment[]): void;
  /** One segment committed from the active editor put in place (the editor keeps going). */
  replaceSegment(segment: Segment): void;
  /** Re-reads the open project (a republished source changed its segments). */
  reloadProject(): Promise<void>;
  refreshStats(): Promise<void>;
  reloadComments(): Promise<void>;

  applyLanguage(lang: UiLanguage): void;
  /** Settings changed in main (a menu, another window). */
  settingsChanged(settings: AppSettings): void;
  /** First start: settings, then the last project or the sample. */
  load(): Promise<void>;
}

export function createCore(api: RelaisApi | null, i18n: I18n): Core {
  const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {});
  const project = createProjectStore();
  const view = createViewStore();
  const session = createSessionStore();
  const qa = createQaEngineStore();
  const comments = createCommentsStore();
  const editor = createEditorSession(api, view);
  const select = createSelectors();
  let queue: Promise<unknown> = Promise.resolve();
  let noticeId = 0;

  const notify = (text: string) => {
    noticeId += 1;
    session.setState({ notice: { text, id: noticeId } });
  };
  const showError = (e: unknown, textKept = false) => session.setState({ error: { error: asRelaisError(e), textKept } });

  const enqueue = <T>(fn: () => Promise<T>, opts: { textKept?: boolean } = {}): Promise<T | undefined> => {
    const run = queue.then(fn).catch((e: unknown) => {
      showError(e, opts.textKept ?? false);
      return undefined;
    });
    queue = run;
    return run;
  };

  const refreshStats = async () => {
    if (!api || !project.getState().info) return;
    try {
      project.setState({ stats: await api.getStats() });
    } catch (e) {
      showError(e);
    }
  };

  const reloadComments = async () => {
    if (!api || !project.getState().info) {
      comments.setState({ comments: [] });
      return;
    }
    try {
      comments.setState({ comments: (await api.listComments(null)).comments });
    } catch (e) {
      showError(e);
    }
  };

  const activeRow = () => rowOf(project.getState(), view.getState().activeId);
  const activeSegment = () => {
    const id = view.getState().activeId;
    return id === null ? null : project.getState().segments.get(id) ?? null;
  };
  const visibleRows = () => rowsOf(project.getState(), select.visibleIds(project.getState(), view.getState()));

  const firstWorkRow = (rows: readonly RowModel[]): RowModel | undefined =>
    rows.find((r) => r.segment.translatable && UNCONFIRMED.has(r.segment.status)) ?? rows.find((r) => r.segment.translatable);

  const setProject = (snap: ProjectSnapshot | null, opts: { keepActive?: boolean } = {}) => {
    const before = project.getState().info?.path ?? null;
    editor.setDrafts(snap?.drafts ?? {});
    const currentId = view.getState().activeId;
    const keep = opts.keepActive !== false && snap?.segments.some((s) => s.id === currentId && s.translatable);
    loadProject(project, snap);
    let activeId: string | null = keep ? currentId : null;
    if (snap && !activeId) activeId = firstWorkRow(rowsOf(project.getState()))?.segment.id ?? null;
    editor.setFocusOnMount(true);
    // A closed project closes the side panels.
    view.setState((v) => ({ activeId, editorKey: v.editorKey + 1, draftState: 'idle', findIndex: -1, ...(snap ? {} : { sidePanel: null }) }));
    const after = snap?.info.path ?? null;
    if (after !== before) {
      // Another project: its glossaries and rules, its comments.
      if (after === null) clearQaEngine(qa);
      else void reloadQaEngine(qa, api);
      void reloadComments();
    }
    if (snap) void refreshStats();
  };

  const replaceSegment = (seg: Segment) => {
    editor.forgetDraft(seg.id);
    putSegments(project, [seg]);
    void refreshStats();
  };

  const applySegments = (segs: readonly Segment[]) => {
    if (segs.length === 0) return;
    for (const s of segs) editor.forgetDraft(s.id);
    const activeId = view.getState().activeId;
    const activeHit = activeId !== null && segs.some((s) => s.id === activeId);
    putSegments(project, segs);
    if (activeHit) view.setState((v) => ({ editorKey: v.editorKey + 1 }));
    void refreshStats();
  };

  const pendingEdit = () => {
    const seg = activeSegment();
    const h = editor.handle();
    if (!seg || !h || h.segmentId !== seg.id) return null;
    const text = h.getText();
    return text === seg.target ? null : { seg, text };
  };

  /**
   * A commit refused because someone else changed the segment meanwhile (segment.conflict): their version becomes
   * the segment's head here, the editor keeps the person's text, so that confirming again replaces their version
   * knowingly.
   */
  const takeNewHead = async (e: unknown, segmentId: string) => {
    if (!api || asRelaisError(e).code !== 'segment.conflict') return;
    try {
      const fresh = (await api.getAppState()).project?.segments.find((s) => s.id === segmentId);
      if (fresh) putSegments(project, [fresh]);
    } catch {
      // The error dialog already says what happened.
    }
  };

  const commitText = async (seg: Segment, text: string, status: SegmentStatus, origin: RevisionOrigin): Promise<boolean> => {
    if (!api) return false;
    editor.cancelDraftTimer();
    await editor.draftsSettled();
    try {
      // The head the edit started from: a commit over someone else's newer version is refused.
      const updated = await api.commitSegment({ segmentId: seg.id, target: text, status, origin, expectedRevisionId: seg.revisionId });
      replaceSegment(updated);
      view.setState({ draftState: 'committed' });
      return true;
    } catch (e) {
      await takeNewHead(e, seg.id);
      showError(e, true);
      return false;
    }
  };

  const commitPending = async (status: SegmentStatus = 'draft'): Promise<boolean> => {
    const p = pendingEdit();
    if (!p || !api) return true;
    return commitText(p.seg, p.text, status, editor.handle()?.getOrigin() ?? 'typed');
  };

  const activateNow = (id: string, focusEditor: boolean) => {
    editor.setFocusOnMount(focusEditor);
    editor.cancelDraftTimer();
    view.setState({ activeId: id, draftState: 'idle' });
    requestAnimationFrame(() => scrollToRow(id));
  };

  const activate = (id: string, focusEditor: boolean) =>
    enqueue(async () => {
      if (view.getState().activeId === id) {
        if (focusEditor) editor.focus();
        return;
      }
      if (!(await commitPending('draft'))) return;
      activateNow(id, focusEditor);
    });

  const mutate = (fn: () => Promise<void>) =>
    enqueue(async () => {
      if (!(await commitPending('draft'))) return;
      await fn();
    }, { textKept: true });

  const setStatus = (status: 'approved' | 'rejected', override?: { reason: string }, comment?: string) =>
    enqueue(async () => {
      const seg = activeSegment();
      if (!seg || !api) return;
      if (!(await commitPending('translated'))) return;
      const updated = await api.setStatus({ segmentId: seg.id, status, ...(override ? { override } : {}), ...(comment !== undefined ? { comment } : {}) });
      replaceSegment(updated);
      notify(t('announce.statusChanged', { number: activeRow()?.number ?? seg.ord + 1, status: t(`status.${status}`) }));
    }, { textKept: true });

  const reloadProject = async () => {
    if (!api) return;
    const app = await api.getAppState();
    setProject(app.project);
  };

  const applyLanguage = (lang: UiLanguage) => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    applyDocumentLanguage(document, lang);
  };

  const settingsChanged = (settings: AppSettings) => {
    applyLanguage(settings.language);
    session.setState((s) => ({ settings, onboarding: settings.user ? (s.onboarding === 'first' ? null : s.onboarding) : 'first' }));
  };

  const load = async () => {
    if (!api) {
      session.setState({ phase: 'ready' });
      showError(new RelaisError('internal', 'window.relais is missing', { detail: t('errors.bridgeMissing') }));
      return;
    }
    try {
      const app = await api.getAppState();
      applyLanguage(app.settings.language);
      session.setState({ settings: app.settings, onboarding: app.settings.user ? null : 'first' });
      let snap = app.project;
      if (!snap) {
        try {
          snap = await api.openSample();
        } catch (e) {
          showError(e);
        }
      }
      setProject(snap, { keepActive: false });
    } catch (e) {
      showError(e);
    } finally {
      session.setState({ phase: 'ready' });
    }
  };

  return {
    api, i18n, t,
    project, view, session, qa, comments, stores: [project, view, session, qa, comments], editor, select,
    notify, showError, enqueue, mutate,
    idle: async () => {
      await queue;
      await editor.draftsSettled();
    },
    activeRow, activeSegment, visibleRows,
    numberOf: (id) => project.getState().places.get(id)?.number ?? null,
    pendingEdit, commitPending, commitText, activate, activateNow, setStatus,
    setProject, applySegments, replaceSegment, reloadProject, refreshStats, reloadComments,
    applyLanguage, settingsChanged, load,
  };
}
