import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Glossary } from '../../../shared/glossary/model.ts';
import { RelaisError } from '../../../shared/errors.ts';
import { exportCsv, exportTbx, importGlossaryFile, loadDeskGlossary, writeGlossaryFile } from './index.ts';
import { defaultCaseSensitive } from './build.ts';

const FIX = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (name: string) => path.join(FIX, name);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-glossary-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs an import that must fail and returns the RelaisError. */
async function failure(file: string): Promise<RelaisError> {
  try {
    await importGlossaryFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(RelaisError);
    return e as RelaisError;
  }
  throw new Error(`importing ${file} should have failed`);
}

describe('TBX v3 import', () => {
  it('reads every field of a TBX-Basic v3 file (statuses, variants, notes, sources, case sensitivity)', async () => {
    const g = await importGlossaryFile(fx('tbx3-basic.tbx'));
    expect(g).toEqual<Glossary>({
      name: 'Fixture TBX v3',
      scope: 'project',
      entries: [
        {
          id: 'csam',
          subject: 'child protection',
          note: 'Contenus représentant des abus sexuels sur des enfants.',
          source: 'Luxembourg Guidelines 2016',
          terms: [
            { text: 'contenus pédopornographiques', lang: 'fr', status: 'preferred', caseSensitive: false, partOfSpeech: 'noun' },
            { text: 'pédopornographie', lang: 'fr', status: 'admitted', caseSensitive: false },
            { text: 'child sexual abuse material', lang: 'en', status: 'preferred', caseSensitive: false, partOfSpeech: 'noun' },
            { text: 'CSAM', lang: 'en', status: 'admitted', caseSensitive: true, note: 'Acronym, case-sensitive by default.' },
            { text: 'child pornography', lang: 'en', status: 'deprecated', caseSensitive: false, note: 'Deprecated by the Luxembourg Guidelines.' },
            { text: 'child abuse images', lang: 'en', status: 'superseded', caseSensitive: false },
          ],
        },
        {
          id: 'europol',
          note: "Keep the agency's own name.",
          source: 'Europol',
          // the German langSec is ignored; regional variants are kept as given
          terms: [
            { text: 'Europol', lang: 'fr-FR', status: 'preferred', caseSensitive: true },
            { text: 'Europol', lang: 'en-GB', status: 'preferred', caseSensitive: true },
          ],
        },
        {
          id: 'ai',
          terms: [
            { text: 'IA', lang: 'fr', status: 'preferred', caseSensitive: true },
            { text: 'I.A.', lang: 'fr', status: 'deprecated', caseSensitive: false },
            // explicit x-caseSensitive "no" beats the acronym default
            { text: 'AI', lang: 'en', status: 'admitted', caseSensitive: false },
            // administrativeStatus wins over normativeAuthorization; XML white space collapsed
            { text: 'artificial intelligence', lang: 'en', status: 'preferred', caseSensitive: false },
          ],
        },
      ],
    });
  });

  it('reads the DCT style (namespaced data categories) and names the glossary after the file without a title', async () => {
    const g = await importGlossaryFile(fx('tbx3-dct.tbx'), { scope: 'desk' });
    expect(g.name).toBe('tbx3-dct');
    expect(g.scope).toBe('desk');
    expect(g.entries).toEqual([
      {
        id: 'c1',
        subject: 'justice',
        note: 'Detention by the police for questioning.',
        terms: [
          { text: 'garde à vue', lang: 'fr', status: 'preferred', caseSensitive: false },
          { text: 'police custody', lang: 'en', status: 'preferred', caseSensitive: false, partOfSpeech: 'noun' },
          { text: 'custody', lang: 'en', status: 'admitted', caseSensitive: false },
        ],
      },
    ]);
  });
});

