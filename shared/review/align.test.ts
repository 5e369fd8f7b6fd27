import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BlockKind, ImportedBlock } from '../model.ts';
import { segmentDocument } from '../segmentation/document.ts';
import { alignVersions, comparisonKey, SAME_ARTICLE_WARNING, type AlignNewSegment, type AlignOldSegment } from './align.ts';

const SAMPLE = fileURLToPath(new URL('../../resources/samples/cumberland-fr.txt', import.meta.url));

/** Splits an article text into blocks at blank lines (short lines without a final stop are headings) and segments it. */
function segmentArticle(text: string): AlignNewSegment[] {
  const blocks: ImportedBlock[] = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => ({ kind: (b.length < 60 && !/[.!?»]$/.test(b) ? 'heading' : 'paragraph') as BlockKind, level: 2, text: b, chrome: null }));
  return segmentDocument({ format: 'txt', sourceName: 'cumberland-fr.txt', blocks }).map((d) => ({
    source: d.source,
    blockIndex: d.blockIndex,
    blockKind: blocks[d.blockIndex]!.kind,
  }));
}

function asOld(segs: AlignNewSegment[], prefix = 's'): AlignOldSegment[] {
  return segs.map((s, i) => ({ id: `${prefix}${i}`, ...s }));
}

const v1Text = readFileSync(SAMPLE, 'utf8');
const EDITED_FROM = 'L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.';
const EDITED_TO = 'L’enquête, toujours en cours, devrait conduire à de nouvelles arrestations dans les prochains jours, a précisé Europol.';
const REMOVED = 'Il s’agit de l’une des premières opérations internationales de ce type. ';
const ADDED_PARAGRAPH =
  'Mise à jour, samedi 1er mars : Europol a indiqué que deux nouvelles interpellations avaient eu lieu en Espagne. Les suspects seront présentés à un juge la semaine prochaine.';

function v2Of(text: string): string {
  expect(text).toContain(EDITED_FROM);
  expect(text).toContain(REMOVED);
  return text
    .replace(EDITED_FROM, EDITED_TO)
    .replace(REMOVED, '')
    .replace('Réglementation commune\n', `${ADDED_PARAGRAPH}\n\nRéglementation commune\n`);
}

