/**
 * The workbench's own actions: moving between segments, confirming, copying the source, cancelling an edit,
 * splitting and merging, taking page chrome into translation. Shared operations (activate, commit, the queue) are
 * the core's; this holds only what the grid's commands do.
 */
import type { Segment } from '../../../../shared/model.ts';
import type { Core } from '../../lib/core/core.ts';
import { UNCONFIRMED } from '../../lib/core/selectors.ts';
import { sourceCaretOffset } from './caret.ts';

export interface Workbench {
  move(delta: 1 | -1): Promise<unknown>;
  /** Commits the editor's text as translated and moves to the next segment to do (wrapping round). */
  confirm(): Promise<unknown>;
  copySource(): void;
  /** Back to the stored target; an autosaved draft is dropped. */
  cancelEdit(): void;
  /** Splits the active segment at the caret last placed in its source. */
  split(): Promise<unknown>;
  mergeNext(): Promise<unknown>;
  /** The segment after the active one in the same block, or null. */
  nextInBlock(): Segment | null;
  toggleTranslatable(blockId: string, translatable: boolean): Promise<unknown>;
  /** Follows the selection (the split point); returns the stop function. */
  start(): () => void;
}

export function createWorkbench(core: Core): Workbench {
  const { api, editor, view, t } = core;
  let sourceCaret: { segmentId: string; offset: number } | null = null;

  const nextInBlock = (): Segment | null => {
    const seg = core.activeSegment();
    if (!seg) return null;
    const p = core.project.getState();
    const i = p.order.indexOf(seg.id);
    const after = i >= 0 ? p.segments.get(p.order[i + 1] ?? '') : undefined;
    return after && after.blockId === seg.blockId ? after : null;
  };

  const move = (delta: 1 | -1) =>
    core.enqueue(async () => {
      const rows = core.visibleRows().filter((r) => r.segment.translatable);
      const i = rows.findIndex((r) => r.segment.id === view.getState().activeId);
      const target = i < 0 ? rows[0] : rows[i + delta];
      if (!target) return;
      if (!(await core.commitPending('draft'))) return;
      core.activateNow(target.segment.id, true);
    });

  const confirm = () =>
    core.enqueue(async () => {
      const seg = core.activeSegment();
      const h = editor.handle();
      if (!seg || !h || !api) return;
      const text = h.getText();
      if (text.trim() === '') {
        core.notify(t('reasons.emptyTarget'));
        return;
      }
      const unchangedDone = text === seg.target && (seg.status === 'translated' || seg.status === 'approved');
      if (!unchangedDone && !(await core.commitText(seg, text, 'translated', h.getOrigin()))) return;
      // Next unconfirmed segment after this one, wrapping round; stay if there is none.
      const rows = core.visibleRows();
      const i = rows.findIndex((r) => r.segment.id === seg.id);
      const order = [...rows.slice(i + 1), ...rows.slice(0, Math.max(0, i))];
      const next = order.find((r) => r.segment.translatable && UNCONFIRMED.has(r.segment.status));
      if (next) core.activateNow(next.segment.id, true);
    }, { textKept: true });

  const copySource = () => {
    const seg = core.activeSegment();
    const h = editor.handle();
    if (seg && h) {
      h.setText(seg.source, 'copy-source');
      h.focus();
    }
  };

  const cancelEdit = () => {
    const seg = core.activeSegment();
    const h = editor.handle();
    if (!seg || !h) return;
    const hadDraft = editor.draftOf(seg.id) !== undefined;
    editor.cancelDraftTimer();
    h.setText(seg.target, 'typed');
    editor.cancelDraftTimer();
    view.setState({ draftState: 'idle' });
    if (hadDraft) {
      editor.forgetDraft(seg.id);
      editor.queueDraftSave(seg.id, seg.target);
    }
    h.focus();
  };

  const split = () =>
    core.enqueue(async () => {
      const seg = core.activeSegment();
      if (!seg || !api) return;
      const live = sourceCaretOffset(seg.id, window.getSelection());
      const caret = live ?? (sourceCaret?.segmentId === seg.id ? sourceCaret.offset : null);
      if (caret === null || caret <= 0 || caret >= seg.source.length) {
        core.notify(t('reasons.splitCaret'));
        return;
      }
      if (!(await core.commitPending('draft'))) return;
      const snap = await api.splitSegment(seg.id, caret);
      sourceCaret = null;
      core.setProject(snap);
      core.notify(t('announce.split', { number: core.activeRow()?.number ?? seg.ord + 1 }));
    }, { textKept: true });

  const mergeNext = () =>
    core.enqueue(async () => {
      const seg = core.activeSegment();
      const next = nextInBlock();
      if (!seg || !next || !api) return;
      if (!(await core.commitPending('draft'))) return;
      core.setProject(await api.mergeSegments(seg.id, next.id));
      core.notify(t('announce.merged'));
    }, { textKept: true });

  const toggleTranslatable = (blockId: string, translatable: boolean) =>
    core.enqueue(async () => {
      if (!api) return;
      if (!(await core.commitPending('draft'))) return;
      core.setProject(await api.setBlockTranslatable(blockId, translatable));
      core.notify(t(translatable ? 'announce.blockIncluded' : 'announce.blockExcluded'));
    });

  /** Where the user put the caret in the active source text (the split point). */
  const rememberSourceCaret = () => {
    const id = view.getState().activeId;
    if (!id) return;
    const offset = sourceCaretOffset(id, window.getSelection());
    if (offset !== null) sourceCaret = { segmentId: id, offset };
  };

  return {
    move, confirm, copySource, cancelEdit, split, mergeNext, nextInBlock, toggleTranslatable,
    start() {
      document.addEventListener('selectionchange', rememberSourceCaret);
      return () => document.removeEventListener('selectionchange', rememberSourceCaret);
    },
  };
}