describe('TBX encodings', () => {
  it.each([
    ['UTF-8 with BOM', (x: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(x, 'utf8')])],
    ['UTF-16LE with BOM', (x: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')])],
  ])('reads the TBX v3 fixture saved as %s identically', async (_what, encode) => {
    const xml = readFileSync(fx('tbx3-basic.tbx'), 'utf8');
    const file = path.join(tmp, 'tbx3-basic.tbx');
    writeFileSync(file, encode(xml));
    expect(await importGlossaryFile(file)).toEqual(await importGlossaryFile(fx('tbx3-basic.tbx')));
  });
});

describe('TBX v2 import', () => {
  it('reads martif / termEntry / langSet / tig and ntig/termGrp with every status', async () => {
    const g = await importGlossaryFile(fx('tbx2-martif.tbx'));
    expect(g.name).toBe('Fixture TBX v2');
    expect(g.entries).toEqual([
      {
        id: 'te-1',
        subject: 'police',
        note: 'Police and gendarmerie taken together.',
        source: 'Desk usage',
        terms: [
          { text: 'forces de l’ordre', lang: 'fr', status: 'preferred', caseSensitive: false },
          { text: 'law enforcement', lang: 'en', status: 'preferred', caseSensitive: false },
          { text: 'police', lang: 'en', status: 'admitted', caseSensitive: false, note: 'Shorter, for headlines.', partOfSpeech: 'noun' },
          { text: 'forces of order', lang: 'en', status: 'deprecated', caseSensitive: false },
          { text: 'constabulary', lang: 'en', status: 'superseded', caseSensitive: false },
        ],
      },
      {
        id: 'te-2',
        terms: [
          // no status: preferred; acronyms case-sensitive by default
          { text: 'UE', lang: 'fr', status: 'preferred', caseSensitive: true },
          { text: 'EU', lang: 'en', status: 'preferred', caseSensitive: true },
          { text: 'Brussels', lang: 'en', status: 'admitted', caseSensitive: true },
        ],
      },
    ]);
  });
});

describe('CSV / TSV import', () => {
  it('reads a comma CSV with a BOM, merging rows that share a concept_id', async () => {
    const g = await importGlossaryFile(fx('glossary-bom.csv'));
    expect(g.name).toBe('glossary-bom');
    expect(g.entries.map((e) => e.id)).toEqual(['c1', 'c2', 'c8']);
    expect(g.entries[0]).toEqual({
      id: 'c1',
      note: 'Material depicting child sexual abuse, including AI-generated.',
      source: 'Luxembourg Guidelines 2016',
      terms: [
        { text: 'contenus pédopornographiques', lang: 'fr', status: 'preferred', caseSensitive: false },
        { text: 'pédopornographie', lang: 'fr', status: 'admitted', caseSensitive: false },
        { text: 'child sexual abuse material', lang: 'en', status: 'preferred', caseSensitive: false },
        { text: 'CSAM', lang: 'en', status: 'admitted', caseSensitive: true },
        { text: 'child pornography', lang: 'en', status: 'deprecated', caseSensitive: false },
        { text: 'child abuse images', lang: 'en', status: 'superseded', caseSensitive: false },
      ],
    });
    expect(g.entries[2]!.terms.every((t) => t.caseSensitive)).toBe(true);
    expect(g.entries[2]!.note).toBe('Agency name, keep it');
  });

  it.each([
    ['glossary.tsv', 'tab (by extension), quoted field with doubled quotes', [['coup de filet', 'sweep'], ['la Haye', 'The Hague']]],
    ['glossary-semicolon.csv', 'semicolon (sniffed), no BOM', [['parquet', 'prosecutor’s office'], ['garde à vue', 'police custody']]],
  ])('reads %s: %s', async (name, _what, pairs) => {
    const g = await importGlossaryFile(fx(name));
    expect(g.entries.map((e) => [e.terms[0]!.text, e.terms[1]!.text])).toEqual(pairs);
  });

  it('reads the same CSV with and without a BOM identically', async () => {
    const withBom = readFileSync(fx('glossary-bom.csv'));
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = path.join(tmp, 'glossary-bom.csv');
    writeFileSync(file, withBom.subarray(3));
    expect(await importGlossaryFile(file)).toEqual(await importGlossaryFile(fx('glossary-bom.csv')));
  });
});

describe('bad glossary files: a clear error with the file (and line), nothing imported', () => {
  it.each([
    ['unclosed.tbx', 'file.corrupt', 10, /Not well-formed XML: unexpected close tag/],
    ['wrong-namespace.tbx', 'file.unsupported', 2, /namespace "urn:iso:std:iso:30042:ed-1"/],
    ['missing-language.tbx', 'file.corrupt', 8, /Entry "no-english" has no English term/],
    ['billion-laughs.tbx', 'file.unsupported', 2, /DTDs are not accepted/],
    ['external-entity.tbx', 'file.unsupported', 2, /DTDs are not accepted/],
    ['duplicate-id.tbx', 'file.corrupt', 8, /Entry id "c1" is used twice \(lines 4 and 8\)/],
    ['duplicate-pair.tbx', 'file.corrupt', 14, /"victime" → "victim" is already in entry "a" \(lines 6 and 14\)/],
    ['unknown-status.tbx', 'file.corrupt', 7, /Unknown administrativeStatus "forbiddenTerm-admn-sts"/],
    ['not-tbx.xml', 'file.unsupported', 2, /<html> is not a TBX glossary/],
    ['unclosed-quote.csv', 'file.corrupt', 3, /A quoted field is never closed/],
    ['unknown-column.csv', 'file.corrupt', 1, /Unknown column "en_stauts"/],
    ['missing-language.csv', 'file.corrupt', 3, /has no English term/],
    ['duplicate-pair.csv', 'file.corrupt', 4, /already in entry "v1" \(lines 2 and 4\)/],
    ['conflicting-status.csv', 'file.corrupt', 3, /"child pornography" appears in concept "c1" on lines 2 and 3 with different statuses/],
    ['unknown-status.csv', 'file.corrupt', 2, /Unknown en_status "forbidden"/],
  ])('%s → %s at line %i', async (name, code, line, message) => {
    const file = fx(path.join('bad', name));
    const e = await failure(file);
    expect(e.code).toBe(code);
    expect(e.file).toBe(file);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('refuses invalid UTF-8 with the line and byte offset', async () => {
    const file = path.join(tmp, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('fr,en\nvictime,victim\nt'), Buffer.from([0xe9]), Buffer.from('moin,witness\n')]));
    const e = await failure(file);
    expect(e.code).toBe('file.encoding');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/Not valid UTF-8/);
    expect(e.detail).toBe('invalid byte at offset 22');
  });

  it('refuses a TBX declaring another encoding', async () => {
    const file = path.join(tmp, 'latin1.tbx');
    writeFileSync(file, '<?xml version="1.0" encoding="ISO-8859-1"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2"/>');
    const e = await failure(file);
    expect(e.code).toBe('file.encoding');
    expect(e.message).toMatch(/ISO-8859-1/);
  });

  it('refuses a 100 MB file at once, without reading it', async () => {
    const file = path.join(tmp, 'huge.tbx');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024); // sparse: nothing written
    closeSync(fd);
    const t0 = performance.now();
    const e = await failure(file);
    const ms = performance.now() - t0;
    expect(e.code).toBe('file.tooLarge');
    expect(e.message).toMatch(/File too large \(100 MB\); the limit is 50 MB/);
    expect(ms).toBeLessThan(200);
  });

  it.each([
    ['empty', '', 'file.empty'],
    ['TBX with no entries', '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>', 'file.empty'],
    ['TBX without body', '<tbx xmlns="urn:iso:std:iso:30042:ed-2"></tbx>', 'file.corrupt'],
    ['binary', 'fr,en\n\u0000\u0001', 'file.binary'],
  ])('refuses a file that is %s', async (_what, content, code) => {
    const file = path.join(tmp, `g-${code}.tbx`);
    writeFileSync(file, content);
    expect((await failure(file)).code).toBe(code);
  });

  it('reports a missing file as file.notFound', async () => {
    expect((await failure(path.join(tmp, 'nope.tbx'))).code).toBe('file.notFound');
  });
});

