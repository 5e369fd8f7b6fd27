import { parse, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

export const historyCommand: Command = {
  name: 'history',
  synopsis: 'history PROJECT [SEGMENT] [--json]',
  summary: 'Revision history of a segment or of every segment',
  help: `Prints who changed what and when: author, role, time, status, origin, text and comment of every revision,
oldest first. Without SEGMENT, every segment that has a history (archived and merged-away ones included).
SEGMENT is a segment id, or its number in the article (1, 2, … as the workbench and \`relais segment\` number them).

Options:
  --json   With SEGMENT: an array of revisions. Without: an array of { segment, source, archived, revisions }.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { json: { type: 'boolean' } });
    if (pos.length < 1) throw new UsageError('missing PROJECT');
    if (pos.length > 2) throw new UsageError(`unexpected argument: ${pos[2]}`);
    const [file, ref] = pos;
    const { openStandalone } = await import('../../electron/services/app/standalone.ts');
    const project = openStandalone(resolvePath(io, file!), { env: io.env });
    try {
      if (ref !== undefined) {
        const revs = project.history(project.findSegment(ref));
        if (values.json) {
          io.out(JSON.stringify(revs, null, 2) + '\n');
          return 0;
        }
        if (revs.length === 0) io.out(`Segment ${ref} has no revisions yet.\n`);
        for (const r of revs) {
          io.out(`${r.id}  ${r.createdAt}  ${r.author} (${r.role})  ${r.status}  [${r.origin}]${r.comment ? `  — ${r.comment}` : ''}\n    ${r.text}\n`);
        }
        return 0;
      }
      const groups = project.allHistory();
      if (values.json) {
        io.out(JSON.stringify(groups, null, 2) + '\n');
        return 0;
      }
      if (groups.length === 0) io.out('No segment has been changed yet.\n');
      for (const g of groups) {
        io.out(`Segment ${g.segment}${g.archived ? ' (archived)' : ''}: ${g.source}\n`);
        for (const r of g.revisions) io.out(`  ${r.id}  ${r.createdAt}  ${r.author} (${r.role})  ${r.status}  [${r.origin}]  ${r.text}\n`);
      }
      return 0;
    } finally {
      project.close();
    }
  },
};
