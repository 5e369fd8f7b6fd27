import { writeFileAtomic } from '../../electron/services/fs/atomic.ts';
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
    const { ProjectStore } = await import('../../electron/services/store/project-store.ts');
    const { ReviewStore } = await import('../../electron/services/store/review-store.ts');
    const { exportReview } = await import('../../electron/services/export/review.ts');
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
