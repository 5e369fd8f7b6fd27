/**
 * The `relais` command line. bin/relais.mjs runs its bundle (dist-cli/, built by scripts/build-cli.mjs at
 * `npm install`) through runProcess(); tests call main() in-process with captured output.
 *
 * Exit codes: 0 success; 2 bad input (usage errors, unreadable or foreign files, refused operations — any
 * RelaisError except 'internal'); 1 internal error (a bug: the message asks for a report).
 * Error lines: `relais: <file>: <message>` on stderr.
 */
import fs from 'node:fs';
import { RelaisError } from '../shared/errors.ts';
import { COMMANDS } from './commands/index.ts';
import { finalStatus, processIO } from './stdio.ts';
import { UsageError, type CliIO, type Command } from './types.ts';

export type { CliIO, Command };
export { COMMANDS, UsageError };

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function usage(): string {
  // Synopses longer than the column get their summary on the next line, so one long command does not widen all.
  const width = Math.min(40, Math.max(...COMMANDS.map((c) => c.synopsis.length)));
  const lines = COMMANDS.map((c) =>
    c.synopsis.length <= width ? `  relais ${c.synopsis.padEnd(width)}   ${c.summary}` : `  relais ${c.synopsis}\n  ${' '.repeat(width + 10)}${c.summary}`,
  );
  return [
    'Relais — translation workbench for newsroom desks (French → English)',
    '',
    'Usage:',
    ...lines,
    '',
    'Options:',
    '  -h, --help      Show this help (relais help COMMAND or relais COMMAND --help for one command)',
    '  --version       Show the version',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return `Usage: relais ${c.synopsis}\n\n${c.summary}.\n\n${c.help}\n`;
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function formatError(e: RelaisError): string {
  const where = e.file !== undefined ? `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ` : '';
  const detail = e.detail !== undefined && !e.message.includes(e.detail) ? ` (${e.detail})` : '';
  return `relais: ${where}${e.message}${detail}\n`;
}

/** The command as a process runs it: on its stdout and stderr (a reader that stops early is not an error). */
export async function runProcess(argv: string[]): Promise<number> {
  const io = processIO();
  return finalStatus(io, await main(argv, io));
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    if (first === undefined) {
      io.err(usage());
      return EXIT_INPUT;
    }
    io.out(usage());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.out(`relais ${version()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.out(usage());
      return EXIT_OK;
    }
    const c = findCommand(rest[0]!);
    if (!c) {
      io.err(`relais: unknown command "${rest[0]}"\n\n${usage()}`);
      return EXIT_INPUT;
    }
    io.out(commandHelp(c));
    return EXIT_OK;
  }
  const command = findCommand(first);
  if (!command) {
    io.err(`relais: unknown command "${first}"\n\n${usage()}`);
    return EXIT_INPUT;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`relais ${command.name}: ${e.message}\nUsage: relais ${command.synopsis}\n`);
      return EXIT_INPUT;
    }
    if (e instanceof RelaisError) {
      io.err(formatError(e));
      return e.code === 'internal' ? EXIT_INTERNAL : EXIT_INPUT;
    }
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.err(`relais: internal error: ${msg}\nPlease report this with the command you ran.\n`);
    return EXIT_INTERNAL;
  }
}
