import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesFromArgv, isOpenableFile, isProjectFile } from './open-files.ts';

describe('documents given on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relais-argv-'));
    for (const f of ['article.txt', 'Projet été.relais', 'notes.pdf', 'page.HTML']) writeFileSync(path.join(dir, f), 'x');
    mkdirSync(path.join(dir, 'folder.md'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps existing files Relais opens, relative to the working folder, and skips the rest', () => {
    const argv = ['/opt/Relais/relais', '--enable-logging', 'dist-electron/main.cjs', 'article.txt', path.join(dir, 'Projet été.relais'), 'notes.pdf', 'missing.txt', 'folder.md', 'page.HTML', '-psn_0_1234'];
    expect(filesFromArgv(argv, dir)).toEqual([path.join(dir, 'article.txt'), path.join(dir, 'Projet été.relais'), path.join(dir, 'page.HTML')]);
  });

  it('ignores the executable itself even when it has an openable name', () => {
    expect(filesFromArgv([path.join(dir, 'article.txt')], dir)).toEqual([]);
  });

  it('tells projects from articles', () => {
    expect(isProjectFile('/a/b.RELAIS')).toBe(true);
    expect(isProjectFile('/a/b.txt')).toBe(false);
    expect(['x.docx', 'x.htm', 'x.md', 'x.txt', 'x.relais'].every(isOpenableFile)).toBe(true);
    expect(isOpenableFile('x.exe')).toBe(false);
  });
});
