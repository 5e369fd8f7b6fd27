import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { RelaisError, type ErrorCode } from '../../../shared/errors.ts';
import type { ImportedDocument } from '../../../shared/model.ts';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, importBytes, importFile } from './index.ts';
import { buildArticleDocx, DOCX_FIRST_PARAGRAPH, DOCX_HEADING, DOCX_TITLE } from './fixtures/docx-article.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): string => path.join(here, 'fixtures', name);
const SAMPLE = path.resolve(here, '../../../resources/samples/cumberland-fr.txt');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-import-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const summary = (doc: ImportedDocument): Array<[string, string, string | null]> => doc.blocks.map((b) => [b.kind, b.text, b.chrome]);

async function expectRelaisError(p: Promise<unknown>, code: ErrorCode, file: string): Promise<RelaisError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RelaisError);
  const re = err as RelaisError;
  expect(re.code).toBe(code);
  expect(re.file).toBe(file);
  expect(re.message).toContain(path.basename(file));
  return re;
}

describe('importing the built-in sample (cumberland-fr.txt)', () => {
  let doc: ImportedDocument;
  beforeAll(async () => {
    doc = await importFile(SAMPLE);
  });

  it('is a plain-text document named after the file', () => {
    expect(doc.format).toBe('txt');
    expect(doc.sourceName).toBe('cumberland-fr.txt');
  });

  it('has no title block (its first line is a lead paragraph) and exactly the two subheadings', () => {
    expect(doc.blocks.filter((b) => b.kind === 'title')).toEqual([]);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual([
      { kind: 'heading', level: 2, text: 'Augmentation exponentielle des contenus pédocriminels', chrome: null },
      { kind: 'heading', level: 2, text: 'Réglementation commune', chrome: null },
    ]);
  });

  it('marks the page chrome, and only the page chrome', () => {
    const chrome = doc.blocks.filter((b) => b.chrome !== null).map((b) => [b.text, b.kind]);
    expect(chrome).toEqual([
      ['Le Monde Mémorable', 'paragraph'],
      ['Testez votre culture générale avec la rédaction du « Monde »', 'paragraph'], // ordinary spaces in this promo, as in the file
      ['Testez votre culture générale avec la rédaction du « Monde »', 'paragraph'], // ordinary spaces in this promo, as in the file
      ['Découvrir', 'paragraph'],
      ['Lire aussi : Article réservé à nos abonnés Les viols d’enfants en webcams, angle mort de la lutte contre la pédocriminalité', 'paragraph'],
      ['Le Monde avec AFP', 'paragraph'],
      ['Réutiliser ce contenu', 'paragraph'],
      ['Partager', 'paragraph'],
      ['Exit mobile version', 'paragraph'],
    ]);
    const reasons = Object.fromEntries(doc.blocks.filter((b) => b.chrome).map((b) => [b.text.slice(0, 12), b.chrome]));
    expect(reasons).toMatchObject({ 'Partager': 'share', 'Exit mobile ': 'mobile', 'Réutiliser c': 'reuse', 'Le Monde ave': 'credit', 'Lire aussi :': 'related', 'Découvrir': 'promo' });
  });

  it('keeps the late IWF paragraph as body text', () => {
    const iwf = doc.blocks.find((b) => b.text.startsWith('D’après l’organisation Internet Watch Foundation'));
    expect(iwf).toMatchObject({ kind: 'paragraph', chrome: null });
    expect(doc.blocks.filter((b) => b.kind === 'paragraph' && b.chrome === null)).toHaveLength(9);
  });

  it('keeps every line of the file, typography exact', () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(doc.blocks.map((b) => b.text)).toEqual(lines);
    expect(doc.blocks[0]?.text).toContain('Au moins 25\u00A0individus');
    expect(doc.blocks[1]?.text.startsWith('«\u00A0L’opération Cumberland')).toBe(true);
    expect(doc.blocks.some((b) => b.text.includes('«\u00A0cette nouvelle situation\u00A0»'))).toBe(true);
  });
});

