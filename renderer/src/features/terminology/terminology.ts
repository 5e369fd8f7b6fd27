/**
 * Terminology in the workbench: recognised terms underline the source cells and feed the term panel; Ctrl/⌘+1…9
 * inserts a term at the caret (origin 'term'); "add a term" takes the last source and target selections. Terms
 * come from the core's QA engine (lib/state/qaEngine.ts), rebuilt when a term is added.
 */
import type { TermMatch } from '../../../../shared/glossary/index.ts';
import type { QaEngine } from '../../../../shared/qa/index.ts';
import type { Core } from '../../lib/core/core.ts';
import type { EditorHandle } from '../../lib/core/editor.ts';
import { editorSelection, findEditor, placeCaret } from '../../lib/editorDom.ts';
import { reloadQaEngine } from '../../lib/state/qaEngine.ts';
import { createStore, memoLast, type StoreApi } from '../../lib/state/store.ts';
import { trackSourceSelection, type SourceSelection } from './selection.ts';
import { conceptsOf, insertAt, termOptions, type TermConceptView, type TermOption } from './terms.ts';

export interface TerminologyUiState {
  /** The "add a term" dialog with its prefilled terms, or null. */
  addTerm: { fr: string; en: string } | null;
}

export interface Terminology {
  readonly ui: StoreApi<TerminologyUiState>;
  /** Terms recognised in a source text (cached per engine: rows re-render with the same sources). */
  recognize(engine: QaEngine | null, source: string): TermMatch[];
  /** The active segment's concepts and its numbered options (memoised on the engine and the active source). */
  activeConcepts(): readonly TermConceptView[];
  options(): readonly TermOption[];
  insertOption(o: TermOption): void;
  /** Ctrl/⌘+n: true, or the reason key when it cannot run. */
  canInsert(n: number): true | string;
  insertTerm(n: number): void;
  openAddTerm(): void;
  submitAddTerm(entry: { fr: string; en: string }): Promise<void>;
  closeAddTerm(): void;
  /** Follows the selections for "add a term"; returns the stop function. */
  start(): () => void;
}

const termCaches = new WeakMap<QaEngine, Map<string, TermMatch[]>>();

function recognize(engine: QaEngine | null, source: string): TermMatch[] {
  if (!engine) return [];
  let cache = termCaches.get(engine);
  if (!cache) termCaches.set(engine, (cache = new Map()));
  let m = cache.get(source);
  if (!m) {
    m = engine.termIndex.recognize(source);
    cache.set(source, m);
  }
  return m;
}

export function createTerminology(core: Core): Terminology {
  const { api, t, editor } = core;
  const ui = createStore<TerminologyUiState>(() => ({ addTerm: null }));
  let lastSource: SourceSelection | null = null;
  let lastTarget: { segmentId: string; text: string } | null = null;

  const concepts = memoLast((engine: QaEngine | null, source: string | null) => (source === null ? [] : conceptsOf(recognize(engine, source))));
  const optionsOf = memoLast((c: readonly TermConceptView[]) => termOptions(c));
  const activeConcepts = () => concepts(core.qa.getState().engine, core.activeSegment()?.source ?? null);
  const options = () => optionsOf(activeConcepts());

  const activeEditor = (): EditorHandle | null => {
    const h = editor.handle();
    return h && h.segmentId === core.view.getState().activeId ? h : null;
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
    if (insertText(o.text)) core.notify(t('terminology.announce.inserted', { text: o.text }));
  };

  const onTargetSelection = () => {
    const a = document.activeElement;
    if (a instanceof HTMLTextAreaElement && a.dataset.testid === 'target-editor' && a.dataset.segmentId) {
      const text = a.value.slice(a.selectionStart, a.selectionEnd).replace(/\s+/g, ' ').trim();
      if (text !== '') lastTarget = { segmentId: a.dataset.segmentId, text };
    }
  };

  return {
    ui,
    recognize,
    activeConcepts,
    options,
    insertOption,
    canInsert: (n) => {
      if (!activeEditor()) return 'terminology.reasons.noEditor';
      return options().some((o) => o.index === n) ? true : 'terminology.reasons.noTerm';
    },
    insertTerm: (n) => {
      const o = options().find((x) => x.index === n);
      if (o) insertOption(o);
    },
    openAddTerm() {
      const id = core.view.getState().activeId;
      const inEditor = id ? editorSelection(document, id) : '';
      const en = inEditor.replace(/\s+/g, ' ').trim() || lastTarget?.text || '';
      ui.setState({ addTerm: { fr: lastSource?.text ?? '', en } });
    },
    async submitAddTerm(entry) {
      ui.setState({ addTerm: null });
      if (!api) return;
      try {
        await api.addGlossaryEntry('project', entry);
        await reloadQaEngine(core.qa, api);
        core.notify(t('terminology.announce.added', entry));
      } catch (e) {
        core.showError(e);
      }
    },
    closeAddTerm() {
      ui.setState({ addTerm: null });
      requestAnimationFrame(() => editor.focus());
    },
    start() {
      // The last non-empty selection on each side, for "add a term".
      const stopSource = trackSourceSelection(document, (s) => {
        lastSource = s;
      });
      document.addEventListener('selectionchange', onTargetSelection);
      return () => {
        stopSource();
        document.removeEventListener('selectionchange', onTargetSelection);
      };
    },
  };
}
