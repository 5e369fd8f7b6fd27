/**
 * "Add a term" remembers the last text selected in a source cell (the document selection moves on when the user
 * then selects in the target editor). Reads the selection only; never changes it.
 */

export interface SourceSelection {
  segmentId: string;
  text: string;
}

/** The selected text when the selection lies inside one row's source text, else null. */
export function sourceSelectionOf(selection: Selection | null): SourceSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const el = (n: Node | null): Element | null => (n ? (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement) : null);
  const a = el(selection.anchorNode)?.closest('.source-text');
  const f = el(selection.focusNode)?.closest('.source-text');
  if (!a || a !== f) return null;
  const segmentId = a.closest('[data-testid="segment-row"]')?.getAttribute('data-segment-id');
  const text = selection.toString().replace(/\s+/g, ' ').trim();
  if (!segmentId || text === '') return null;
  return { segmentId, text };
}

/** Calls `onSelect` with every non-empty source selection; returns the unsubscribe function. */
export function trackSourceSelection(doc: Document, onSelect: (s: SourceSelection) => void): () => void {
  const handler = () => {
    const s = sourceSelectionOf(doc.getSelection());
    if (s) onSelect(s);
  };
  doc.addEventListener('selectionchange', handler);
  return () => doc.removeEventListener('selectionchange', handler);
}
