import { parse, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

export const historyCommand: Command = {
  name: 'history',
  synopsis: 'history PROJECT [SEGMENT] [--json]',
  summary: 'Revision history of a segment or of every segment',
  help: `Prints who changed what and when: author, role, time, status, origin, text and comment of every revision,
oldest first. Without SEGMENT, every segment that has a history (archived and merged-away ones included).

Options:
  --json   With SEGMENT: an array of revisions. Without: an array of { segment, source, archived, revisions }.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, { json: { type: 'boolean' } });
    if (pos.length < 1) throw new UsageError('missing PROJECT');
    if (pos.length > 2) throw new UsageError(`unexpected argument: ${pos[2]}`);
    const [project, segment] = pos;
    const { ProjectStore } = await import('../../electron/services/store/project-store.ts');
    const { ReviewStore } = await import('../../electron/services/store/review-store.ts');
    const store = ProjectStore.open(resolvePath(io, project!));
    try {
      const review = new ReviewStore(store);
      if (segment !== undefined) {
        const revs = review.history(segment);
        if (values.json) {
          io.out(JSON.stringify(revs, null, 2) + '\n');
          return 0;
        }
        if (revs.length === 0) io.out(`Segment ${segment} has no revisions yet.\n`);
        for (const r of revs) {
          io.out(`#${r.id}  ${r.createdAt}  ${r.author} (${r.role})  ${r.status}  [${r.origin}]${r.comment ? `  — ${r.comment}` : ''}\n    ${r.text}\n`);
        }
        return 0;
      }
      const rows = store.db
        .prepare(
          `SELECT s.id, s.source, (s.archived_in_version IS NOT NULL OR b.archived_in_version IS NOT NULL) AS archived
           FROM segments s JOIN blocks b ON b.id = s.block_id
           WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.segment_id = s.id) ORDER BY b.ord, s.ord, s.id`,
        )
        .all() as { id: number; source: string; archived: number }[];
      const groups = rows.map((r) => ({ segment: String(r.id), source: r.source, archived: r.archived === 1, revisions: review.history(String(r.id)) }));
      if (values.json) {
        io.out(JSON.stringify(groups, null, 2) + '\n');
        return 0;
      }
      if (groups.length === 0) io.out('No segment has been changed yet.\n');
      for (const g of groups) {
        io.out(`Segment ${g.segment}${g.archived ? ' (archived)' : ''}: ${g.source}\n`);
        for (const r of g.revisions) io.out(`  #${r.id}  ${r.createdAt}  ${r.author} (${r.role})  ${r.status}  [${r.origin}]  ${r.text}\n`);
      }
      return 0;
    } finally {
      store.close();
    }
  },
};
