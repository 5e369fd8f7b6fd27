import { describe, expect, it } from 'vitest';
import { galeChurch, galeChurchTwoLevel } from './gale-church.ts';

const shape = (beads: { a: number; b: number }[]) => beads.map((b) => `${b.a}-${b.b}`).join(' ');

describe('Gale–Church baseline', () => {
  it('pairs sentences of proportional lengths one to one', () => {
    expect(shape(galeChurch([100, 40, 80, 120], [98, 43, 77, 125]))).toBe('1-1 1-1 1-1 1-1');
  });

  it('finds a merge and a split by length alone', () => {
    expect(shape(galeChurch([60, 50, 80, 100], [112, 82, 48, 50]))).toBe('2-1 1-1 1-2');
  });

  it('deletes only when lengths leave no other choice (the paper’s high deletion cost)', () => {
    expect(shape(galeChurch([100, 10, 100], [100, 100]))).not.toContain('1-0');
    expect(shape(galeChurch([100], []))).toBe('1-0');
  });

  it('two-level: paragraphs first, then sentences inside each paragraph pair, indexes in the whole text', () => {
    const beads = galeChurchTwoLevel([100, 40, 80, 120], [0, 0, 1, 1], [98, 43, 200], [0, 0, 1]);
    expect(beads).toEqual([
      { i: 0, j: 0, a: 1, b: 1 },
      { i: 1, j: 1, a: 1, b: 1 },
      { i: 2, j: 2, a: 2, b: 1 },
    ]);
  });
});
