import { describe, expect, it } from 'vitest';
import { looksLikeBody, looksLikeHeadline, normaliseNewlines, parsePlainText } from './text.ts';
import { sniffTextFormat, formatFromFileName, extensionOf } from './sniff.ts';

const LEAD =
  'La fonte des glaciers alpins s’est poursuivie à un rythme record l’an dernier, selon le réseau suisse de surveillance Glamos, qui publie chaque automne son bilan.';
const BODY =
  '« Nous n’avons jamais mesuré une perte aussi rapide », a déclaré le responsable du réseau lors d’une conférence de presse organisée à Zurich mardi matin.';

describe('plain-text parsing', () => {
  it('takes a headline-like first line followed by body text as the title', () => {
    const blocks = parsePlainText(`Les glaciers alpins ont perdu 4\u00A0% de leur volume\n\n${LEAD}\n\nUne tendance qui s’accélère\n\n${BODY}\n`);
    expect(blocks).toEqual([
      { kind: 'title', level: 1, text: 'Les glaciers alpins ont perdu 4\u00A0% de leur volume' },
      { kind: 'paragraph', text: LEAD },
      { kind: 'heading', level: 2, text: 'Une tendance qui s’accélère' },
      { kind: 'paragraph', text: BODY },
    ]);
  });

  it('does not invent a title when the first line is a body paragraph', () => {
    const blocks = parsePlainText(`${LEAD}\n\n${BODY}`);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('does not take a first line followed only by short lines for a title', () => {
    const blocks = parsePlainText('Liste des courses\nPain\nLait\nBeurre');
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(blocks).toHaveLength(4);
  });

  it('treats single line breaks as block breaks, like text copied from a web page', () => {
    const blocks = parsePlainText(`${LEAD}\nRéutiliser ce contenu\nPartager\nExit mobile version`);
    expect(blocks.map((b) => b.text)).toEqual([LEAD, 'Réutiliser ce contenu', 'Partager', 'Exit mobile version']);
  });

  it('accepts CRLF and CR line endings and drops a BOM', () => {
    const lf = parsePlainText(`Titre de l’article\n\n${LEAD}\n${BODY}\n`);
    expect(parsePlainText(`\uFEFFTitre de l’article\r\n\r\n${LEAD}\r\n${BODY}\r\n`)).toEqual(lf);
    expect(parsePlainText(`Titre de l’article\r\r${LEAD}\r${BODY}\r`)).toEqual(lf);
    expect(normaliseNewlines('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
  });

  it('keeps typography exactly and trims only ASCII indentation', () => {
    const line = '\t «\u00A0Cela contribue à la hausse\u202F», a-t-elle ajouté, selon l’agence, lors d’un point presse tenu à La Haye.  ';
    const [b] = parsePlainText(line);
    expect(b?.text).toBe('«\u00A0Cela contribue à la hausse\u202F», a-t-elle ajouté, selon l’agence, lors d’un point presse tenu à La Haye.');
  });

  it('does not take a short line between two short lines for a heading', () => {
    const blocks = parsePlainText(`${LEAD}\nLe Monde Mémorable\nTestez votre culture générale\nDécouvrir\n${BODY}`);
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('does not take a line ending with a colon or a period for a heading', () => {
    const blocks = parsePlainText(`${LEAD}\nIl a ajouté ceci :\n${BODY}\nC’est fini.\n${LEAD}`);
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([]);
  });

  it('accepts a heading ending with a question mark, and one after a teaser', () => {
    const blocks = parsePlainText(`${LEAD}\nPourquoi la fonte s’accélère-t-elle ?\n${BODY}\nLire aussi : Les glaciers des Pyrénées\nDes pistes pour ralentir le phénomène\n${LEAD}`);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Pourquoi la fonte s’accélère-t-elle ?', 'Des pistes pour ralentir le phénomène']);
  });

  it('re-joins the lines of a hard-wrapped document, keeping headings apart', () => {
    const text = [
      'The glaciers of the Alps lost four per cent of their volume last year, the',
      'Swiss monitoring network said on Tuesday, the second-worst loss on record',
      'after 2022.',
      '',
      'A faster melt',
      '',
      'Scientists said the hot summer and a thin winter snowpack had exposed the',
      'ice to the sun for weeks longer than usual, accelerating a decline that',
      'began decades ago.',
    ].join('\n');
    expect(parsePlainText(text)).toEqual([
      { kind: 'paragraph', text: 'The glaciers of the Alps lost four per cent of their volume last year, the Swiss monitoring network said on Tuesday, the second-worst loss on record after 2022.' },
      { kind: 'heading', level: 2, text: 'A faster melt' },
      { kind: 'paragraph', text: 'Scientists said the hot summer and a thin winter snowpack had exposed the ice to the sun for weeks longer than usual, accelerating a decline that began decades ago.' },
    ]);
  });

  it('heading and body rules', () => {
    expect(looksLikeHeadline('Réglementation commune')).toBe(true);
    expect(looksLikeHeadline('réglementation commune')).toBe(false);
    expect(looksLikeHeadline('Réglementation commune.')).toBe(false);
    expect(looksLikeHeadline('Un titre beaucoup trop long pour être un intertitre dans un article de presse ordinaire')).toBe(false);
    expect(looksLikeBody(LEAD)).toBe(true);
    expect(looksLikeBody('Découvrir')).toBe(false);
    expect(looksLikeBody('Il pleut depuis trois jours sur la ville.')).toBe(true);
  });
});

describe('format detection', () => {
  it('by extension, case-insensitive', () => {
    expect(formatFromFileName('/a/b/Article.TXT')).toBe('txt');
    expect(formatFromFileName('a.text')).toBe('txt');
    expect(formatFromFileName('a.htm')).toBe('html');
    expect(formatFromFileName('a.html')).toBe('html');
    expect(formatFromFileName('a.markdown')).toBe('md');
    expect(formatFromFileName('a.md')).toBe('md');
    expect(formatFromFileName('C:\\docs\\a.DOCX')).toBe('docx');
    expect(formatFromFileName('a.pdf')).toBeNull();
    expect(formatFromFileName('README')).toBeNull();
    expect(extensionOf('.bashrc')).toBe('');
  });

  it('by content', () => {
    expect(sniffTextFormat('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniffTextFormat('<div><p>Un</p><p>Deux</p><p>Trois</p></div>')).toBe('html');
    expect(sniffTextFormat('# Titre\n\nUn paragraphe.')).toBe('md');
    expect(sniffTextFormat('Titre\n=====\n\nUn paragraphe.')).toBe('md');
    expect(sniffTextFormat(`${LEAD}\n\n${BODY}`)).toBe('txt');
    expect(sniffTextFormat('Le prix a augmenté de 5 % #inflation')).toBe('txt');
  });
});
