/** Building blocks shared by the bench suites and the runner: statistics, timing, figures, machine info. */
import os from 'node:os';
import type { Figure, MachineInfo, Peer, Target } from './types.ts';

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0–100) of unsorted values. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function round(v: number, digits = 1): number {
  const m = 10 ** digits;
  return Math.round(v * m) / m;
}

/** Wall time and CPU time (user + system of this process) of fn, in ms. CPU time is what the machine's load inflates least. */
export function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** A peer's figure beside ours: the ratio is ours ÷ the peer's. */
export function peer(name: string, ours: number, value: number, note?: string): Peer {
  return { name, value, ratio: value === 0 ? (ours === 0 ? 1 : null) : ours / value, ...(note ? { note } : {}) };
}

export function isTargetMet(f: Figure): boolean | undefined {
  const t: Target | undefined = f.target;
  if (!t) return undefined;
  const v = t.of === 'ratio' ? f.peers?.find((p) => p.name === t.peer)?.ratio : f.value;
  if (v === undefined || v === null || Number.isNaN(v)) return false;
  return t.op === '<' ? v < t.value : t.op === '<=' ? v <= t.value : t.op === '>' ? v > t.value : v >= t.value;
}

export function machineInfo(loadAtStart: number[]): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    node: process.version,
    loadAverage: { start: loadAtStart.map((x) => round(x, 2)), end: os.loadavg().map((x) => round(x, 2)) },
  };
}

const UNIT_TEXT: Record<Figure['unit'], string> = { ms: 'ms', s: 's', count: '', ratio: '×', fraction: '', per_s: '/s', bytes: 'B' };

/** "123.4 ms", "0.951", "×2.31". */
export function formatValue(v: number, unit: Figure['unit']): string {
  if (Number.isNaN(v)) return 'n/a';
  if (unit === 'ratio') return `×${fmt(v)}`;
  if (unit === 'fraction') return v.toFixed(3);
  if (unit === 'count') return Math.round(v).toLocaleString('en-US');
  return `${fmt(v)} ${UNIT_TEXT[unit]}`.trim();
}

function fmt(v: number): string {
  const a = Math.abs(v);
  return a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/** "ours ÷ peer 0.0021 (476× faster)": a ratio in words, for the human report. */
export function describeRatio(p: Peer, f: Pick<Figure, 'better' | 'unit'>, ours: number): string {
  if (ours === p.value) return 'same';
  const oursBetter = f.better === 'lower' ? ours < p.value : ours > p.value;
  const time = f.unit === 'ms' || f.unit === 's';
  const word = time ? (oursBetter ? 'faster' : 'slower') : oursBetter ? 'better' : 'worse';
  if (p.ratio === null || p.ratio === 0) return `ours ${word}`;
  const factor = p.ratio >= 1 ? p.ratio : 1 / p.ratio;
  return `ours ÷ peer ${fmt(p.ratio)} (${fmt(factor)}× ${word})`;
}

/** The figures as a plain table: value, how taken, each peer beside it, the target. */
export function renderFigures(figures: readonly Figure[]): string {
  const lines: string[] = [];
  const width = Math.min(56, Math.max(...figures.map((f) => f.label.length)));
  for (const f of figures) {
    const met = isTargetMet(f);
    const target = f.target ? `   target ${f.target.of === 'ratio' ? `ratio to ${f.target.peer} ` : ''}${f.target.op} ${f.target.value}${f.target.of === 'value' ? ` ${UNIT_TEXT[f.unit]}` : ''} → ${met ? 'met' : 'MISSED'}` : '';
    lines.push(`${f.label.padEnd(width)}  ${formatValue(f.value, f.unit).padStart(12)}${f.stat ? `  (${f.stat})` : ''}${target}`);
    for (const p of f.peers ?? []) lines.push(`${''.padEnd(width)}    vs ${p.name}: ${formatValue(p.value, f.unit)} — ${describeRatio(p, f, f.value)}${p.note ? ` [${p.note}]` : ''}`);
    if (f.note) lines.push(`${''.padEnd(width)}    ${f.note}`);
  }
  return lines.join('\n');
}
