/** What a `relais` sub-command is. Add one: write cli/commands/<name>.ts exporting a Command, list it in cli/commands/index.ts. */

/** Where a command writes; the real CLI uses process.stdout/stderr, tests capture. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Environment variables (default: process.env): where the app's profile and desk glossary are, the user name. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  name: string;
  /** One line: arguments and options, e.g. "import FILE [-o PROJECT]". */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text (after the synopsis) for `relais help <name>` and `relais <name> --help`. */
  help: string;
  /** Runs with the arguments after the command name; returns the exit code. Throw UsageError or RelaisError on bad input. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Bad command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
