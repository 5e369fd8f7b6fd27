/**
 * The reference article and an English draft of it that merges two sentences and drops one, through the real
 * importers, page-chrome detection, both segmenters and the aligner: the alignment shows exactly that.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignmentToDrafts } from '../../../shared/alignment/index.ts';
import { alignFiles } from './index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FR = path.join(ROOT, 'resources/samples/cumberland-fr.txt');
const EN = path.join(ROOT, 'resources/samples/cumberland-en.txt');

const FIRST = 'It is one of the first international operations of its kind.';
const SECOND = 'At least 25 individuals have been arrested';
const MERGED = 'It is one of the first international operations of its kind: at least 25 individuals have been arrested';
const DROPPED = 'The investigation is still under way and could lead to further arrests, Europol said.';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-align-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('alignFiles on the reference article', () => {
  it('the faithful translation: every segment linked, the long "Les Etats membres" sentence split in two, no warning', async () => {
    const r = await alignFiles(FR, EN);
    expect(r.alignment.warnings).toEqual([]);
    const kinds = r.alignment.links.map((l) => l.kind);
    expect(kinds.filter((k) => k !== '1-1')).toEqual(['1-2']);
    const split = r.alignment.links.find((l) => l.kind === '1-2')!;
    expect(r.source[split.source[0]!]!.text).toMatch(/^Les Etats membres de l’Union européenne discutent/);
  });

  it('a draft that merges two sentences and drops one: a 2-1 link and a 1-0 link exactly there, the rest one to one', async () => {
    const en = fs.readFileSync(EN, 'utf8');
    expect(en).toContain(`${FIRST} ${SECOND}`);
    expect(en).toContain(DROPPED);
    const draftFile = path.join(dir, 'draft.txt');
    fs.writeFileSync(draftFile, en.replace(`${FIRST} ${SECOND}`, MERGED).replace(` ${DROPPED}`, ''));

    const r = await alignFiles(FR, draftFile);
    const text = (side: 'source' | 'target', l: { source: number[]; target: number[] }) =>
      (side === 'source' ? l.source.map((k) => r.source[k]!.text) : l.target.map((k) => r.draft[k]!.text)).join(' ');
    const odd = r.alignment.links.filter((l) => l.kind !== '1-1' && l.kind !== '1-2');
    expect(odd.map((l) => l.kind)).toEqual(['2-1', '1-0']);
    expect(text('source', odd[0]!)).toMatch(/^Il s’agit de l’une des premières opérations internationales de ce type\. Au moins 25\u00a0individus/);
    expect(text('target', odd[0]!)).toMatch(/^It is one of the first international operations of its kind: at least 25/);
    expect(text('source', odd[1]!)).toBe('L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.');
    expect(r.alignment.warnings).toEqual([]);

    // What would be written: the merged sentence whole in the first segment, nothing in the second or the dropped one.
    const d = alignmentToDrafts(r.alignment, r.source, r.draft);
    const first = d.segments[odd[0]!.source[0]!]!;
    expect(first.text).toMatch(/^It is one of the first international operations of its kind: at least 25/);
    expect(d.segments[odd[0]!.source[1]!]).toMatchObject({ text: '', mergedInto: odd[0]!.source[0] });
    expect(d.segments[odd[1]!.source[0]!]).toMatchObject({ text: '', kind: '1-0' });
    expect(d.unplaced).toEqual([]);
  });

  it('an empty draft file is an empty draft (a warning), a missing one an error naming it', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '   \n');
    const r = await alignFiles(FR, empty);
    expect(r.draftDocument).toBeNull();
    expect(r.alignment.warnings.map((w) => w.code)).toEqual(['draft.empty']);
    await expect(alignFiles(FR, path.join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'file.notFound' });
  });
});
