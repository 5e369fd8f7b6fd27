export interface SuiteResult {
  name: string;
  /** Machine-readable figures. */
  figures: Record<string, unknown>;
  /** Human-readable report (tables). */
  text: string;
}
