/**
 * How long `relais --help` takes from the shell, against starting Node itself (`node -e 0`) measured in the same run,
 * and against the TypeScript sources run through tsx (how the command started before it was bundled).
 *
 * Each run is a new process (spawnSync, output discarded), timed from spawn to exit. The three commands take turns
 * round after round, so a change of load on the machine affects them alike; a few rounds first are not counted (disk
 * cache, V8 compile cache where Node keeps one). Figures: median and p95 of each, and the ratio of the medians.
 * Target: relais --help at most 2.5 × node -e 0.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCli } from '../../scripts/build-cli.mjs';
import { median, peer, percentile, renderFigures, round } from '../report.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'cli-startup';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WARMUP_ROUNDS = 3;
const ROUNDS = 25;
const TSX_ROUNDS = 8;

interface Command {
  id: string;
  args: string[];
  rounds: number;
}

function once(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || r.stderr) throw new Error(`\`node ${args.join(' ')}\` failed (exit ${r.status}): ${r.stderr}`);
  return ms;
}

export async function run(): Promise<SuiteResult> {
  await ensureCli({ quiet: true });
  const bin = path.join(ROOT, 'bin', 'relais.mjs');
  const commands: Command[] = [
    { id: 'node', args: ['-e', '0'], rounds: ROUNDS },
    { id: 'relais', args: [bin, '--help'], rounds: ROUNDS },
    { id: 'tsx', args: ['--import', 'tsx', '-e', "const { main } = await import('./cli/relais.ts'); process.exitCode = await main(['--help'], { out() {}, err() {}, cwd: '.' });"], rounds: TSX_ROUNDS },
  ];
  const times = new Map<string, number[]>(commands.map((c) => [c.id, []]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    for (const c of commands) {
      if (round >= WARMUP_ROUNDS + c.rounds) continue;
      const ms = once(c.args);
      if (round >= WARMUP_ROUNDS) times.get(c.id)!.push(ms);
    }
  }
  const med = (id: string) => median(times.get(id)!);
  const p95 = (id: string) => percentile(times.get(id)!, 95);
  const relais = med('relais');
  const figures: Figure[] = [
    {
      id: 'relaisHelp.median',
      label: 'relais --help, process start to exit',
      value: round(relais, 1),
      unit: 'ms',
      better: 'lower',
      stat: `median of ${ROUNDS}`,
      peers: [peer('node -e 0', relais, round(med('node'), 1)), peer('tsx (TypeScript sources)', relais, round(med('tsx'), 1), `median of ${TSX_ROUNDS}`)],
      target: { op: '<=', value: 2.5, of: 'ratio', peer: 'node -e 0' },
    },
    {
      id: 'relaisHelp.p95',
      label: 'relais --help, p95',
      value: round(p95('relais'), 1),
      unit: 'ms',
      better: 'lower',
      stat: `p95 of ${ROUNDS}`,
      peers: [peer('node -e 0', p95('relais'), round(p95('node'), 1))],
    },
  ];
  const notes = [`${WARMUP_ROUNDS} warm-up rounds not counted; the commands take turns in each round.`];
  return {
    name,
    title: '`relais --help` against starting Node',
    figures,
    notes,
    details: { runsMs: Object.fromEntries([...times].map(([k, v]) => [k, v.map((x) => round(x, 1))])) },
    text: `${renderFigures(figures)}\n${notes.join('\n')}`,
  };
}