describe('export and round trips', () => {
  it.each([
    ['tbx3-basic.tbx', 'TBX v3 → TBX v3', 'out.tbx'],
    ['tbx3-dct.tbx', 'TBX v3 DCT → TBX v3 DCA', 'tbx3-dct.tbx'],
    ['tbx2-martif.tbx', 'TBX v2 → TBX v3', 'out2.tbx'],
    ['glossary-bom.csv', 'CSV → CSV', 'glossary-bom.csv'],
    ['glossary.tsv', 'TSV → TSV', 'glossary.tsv'],
    ['glossary-bom.csv', 'CSV → TBX v3', 'glossary-bom.tbx'],
  ])('%s: %s gives a deep-equal glossary', async (name, _what, outName) => {
    const first = await importGlossaryFile(fx(name));
    const dir = mkdtempSync(path.join(tmp, 'rt-'));
    const out = path.join(dir, outName);
    await writeGlossaryFile(out, first);
    const again = await importGlossaryFile(out);
    // CSV has no title: the name comes from the file name, which the test keeps
    expect({ ...again, name: first.name }).toEqual(first);
    expect(readdirSync(dir)).toEqual([outName]); // atomic write: no temp file left
  });

  it('exports TBX v3 TBX-Basic with the namespace, statuses and x-caseSensitive only where it differs from the default', async () => {
    const g = await importGlossaryFile(fx('tbx3-basic.tbx'));
    const xml = exportTbx(g);
    expect(xml).toContain('<tbx style="dca" type="TBX-Basic" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">');
    expect(xml.match(/<conceptEntry /g)).toHaveLength(3);
    for (const s of ['preferred', 'admitted', 'deprecated', 'superseded']) expect(xml).toContain(`${s}Term-admn-sts`);
    expect(xml.match(/x-caseSensitive">yes/g)).toHaveLength(2); // Europol fr + en
    expect(xml.match(/x-caseSensitive">no/g)).toHaveLength(1); // AI marked "no"
    expect(xml).toContain("<note>Keep the agency's own name.</note>");
  });

  it('exports CSV with the documented header and quotes fields that need it', async () => {
    const g = await importGlossaryFile(fx('glossary.tsv'));
    const csv = exportCsv(g);
    const [header, row1] = csv.split('\r\n');
    expect(header).toBe('concept_id,fr,fr_status,fr_case_sensitive,fr_pos,fr_note,en,en_status,en_case_sensitive,en_pos,en_note,note,source,subject');
    expect(row1).toBe('c2,coup de filet,preferred,,,,sweep,preferred,,,,"Police operation; ""raid"" also seen",,');
  });

  it('writeGlossaryFile refuses an unknown extension', async () => {
    const g = await importGlossaryFile(fx('glossary.tsv'));
    await expect(writeGlossaryFile(path.join(tmp, 'g.docx'), g)).rejects.toMatchObject({ code: 'file.unsupported' });
  });
});

describe('case sensitivity default', () => {
  it.each([
    ['IA', true],
    ['CSAM', true],
    ['IWF', true],
    ['ONU', true],
    ['UNICEF', false], // six letters: an ordinary word-like name
    ['Europol', false],
    ['I.A.', false],
    ['A', false],
    ['ÉTAT', true],
  ])('%s → %s', (text, expected) => {
    expect(defaultCaseSensitive(text)).toBe(expected);
  });
});

describe('the desk glossary (resources/glossary/desk-fr-en.tbx)', () => {
  let desk: Glossary;
  beforeAll(async () => {
    desk = await loadDeskGlossary();
  });
  const find = (fr: string) => desk.entries.find((e) => e.terms.some((t) => t.lang === 'fr' && t.text === fr));
  const en = (fr: string, status?: string) =>
    find(fr)!
      .terms.filter((t) => t.lang === 'en' && (status === undefined || t.status === status))
      .map((t) => t.text);

  it('loads as the desk scope, every entry with a source', () => {
    expect(desk.scope).toBe('desk');
    expect(desk.entries.length).toBeGreaterThanOrEqual(50);
    for (const e of desk.entries) expect(e.source, e.id).toBeTruthy();
  });

  it.each([
    ['contenus pédopornographiques', 'preferred', ['child sexual abuse material']],
    ['contenu pédopornographique', 'admitted', ['CSAM', 'child sexual abuse images']],
    ['pédopornographie', 'deprecated', ['child pornography', 'child porn']],
    ['pédocriminalité', 'preferred', ['child sexual abuse']],
    ['abus sexuels sur mineurs', 'preferred', ['child sexual abuse']],
    ['exploitation sexuelle d’enfants', 'preferred', ['child sexual exploitation']],
    ['violences sexuelles sur des mineurs', 'preferred', ['sexual violence against children']],
    ['forces de l’ordre', 'admitted', ['law enforcement agencies', 'police']],
    ['Europol', 'preferred', ['Europol']],
    ['Agence européenne de police', 'preferred', ['European Union Agency for Law Enforcement Cooperation']],
    ['Internet Watch Foundation', 'preferred', ['Internet Watch Foundation', 'IWF']],
    ['Etats membres', 'preferred', ['member states']],
    ['IA', 'preferred', ['artificial intelligence', 'AI']],
    ['coup de filet', 'admitted', ['crackdown', 'police raid']],
    ['ressortissant danois', 'preferred', ['Danish national']],
    ['juge d’instruction', 'preferred', ['investigating judge']],
    ['garde à vue', 'preferred', ['police custody']],
  ])('%s → %s %j', (fr, status, expected) => {
    expect(en(fr, status)).toEqual(expected);
  });

  it('cites the Luxembourg Guidelines for the deprecated "child pornography", and marks Europol / IA case-sensitive', () => {
    expect(find('pédopornographie')!.source).toMatch(/Luxembourg Guidelines/);
    expect(find('Europol')!.terms.every((t) => t.caseSensitive)).toBe(true);
    expect(find('IA')!.terms.find((t) => t.text === 'IA')!.caseSensitive).toBe(true);
    expect(find('intelligence artificielle')!.terms.find((t) => t.text === 'artificial intelligence')!.caseSensitive).toBe(false);
  });
});
