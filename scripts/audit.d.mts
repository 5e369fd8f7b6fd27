/** Types of scripts/audit.mjs for the TypeScript code that imports it (its test). */
export interface Advisory {
  id: string;
  title: string;
  url: string;
  severity: string;
}
export interface Finding {
  name: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  advisories: Advisory[];
  via: string[];
}
export declare function auditShipped(opts?: { timeoutMs?: number }): AuditResult;
export type AuditResult = { status: 'unavailable'; reason: string } | { status: 'checked'; findings: Finding[] };
export declare function readAuditReport(
  run: { stdout: string; stderr: string; status: number | null; error?: Error & { code?: string }; signal?: string | null },
  shipped: () => Set<string>,
  timeoutMs?: number,
): AuditResult;
export declare function unexplained(findings: Finding[], doc?: string): Finding[];
