import path from 'node:path';
import { RelaisError } from '../../shared/errors.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

const FORMATS = ['html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export const reviewExportCommand: Command = {
  name: 'review-export',
  synopsis: 'review-export PROJECT [--format html|docx] -o FILE',
  summary: 'Write the bilingual review document',
  help: `Writes a bilingual review document of PROJECT: French source, English target, status, the editor's changes
against the translator's text (insertions and deletions, also marked with [+ +] and [− −]; real tracked changes
in DOCX) and the comments. Written to a temp file, then renamed: never half-written.

Options:
  -f, --format FORMAT   html or docx (default: from FILE's extension)
  -o, --output FILE     File to write (required)`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } });
    const [project] = positionals(pos, ['PROJECT']);
    if (values.output === undefined) throw new UsageError('missing -o FILE');
    const out = resolvePath(io, values.output);
    const fmt = (values.format ?? path.extname(out).slice(1)).toLowerCase();
    if (!isFormat(fmt)) {
      throw new UsageError(values.format === undefined ? `cannot tell the format from "${values.output}": use --format html|docx` : `unknown format "${fmt}" (use html or docx)`);
    }
    const projectPath = resolvePath(io, project!);
    if (out === projectPath) throw new RelaisError('invalid.operation', 'Refusing to overwrite the project with its export', { file: out });
    const { ProjectStore } = await import('../../electron/services/store/project-store.ts');
    const { ReviewStore } = await import('../../electron/services/store/review-store.ts');
    const { exportReview } = await import('../../electron/services/export/review.ts');
    const { writeFileAtomic } = await import('../../electron/services/export/write.ts');
    const store = ProjectStore.open(projectPath);
    let data: string | Uint8Array;
    try {
      data = await exportReview(new ReviewStore(store).exportInput(), fmt);
    } finally {
      store.close();
    }
    await writeFileAtomic(out, data);
    io.out(`${out}\n`);
    return 0;
  },
};
