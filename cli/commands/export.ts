import { parseProjectOutput } from '../output.ts';
import type { Command } from '../types.ts';

const FORMATS = ['txt', 'md', 'html', 'docx'] as const;

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
    const { projectPath, out, format: fmt } = parseProjectOutput(args, io, FORMATS, { formatList: FORMATS.join(', ') });
    const { openStandalone } = await import('../../electron/services/app/standalone.ts');
    const project = openStandalone(projectPath, { env: io.env });
    let result;
    try {
      result = await project.writeArticle(fmt, out);
    } finally {
      project.close();
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
