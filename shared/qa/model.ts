/** One finding of a QA check on a segment. The CLI prints these as JSON (`relais qa --json`). */
export type Severity = 'error' | 'warning';

export interface Finding {
  /** Segment id (a Relais segment id, or the XLIFF unit / trans-unit id). */
  segment: string;
  /** Stable rule id, e.g. `glossary.missing`, `glossary.forbidden`, `number.mismatch`. */
  rule: string;
  severity: Severity;
  /** English message for logs and the CLI; the UI renders its own from `rule` and `params`. */
  message: string;
  term?: string;
  suggestion?: string;
  /** Character range in the target (or source, see `side`) the finding is about, for live marking. */
  range?: { start: number; end: number; side: 'source' | 'target' };
  params?: Record<string, string | number>;
}
