import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import { writeFileAtomic, writeFileAtomicSync } from './atomic.ts';

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

describe('writeFileAtomicSync (same temp naming, cleanup and error mapping)', () => {
  it('writes text (typography intact) and bytes, replacing an existing file, leaving no temp file', () => {
    const file = path.join(dir, 'settings.json');
    writeFileAtomicSync(file, 'Europe\u00A0: « oui » — l’IA\n');
    expect(readFileSync(file, 'utf8')).toBe('Europe\u00A0: « oui » — l’IA\n');
    writeFileAtomicSync(file, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect([...readFileSync(file)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('fails with file.notFound when the folder does not exist, creating nothing', () => {
    const file = path.join(dir, 'missing', 'settings.json');
    let err: unknown;
    try {
      writeFileAtomicSync(file, 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe('file.notFound');
    expect((err as RelaisError).file).toBe(file);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the target untouched, removes its temp file and lets the caller map the failure', () => {
    const target = path.join(dir, 'desk.tbx');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'precious');
    const seen: string[] = [];
    const mapError = (e: unknown, file: string): Error => {
      seen.push(`${(e as NodeJS.ErrnoException).code} ${file}`);
      return new RelaisError('invalid.operation', 'Cannot write the desk glossary', { file });
    };
    expect(() => writeFileAtomicSync(target, '<tbx/>', { mapError })).toThrow('Cannot write the desk glossary');
    expect(seen).toEqual([`EISDIR ${target}`]);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['desk.tbx']);
  });

  it('keeps the permissions of the file it replaces', () => {
    if (process.platform === 'win32') return;
    const file = path.join(dir, 'private.json');
    writeFileSync(file, '{}', { mode: 0o600 });
    chmodSync(file, 0o600);
    writeFileAtomicSync(file, '{"a":1}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
  });

  it('refuses bad arguments with a RelaisError', () => {
    expect(() => writeFileAtomicSync('', 'x')).toThrow(expect.objectContaining({ code: 'invalid.arguments' }));
    expect(() => writeFileAtomicSync(path.join(dir, 'a'), 42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid.arguments' }));
  });
});
