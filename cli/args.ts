/** Thin wrapper over node:util parseArgs that turns its errors into UsageErrors. */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIO } from './types.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

/** Exactly `n` positional arguments, named for the error message. */
export function positionals(values: string[], names: string[]): string[] {
  if (values.length < names.length) throw new UsageError(`missing ${names.slice(values.length).join(' ')}`);
  if (values.length > names.length) throw new UsageError(`unexpected argument: ${values[names.length]}`);
  return values;
}

export function resolvePath(io: CliIO, p: string): string {
  return path.resolve(io.cwd, p);
}
