import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelaisError } from '../../../shared/errors.ts';
import { readXliff } from './read.ts';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../cli/fixtures');
const fx = (name: string) => path.join(FIX, name);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-xliff-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const x2 = (body: string, version = '2.0') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="${version}" srcLang="fr" trgLang="en">\n<file id="f">${body}</file></xliff>\n`;
const x12 = (body: string) =>
  `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr" target-language="en" datatype="plaintext"><body>${body}</body></file></xliff>\n`;

describe('readXliff: XLIFF 2.x', () => {
  it('reads the article fixture: units in groups, segments and ignorables joined, pc kept, ph dropped, translate="no" skipped', async () => {
    const doc = await readXliff(fx('article-2.0.xlf'));
    expect(doc.version).toBe('2.0');
    expect(doc.srcLang).toBe('fr-FR');
    expect(doc.trgLang).toBe('en-GB');
    expect(doc.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(doc.units[1]).toEqual({
      id: 'u2',
      source: '« L’opération Cumberland a été l’une des premières affaires de ce type », a déclaré Europol. L’agence est basée à La Haye.',
      target: '“Operation Cumberland was one of the first cases of its kind,” Europol said. The agency is based in The Hague.',
    });
  });

  it.each([
    ['2.1', 'clean-2.1.xlf'],
    ['2.2', null],
  ])('accepts version %s', async (version, fixture) => {
    const file = fixture ? fx(fixture) : write('v22.xlf', x2('<unit id="a"><segment><source>x</source><target>y</target></segment></unit>', '2.2'));
    expect((await readXliff(file)).version).toBe(version);
  });

  it.each([
    ['pc and mrk keep their content', '<pc id="1">la <mrk id="m">police</mrk></pc> danoise', 'la police danoise'],
    ['ph, sc, ec, sm, em become nothing', 'a<ph id="1"/>b<sc id="2"/>c<ec startRef="2"/>d<sm id="3"/>e<em startRef="3"/>f', 'abcdef'],
    ['cp becomes its character', '25<cp hex="00A0"/>%', '25\u00a0%'],
    ['entities and CDATA are text', 'R&amp;D <![CDATA[<b>]]> &lt;', 'R&D <b> <'],
    ['no-break spaces are kept', '28\u00a0février\u202f!', '28\u00a0février\u202f!'],
  ])('inline markup: %s', async (_what, inline, text) => {
    const doc = await readXliff(write('inline.xlf', x2(`<unit id="u"><segment><source>${inline}</source><target>${inline}</target></segment></unit>`)));
    expect(doc.units).toEqual([{ id: 'u', source: text, target: text }]);
  });

  it('gives a unit without target an empty target, and prefixes ids with the file id when there are several files', async () => {
    const body = '<unit id="u"><segment><source>a</source></segment></unit>';
    const file = write(
      'multi.xlf',
      `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr"><file id="f1">${body}</file><file id="f2">${body}</file></xliff>`,
    );
    const doc = await readXliff(file);
    expect(doc.trgLang).toBe('');
    expect(doc.units).toEqual([
      { id: 'f1/u', source: 'a', target: '' },
      { id: 'f2/u', source: 'a', target: '' },
    ]);
  });
});

describe('readXliff: XLIFF 1.2', () => {
  it('reads trans-units in body and groups; g kept, x dropped, ph native code dropped', async () => {
    const doc = await readXliff(fx('article-1.2.xlf'));
    expect(doc).toEqual({
      version: '1.2',
      srcLang: 'fr',
      trgLang: 'en',
      units: [
        { id: 't1', source: 'Cela contribue à la hausse des contenus pédopornographiques.', target: 'This contributes to the rise in child porn.' },
        { id: 't2', source: 'Europol a fait cette annonce vendredi 28 février.', target: 'Europol made the announcement on Friday 27 February.' },
        { id: 't3', source: 'La directrice exécutive d’Europol s’est exprimée à La Haye.', target: 'Europol’s executive director spoke in The Hague.' },
      ],
    });
  });

  it('drops bpt/ept/it content and keeps mrk', async () => {
    const inline = '<bpt id="1">&lt;b&gt;</bpt>Europol<ept id="1">&lt;/b&gt;</ept> <mrk mtype="term">IA</mrk><it id="2" pos="open">&lt;i&gt;</it>';
    const doc = await readXliff(write('a12.xlf', x12(`<trans-unit id="1"><source>${inline}</source><target>${inline}</target></trans-unit>`)));
    expect(doc.units[0]).toEqual({ id: '1', source: 'Europol IA', target: 'Europol IA' });
  });
});

describe('readXliff: bad files', () => {
  it.each([
    ['bad-unclosed.xlf', 'file.corrupt', 7, /Not well-formed XML/],
    ['bad-dtd.xlf', 'file.unsupported', 2, /DTDs are not accepted/],
    ['bad-namespace.xlf', 'file.unsupported', 2, /namespace "urn:oasis:names:tc:xliff:document:1.1"/],
  ])('%s → %s at line %i', async (name, code, line, message) => {
    const file = fx(name);
    const e = await readXliff(file).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(RelaisError);
    expect(e).toMatchObject({ code, line, file });
    expect((e as RelaisError).message).toMatch(message);
  });

  it.each([
    ['a TBX file', '<tbx xmlns="urn:iso:std:iso:30042:ed-2"/>', 'file.unsupported', /Root element <tbx> is not <xliff>/],
    ['version 1.2 in the 2.0 namespace', '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="1.2" srcLang="fr"/>', 'file.unsupported', /XLIFF version "1.2"/],
    ['a unit without id', x2('<unit><segment><source>a</source></segment></unit>'), 'file.corrupt', /<unit> without id/],
    ['a duplicate unit id', x2('<unit id="a"><segment><source>a</source></segment></unit>\n<unit id="a"><segment><source>b</source></segment></unit>'), 'file.corrupt', /Unit id "a" is used twice \(lines 3 and 4\)/],
    ['no srcLang', '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>', 'file.corrupt', /no srcLang/],
    ['1.2 trans-unit without source', x12('<trans-unit id="1"><target>x</target></trans-unit>'), 'file.corrupt', /without <source>/],
  ])('refuses %s', async (_what, content, code, message) => {
    const e = await readXliff(write('bad.xlf', content)).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toMatchObject({ code });
    expect((e as RelaisError).message).toMatch(message);
  });
});
