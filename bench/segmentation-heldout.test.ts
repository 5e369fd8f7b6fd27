/**
 * The held-out segmentation gold set (bench/data/fr-news-segmentation-heldout.json) is scored by the bench only:
 * a test that asserted it would turn it into one more set the rules are tuned on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'dist-cli', 'dist-electron', 'release', '.git', 'test-results']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (SKIP.has(d.name)) return [];
    const f = path.join(dir, d.name);
    return d.isDirectory() ? testFiles(f) : /\.(test|spec)\.tsx?$/.test(d.name) ? [f] : [];
  });
}

describe('the held-out segmentation gold set', () => {
  it('is read by no unit or end-to-end test', () => {
    const me = path.join(ROOT, 'bench', 'segmentation-heldout.test.ts');
    const files = testFiles(ROOT).filter((f) => f !== me);
    expect(files.length).toBeGreaterThan(30);
    const readers = files.filter((f) => /segmentation-heldout|HELDOUT_SET/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
