/**
 * `relais align SOURCE DRAFT [--json]` as a user runs it: files in a temp folder, `node bin/relais.mjs` for the main
 * path, main() in-process for the rest. The article and drafts are the alignment fixtures (written for the tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EN_FAITHFUL, EN_NEWSLETTER_AFTER, EN_NEWSLETTER_BEFORE, EN_OTHER_ARTICLE, FR_ARTICLE, withParagraph, type Paragraphs } from '../../shared/alignment/testing/article.ts';
import { runInProcess, runSubprocess } from '../testing.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-align-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An article file: paragraphs separated by a blank line, the first one the title. */
function write(name: string, paragraphs: Paragraphs): string {
  fs.writeFileSync(path.join(dir, name), paragraphs.map((p) => p.join(' ')).join('\n\n') + '\n');
  return name;
}

interface Row {
  source: string;
  target: string;
  confidence: number;
}

function rows(stdout: string): Row[] {
  const list = JSON.parse(stdout) as Row[];
  expect(Array.isArray(list)).toBe(true);
  for (const r of list) {
    expect(Object.keys(r).sort()).toEqual(['confidence', 'source', 'target']);
    expect(typeof r.source).toBe('string');
    expect(typeof r.target).toBe('string');
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  }
  return list;
}

const MERGED = withParagraph(EN_FAITHFUL, 1, [
  'The Lyon metropolitan authority on Tuesday, May 14, presented a €45 million renovation plan for primary schools.',
  'The programme covers 62 schools built before 1975, and work will begin in September, Mayor Grégory Doucet said.',
]);

describe('relais align --json', () => {
  it('prints the links in document order: merged sentences joined by one space, an unlinked side empty', () => {
    write('article.txt', FR_ARTICLE);
    const dropped = withParagraph(MERGED, 3, ['The city will provide 60% of the funding and the state 40%.', 'A first review is planned for June 2026.']);
    write('draft.md', dropped);
    const r = runSubprocess(dir, ['align', 'article.txt', 'draft.md', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const list = rows(r.stdout);
    expect(list.map((x) => [x.source, x.target])).toEqual([
      [FR_ARTICLE[0]![0], EN_FAITHFUL[0]![0]],
      [FR_ARTICLE[1]![0], MERGED[1]![0]],
      [`${FR_ARTICLE[1]![1]} ${FR_ARTICLE[1]![2]}`, MERGED[1]![1]],
      ...FR_ARTICLE[2]!.map((s, k) => [s, EN_FAITHFUL[2]![k]]),
      [FR_ARTICLE[3]![0], dropped[3]![0]],
      [FR_ARTICLE[3]![1], ''],
      [FR_ARTICLE[3]![2], dropped[3]![1]],
    ]);
  });

  it('a longer draft: the extra material is listed unlinked (source "") where it stands', async () => {
    write('article.txt', FR_ARTICLE);
    write('newsletter.txt', [...EN_NEWSLETTER_BEFORE, ...EN_FAITHFUL, ...EN_NEWSLETTER_AFTER]);
    const r = await runInProcess(dir, ['align', 'article.txt', 'newsletter.txt', '--json']);
    expect(r.code).toBe(0);
    const list = rows(r.stdout);
    const linked = list.filter((x) => x.source !== '');
    expect(linked.map((x) => x.target)).toEqual(EN_FAITHFUL.flat());
    expect(list[0]).toEqual({ source: '', target: EN_NEWSLETTER_BEFORE[0]![0], confidence: 1 });
    expect(r.stderr).toMatch(/^relais: info: The draft is much longer than the article/);
  });

  it('warnings go to stderr, the JSON stays clean: a different article', async () => {
    write('article.txt', FR_ARTICLE);
    write('other.txt', EN_OTHER_ARTICLE);
    const r = await runInProcess(dir, ['align', 'article.txt', 'other.txt', '--json']);
    expect(r.code).toBe(0);
    rows(r.stdout);
    expect(r.stderr).toMatch(/relais: warning: The draft does not seem to be a translation of this article/);
  });

  it('a draft in French: a wrong-language warning', async () => {
    write('article.txt', FR_ARTICLE);
    const r = await runInProcess(dir, ['align', 'article.txt', 'article.txt', '--json']);
    expect(r.stderr).toMatch(/relais: warning: The draft does not look English \(it looks French\)/);
  });

  it('an empty draft file: every segment unlinked, a warning, not an error', async () => {
    write('article.txt', FR_ARTICLE);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '\n\n');
    const r = await runInProcess(dir, ['align', 'article.txt', 'empty.txt', '--json']);
    expect(r.code).toBe(0);
    const list = rows(r.stdout);
    expect(list.map((x) => x.source)).toEqual(FR_ARTICLE.flat());
    expect(list.every((x) => x.target === '')).toBe(true);
    expect(r.stderr).toBe('relais: warning: The draft has no text to align.\n');
  });
});

describe('relais align (text)', () => {
  it('shows each link with its kind and confidence, and a summary', async () => {
    write('article.txt', FR_ARTICLE);
    write('draft.txt', MERGED);
    const r = await runInProcess(dir, ['align', 'article.txt', 'draft.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`2-1  1.00  FR ${FR_ARTICLE[1]![1]} ${FR_ARTICLE[1]![2]}`);
    expect(r.stdout).toMatch(/10 segments, 9 draft sentences: 8 one to one, 1 merged, 0 split, 0 segment\(s\) without draft, 0 draft sentence\(s\) without segment\./);
  });

  it('bad input: a missing draft names the file; missing arguments are usage errors', async () => {
    write('article.txt', FR_ARTICLE);
    const missing = await runInProcess(dir, ['align', 'article.txt', 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    const usage = await runInProcess(dir, ['align', 'article.txt']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing DRAFT');
  });
});
