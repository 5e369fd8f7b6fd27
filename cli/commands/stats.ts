import { SEGMENT_STATUSES } from '../../shared/model.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import type { Command } from '../types.ts';

export const statsCommand: Command = {
  name: 'stats',
  synopsis: 'stats PROJECT [--json]',
  summary: 'Segment and word counts and progress of a project',
  help: `Counts segments and words by status (blocks out of translation are not counted) and the progress:
words of translated and approved segments / all words to translate.

Options:
  --json   Print { project, name, segments, words, progress, chromeBlocks } as JSON.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { json: { type: 'boolean' } });
    const [file] = positionals(pos, ['PROJECT']);
    const { openStandalone } = await import('../../electron/services/app/standalone.ts');
    const project = openStandalone(resolvePath(io, file!), { env: io.env });
    try {
      const info = project.info();
      const stats = project.stats();
      if (values.json) {
        io.out(JSON.stringify({ project: info.path, name: info.name, ...stats }, null, 2) + '\n');
        return 0;
      }
      io.out(`${info.name}  (${info.path})\n`);
      io.out(`Source: ${info.sourceName} (${info.sourceFormat}), ${info.sourceLang} → ${info.targetLang}\n\n`);
      io.out(`${'status'.padEnd(12)}${'segments'.padStart(10)}${'words'.padStart(10)}\n`);
      for (const s of SEGMENT_STATUSES) {
        io.out(`${s.padEnd(12)}${String(stats.segments.byStatus[s]).padStart(10)}${String(stats.words.byStatus[s]).padStart(10)}\n`);
      }
      io.out(`${'total'.padEnd(12)}${String(stats.segments.total).padStart(10)}${String(stats.words.total).padStart(10)}\n\n`);
      io.out(`Progress: ${(stats.progress * 100).toFixed(1)}% of words translated or approved\n`);
      io.out(`Blocks out of translation: ${stats.chromeBlocks}\n`);
      return 0;
    } finally {
      project.close();
    }
  },
};
