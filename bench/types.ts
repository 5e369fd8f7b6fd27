/**
 * The benchmark report (`npm run bench -- --json`), one document for every suite. docs/benchmarks.md explains each
 * figure by its suite and id. A new suite (TM, sync, alignment, spelling…) is a module in bench/suites/ that returns
 * a SuiteResult: its figures join the report with nothing else to change.
 */

/** Units of a figure. Times are wall-clock unless the figure's id or label says CPU. */
export type Unit = 'ms' | 's' | 'count' | 'ratio' | 'fraction' | 'per_s' | 'bytes';

/** Another implementation measured on the same input in the same run. */
export interface Peer {
  /** Short stable name, e.g. "regex-per-entry", "node -e 0", "Intl.Segmenter". */
  name: string;
  value: number;
  /**
   * Ours ÷ the peer's (for a time, below 1 means ours is faster; for an F1 score, above 1 means ours is better);
   * null when the peer's value is 0 and ours is not.
   */
  ratio: number | null;
  note?: string;
}

/** A goal the figure is measured against. `of: 'ratio'` reads the ratio to the named peer instead of the value. */
export interface Target {
  op: '<' | '<=' | '>' | '>=';
  value: number;
  of: 'value' | 'ratio';
  peer?: string;
}

export interface Figure {
  /** Unique in its suite and stable across runs (docs/benchmarks.md explains it by this id). */
  id: string;
  /** What it is, for people. */
  label: string;
  value: number;
  unit: Unit;
  better: 'lower' | 'higher';
  /** How the value was taken from several runs: "median of 5", "p95 of 2000", "single run"… */
  stat?: string;
  peers?: Peer[];
  target?: Target;
  /** Filled by the runner when there is a target. */
  targetMet?: boolean;
  note?: string;
}

export interface SuiteResult {
  name: string;
  title: string;
  figures: Figure[];
  /** Machine-readable extras that are not figures: counts by rule, lists of wrong paragraphs, inputs' sizes… */
  details?: Record<string, unknown>;
  /** Said once about the whole suite (a peer that could not be measured, how something was warmed). */
  notes?: string[];
  /** The human report (tables). */
  text: string;
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  totalMemoryBytes: number;
  platform: string;
  arch: string;
  osRelease: string;
  node: string;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadAverage: { start: number[]; end: number[] };
}

export interface BenchReport {
  schema: 'relais-bench-report/1';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  machine: MachineInfo;
  suites: (Omit<SuiteResult, 'text'> & { durationMs: number })[];
  /** Suites that failed to run: the report still holds the others. */
  errors: { suite: string; message: string }[];
}
