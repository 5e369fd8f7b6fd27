import { parse, positionals, resolvePath } from '../args.ts';
import type { Command } from '../types.ts';

export type { SegmentListing } from '../../electron/services/app/documents.ts';

/** Imports and segments an article: the segments in document order, without creating a project. */
export async function listSegments(file: string) {
  const { previewSegments } = await import('../../electron/services/app/documents.ts');
  return previewSegments(file);
}

export const segmentCommand: Command = {
  name: 'segment',
  synopsis: 'segment FILE [--json]',
  summary: 'Show how an article is split into blocks and segments',
  help: `Imports FILE (.txt, .md, .html, .docx) without creating a project and lists its segments in document order.

Options:
  --json   Print a JSON array of { id, block, kind, translatable, source };
           kind is title, heading, paragraph, or chrome for page chrome left out of translation.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { json: { type: 'boolean' } });
    const [file] = positionals(pos, ['FILE']);
    const list = await listSegments(resolvePath(io, file!));
    if (values.json) {
      io.out(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    const width = String(list.length).length;
    const bwidth = String(list.at(-1)?.block ?? 0).length + 1;
    let lastBlock = -1;
    for (const s of list) {
      if (s.block !== lastBlock && lastBlock !== -1) io.out('\n');
      lastBlock = s.block;
      const tag = `${s.kind}${s.translatable ? '' : ' (not translated)'}`;
      io.out(`${s.id.padStart(width)}  ${`¶${s.block}`.padEnd(bwidth)}  ${tag.padEnd(24)}  ${s.source}\n`);
    }
    const chrome = list.filter((s) => !s.translatable).length;
    io.out(`\n${list.length} segments, ${list.length - chrome} to translate, ${chrome} out of translation.\n`);
    return 0;
  },
};
