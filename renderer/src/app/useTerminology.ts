/**
 * Terminology and QA in the workbench, composed here (features never import each other):
 * - the QA engine is built IN THE RENDERER from the project's glossaries and its disabled rules, once per project
 *   or glossary / rule change, and `checkSegment` runs synchronously on every input event of the active editor, so
 *   findings show in the same frame as the keystroke;
 * - recognised terms underline the source cells (a slot of the workbench rows) and feed the term panel;
 * - term insertion (Ctrl/⌘+1…9, origin 'term'), QA fixes (origin 'qa-fix'), the approval gate (override reason),
 *   the whole-article QA panel and "add a term" from the last source and target selections.
 */
import { createElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import type { TermMatch } from '../../../shared/glossary/index.ts';
import type { Glossary } from '../../../shared/glossary/model.ts';
import type { QaRuleState } from '../../../shared/ipc/channels/terminology.ts';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import type { ProjectSnapshot } from '../../../shared/model.ts';
import { createQaEngine, QA_RULES, type QaEngine } from '../../../shared/qa/index.ts';
import type { Finding } from '../../../shared/qa/model.ts';
import { editorSelection, findEditor, placeCaret } from '../lib/editorDom.ts';
import type { SegmentDecor } from '../lib/segmentDecor.tsx';
import { createStore } from '../lib/store.ts';
import { applyFix, EMPTY_LIVE_QA, errorsOf, findingExcerpt, fixFor, LiveFindings, ruleLabel, sortFindings, TargetMarks, type LiveQa, type QaPanelItem } from '../features/qa/index.ts';
import { conceptsOf, insertAt, TermText, termOptions, trackSourceSelection, type SourceSelection, type TermConceptView, type TermOption } from '../features/terminology/index.ts';
import type { EditorCallbacks, EditorHandle, RowModel } from '../features/workbench/index.ts';

const KNOWN_RULES = new Set(QA_RULES.map((r) => r.id));

export interface OverrideRequest {
  segmentId: string;
  number: number;
  errors: Finding[];
}

export interface TerminologyDeps {
  api: RelaisApi | null;
  i18n: I18n;
  project: ProjectSnapshot | null;
  activeRow: RowModel | null;
  canEditRules: boolean;
  editorCallbacks: EditorCallbacks;
  notify(text: string): void;
  showError(e: unknown): void;
  activate(segmentId: string, focusEditor: boolean): unknown;
  setStatus(status: 'approved', override?: { reason: string }): unknown;
  /** The shortcut label of a command, for hints. */
  shortcutLabel(id: string): string;
}

export function useTerminology(d: TerminologyDeps) {
  const { api, i18n } = d;
  const t = useCallback((k: string, o?: Record<string, unknown>) => i18n.t(k, o ?? {}), [i18n]);
  const [engine, setEngine] = useState<QaEngine | null>(null);
  const [rules, setRules] = useState<QaRuleState[]>([]);
  const [panelOpen, setPanelOpen] = useState(false);
  const [override, setOverride] = useState<OverrideRequest | null>(null);
  const [addTerm, setAddTerm] = useState<{ fr: string; en: string } | null>(null);

  const engineRef = useRef<QaEngine | null>(null);
  engineRef.current = engine;
  const glossariesRef = useRef<Glossary[]>([]);
  const editor = useRef<EditorHandle | null>(null);
  const depsRef = useRef(d);
  depsRef.current = d;
  const live = useMemo(() => createStore<LiveQa>(EMPTY_LIVE_QA), []);
  const lastSource = useRef<SourceSelection | null>(null);
  const lastTarget = useRef<{ segmentId: string; text: string } | null>(null);

  /** Live check of a segment's target as typed: synchronous, before the frame is painted. */
  const check = useCallback((segmentId: string, text: string) => {
    const e = engineRef.current;
    const seg = depsRef.current.project?.segments.find((s) => s.id === segmentId);
    if (!seg) {
      live.set(EMPTY_LIVE_QA);
      return;
    }
    const findings = e ? e.checkSegment({ id: seg.id, source: seg.source, target: text }) : [];
    live.set({ segmentId, source: seg.source, target: text, findings });
  }, [live]);

  const build = useCallback((glossaries: Glossary[], ruleStates: QaRuleState[]) => {
    glossariesRef.current = glossaries;
    const disabledRules = ruleStates.filter((r) => !r.enabled && KNOWN_RULES.has(r.id)).map((r) => r.id);
    const e = createQaEngine({ glossaries, disabledRules });
    engineRef.current = e;
    setEngine(e);
    setRules(ruleStates);
    const h = editor.current;
    if (h) check(h.segmentId, h.getText());
  }, [check]);

  /** Glossaries and rules from main, then a new engine (project opened, a term added, a rule switched). */
  const reload = useCallback(async () => {
    if (!api) return;
    try {
      const [glossaries, ruleStates] = await Promise.all([api.getGlossaries(), api.listQaRules()]);
      build(glossaries, ruleStates);
    } catch (_e) {
      // Terminology is an aid: without glossaries the workbench still works (no underlines, no live QA).
      engineRef.current = null;
      setEngine(null);
    }
  }, [api, build]);

  const projectPath = d.project?.info.path ?? null;
  useEffect(() => {
    if (projectPath === null) {
      engineRef.current = null;
      setEngine(null);
      setRules([]);
      live.set(EMPTY_LIVE_QA);
      return;
    }
    void reload();
  }, [projectPath, reload, live]);

  // The last non-empty selection on each side, for "add a term".
  useEffect(() => {
    const stopSource = trackSourceSelection(document, (s) => { lastSource.current = s; });
    const onSel = () => {
      const a = document.activeElement;
      if (a instanceof HTMLTextAreaElement && a.dataset.testid === 'target-editor' && a.dataset.segmentId) {
        const text = a.value.slice(a.selectionStart, a.selectionEnd).replace(/\s+/g, ' ').trim();
        if (text !== '') lastTarget.current = { segmentId: a.dataset.segmentId, text };
      }
    };
    document.addEventListener('selectionchange', onSel);
    return () => {
      stopSource();
      document.removeEventListener('selectionchange', onSel);
    };
  }, []);

  // The workbench's editor callbacks, with the live check on every change and the handle kept for insertions.
  const inner = d.editorCallbacks;
  const editorCallbacks: EditorCallbacks = useMemo(() => ({
    onInput(segmentId, text) {
      check(segmentId, text);
      inner.onInput(segmentId, text);
    },
    register(handle, segmentId) {
      inner.register(handle, segmentId);
      if (handle) {
        editor.current = handle;
        check(segmentId, handle.getText());
      } else if (editor.current?.segmentId === segmentId) {
        editor.current = null;
        live.set(EMPTY_LIVE_QA);
      }
    },
  }), [inner, check, live]);

  // ——— terms ———
  /** Terms of a source text, cached per engine (rows re-render with the same sources). */
  const recognize = useMemo(() => {
    const cache = new Map<string, TermMatch[]>();
    return (source: string): TermMatch[] => {
      if (!engine) return [];
      let m = cache.get(source);
      if (!m) {
        m = engine.termIndex.recognize(source);
        cache.set(source, m);
      }
      return m;
    };
  }, [engine]);

  const activeSource = d.activeRow?.segment.source ?? null;
  const activeConcepts: TermConceptView[] = useMemo(() => (activeSource === null ? [] : conceptsOf(recognize(activeSource))), [activeSource, recognize]);
  const options: TermOption[] = useMemo(() => termOptions(activeConcepts), [activeConcepts]);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const activeEditor = (): EditorHandle | null => {
    const h = editor.current;
    const id = depsRef.current.activeRow?.segment.id;
    return h && h.segmentId === id ? h : null;
  };

  const insertText = (text: string): boolean => {
    const h = activeEditor();
    if (!h) return false;
    const current = h.getText();
    const el = findEditor(document, h.segmentId);
    const start = el ? el.selectionStart : h.caret();
    const end = el ? el.selectionEnd : start;
    const next = insertAt(current, start, text, end);
    h.setText(next.text, 'term');
    placeCaret(document, h.segmentId, next.caret, next.text);
    return true;
  };

  const insertOption = (o: TermOption) => {
    if (insertText(o.text)) depsRef.current.notify(t('terminology.announce.inserted', { text: o.text }));
  };

  /** Ctrl/⌘+n: the reason key when it cannot run, else true. */
  const canInsert = (n: number): true | string => {
    if (!activeEditor()) return 'terminology.reasons.noEditor';
    return optionsRef.current.some((o) => o.index === n) ? true : 'terminology.reasons.noTerm';
  };
  const insertTerm = (n: number) => {
    const o = optionsRef.current.find((x) => x.index === n);
    if (o) insertOption(o);
  };

  // ——— QA fixes ———
  const fixFinding = (f: Finding) => {
    const h = activeEditor();
    if (!h) return;
    const current = h.getText();
    const el = findEditor(document, h.segmentId);
    const r = applyFix(f, current, el ? el.selectionStart : h.caret());
    if (!r) return;
    h.setText(r.text, 'qa-fix');
    placeCaret(document, h.segmentId, r.caret, r.text);
    depsRef.current.notify(t('qa.announce.fixed', { text: f.suggestion ?? '' }));
  };
  const firstFix = (): Finding | null => {
    const l = live.get();
    const h = activeEditor();
    if (!h || l.segmentId !== h.segmentId) return null;
    return sortFindings(l.findings).find((f) => fixFor(f, l.target) !== null) ?? null;
  };

  // ——— approval gate ———
  const approve = () => {
    const dd = depsRef.current;
    const row = dd.activeRow;
    const e = engineRef.current;
    if (!row || !e) return dd.setStatus('approved');
    const h = activeEditor();
    const target = h ? h.getText() : row.segment.target;
    const errors = errorsOf(e.checkSegment({ id: row.segment.id, source: row.segment.source, target }));
    if (errors.length === 0) return dd.setStatus('approved');
    setOverride({ segmentId: row.segment.id, number: row.number, errors });
    return undefined;
  };
  const submitOverride = (reason: string) => {
    const o = override;
    setOverride(null);
    if (!o || depsRef.current.activeRow?.segment.id !== o.segmentId) return;
    void depsRef.current.setStatus('approved', { reason });
  };
  const cancelOverride = () => {
    setOverride(null);
    requestAnimationFrame(() => editor.current?.focus());
  };

  // ——— rules ———
  const toggleRule = async (rule: string, enabled: boolean) => {
    if (!api) return;
    try {
      const states = await api.setQaRuleEnabled(rule, enabled);
      build(glossariesRef.current, states);
      depsRef.current.notify(t(enabled ? 'qa.announce.ruleOn' : 'qa.announce.ruleOff', { rule: ruleLabel(rule, i18n.t) }));
    } catch (e) {
      depsRef.current.showError(e);
    }
  };

  // ——— add a term ———
  const openAddTerm = () => {
    const id = depsRef.current.activeRow?.segment.id ?? null;
    const inEditor = id ? editorSelection(document, id) : '';
    const en = inEditor.replace(/\s+/g, ' ').trim() || lastTarget.current?.text || '';
    setAddTerm({ fr: lastSource.current?.text ?? '', en });
  };
  const submitAddTerm = async (entry: { fr: string; en: string }) => {
    setAddTerm(null);
    if (!api) return;
    try {
      await api.addGlossaryEntry('project', entry);
      await reload();
      depsRef.current.notify(t('terminology.announce.added', entry));
    } catch (e) {
      depsRef.current.showError(e);
    }
  };
  const closeAddTerm = () => {
    setAddTerm(null);
    requestAnimationFrame(() => editor.current?.focus());
  };

  // ——— whole-article QA ———
  const project = d.project;
  const panelItems: QaPanelItem[] = useMemo(() => {
    if (!panelOpen || !engine || !project) return [];
    const ordered = [...project.segments].sort((a, b) => a.ord - b.ord);
    const numbers = new Map(ordered.map((s, i) => [s.id, i + 1]));
    const segs = ordered.filter((s) => s.translatable);
    const byId = new Map(segs.map((s) => [s.id, s]));
    return engine.checkDocument(segs.map((s) => ({ id: s.id, source: s.source, target: s.target }))).map((f) => {
      const s = byId.get(f.segment);
      const ex = s ? findingExcerpt(f, s) : null;
      return { finding: f, number: numbers.get(f.segment) ?? 0, excerpt: ex && ex.side === 'target' ? ex.text : null };
    });
  }, [panelOpen, engine, project]);

  const jump = (segmentId: string) => {
    void depsRef.current.activate(segmentId, true);
  };

  // ——— the slots filled in the workbench rows ———
  const fixRef = useRef(fixFinding);
  fixRef.current = fixFinding;
  const fixShortcut = d.shortcutLabel('qa.fix');
  const decor: SegmentDecor = useMemo(() => ({
    source: (_id, source) => createElement(TermText, { text: source, matches: recognize(source) }),
    editorMarks: (segmentId, text) => createElement(TargetMarks, { store: live, segmentId, text }),
    belowEditor: (segmentId) => createElement(LiveFindings, { store: live, segmentId, onFix: (f: Finding) => fixRef.current(f), fixShortcut }),
  }), [recognize, live, fixShortcut]);

  return {
    engine,
    rules,
    live,
    decor,
    editorCallbacks,
    activeConcepts,
    options,
    insertOption,
    canInsert,
    insertTerm,
    hasFix: () => firstFix() !== null,
    fixFirst: () => {
      const f = firstFix();
      if (f) fixFinding(f);
    },
    fixFinding,
    approve,
    override,
    submitOverride,
    cancelOverride,
    panelOpen,
    togglePanel: () => setPanelOpen((o) => !o),
    closePanel: () => setPanelOpen(false),
    panelItems,
    jump,
    toggleRule,
    addTerm,
    openAddTerm,
    submitAddTerm,
    closeAddTerm,
    modalOpen: override !== null || addTerm !== null,
    /** Focus the active editor (when a dialog has closed and left the focus nowhere). */
    focusEditor: () => editor.current?.focus(),
  };
}

export type Terminology = ReturnType<typeof useTerminology>;