describe('importing each format', () => {
  it('plain text with a title line, CRLF endings', async () => {
    const doc = await importFile(fixture('article-title.txt'));
    expect(summary(doc)).toEqual([
      ['title', 'Les glaciers alpins ont perdu 4 % de leur volume en 2024', null],
      ['paragraph', 'La fonte des glaciers alpins s’est poursuivie à un rythme record l’an dernier, selon le réseau suisse de surveillance Glamos, qui publie chaque automne son bilan.', null],
      ['heading', 'Une tendance qui s’accélère', null],
      ['paragraph', '«\u00A0Nous n’avons jamais mesuré une perte aussi rapide sur deux années consécutives\u00A0», a déclaré le responsable du réseau lors d’une conférence de presse à Zurich.', null],
      ['paragraph', 'Les scientifiques estiment que la moitié des glaciers pourrait disparaître d’ici à la fin du siècle.', null],
      ['paragraph', 'Partager', 'share'],
      ['paragraph', 'Retour en haut', 'navigation'],
    ]);
    expect(doc.blocks[0]?.level).toBe(1);
    expect(doc.blocks[2]?.level).toBe(2);
  });

  it('accepts a UTF-8 BOM and drops it', async () => {
    const file = path.join(tmp, 'bom.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SAMPLE)]));
    const doc = await importFile(file);
    expect(doc.blocks[0]?.text.startsWith('Il s’agit')).toBe(true);
    expect(doc.blocks.map((b) => b.text)).toEqual((await importFile(SAMPLE)).blocks.map((b) => b.text));
  });

  it('an HTML page saved from a browser', async () => {
    const doc = await importFile(fixture('article-page.html'));
    expect(doc.format).toBe('html');
    expect(doc.sourceName).toBe('article-page.html');
    expect(summary(doc)).toEqual([
      ['paragraph', 'Planète', 'navigation'],
      ['title', 'Sécheresse\u00A0: les nappes phréatiques au plus bas', null],
      ['paragraph', 'Par Claire Martin', 'credit'],
      ['paragraph', 'Publié le 3\u00A0mars 2025 à 10h12, modifié le 3\u00A0mars 2025 à 18h40', 'credit'],
      ['paragraph', 'Partager sur Facebook Partager sur X Copier le lien', 'share'],
      ['paragraph', 'Les deux tiers des nappes phréatiques françaises restaient sous les normales de saison à la fin de février, selon le Bureau de recherches géologiques et minières (BRGM), qui publie chaque mois un bulletin de situation.', null],
      ['paragraph', '«\u00A0La recharge hivernale a été très insuffisante dans le Sud-Est\u00A0», a expliqué une hydrogéologue, qui prévoit un été «\u202Ftendu\u202F» pour l’irrigation\u00A0; les préfets ont déjà pris 25\u00A0arrêtés de restriction.', null],
      ['paragraph', 'Lire aussi\u00A0: Dans la Drôme, les rivières à sec dès le printemps', 'related'],
      ['heading', 'Des restrictions d’usage dès avril', null],
      ['paragraph', 'Dans plusieurs départements, l’arrosage des jardins et le lavage des voitures seront interdits dès le mois d’avril si les pluies ne reviennent pas rapidement. Les contrevenants s’exposent à une amende de 1\u00A0500\u00A0euros.', null],
      ['paragraph', 'Les golfs devront réduire leur consommation de 30\u00A0%.', null],
      ['paragraph', 'Les piscines privées ne pourront plus être remplies.', null],
      ['paragraph', 'Chaque goutte compte désormais, et nous devons changer nos habitudes sans attendre l’été.', null],
      ['paragraph', 'Newsletter', 'promo'],
      ['paragraph', 'Inscrivez-vous à notre lettre quotidienne pour recevoir l’essentiel de l’actualité.', 'promo'],
      ['heading', 'Les pluies de mars ne suffiront pas', null],
      ['paragraph', 'Même un mois de mars pluvieux ne permettrait pas de combler le déficit accumulé depuis l’automne, estiment les spécialistes, qui appellent à une gestion plus sobre de la ressource.', null],
      ['paragraph', 'La situation sera réévaluée à la mi-avril.', null],
      ['paragraph', 'La Gazette du Rhône avec AFP', 'credit'],
      ['paragraph', 'Partager', 'share'],
      ['paragraph', 'Tous droits réservés', 'reuse'],
    ]);
    const all = doc.blocks.map((b) => b.text).join('\n');
    for (const gone of ['cookies', 'Ne pas importer', 'Politique', 'Rechercher', 'Texte caché', 'Icône', 'Bloc masqué', 'Modèle', 'JavaScript', 'Logo', 'Les plus lus', '© 2025', 'Retour en haut', 'Accueil', 'agriculteurs', 'Sur le même sujet']) {
      expect(all).not.toContain(gone);
    }
  });

  it('a Markdown article', async () => {
    const doc = await importFile(fixture('article.md'));
    expect(doc.format).toBe('md');
    expect(summary(doc)).toEqual([
      ['title', 'Le télétravail s’installe durablement dans les PME', null],
      ['paragraph', 'Par Julien Robert', 'credit'],
      ['paragraph', 'Trois ans après la crise sanitaire, près d’un salarié sur trois travaille au moins un jour par semaine à domicile, selon une enquête publiée mardi par l’Insee.', null],
      ['heading', 'Des accords d’entreprise plus nombreux', null],
      ['paragraph', 'Les petites et moyennes entreprises ont signé 1\u00A0200 accords en 2024, soit deux fois plus qu’en 2021. Les syndicats y voient « une avancée réelle ».', null],
      ['paragraph', 'Les cadres sont les plus concernés.', null],
      ['paragraph', 'Les employés de l’industrie restent largement à l’écart.', null],
      ['paragraph', '« Le bureau n’est plus le seul lieu de travail », résume une directrice des ressources humaines interrogée par l’institut.', null],
      ['heading', 'Le coût des bureaux', null],
      ['paragraph', 'Les loyers de bureaux ont baissé de 8 % dans les grandes villes, ce qui incite les entreprises à réduire leurs surfaces.', null],
      ['paragraph', 'source: enquête Insee 2024', null],
      ['paragraph', 'Lire aussi : Le retour au bureau divise les grandes entreprises', 'related'],
      ['paragraph', 'Partager', 'share'],
    ]);
    expect(doc.blocks.map((b) => b.level)).toEqual([1, undefined, undefined, 2, undefined, undefined, undefined, undefined, 3, undefined, undefined, undefined, undefined]);
  });

  it('a DOCX written with the docx package (committed fixture)', async () => {
    const doc = await importFile(fixture('article.docx'));
    expect(doc.format).toBe('docx');
    expect(summary(doc)).toEqual([
      ['title', DOCX_TITLE, null],
      ['paragraph', 'Par Sophie Laurent', 'credit'],
      ['paragraph', DOCX_FIRST_PARAGRAPH, null],
      ['heading', DOCX_HEADING, null],
      ['paragraph', 'L’inflation dans la zone euro a atteint 2,2\u00A0% en novembre, contre plus de 10\u00A0% à l’automne 2022, selon Eurostat.', null],
      ['paragraph', 'Les marchés anticipent deux nouvelles baisses au cours du premier semestre.', null],
      ['paragraph', 'Les banques commerciales devraient répercuter la baisse sur les crédits immobiliers.', null],
      ['heading', 'Le rôle de la Réserve fédérale', null],
      ['paragraph', 'De l’autre côté de l’Atlantique, la Réserve fédérale américaine a choisi de marquer une pause, jugeant l’économie encore trop dynamique.', null],
      ['paragraph', 'Le Monde avec AFP', 'credit'],
      ['paragraph', 'Partager', 'share'],
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2]);
  });

  it('a DOCX built in memory and dropped on the window', async () => {
    const bytes = new Uint8Array(await buildArticleDocx());
    const doc = await importBytes('BCE.docx', bytes);
    expect(doc.sourceName).toBe('BCE.docx');
    expect(doc.blocks[0]).toEqual({ kind: 'title', level: 1, text: DOCX_TITLE, chrome: null });
    // A document whose headings use "Heading 1" only and has no Title style: the first h1 is the title.
    const plain = new Document({
      sections: [{ children: [new Paragraph({ text: 'Un titre en Titre 1', heading: HeadingLevel.HEADING_1 }), new Paragraph({ text: 'Un paragraphe assez long pour être du texte, avec une phrase complète.' })] }],
    });
    const doc2 = await importBytes('simple.docx', new Uint8Array(await Packer.toBuffer(plain)));
    expect(summary(doc2)).toEqual([
      ['title', 'Un titre en Titre 1', null],
      ['paragraph', 'Un paragraphe assez long pour être du texte, avec une phrase complète.', null],
    ]);
  });
});

describe('edge cases that are not errors', () => {
  it('a text that starts like a weak file signature ("MZ", "RIFF") is still text', async () => {
    const doc = await importBytes('mz.txt', new TextEncoder().encode('MZ Productions rachète un studio lyonnais pour 12\u00A0millions d’euros, a annoncé la société mardi.\n'));
    expect(doc.blocks).toHaveLength(1);
    const riff = await importBytes('riff.txt', new TextEncoder().encode('RIFFS DE GUITARE : le festival rouvre ses portes cet été avec une programmation élargie.\n'));
    expect(riff.blocks[0]?.text.startsWith('RIFFS')).toBe(true);
  });

  it('a dropped file named with a Windows path is shown by its name', async () => {
    const doc = await importBytes('C:\\Users\\desk\\Articles\\glaciers.txt', readFileSync(fixture('article-title.txt')));
    expect(doc.sourceName).toBe('glaciers.txt');
  });

  it('a DOCX with an image keeps the text and leaves the image out', async () => {
    const png = readFileSync(fixture('bad/photo.txt'));
    const withImage = new Document({
      sections: [{ children: [
        new Paragraph({ text: 'Un titre illustré', heading: HeadingLevel.TITLE }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
        new Paragraph({ text: 'Le texte sous l’image est conservé tel quel, avec sa ponctuation.' }),
      ] }],
    });
    const doc = await importBytes('image.docx', new Uint8Array(await Packer.toBuffer(withImage)));
    expect(summary(doc)).toEqual([
      ['title', 'Un titre illustré', null],
      ['paragraph', 'Le texte sous l’image est conservé tel quel, avec sa ponctuation.', null],
    ]);
  });
});

describe('general chrome rules on a different site', () => {
  it('an English news page copied as text', async () => {
    const doc = await importFile(fixture('english-page.txt'));
    expect(summary(doc)).toEqual([
      ['paragraph', 'Skip to main content', 'navigation'],
      ['title', 'Wildfire smoke reaches Europe as Canadian blazes rage on', null],
      ['paragraph', 'Smoke from hundreds of wildfires burning across western Canada has crossed the Atlantic and is expected to haze skies over Ireland, Britain and France this weekend, the EU\'s Copernicus monitoring service said on Friday.', null],
      ['paragraph', 'By Jane Holloway and Marc Dubois', 'credit'],
      ['paragraph', 'Published 6 June 2025', 'credit'],
      ['paragraph', 'Share', 'share'],
      ['paragraph', 'Facebook', 'share'],
      ['paragraph', 'Twitter', 'share'],
      ['paragraph', 'Copy link', 'share'],
      ['paragraph', 'More than 200 fires were still burning in Alberta and British Columbia on Thursday, about half of them classed as out of control, according to the Canadian Interagency Forest Fire Centre.', null],
      ['paragraph', 'Related: Canada\'s wildfire season is starting earlier every year, scientists warn', 'related'],
      ['heading', 'Why the smoke travels so far', null],
      ['paragraph', 'Researchers say the plume was lifted high into the atmosphere by the intense heat of the fires, where strong winds carried it thousands of kilometres eastwards over several days.', null],
      ['paragraph', 'The smoke is not expected to affect air quality at ground level in Europe, but it may produce vivid red sunsets, forecasters said.', null],
      ['paragraph', 'Sign up to First Edition', 'promo'],
      ['paragraph', 'Our morning email breaks down the key stories of the day', 'promo'],
      ['paragraph', 'Sign up', 'subscription'],
      ['paragraph', 'Skip past newsletter promotion', 'promo'],
      ['paragraph', 'after newsletter promotion', 'promo'],
      ['paragraph', 'Health officials in Canada urged residents in affected areas to stay indoors and keep windows closed while the smoke persists.', null],
      ['paragraph', 'Reporting by Jane Holloway; Editing by Marc Dubois', 'credit'],
      ['paragraph', 'Most viewed', 'related'],
      ['paragraph', '© 2025 Example News Media Limited or its affiliated companies. All rights reserved.', 'reuse'],
      ['paragraph', 'Back to top', 'navigation'],
    ]);
  });
});

describe('a French page copied from its very top (rubrics, byline block, subscription labels)', () => {
  it('finds the title under the rubric labels and marks the header chrome', async () => {
    const doc = await importFile(fixture('page-header-fr.txt'));
    expect(summary(doc).map(([kind, text, chrome]) => [kind, text.slice(0, 30), chrome])).toEqual([
      ['paragraph', 'International', 'navigation'],
      ['paragraph', 'Europe', 'navigation'],
      ['title', 'Opération Cumberland : au moin', null],
      ['paragraph', 'Europol a annoncé vendredi l’a', null],
      ['paragraph', 'Le Monde avec AFP', 'credit'],
      ['paragraph', 'Publié le 28 février 2025 à 15', 'credit'],
      ['paragraph', 'Temps de Lecture 2 min.', 'credit'],
      ['paragraph', 'Article réservé aux abonnés', 'subscription'],
      ['paragraph', 'Offrir l’article', 'share'],
      ['paragraph', 'Lire plus tard', 'related'],
      ['paragraph', 'Partager', 'share'],
      ['paragraph', 'Il s’agit de l’une des premièr', null],
      ['paragraph', 'Contribuer', 'short-cta'],
      ['paragraph', 'Réutiliser ce contenu', 'reuse'],
    ]);
  });
});

describe('content sniffing for other file names', () => {
  it('reads HTML, Markdown and plain text without a known extension', async () => {
    const html = await importBytes('page.aspx', readFileSync(fixture('article-page.html')));
    expect(html.format).toBe('html');
    expect(html.blocks.find((b) => b.kind === 'title')?.text).toBe('Sécheresse\u00A0: les nappes phréatiques au plus bas');
    const md = await importBytes('NOTES', readFileSync(fixture('article.md')));
    expect(md.format).toBe('md');
    const txt = await importBytes('cumberland.log', readFileSync(SAMPLE));
    expect(txt.format).toBe('txt');
    expect(txt.blocks.filter((b) => b.kind === 'heading')).toHaveLength(2);
  });

  it('reads a DOCX saved without its extension', async () => {
    const file = path.join(tmp, 'article-sans-extension');
    writeFileSync(file, readFileSync(fixture('article.docx')));
    const doc = await importFile(file);
    expect(doc.format).toBe('docx');
    expect(doc.blocks[0]?.text).toBe(DOCX_TITLE);
  });
});

describe('bad input', () => {
  it('a missing file', async () => {
    const file = path.join(tmp, 'absent.txt');
    const e = await expectRelaisError(importFile(file), 'file.notFound', file);
    expect(e.message).toBe('“absent.txt” was not found.');
  });

  it('a folder', async () => {
    await expectRelaisError(importFile(tmp), 'file.unsupported', tmp);
  });

  it('an empty file, a whitespace-only file, a page with only chrome', async () => {
    await expectRelaisError(importFile(fixture('bad/empty.txt')), 'file.empty', fixture('bad/empty.txt'));
    await expectRelaisError(importFile(fixture('bad/whitespace.md')), 'file.empty', fixture('bad/whitespace.md'));
    await expectRelaisError(importFile(fixture('bad/chrome-only.html')), 'file.empty', fixture('bad/chrome-only.html'));
    await expectRelaisError(importBytes('vide.docx', new Uint8Array(0)), 'file.empty', 'vide.docx');
    await expectRelaisError(importBytes('ponctuation.txt', new TextEncoder().encode('* * *\n— — —\n')), 'file.empty', 'ponctuation.txt');
  });

  it('an HTML page with no text', async () => {
    await expectRelaisError(importBytes('vide.html', new TextEncoder().encode('<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>')), 'file.empty', 'vide.html');
  });

  it('binary content: a PNG renamed .txt, NUL bytes', async () => {
    const png = await expectRelaisError(importFile(fixture('bad/photo.txt')), 'file.binary', fixture('bad/photo.txt'));
    expect(png.message).toContain('PNG image');
    const nul = await expectRelaisError(importFile(fixture('bad/nul.txt')), 'file.binary', fixture('bad/nul.txt'));
    expect(nul.detail).toBe('it contains a NUL byte at byte offset 9');
    await expectRelaisError(importBytes('photo.md', readFileSync(fixture('bad/photo.txt'))), 'file.binary', 'photo.md');
    await expectRelaisError(importBytes('image.html', readFileSync(fixture('bad/photo.txt'))), 'file.binary', 'image.html');
  });

  it('invalid UTF-8, with the byte offset and line', async () => {
    const e = await expectRelaisError(importFile(fixture('bad/latin1.txt')), 'file.encoding', fixture('bad/latin1.txt'));
    expect(e.line).toBe(3);
    expect(e.detail).toBe('invalid byte 0xE9 at byte offset 26, line 3');
    expect(e.message).toContain('UTF-8');
    // A truncated multi-byte sequence at the very end, after CRLF lines.
    const bytes = new Uint8Array([...new TextEncoder().encode('Un\r\nDeux\r\nTrois '), 0xe2, 0x80]);
    const e2 = await expectRelaisError(importBytes('tronque.txt', bytes), 'file.encoding', 'tronque.txt');
    expect(e2.detail).toBe('invalid byte 0xE2 at byte offset 16, line 3');
    // An overlong encoding and a lone surrogate are invalid too.
    await expectRelaisError(importBytes('overlong.md', new Uint8Array([0x41, 0xc0, 0xaf])), 'file.encoding', 'overlong.md');
    await expectRelaisError(importBytes('surrogate.txt', new Uint8Array([0x41, 0xed, 0xa0, 0x80])), 'file.encoding', 'surrogate.txt');
  });

  it('an HTML page in windows-1252 that says so is read in its charset; a Latin-1 text file is refused', async () => {
    const html = Buffer.from('<html><head><meta charset="windows-1252"><title>x</title></head><body><article><h1>Le caf\xe9</h1><p>L\x92\xe9t\xe9 sera chaud\xa0: 30\xa0\x80 le caf\xe9, dit-il.</p></article></body></html>', 'latin1');
    const doc = await importBytes('ancien.html', html);
    expect(summary(doc)).toEqual([
      ['title', 'Le café', null],
      ['paragraph', 'L’été sera chaud\u00A0: 30\u00A0€ le café, dit-il.', null],
    ]);
    await expectRelaisError(importBytes('ancien.txt', Buffer.from('Un texte en Latin-1 : caf\xe9.\n', 'latin1')), 'file.encoding', 'ancien.txt');
    // An HTML page that declares UTF-8 but is not: refused with the position.
    const lying = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]);
    const e = await expectRelaisError(importBytes('faux.html', lying), 'file.encoding', 'faux.html');
    expect(e.detail).toBe('invalid byte 0xE9 at byte offset 28, line 1');
  });

  it('UTF-16 text', async () => {
    const e = await expectRelaisError(importFile(fixture('bad/utf16.txt')), 'file.encoding', fixture('bad/utf16.txt'));
    expect(e.message).toContain('UTF-16');
  });

  it('a file over the size limit is refused from its size, before being read', async () => {
    for (const name of ['big.txt', 'big.md', 'big.html']) {
      const file = path.join(tmp, name);
      const fh = await open(file, 'w');
      await fh.truncate(50 * 1024 * 1024); // sparse: nothing is written, and it is all NUL bytes if anyone reads it
      await fh.close();
      const started = performance.now();
      const e = await expectRelaisError(importFile(file), 'file.tooLarge', file);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(e.message).toBe(`“${name}” is too large to import (50 MB; the limit is 20 MB).`);
      rmSync(file);
    }
    const docx = path.join(tmp, 'big.docx');
    const fh = await open(docx, 'w');
    await fh.truncate(MAX_DOCX_BYTES + 1);
    await fh.close();
    await expectRelaisError(importFile(docx), 'file.tooLarge', docx);
    rmSync(docx);
  });

  it('dropped bytes over the size limit', async () => {
    await expectRelaisError(importBytes('gros.txt', new Uint8Array(MAX_TEXT_BYTES + 1)), 'file.tooLarge', 'gros.txt');
  });

  it('a text file exactly at the limit is accepted', async () => {
    const line = 'Une phrase de remplissage qui se répète pour atteindre la taille limite du fichier importé.\n';
    const unit = Buffer.from(line);
    const count = Math.floor(MAX_TEXT_BYTES / unit.length);
    const body = Buffer.concat([Buffer.alloc(count * unit.length, line), Buffer.from('x'.repeat(MAX_TEXT_BYTES - count * unit.length))]);
    expect(body.length).toBe(MAX_TEXT_BYTES);
    const doc = await importBytes('limite.txt', body);
    expect(doc.blocks.length).toBeGreaterThan(200_000);
  }, 120_000);

  it('a DOCX that is a ZIP of junk, or not a ZIP at all, or an old .doc', async () => {
    const junk = await expectRelaisError(importFile(fixture('bad/junk-zip.docx')), 'file.corrupt', fixture('bad/junk-zip.docx'));
    expect(junk.detail).toContain('main document part');
    await expectRelaisError(importFile(fixture('bad/not-a-zip.docx')), 'file.corrupt', fixture('bad/not-a-zip.docx'));
    const truncated = readFileSync(fixture('article.docx')).subarray(0, 2000);
    await expectRelaisError(importBytes('tronque.docx', truncated), 'file.corrupt', 'tronque.docx');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const doc = await expectRelaisError(importBytes('ancien.docx', ole), 'file.corrupt', 'ancien.docx');
    expect(doc.message).toContain('.doc');
  });

  it('a DOCX whose text part would inflate beyond the limit (ZIP bomb) is refused before being inflated', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('article.docx')));
    // Patch the uncompressed size of word/document.xml in the central directory to 300 MB.
    const name = new TextEncoder().encode('word/document.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let patched = false;
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (dv.getUint32(i, true) !== 0x02014b50) continue;
      const len = dv.getUint16(i + 28, true);
      if (len === name.length && name.every((c, k) => bytes[i + 46 + k] === c)) {
        dv.setUint32(i + 24, 300 * 1024 * 1024, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    const e = await expectRelaisError(importBytes('bombe.docx', bytes), 'file.tooLarge', 'bombe.docx');
    expect(e.detail).toBe(`word/document.xml: ${300 * 1024 * 1024} bytes uncompressed`);
  });

  it('an unknown extension whose content is not text', async () => {
    const e = await expectRelaisError(importFile(fixture('bad/photo.bin')), 'file.unsupported', fixture('bad/photo.bin'));
    expect(e.message).toContain('PNG image');
    await expectRelaisError(importBytes('rapport.pdf', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'file.unsupported', 'rapport.pdf');
    const zip = readFileSync(fixture('bad/junk-zip.docx'));
    await expectRelaisError(importBytes('archive.zip', zip), 'file.unsupported', 'archive.zip');
  });
});
