import { parseProjectOutput } from '../output.ts';
import type { Command } from '../types.ts';

const FORMATS = ['html', 'docx'] as const;

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
    const { projectPath, out, format: fmt } = parseProjectOutput(args, io, FORMATS, { formatList: 'html or docx', ignoreFormatCase: true });
    const { openStandalone } = await import('../../electron/services/app/standalone.ts');
    const project = openStandalone(projectPath, { env: io.env });
    try {
      await project.writeReview(fmt, out);
    } finally {
      project.close();
    }
    io.out(`${out}\n`);
    return 0;
  },
};
