import { RelaisError } from '../../shared/errors.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

export const updateSourceCommand: Command = {
  name: 'update-source',
  synopsis: 'update-source PROJECT NEWFILE [--json] [--yes] [--user NAME]',
  summary: 'Apply a republished version of the French article',
  help: `Imports NEWFILE (txt, md, html, docx), a newer version of the article, and aligns it with the project in one
transaction: unchanged sentences keep their translation, status and history; changed ones keep their translation,
go back to draft and show the previous source; added ones are inserted where they belong; removed ones are archived
(never deleted). White-space-only differences (a space that became a no-break space) are not changes.
If NEWFILE does not look like the same article, nothing is changed and the command exits with status 2.

Options:
  --json          Print { version, unchanged, changed, added, removed, moved, sameArticleScore, segments } as JSON
  -y, --yes       Apply even if NEWFILE looks like a different article
  --user NAME     Name recorded in the history (default: $RELAIS_USER, then $USER), with the editor role; a person
                  of that name already in the project keeps their user id`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, {
      json: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      user: { type: 'string' },
    });
    const [project, newFile] = positionals(pos, ['PROJECT', 'NEWFILE']);
    const env = io.env ?? process.env;
    const name = (values.user ?? env.RELAIS_USER ?? env.USER ?? 'relais').trim();
    if (name === '') throw new UsageError('--user needs a name');
    const { openStandalone } = await import('../../electron/services/app/standalone.ts');
    const projectPath = resolvePath(io, project!);
    const store = openStandalone(projectPath, { env });
    try {
      const user = store.userNamed(name, 'editor');
      let r;
      try {
        r = await store.updateSource(resolvePath(io, newFile!), user, { confirmDifferentArticle: values.yes === true });
      } catch (e) {
        if (e instanceof RelaisError && e.detail === 'different-article') {
          throw new RelaisError(
            'invalid.operation',
            `${newFile} does not look like a version of this article (nothing was changed; run again with --yes to apply it anyway)`,
            { file: resolvePath(io, newFile!) },
          );
        }
        throw e;
      }
      if (values.json) {
        io.out(JSON.stringify(r, null, 2) + '\n');
        return 0;
      }
      io.out(`Source version ${r.version}: ${r.unchanged} unchanged, ${r.changed} changed, ${r.added} added, ${r.removed} removed` + (r.moved ? ` (${r.moved} moved)` : '') + '\n');
      for (const c of r.segments.changed) io.out(`  changed  #${c.id}: ${c.before}\n        →  ${c.after}\n`);
      for (const a of r.segments.added) io.out(`  added    #${a.id}: ${a.source}\n`);
      for (const d of r.segments.removed) io.out(`  removed  #${d.id}: ${d.source}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
