/**
 * `npm run bench [-- --json] [-- suite...]`: measures and prints figures. Not a test: nothing here asserts.
 *
 * Each suite is a module in bench/suites/ exporting `name` and `run(): Promise<SuiteResult>` (bench/types.ts).
 * Human output: the machine, then each suite's report, then the targets met and missed. With --json, one JSON
 * document (BenchReport) on stdout and nothing else: every figure with its unit, the peers' figures beside ours, the
 * machine (cores, CPU, memory, load average at start and end, Node). docs/benchmarks.md explains every figure.
 * A suite that fails is reported (errors[]) and the others still run; the exit status is then 1.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isTargetMet, machineInfo } from './report.ts';
import type { BenchReport, SuiteResult } from './types.ts';

export interface Suite {
  name: string;
  run: () => Promise<SuiteResult>;
}

export async function loadSuites(dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites')): Promise<Suite[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  return Promise.all(files.map(async (f) => (await import(pathToFileURL(path.join(dir, f)).href)) as Suite));
}

/** Runs the suites in order; `print` receives the human report as it goes (nothing with --json). */
export async function runBench(suites: readonly Suite[], print: (text: string) => void = () => {}): Promise<BenchReport> {
  const loadAtStart = os.loadavg();
  const startedAt = new Date();
  const m0 = machineInfo(loadAtStart);
  print(`machine: ${m0.cores} × ${m0.cpuModel}, ${(m0.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, ${m0.platform}-${m0.arch}, Node ${m0.node}; load average ${m0.loadAverage.start.join(' / ')}\n`);
  const report: BenchReport = { schema: 'relais-bench-report/1', startedAt: startedAt.toISOString(), finishedAt: '', durationMs: 0, machine: m0, suites: [], errors: [] };
  for (const s of suites) {
    print(`\n== ${s.name} ==\n`);
    const t0 = performance.now();
    try {
      const r = await s.run();
      const ids = new Set<string>();
      for (const f of r.figures) {
        if (ids.has(f.id)) throw new Error(`figure id "${f.id}" appears twice`);
        ids.add(f.id);
        const met = isTargetMet(f);
        if (met !== undefined) f.targetMet = met;
      }
      const { text, ...rest } = r;
      report.suites.push({ ...rest, durationMs: Math.round(performance.now() - t0) });
      print(text.endsWith('\n') ? text : `${text}\n`);
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      report.errors.push({ suite: s.name, message });
      print(`suite ${s.name} failed: ${message}\n`);
    }
  }
  const finishedAt = new Date();
  report.finishedAt = finishedAt.toISOString();
  report.durationMs = finishedAt.getTime() - startedAt.getTime();
  report.machine = machineInfo(loadAtStart);
  const targets = report.suites.flatMap((s) => s.figures.filter((f) => f.targetMet !== undefined).map((f) => ({ suite: s.name, f })));
  const missed = targets.filter((t) => !t.f.targetMet);
  print(`\n== summary ==\ntargets: ${targets.length - missed.length} met, ${missed.length} missed${missed.length ? ` (${missed.map((t) => `${t.suite}/${t.f.id}`).join(', ')})` : ''}`);
  print(`; ${report.suites.length} suites in ${(report.durationMs / 1000).toFixed(0)} s; load average at the end ${report.machine.loadAverage.end.join(' / ')}\n`);
  return report;
}

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const only = argv.filter((a) => !a.startsWith('--'));
  const all = await loadSuites();
  const unknown = only.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length) {
    process.stderr.write(`bench: unknown suite ${unknown.join(', ')} (suites: ${all.map((s) => s.name).join(', ')})\n`);
    process.exit(2);
  }
  const suites = only.length ? all.filter((s) => only.includes(s.name)) : all;
  // stdout holds the JSON document alone: anything a suite or a library logs goes to stderr.
  if (json) console.log = console.info = (...args: unknown[]) => console.error(...args);
  const report = await runBench(suites, json ? undefined : (t) => void process.stdout.write(t));
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (report.errors.length) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
