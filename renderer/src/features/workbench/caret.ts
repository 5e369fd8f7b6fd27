/**
 * Where the user put the caret in the source text of a row: the split point. Measured as the length of the
 * text from the start of the row's `.source-text` to the selection focus (highlight marks do not count).
 * Walks up from the selection (cheap: it runs on every selectionchange), never searches the document.
 */
export function sourceCaretOffset(segmentId: string, selection: Selection | null): number | null {
  if (!selection || selection.rangeCount === 0 || !selection.focusNode) return null;
  const node = selection.focusNode;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const container = el?.closest('.source-text');
  if (!container) return null;
  if (container.closest('[data-testid="segment-row"]')?.getAttribute('data-segment-id') !== segmentId) return null;
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, selection.focusOffset);
  return range.toString().length;
}
