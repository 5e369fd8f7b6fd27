/** CSS.escape where available (browsers), a safe equivalent for attribute values otherwise (jsdom). */
export function cssEscape(value: string): string {
  const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS;
  if (css?.escape) return css.escape(value);
  return value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}

/** The row element of a segment in the workbench grid. */
export function findRow(root: ParentNode, segmentId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="segment-row"][data-segment-id="${cssEscape(segmentId)}"]`);
}

/** Scrolls a segment's row into view (as little as needed). */
export function scrollToRow(segmentId: string): void {
  const el = findRow(document, segmentId);
  if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
}
