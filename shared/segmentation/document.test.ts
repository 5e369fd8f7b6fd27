import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentDocument } from './index.ts';
import type { ImportedDocument } from '../model.ts';
import { RelaisError } from '../errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('segmentDocument', () => {
  it('gives one segment per title/heading and splits paragraphs, chrome included', () => {
    const doc: ImportedDocument = {
      format: 'md',
      sourceName: 'article.md',
      blocks: [
        { kind: 'title', level: 1, text: 'Un titre. Avec deux phrases ! Jamais coupé', chrome: null },
        { kind: 'paragraph', text: 'M. Dupont arrive. Il repart.', chrome: null },
        { kind: 'heading', level: 2, text: '  Intertitre\u00a0: la suite.  Oui. ', chrome: null },
        { kind: 'paragraph', text: '   ', chrome: null },
        { kind: 'paragraph', text: 'Lire aussi : Un article. Partager', chrome: 'related' },
      ],
    };
    expect(segmentDocument(doc)).toEqual([
      { blockIndex: 0, source: 'Un titre. Avec deux phrases ! Jamais coupé' },
      { blockIndex: 1, source: 'M. Dupont arrive.' },
      { blockIndex: 1, source: 'Il repart.' },
      { blockIndex: 2, source: 'Intertitre\u00a0: la suite.  Oui.' },
      { blockIndex: 4, source: 'Lire aussi : Un article.' },
      { blockIndex: 4, source: 'Partager' },
    ]);
  });

  it('segments the sample article and keeps its typography exactly', () => {
    const raw = readFileSync(path.join(here, '../../resources/samples/cumberland-fr.txt'), 'utf8');
    const paragraphs = raw.split(/\n/).map((l) => l.trim()).filter(Boolean);
    const doc: ImportedDocument = {
      format: 'txt',
      sourceName: 'cumberland-fr.txt',
      blocks: paragraphs.map((text, i) => ({ kind: i === 3 ? 'heading' : 'paragraph', text, chrome: null })),
    };
    const segs = segmentDocument(doc);
    const sources = segs.map((s) => s.source);
    expect(sources).toContain('Au moins 25\u00a0individus ont été arrêtés pour la diffusion en ligne de contenus pédopornographiques générés par l’intelligence artificielle (IA), a annoncé Europol vendredi 28\u00a0février.');
    expect(sources.some((s) => s.endsWith('a poursuivi Mme\u00a0De Bolle, citée dans le communiqué.'))).toBe(true);
    expect(sources.filter((s) => s.startsWith('«\u00a0'))).toHaveLength(7);
    // every character except the ordinary whitespace between sentences survives
    const strip = (s: string) => s.replace(/[ \n]/g, '');
    expect(strip(sources.join(''))).toBe(strip(paragraphs.join('')));
    for (const s of segs) expect(doc.blocks[s.blockIndex]!.text.includes(s.source)).toBe(true);
    expect(segs.length).toBe(27); // 20 lines, 7 of them with two or three sentences
  });

  it('rejects a document without blocks with a RelaisError', () => {
    expect(() => segmentDocument({ format: 'txt', sourceName: 'x.txt' } as unknown as ImportedDocument)).toThrow(RelaisError);
    expect(() =>
      segmentDocument({ format: 'txt', sourceName: 'x.txt', blocks: [{ kind: 'paragraph', chrome: null }] } as unknown as ImportedDocument),
    ).toThrow(/Block 1/);
  });
});
