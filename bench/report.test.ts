import { describe, expect, it } from 'vitest';
import { runBench, type Suite } from './index.ts';
import { describeRatio, isTargetMet, peer, percentile, renderFigures } from './report.ts';
import type { Figure } from './types.ts';

const fast: Suite = {
  name: 'fast',
  run: async () => {
    const figures: Figure[] = [
      { id: 'a', label: 'startup', value: 200, unit: 'ms', better: 'lower', stat: 'median of 5', peers: [peer('node -e 0', 200, 100)], target: { op: '<=', value: 2.5, of: 'ratio', peer: 'node -e 0' } },
      { id: 'b', label: 'F1', value: 0.9, unit: 'fraction', better: 'higher', target: { op: '>=', value: 0.95, of: 'value' } },
    ];
    return { name: 'fast', title: 'A fast suite', figures, details: { inputs: 3 }, text: 'fast text' };
  },
};
const broken: Suite = { name: 'broken', run: async () => Promise.reject(new Error('no data')) };
const twice: Suite = {
  name: 'twice',
  run: async () => ({ name: 'twice', title: 'Twice', figures: [{ id: 'x', label: 'x', value: 1, unit: 'count', better: 'lower' }, { id: 'x', label: 'x', value: 2, unit: 'count', better: 'lower' }], text: '' }),
};

describe('the benchmark report', () => {
  it('is one JSON document: machine and load at start and end, figures with units, peers, targets, failed suites', async () => {
    const printed: string[] = [];
    const report = await runBench([fast, broken, twice], (t) => printed.push(t));
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.schema).toBe('relais-bench-report/1');
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.machine.cpuModel).not.toBe('');
    expect(json.machine.totalMemoryBytes).toBeGreaterThan(0);
    expect(json.machine.node).toBe(process.version);
    expect(json.machine.loadAverage.start).toHaveLength(3);
    expect(json.machine.loadAverage.end).toHaveLength(3);
    expect(json.suites.map((s) => s.name)).toEqual(['fast']);
    const [a, b] = json.suites[0]!.figures;
    expect(a).toMatchObject({ id: 'a', unit: 'ms', value: 200, peers: [{ name: 'node -e 0', value: 100, ratio: 2 }], targetMet: true });
    expect(b).toMatchObject({ id: 'b', unit: 'fraction', targetMet: false });
    expect(json.suites[0]!.details).toEqual({ inputs: 3 });
    expect(json.suites[0]).not.toHaveProperty('text');
    expect(json.errors.map((e) => e.suite)).toEqual(['broken', 'twice']);
    expect(json.errors[1]!.message).toContain('figure id "x" appears twice');
    const human = printed.join('');
    expect(human).toContain('fast text');
    expect(human).toContain('targets: 1 met, 1 missed (fast/b)');
  });

  it('says ratios in words the right way round', () => {
    const time = { better: 'lower', unit: 'ms' } as const;
    expect(describeRatio(peer('regex', 0.5, 200), time, 0.5)).toBe('ours ÷ peer 0.00250 (400× faster)');
    expect(describeRatio(peer('node', 200, 100), time, 200)).toBe('ours ÷ peer 2.00 (2.00× slower)');
    const score = { better: 'higher', unit: 'fraction' } as const;
    expect(describeRatio(peer('intl', 0.99, 0.85), score, 0.99)).toMatch(/\(1\.16× better\)$/);
    const count = { better: 'lower', unit: 'count' } as const;
    expect(peer('intl', 3, 0).ratio).toBeNull();
    expect(describeRatio(peer('intl', 0, 5), count, 0)).toBe('ours better');
    expect(describeRatio(peer('intl', 0, 0), count, 0)).toBe('same');
    expect(renderFigures([{ id: 'a', label: 'x', value: 3, unit: 'ms', better: 'lower', target: { op: '<', value: 2, of: 'value' } }])).toContain('→ MISSED');
  });

  it('checks targets on the value or on the ratio to a named peer', () => {
    const f: Figure = { id: 'a', label: 'a', value: 3, unit: 'ms', better: 'lower', peers: [peer('p', 3, 1)], target: { op: '<=', value: 2.5, of: 'ratio', peer: 'p' } };
    expect(isTargetMet(f)).toBe(false);
    expect(isTargetMet({ ...f, target: { op: '<', value: 4, of: 'value' } })).toBe(true);
    expect(isTargetMet({ ...f, target: { op: '<=', value: 2.5, of: 'ratio', peer: 'missing' } })).toBe(false);
    expect(isTargetMet({ ...f, target: undefined })).toBeUndefined();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });
});
