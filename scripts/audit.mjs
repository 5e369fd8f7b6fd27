#!/usr/bin/env node
// `npm run audit`: published advisories (npm audit) against what Relais ships — the production dependencies, and
// Electron itself (a dev dependency for npm, but its binary is the app's runtime). Build and test tools are left out.
//
// A high or critical advisory fails the check unless docs/security.md explains it (its package and advisory id, e.g.
// GHSA-xxxx-xxxx-xxxx, in the "Accepted advisories" section). npm audit needs the registry's advisory service: when it
// cannot be reached (offline, or a registry mirror without the audit endpoint) the check says so and is not counted
// as a failure — the suite must pass on a laptop without network; CI with network runs it for real.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NETWORK_CODES = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\b/;
/** Shipped although npm counts it as a dev dependency. */
const SHIPPED_DEV = ['electron'];

function npm(args, timeout) {
  const cli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  return spawnSync(cli[0], [...cli[1], ...args], { cwd: root, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

/** Names of every package in the production dependency tree (from the installed tree; no network). */
function productionPackages() {
  const r = npm(['ls', '--omit=dev', '--all', '--json'], 120_000);
  const tree = JSON.parse(r.stdout || '{}');
  const names = new Set();
  const walk = (node) => {
    for (const [name, dep] of Object.entries(node.dependencies ?? {})) {
      if (names.has(name)) continue;
      names.add(name);
      walk(dep);
    }
  };
  walk(tree);
  return names;
}

/**
 * { status: 'unavailable', reason } when the advisory service cannot be asked; otherwise { status: 'checked',
 * findings: [{ name, severity, advisories: [{ id, title, url, severity }], via }] } for the shipped packages.
 */
export function auditShipped({ timeoutMs = 90_000 } = {}) {
  const r = npm(['audit', '--json', '--fetch-retries=0', `--fetch-timeout=${Math.min(timeoutMs, 30_000)}`], timeoutMs);
  if (r.error && r.error.code !== 'ETIMEDOUT') throw r.error;
  return readAuditReport(r, () => {
    const shipped = productionPackages();
    for (const n of SHIPPED_DEV) shipped.add(n);
    return shipped;
  }, timeoutMs);
}

/** The result of `npm audit --json` (a spawnSync result), kept to the packages `shipped()` names. */
export function readAuditReport(r, shipped, timeoutMs = 90_000) {
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { status: 'unavailable', reason: `no answer from the registry in ${Math.round(timeoutMs / 1000)} s` };
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    const why = `${r.stderr}`.split('\n').find((l) => NETWORK_CODES.test(l));
    if (why) return { status: 'unavailable', reason: why.trim() };
    throw new Error(`npm audit gave no JSON report (exit ${r.status}): ${`${r.stderr}`.slice(0, 500)}`);
  }
  if (!report.vulnerabilities) {
    const text = `${report.message ?? ''} ${report.error?.code ?? ''} ${report.error?.summary ?? ''} ${r.stderr}`;
    if (report.statusCode || NETWORK_CODES.test(text)) return { status: 'unavailable', reason: (report.message ?? text).trim().split('\n')[0] };
    throw new Error(`npm audit failed: ${text.trim().slice(0, 500)}`);
  }
  const names = shipped();
  const findings = Object.values(report.vulnerabilities)
    .filter((v) => names.has(v.name))
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      advisories: v.via.filter((x) => typeof x === 'object').map((x) => ({ id: String(x.url ?? '').split('/').pop() || String(x.source), title: x.title, url: x.url, severity: x.severity })),
      via: v.via.filter((x) => typeof x === 'string'),
    }));
  return { status: 'checked', findings };
}

/**
 * High and critical findings that docs/security.md does not explain: the package (in backquotes) and each of its
 * advisory ids must appear after the "Accepted advisories" heading.
 */
export function unexplained(findings, doc = readFileSync(path.join(root, 'docs', 'security.md'), 'utf8')) {
  const accepted = doc.slice(Math.max(0, doc.indexOf('Accepted advisories')));
  return findings.filter((f) => {
    if (f.severity !== 'high' && f.severity !== 'critical') return false;
    // Only through another package: that package's own entry carries the advisory.
    if (f.advisories.length === 0) return false;
    if (!accepted.includes(`\`${f.name}\``)) return true;
    return f.advisories.some((a) => !accepted.includes(a.id));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = auditShipped();
  if (r.status === 'unavailable') {
    console.log(`npm audit: not checked — the advisory service cannot be reached (${r.reason}).`);
    process.exit(0);
  }
  for (const f of r.findings) console.log(`${f.severity.padEnd(9)} ${f.name}: ${f.advisories.map((a) => `${a.id} ${a.title}`).join('; ') || `through ${f.via.join(', ')}`}`);
  const bad = unexplained(r.findings);
  console.log(`npm audit: ${r.findings.length} advisories on shipped packages, ${bad.length} high or critical not explained in docs/security.md.`);
  process.exit(bad.length ? 1 : 0);
}
