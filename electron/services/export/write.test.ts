import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import { writeFileAtomic } from './write.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'relais-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes text (typography intact) and bytes, replacing an existing file, leaving no temp file', async () => {
    const file = path.join(dir, 'article.txt');
    await writeFileAtomic(file, 'Europe\u00A0: « oui » — l’IA\n');
    expect(readFileSync(file, 'utf8')).toBe('Europe\u00A0: « oui » — l’IA\n');
    await writeFileAtomic(file, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect([...readFileSync(file)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(readdirSync(dir)).toEqual(['article.txt']);
  });

  it('fails with file.notFound when the folder does not exist, creating nothing', async () => {
    const file = path.join(dir, 'missing', 'article.txt');
    const err = await writeFileAtomic(file, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe('file.notFound');
    expect((err as RelaisError).file).toBe(file);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the target untouched and removes its temp file when the final step fails', async () => {
    // The target is a folder holding a file: the data is written to the temp file, then the rename fails.
    const target = path.join(dir, 'review.html');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'precious');
    const err = await writeFileAtomic(target, '<p>new</p>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe('invalid.operation');
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['review.html']);
  });

  it('refuses bad arguments with a RelaisError', async () => {
    await expect(writeFileAtomic('', 'x')).rejects.toMatchObject({ code: 'invalid.arguments' });
    await expect(writeFileAtomic(path.join(dir, 'a'), 42 as unknown as string)).rejects.toMatchObject({ code: 'invalid.arguments' });
  });
});
