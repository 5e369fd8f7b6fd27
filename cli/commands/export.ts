import path from 'node:path';
import { RelaisError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../../electron/services/store/atomic.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

const FORMATS = ['txt', 'md', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'export PROJECT [--format txt|md|html|docx] -o FILE',
  summary: 'Write the translated article',
  help: `Writes the translation of PROJECT to FILE (written to a temp file, then renamed: never half-written).
Segments without a translation fall back to the source text; each one is reported on stderr.

Options:
  -f, --format FORMAT   txt, md, html or docx (default: from FILE's extension)
  -o, --output FILE     File to write (required)`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } });
    const [project] = positionals(pos, ['PROJECT']);
    if (values.output === undefined) throw new UsageError('missing -o FILE');
    const out = resolvePath(io, values.output);
    const fmt = values.format ?? path.extname(out).slice(1).toLowerCase();
    if (!isFormat(fmt)) {
      throw new UsageError(values.format === undefined ? `cannot tell the format from "${values.output}": use --format ${FORMATS.join('|')}` : `unknown format "${fmt}" (use ${FORMATS.join(', ')})`);
    }
    const projectPath = resolvePath(io, project!);
    if (path.resolve(out) === projectPath) throw new RelaisError('invalid.operation', 'Refusing to overwrite the project with its export', { file: out });
    const { ProjectStore } = await import('../../electron/services/store/project-store.ts');
    const { exportArticle } = await import('../../electron/services/export/article.ts');
    const store = ProjectStore.open(projectPath);
    let result: Awaited<ReturnType<typeof exportArticle>>;
    try {
      result = await exportArticle(store.snapshot(), fmt);
    } finally {
      store.close();
    }
    try {
      writeFileAtomic(out, result.data);
    } catch (e) {
      throw new RelaisError('invalid.operation', `Cannot write the export (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: out });
    }
    const byCode = new Map<string, number>();
    for (const w of result.warnings) {
      io.err(`relais: warning: ${w.message}\n`);
      byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
    }
    if (result.warnings.length > 0) {
      const parts = [...byCode].map(([code, n]) => `${n} ${code}`);
      io.err(`relais: ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} (${parts.join(', ')})\n`);
    }
    io.out(`${out}\n`);
    return 0;
  },
};
