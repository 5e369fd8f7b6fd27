/** Shared by the commands that turn a project into one output file (`export`, `review-export`). */
import path from 'node:path';
import { RelaisError } from '../shared/errors.ts';
import { parse, positionals, resolvePath } from './args.ts';
import { UsageError, type CliIO } from './types.ts';

export interface ProjectOutputArgs<F extends string> {
  /** The project file, resolved against the working folder. */
  projectPath: string;
  /** The file to write, resolved against the working folder. */
  out: string;
  format: F;
}

/**
 * Parses `PROJECT [--format F] -o FILE`. The format defaults to FILE's extension; the output may not be the project
 * itself. `formatList` is how the allowed formats are named in the "unknown format" message; with
 * `ignoreFormatCase`, `--format` is matched case-insensitively too (the extension always is).
 */
export function parseProjectOutput<F extends string>(
  args: string[],
  io: CliIO,
  formats: readonly F[],
  opts: { formatList: string; ignoreFormatCase?: boolean },
): ProjectOutputArgs<F> {
  const { values, positionals: pos } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } });
  const [project] = positionals(pos, ['PROJECT']);
  if (values.output === undefined) throw new UsageError('missing -o FILE');
  const out = resolvePath(io, values.output);
  const fromExt = path.extname(out).slice(1).toLowerCase();
  const fmt = values.format === undefined ? fromExt : opts.ignoreFormatCase ? values.format.toLowerCase() : values.format;
  if (!(formats as readonly string[]).includes(fmt)) {
    throw new UsageError(values.format === undefined ? `cannot tell the format from "${values.output}": use --format ${formats.join('|')}` : `unknown format "${fmt}" (use ${opts.formatList})`);
  }
  const projectPath = resolvePath(io, project!);
  if (out === projectPath) throw new RelaisError('invalid.operation', 'Refusing to overwrite the project with its export', { file: out });
  return { projectPath, out, format: fmt as F };
}
