/**
 * npm audit of what Relais ships (production dependencies and Electron). Needs the registry's advisory service:
 * without it the check is skipped with the reason (see scripts/audit.mjs and docs/security.md).
 */
import { describe, expect, it } from 'vitest';
import { auditShipped, readAuditReport, unexplained, type Finding } from './audit.mjs';

const finding = (name: string, severity: Finding['severity'], ids: string[]): Finding => ({
  name,
  severity,
  advisories: ids.map((id) => ({ id, title: `advisory ${id}`, url: `https://github.com/advisories/${id}`, severity })),
  via: [],
});

describe('npm audit of the shipped packages', () => {
  it('counts a high or critical advisory as explained only when docs/security.md names the package and the advisory', () => {
    const doc = '# Security\n\n## Accepted advisories\n\n- `docx` GHSA-aaaa-bbbb-cccc: the code path is never reached.\n';
    const high = finding('docx', 'high', ['GHSA-aaaa-bbbb-cccc']);
    expect(unexplained([high], doc)).toEqual([]);
    expect(unexplained([finding('docx', 'critical', ['GHSA-aaaa-bbbb-cccc', 'GHSA-dddd-eeee-ffff'])], doc)).toHaveLength(1);
    expect(unexplained([finding('jszip', 'high', ['GHSA-aaaa-bbbb-cccc'])], doc)).toHaveLength(1);
    expect(unexplained([finding('jszip', 'moderate', ['GHSA-1111-2222-3333'])], doc)).toEqual([]);
    // Named before the section does not count.
    expect(unexplained([high], '`docx` GHSA-aaaa-bbbb-cccc\n## Accepted advisories\n')).toHaveLength(1);
  });

  it('reads npm audit\'s report: advisories of shipped packages only; offline and a missing endpoint are "unavailable"', () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        jszip: {
          name: 'jszip',
          severity: 'high',
          isDirect: true,
          via: [{ source: 1097, name: 'jszip', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-jg8v-48h5-wgxg', severity: 'high' }],
          effects: ['mammoth'],
        },
        mammoth: { name: 'mammoth', severity: 'high', isDirect: true, via: ['jszip'], effects: [] },
        vite: { name: 'vite', severity: 'moderate', isDirect: true, via: [{ source: 2, name: 'vite', title: 'Dev server', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'moderate' }], effects: [] },
      },
      metadata: {},
    };
    const shipped = () => new Set(['jszip', 'mammoth', 'electron']);
    const r = readAuditReport({ stdout: JSON.stringify(report), stderr: '', status: 1 }, shipped);
    expect(r).toEqual({
      status: 'checked',
      findings: [
        { name: 'jszip', severity: 'high', advisories: [{ id: 'GHSA-jg8v-48h5-wgxg', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-jg8v-48h5-wgxg', severity: 'high' }], via: [] },
        { name: 'mammoth', severity: 'high', advisories: [], via: ['jszip'] },
      ],
    });
    expect(r.status === 'checked' && unexplained(r.findings, '## Accepted advisories\n').map((f) => f.name)).toEqual(['jszip']);
    const mirror = { message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };
    expect(readAuditReport({ stdout: JSON.stringify(mirror), stderr: '', status: 1 }, shipped)).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('405') });
    const offline = { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org' } };
    expect(readAuditReport({ stdout: JSON.stringify(offline), stderr: '', status: 1 }, shipped).status).toBe('unavailable');
    expect(readAuditReport({ stdout: '', stderr: 'npm error code EAI_AGAIN', status: 1 }, shipped).status).toBe('unavailable');
    expect(() => readAuditReport({ stdout: '{"oops": true}', stderr: 'npm error something else', status: 1 }, shipped)).toThrow(/npm audit failed/);
  });

  it('has no high or critical advisory left unexplained (skipped, saying why, when the registry cannot be asked)', (ctx) => {
    const r = auditShipped();
    if (r.status === 'unavailable') {
      console.warn(`npm audit not checked: ${r.reason}`);
      ctx.skip(`npm audit: the advisory service cannot be reached (${r.reason})`);
      return;
    }
    expect(unexplained(r.findings).map((f) => `${f.severity} ${f.name}: ${f.advisories.map((a) => a.id).join(', ')}`)).toEqual([]);
  }, 180_000);
});
