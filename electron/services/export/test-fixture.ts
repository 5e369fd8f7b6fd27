/** A small translated article, written by hand for the export tests: title, headings, paragraphs, page chrome. */
import type { Block, ProjectInfo, ProjectSnapshot, Segment, SegmentStatus } from '../../../shared/model.ts';

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

export const info: ProjectInfo = {
  id: '0195a0c0-0000-7000-8000-000000000001',
  path: '/tmp/cumberland.relais',
  name: 'Cumberland',
  sourceName: 'cumberland-fr.txt',
  sourceFormat: 'txt',
  createdAt: '2026-03-01T09:00:00.000Z',
  sourceLang: 'fr',
  targetLang: 'en',
};

type SegSpec = [source: string, target: string, status: SegmentStatus];

interface BlockSpec {
  kind: Block['kind'];
  level?: number;
  chrome?: Block['chrome'];
  translatable?: boolean;
  segs: SegSpec[];
}

export const SPEC: BlockSpec[] = [
  { kind: 'title', segs: [['Opération Cumberland : 25 arrestations', 'Operation Cumberland: 25 arrests', 'approved']] },
  {
    kind: 'paragraph',
    segs: [
      ['Il s’agit de l’une des premières opérations internationales de ce type.', 'It is one of the first international operations of its kind.', 'approved'],
      [
        `Au moins 25 individus ont été arrêtés, a annoncé Europol vendredi 28${NBSP}février.`,
        `At least 25 people were arrested, Europol said on Friday${NBSP}28 February.`,
        'translated',
      ],
    ],
  },
  { kind: 'paragraph', chrome: 'share', translatable: false, segs: [['Partager', '', 'new']] },
  { kind: 'heading', level: 2, segs: [['Augmentation exponentielle des contenus', 'An exponential rise in content', 'translated']] },
  {
    kind: 'paragraph',
    segs: [
      [`«${NNBSP}Ces images sont si facilement créées${NNBSP}», a déclaré Catherine De Bolle.`, `“These images are so easily created,” said Catherine De Bolle.`, 'approved'],
      ['L’enquête, toujours en cours, pourrait conduire à d’autres arrestations.', '', 'new'],
    ],
  },
  { kind: 'heading', level: 3, segs: [['Réglementation commune', 'Common *rules* <script>alert(1)</script>', 'draft']] },
  {
    kind: 'paragraph',
    segs: [
      ['Les Etats membres discutent d’une réglementation commune.', '# 1. Member states_are discussing [common] rules & more.', 'rejected'],
      ['Europol a précisé.', '   ', 'draft'],
    ],
  },
  { kind: 'paragraph', chrome: 'credit', translatable: false, segs: [['Le Monde avec AFP', 'Le Monde with AFP', 'translated']] },
];

export function makeSnapshot(spec: BlockSpec[] = SPEC): ProjectSnapshot {
  const blocks: Block[] = [];
  const segments: Segment[] = [];
  spec.forEach((b, bi) => {
    const translatable = b.translatable ?? true;
    blocks.push({ id: `b${bi}`, ord: bi, kind: b.kind, level: b.kind === 'heading' ? (b.level ?? 2) : b.kind === 'title' ? 1 : null, chrome: b.chrome ?? null, translatable });
    for (const [source, target, status] of b.segs) {
      segments.push({
        id: `s${segments.length}`,
        blockId: `b${bi}`,
        ord: segments.length,
        source,
        target,
        status,
        translatable,
        updatedAt: target ? '2026-03-01T10:15:00.000Z' : null,
        updatedBy: target ? 'Tom Translator' : null,
        revisionId: null,
      });
    }
  });
  return { info, blocks, segments, drafts: {} };
}
