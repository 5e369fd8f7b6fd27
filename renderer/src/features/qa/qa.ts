/**
 * QA in the workbench: the live check of the active editor (synchronous, on every input event, so findings show in
 * the same frame as the keystroke), one-click fixes (origin 'qa-fix'), the approval gate (an editor approving over
 * QA errors gives a reason), the whole-article QA panel and the project's rules. The engine is the core's
 * (lib/state/qaEngine.ts), built the way main builds its own.
 */
import type { Segment } from '../../../../shared/model.ts';
import type { QaEngine } from '../../../../shared/qa/index.ts';
import type { Finding } from '../../../../shared/qa/model.ts';
import type { Core } from '../../lib/core/core.ts';
import type { EditorHandle } from '../../lib/core/editor.ts';
import { findEditor, placeCaret } from '../../lib/editorDom.ts';
import { buildQaEngine } from '../../lib/state/qaEngine.ts';
import { createStore, memoLast, watch, type StoreApi } from '../../lib/state/store.ts';
import { applyFix, errorsOf, findingExcerpt, fixFor, ruleLabel, sortFindings } from './findings.ts';
import { createLiveQaStore, EMPTY_LIVE_QA, type LiveQaStore } from './LiveFindings.tsx';
import type { QaPanelItem } from './QaPanel.tsx';

export interface OverrideRequest {
  segmentId: string;
  number: number;
  errors: Finding[];
}

export interface QaUiState {
  panelOpen: boolean;
  /** The approval dialog asking for a reason, or null. */
  override: OverrideRequest | null;
}

export interface Qa {
  readonly live: LiveQaStore;
  readonly ui: StoreApi<QaUiState>;
  /** The whole-article findings while the panel is open (memoised on the engine and the segments). */
  panelItems(): readonly QaPanelItem[];
  fixFinding(f: Finding): void;
  hasFix(): boolean;
  fixFirst(): void;
  /** Approves the active segment, or asks the editor for a reason when it has QA errors. */
  approve(): unknown;
  submitOverride(reason: string): void;
  cancelOverride(): void;
  toggleRule(rule: string, enabled: boolean): Promise<void>;
  togglePanel(): void;
  closePanel(): void;
  jump(segmentId: string): void;
  start(): () => void;
}

function documentItems(open: boolean, engine: QaEngine | null, order: readonly string[], segments: ReadonlyMap<string, Segment>): readonly QaPanelItem[] {
  if (!open || !engine) return [];
  const segs = order.map((id) => segments.get(id)!).filter((s) => s.translatable);
  const numbers = new Map(order.map((id, i) => [id, i + 1]));
  const byId = new Map(segs.map((s) => [s.id, s]));
  return engine.checkDocument(segs.map((s) => ({ id: s.id, source: s.source, target: s.target }))).map((f) => {
    const s = byId.get(f.segment);
    const ex = s ? findingExcerpt(f, s) : null;
    return { finding: f, number: numbers.get(f.segment) ?? 0, excerpt: ex && ex.side === 'target' ? ex.text : null };
  });
}

export function createQa(core: Core): Qa {
  const { api, t, editor } = core;
  const live = createLiveQaStore();
  const ui = createStore<QaUiState>(() => ({ panelOpen: false, override: null }));
  const items = memoLast(documentItems);

  /** The mounted editor when it is the active segment's. */
  const activeEditor = (): EditorHandle | null => {
    const h = editor.handle();
    return h && h.segmentId === core.view.getState().activeId ? h : null;
  };

  /** Live check of a segment's target as typed: synchronous, before the frame is painted. */
  const check = (segmentId: string, text: string) => {
    const e = core.qa.getState().engine;
    const seg = core.project.getState().segments.get(segmentId);
    if (!seg) {
      live.setState(EMPTY_LIVE_QA);
      return;
    }
    live.setState({ segmentId, source: seg.source, target: text, findings: e ? e.checkSegment({ id: seg.id, source: seg.source, target: text }) : [] });
  };

  const fixFinding = (f: Finding) => {
    const h = activeEditor();
    if (!h) return;
    const current = h.getText();
    const el = findEditor(document, h.segmentId);
    const r = applyFix(f, current, el ? el.selectionStart : h.caret());
    if (!r) return;
    h.setText(r.text, 'qa-fix');
    placeCaret(document, h.segmentId, r.caret, r.text);
    core.notify(t('qa.announce.fixed', { text: f.suggestion ?? '' }));
  };

  const firstFix = (): Finding | null => {
    const l = live.getState();
    const h = activeEditor();
    if (!h || l.segmentId !== h.segmentId) return null;
    return sortFindings(l.findings).find((f) => fixFor(f, l.target) !== null) ?? null;
  };

  return {
    live,
    ui,
    panelItems: () => {
      const p = core.project.getState();
      return items(ui.getState().panelOpen, core.qa.getState().engine, p.order, p.segments);
    },
    fixFinding,
    hasFix: () => firstFix() !== null,
    fixFirst: () => {
      const f = firstFix();
      if (f) fixFinding(f);
    },
    approve() {
      const row = core.activeRow();
      const e = core.qa.getState().engine;
      if (!row || !e) return core.setStatus('approved');
      const h = activeEditor();
      const target = h ? h.getText() : row.segment.target;
      const errors = errorsOf(e.checkSegment({ id: row.segment.id, source: row.segment.source, target }));
      if (errors.length === 0) return core.setStatus('approved');
      ui.setState({ override: { segmentId: row.segment.id, number: row.number, errors } });
      return undefined;
    },
    submitOverride(reason) {
      const o = ui.getState().override;
      ui.setState({ override: null });
      if (!o || core.view.getState().activeId !== o.segmentId) return;
      void core.setStatus('approved', { reason });
    },
    cancelOverride() {
      ui.setState({ override: null });
      requestAnimationFrame(() => editor.focus());
    },
    async toggleRule(rule, enabled) {
      if (!api) return;
      try {
        const states = await api.setQaRuleEnabled(rule, enabled);
        buildQaEngine(core.qa, core.qa.getState().glossaries, states);
        core.notify(t(enabled ? 'qa.announce.ruleOn' : 'qa.announce.ruleOff', { rule: ruleLabel(rule, core.i18n.t) }));
      } catch (e) {
        core.showError(e);
      }
    },
    togglePanel: () => ui.setState((s) => ({ panelOpen: !s.panelOpen })),
    closePanel: () => ui.setState({ panelOpen: false }),
    jump: (segmentId) => {
      void core.activate(segmentId, true);
    },
    start() {
      const stops = [
        editor.onInput(check),
        editor.onRegister((handle, segmentId) => {
          if (handle) check(segmentId, handle.getText());
          else if (live.getState().segmentId === segmentId) live.setState(EMPTY_LIVE_QA);
        }),
        // A new engine (project opened, a term added, a rule switched) checks the editor's text again.
        watch(() => core.qa.getState().engine, [core.qa], (engine) => {
          const h = editor.handle();
          if (engine && h) check(h.segmentId, h.getText());
          else if (!engine) live.setState(EMPTY_LIVE_QA);
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
