import type { ReactNode } from 'react';
import type { Finding, Severity } from '../../../../shared/qa/model.ts';
import { useStore } from '../../lib/state/store.ts';
import type { LiveQaStore } from './LiveFindings.tsx';

/** A run of the target text: plain (`finding` null), or a mark of one finding, possibly with marks nested in it. */
export interface MarkNode {
  start: number;
  end: number;
  finding: Finding | null;
  children: MarkNode[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1 };

interface Span {
  start: number;
  end: number;
  finding: Finding;
}

/**
 * The target's text as runs for the editor's mirror: each finding's target range (UTF-16 offsets, as
 * `String#slice`) is one mark over exactly its text; a finding inside another (the last letter of a forbidden term
 * also flagged for its end punctuation) is a mark nested in it; a finding crossing the end of another is cut there,
 * its first part nested, the rest after it. Of two findings at the same place the longer, then the error, is outside.
 * Ranges outside the text, empty or on the source side are ignored.
 */
export function markTree(text: string, findings: readonly Finding[]): MarkNode[] {
  const spans: Span[] = [];
  for (const f of findings) {
    const r = f.range;
    if (r && r.side === 'target' && r.start >= 0 && r.end <= text.length && r.end > r.start) spans.push({ start: r.start, end: r.end, finding: f });
  }
  return build(0, text.length, spans);
}

function build(start: number, end: number, spans: Span[]): MarkNode[] {
  const out: MarkNode[] = [];
  let at = start;
  let rest = spans;
  while (rest.length > 0) {
    const sorted = [...rest].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || RANK[a.finding.severity] - RANK[b.finding.severity]);
    const top = sorted[0]!;
    const others = sorted.slice(1);
    if (top.start > at) out.push({ start: at, end: top.start, finding: null, children: [] });
    const inside = clip(others, top.start, top.end);
    out.push({ start: top.start, end: top.end, finding: top.finding, children: inside.length ? build(top.start, top.end, inside) : [] });
    at = top.end;
    rest = clip(others, top.end, end);
  }
  if (at < end) out.push({ start: at, end, finding: null, children: [] });
  return out;
}

/** The parts of spans within [start, end), empty parts dropped. */
function clip(spans: Span[], start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const a = Math.max(s.start, start);
    const b = Math.min(s.end, end);
    if (b > a) out.push({ start: a, end: b, finding: s.finding });
  }
  return out;
}

function render(text: string, nodes: MarkNode[]): ReactNode[] {
  return nodes.map((n) => {
    if (!n.finding) return text.slice(n.start, n.end);
    return (
      <mark
        key={`${n.start}:${n.end}:${n.finding.rule}`}
        className={`target-mark severity-${n.finding.severity}`}
        data-testid="target-mark"
        data-rule={n.finding.rule}
        data-severity={n.finding.severity}
      >
        {n.children.length ? render(text, n.children) : text.slice(n.start, n.end)}
      </mark>
    );
  });
}

/**
 * The content of the target editor's mirror: the editor's text with a `<mark>` over each target range of the live
 * findings. The mirror's text is transparent (only the underlines show) and it is laid out exactly like the textarea,
 * so each mark sits under its words. Findings are used only when they were computed for this very text.
 */
export function TargetMarks({ store, segmentId, text }: { store: LiveQaStore; segmentId: string; text: string }) {
  const live = useStore(store);
  const findings = live.segmentId === segmentId && live.target === text ? live.findings : [];
  return <>{render(text, markTree(text, findings))}</>;
}
