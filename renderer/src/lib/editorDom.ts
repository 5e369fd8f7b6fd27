/**
 * Caret placement in the active target editor after a programmatic change (a term inserted, a QA fix applied):
 * the editor's handle sets the text, this puts the caret where the user expects it once React has rendered.
 */
import { cssEscape } from './dom.ts';

export function findEditor(root: ParentNode, segmentId: string): HTMLTextAreaElement | null {
  return root.querySelector<HTMLTextAreaElement>(`textarea[data-testid="target-editor"][data-segment-id="${cssEscape(segmentId)}"]`);
}

/** The selected text of a segment's editor (kept by the textarea when it loses focus), or ''. */
export function editorSelection(root: ParentNode, segmentId: string): string {
  const el = findEditor(root, segmentId);
  if (!el) return '';
  const { selectionStart, selectionEnd, value } = el;
  return selectionEnd > selectionStart ? value.slice(selectionStart, selectionEnd) : '';
}

/** Puts the caret at `offset` (and focuses the editor) once the new text is in the DOM. */
export function placeCaret(root: ParentNode, segmentId: string, offset: number, text: string): void {
  const apply = () => {
    const el = findEditor(root, segmentId);
    if (!el || el.value !== text) return false;
    el.focus();
    el.setSelectionRange(offset, offset);
    return true;
  };
  if (apply()) return;
  requestAnimationFrame(() => { apply(); });
}
