import { parse, positionals, resolvePath } from '../args.ts';
import type { Command } from '../types.ts';

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export const alignCommand: Command = {
  name: 'align',
  synopsis: 'align SOURCE DRAFT [--json]',
  summary: 'Align an English draft with the segments of a French article',
  help: `Imports the French article SOURCE and the English draft DRAFT (.txt, .md, .html, .docx), splits the source
into segments and the draft into sentences, and pairs them: one to one, one to two, two to one, and segments or
draft sentences left unlinked (dropped or added by the translator). Numbers, names, quotations and the terms of the
desk glossary shipped with Relais (resources/glossary/desk-fr-en.tbx) anchor the links. Nothing is written.

Warnings (an empty draft, a draft not in English, a draft of a different article, a much longer draft whose extra
material is left unlinked, many segments without a counterpart) go to standard error.

Options:
  --json   Print a JSON array of links in document order: { "source", "target", "confidence" } — the French of the
           linked segments and the English of the linked draft sentences (each joined by one space; "" for an
           unlinked side) and the confidence of the link, 0 to 1.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { json: { type: 'boolean' } });
    const [source, draft] = positionals(pos, ['SOURCE', 'DRAFT']);
    const app = await import('../../electron/services/app/index.ts');
    const { linkTexts } = await import('../../shared/alignment/index.ts');
    const r = await app.alignDraftFiles(resolvePath(io, source!), resolvePath(io, draft!));
    for (const w of r.alignment.warnings) io.err(`relais: ${w.severity}: ${w.message}\n`);
    const rows = linkTexts(r.alignment, r.source, r.draft);
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2) + '\n');
      return 0;
    }
    const width = String(rows.length).length;
    rows.forEach((row, k) => {
      const link = r.alignment.links[k]!;
      const head = `${String(k + 1).padStart(width)}  ${link.kind.padEnd(3)}  ${link.confidence.toFixed(2)}  `;
      const pad = ' '.repeat(head.length);
      io.out(`${head}FR ${row.source ? oneLine(row.source) : '—'}\n${pad}EN ${row.target ? oneLine(row.target) : link.extra ? '— (extra material)' : '—'}\n`);
    });
    const k = r.alignment.stats.kinds;
    io.out(
      `\n${r.source.length} segments, ${r.draft.length} draft sentences: ${k['1-1']} one to one, ${k['2-1']} merged, ${k['1-2']} split, ` +
        `${k['1-0']} segment(s) without draft, ${k['0-1']} draft sentence(s) without segment.\n`,
    );
    return 0;
  },
};
