import { parse, positionals, resolvePath } from '../args.ts';
import type { Command } from '../types.ts';

export const importCommand: Command = {
  name: 'import',
  synopsis: 'import FILE [-o PROJECT]',
  summary: 'Import an article (.txt, .md, .html, .docx) into a new project',
  help: `Creates a Relais project from FILE and prints its path and a summary.

Options:
  -o, --output PROJECT   Project file to create (default: next to FILE, same name
                         with .relais, " (2)" etc. added if that name is taken).
                         An existing file is never overwritten.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { output: { type: 'string', short: 'o' } });
    const [file] = positionals(pos, ['FILE']);
    const { importStandalone } = await import('../../electron/services/app/standalone.ts');
    const project = await importStandalone(resolvePath(io, file!), {
      ...(values.output !== undefined ? { projectPath: resolvePath(io, values.output) } : {}),
      desk: { env: io.env },
    });
    try {
      const snap = project.snapshot();
      const stats = project.stats();
      const out = snap.blocks.filter((b) => !b.translatable).length;
      io.out(`${project.path}\n`);
      io.out(
        `Imported ${snap.info.sourceName} (${snap.info.sourceFormat}): ${snap.blocks.length} blocks (${out} out of translation), ` +
          `${stats.segments.total} segments to translate, ${stats.words.total} words.\n`,
      );
    } finally {
      project.close();
    }
    return 0;
  },
};