describe('alignVersions on the reference article', () => {
  const v1 = asOld(segmentArticle(v1Text));
  const v2Text = v2Of(v1Text);
  const v2 = segmentArticle(v2Text);

  it('reports exactly the edited sentence, the removed sentence and the added paragraph', () => {
    expect(v1.length).toBeGreaterThan(20);
    const r = alignVersions(v1, v2);
    expect(r.stats).toEqual({ unchanged: v1.length - 2, changed: 1, added: 2, removed: 1 });

    const changed = r.pairs.filter((p) => p.kind === 'changed');
    expect(changed).toHaveLength(1);
    expect(v1.find((s) => s.id === changed[0]!.oldId)!.source).toBe(EDITED_FROM);
    expect(v2[changed[0]!.newIndex!]!.source).toBe(EDITED_TO);
    expect(changed[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(changed[0]!.similarity).toBeLessThan(1);

    const removed = r.pairs.filter((p) => p.kind === 'removed');
    expect(v1.find((s) => s.id === removed[0]!.oldId)!.source).toBe(REMOVED.trim());

    const added = r.pairs.filter((p) => p.kind === 'added').map((p) => v2[p.newIndex!]!.source);
    expect(added.join(' ')).toBe(ADDED_PARAGRAPH);

    expect(r.sameArticleScore).toBeGreaterThan(0.9);
  });

  it('lists every new segment once, in document order, with removed ones where they were', () => {
    const r = alignVersions(v1, v2);
    const newIdx = r.pairs.filter((p) => p.newIndex !== null).map((p) => p.newIndex);
    expect(newIdx).toEqual(v2.map((_, i) => i));
    const oldIds = r.pairs.filter((p) => p.oldId !== null).map((p) => p.oldId);
    expect(oldIds).toEqual(v1.map((s) => s.id));
    // The removed first sentence comes first, before the unchanged second one.
    expect(r.pairs[0]!.kind).toBe('removed');
    // The added paragraph sits right before the "Réglementation commune" heading.
    const headingPos = r.pairs.findIndex((p) => p.newIndex !== null && v2[p.newIndex]!.source === 'Réglementation commune');
    expect(r.pairs[headingPos - 1]!.kind).toBe('added');
    expect(r.pairs[headingPos - 2]!.kind).toBe('added');
  });

  it('does not count white-space-only edits as changes', () => {
    // An ordinary space becomes a no-break space, a no-break space becomes a narrow one, a space is doubled.
    const spaced = v1Text
      .replace('vendredi 28\u00A0février', 'vendredi\u00A028\u00A0février')
      .replace('«\u00A0L’opération', '«\u202FL’opération')
      .replace('crimes\u00A0», a déclaré', 'crimes\u00A0»,  a déclaré');
    expect(spaced).not.toBe(v1Text);
    const v1s = segmentArticle(spaced);
    expect(v1s.map((x) => x.source)).not.toEqual(v1.map((x) => x.source));
    const r = alignVersions(v1, v1s);
    expect(r.stats).toEqual({ unchanged: v1.length, changed: 0, added: 0, removed: 0 });
    expect(r.sameArticleScore).toBe(1);
    expect(comparisonKey(' a\u00A0\u202F b\t')).toBe('a b');
  });

  it('aligns version 3 against version 2', () => {
    const v2old = asOld(v2, 'v2-');
    const v3Text = v2Text.replace('a souligné Europol', 'a insisté Europol').replace('Réglementation commune', 'Une réglementation commune');
    const v3 = segmentArticle(v3Text);
    const r = alignVersions(v2old, v3);
    expect(r.stats).toEqual({ unchanged: v2.length - 2, changed: 2, added: 0, removed: 0 });
    const changedOld = r.pairs.filter((p) => p.kind === 'changed').map((p) => v2old.find((s) => s.id === p.oldId)!.source);
    expect(changedOld[0]).toContain('a souligné Europol');
    expect(changedOld[1]).toBe('Réglementation commune');
  });

  it('keeps a sentence moved to another paragraph, flagged as moved', () => {
    const moved = 'L’enquête, toujours en cours, pourrait conduire à d’autres arrestations, a précisé Europol.';
    const v4Text = v1Text.replace(' ' + moved, '').replace('Réglementation commune\n', `Réglementation commune\n\n${moved}\n`);
    const v4 = segmentArticle(v4Text);
    const r = alignVersions(v1, v4);
    expect(r.stats).toEqual({ unchanged: v1.length, changed: 0, added: 0, removed: 0 });
    const m = r.pairs.filter((p) => p.moved);
    expect(m).toHaveLength(1);
    expect(v4[m[0]!.newIndex!]!.source).toBe(moved);
    expect(r.pairs.map((p) => p.newIndex)).toEqual(v4.map((_, i) => i));
  });

  it('gives a low same-article score for a different article', () => {
    const other = [
      'Le gouvernement a présenté mercredi son projet de budget pour l’année prochaine, marqué par de fortes économies.',
      'Le ministre de l’économie a défendu des choix « responsables » devant l’Assemblée nationale.',
      'Les syndicats dénoncent une politique d’austérité qui pèsera sur les services publics.',
      'Le texte sera examiné par les députés à partir du mois d’octobre.',
    ].join('\n\n');
    const r = alignVersions(v1, segmentArticle(other));
    expect(r.sameArticleScore).toBeLessThan(SAME_ARTICLE_WARNING);
    expect(r.stats.unchanged).toBe(0);
    expect(r.stats.removed + r.stats.changed).toBe(v1.length);
  });
});

describe('alignVersions edge cases', () => {
  const seg = (source: string, blockIndex = 0): AlignNewSegment => ({ source, blockIndex, blockKind: 'paragraph' });

  it('handles empty versions', () => {
    expect(alignVersions([], [])).toEqual({ pairs: [], stats: { unchanged: 0, changed: 0, added: 0, removed: 0 }, sameArticleScore: 1 });
    const r = alignVersions([], [seg('Une phrase.')]);
    expect(r.pairs).toEqual([{ oldId: null, newIndex: 0, kind: 'added', similarity: 0 }]);
    expect(r.sameArticleScore).toBe(0);
    const r2 = alignVersions([{ id: 'a', ...seg('Une phrase.') }], []);
    expect(r2.pairs).toEqual([{ oldId: 'a', newIndex: null, kind: 'removed', similarity: 0 }]);
    expect(r2.sameArticleScore).toBe(0);
  });

  it('keeps repeated identical segments paired in order', () => {
    const old = ['Partager', 'Une phrase.', 'Partager'].map((s, i) => ({ id: `o${i}`, ...seg(s) }));
    const r = alignVersions(old, ['Partager', 'Une phrase.', 'Une autre.', 'Partager'].map((s) => seg(s)));
    expect(r.pairs.map((p) => [p.oldId, p.newIndex, p.kind])).toEqual([
      ['o0', 0, 'unchanged'],
      ['o1', 1, 'unchanged'],
      [null, 2, 'added'],
      ['o2', 3, 'unchanged'],
    ]);
  });

  it('rejects duplicate ids', () => {
    expect(() => alignVersions([{ id: 'a', ...seg('x') }, { id: 'a', ...seg('y') }], [])).toThrow(/duplicate segment id/);
  });

  it('aligns a 2,000-segment article with 5% changes quickly and correctly', () => {
    const words = 'le la les un une des police enquête Europol pays arrestations contenus images victimes suspect plateforme ligne réseau juge ministre'.split(' ');
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const sentence = (k: number) => `Phrase ${k} : ${Array.from({ length: 12 + (k % 20) }, () => words[Math.floor(rnd() * words.length)]).join(' ')}.`;
    const old = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, source: sentence(i), blockIndex: Math.floor(i / 4), blockKind: 'paragraph' as const }));
    const next: AlignNewSegment[] = [];
    let edited = 0;
    let removed = 0;
    let added = 0;
    old.forEach((s, i) => {
      if (i % 60 === 10) {
        removed++;
        return;
      }
      if (i % 60 === 30) {
        edited++;
        next.push({ ...s, source: s.source.replace(/ (\S+)\.$/, ' nouvelle fin modifiée.') });
        return;
      }
      next.push({ source: s.source, blockIndex: s.blockIndex, blockKind: s.blockKind });
      if (i % 60 === 50) {
        added++;
        next.push({ source: `Ajout ${i} totalement inédit sur la réglementation européenne.`, blockIndex: s.blockIndex, blockKind: 'paragraph' });
      }
    });
    // CPU time of this process rather than wall time: the machine running the tests may be busy with others.
    const c0 = process.cpuUsage();
    const r = alignVersions(old, next);
    const cpu = process.cpuUsage(c0);
    expect(r.stats).toEqual({ unchanged: 2000 - removed - edited, changed: edited, added, removed });
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
  });
});
