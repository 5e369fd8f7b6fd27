/**
 * The held-out segmentation gold set (bench/data/fr-news-segmentation-heldout.json) is scored by the bench only:
 * a test that asserted our segmenter's output on it would turn it into one more set the rules are tuned on. A test
 * may read it to check the data itself (bench/data/gold-data.test.ts checks its format and that it shares nothing
 * with the training set), never together with the segmentation code.
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

/** Code that segments: the segmenter itself, or the bench's scoring of it. */
const SEGMENTING = /shared\/segmentation\/|segmentation-gold|suites\/segmentation/;

describe('the held-out segmentation gold set', () => {
  it('is read by no unit or end-to-end test that runs the segmenter', () => {
    const me = path.join(ROOT, 'bench', 'segmentation-heldout.test.ts');
    const files = testFiles(ROOT).filter((f) => f !== me);
    expect(files.length).toBeGreaterThan(30);
    const readers = files.filter((f) => /segmentation-heldout|HELDOUT_SET/.test(readFileSync(f, 'utf8')));
    // The data checks read it, and segment nothing.
    expect(readers.map((f) => path.relative(ROOT, f))).toEqual(['bench/data/gold-data.test.ts']);
    const segmenting = readers.filter((f) => SEGMENTING.test(readFileSync(f, 'utf8')));
    expect(segmenting.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
