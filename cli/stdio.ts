/**
 * The process's stdout and stderr as the CLI's output (CliIO).
 *
 * A reader that stops early (`relais segment article.html | head -1`) closes the pipe: the next write fails with
 * EPIPE. That is not an error of the command: what is left to print is dropped, quietly, and the command runs to its
 * end — a project or an export it was writing is completed, never left half-done — and exits with its own status
 * (0 on success). Any other failure to write the output (a full disk behind `> file`) is reported once on stderr and
 * makes the exit status 1.
 */
import type { CliIO } from './types.ts';

interface Sink {
  closed: boolean;
  failure: NodeJS.ErrnoException | null;
}

function sink(stream: NodeJS.WriteStream): Sink {
  const s: Sink = { closed: false, failure: null };
  stream.on('error', (e: NodeJS.ErrnoException) => {
    s.closed = true;
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED' && !s.failure) s.failure = e;
  });
  return s;
}

function writer(stream: NodeJS.WriteStream, s: Sink): (text: string) => void {
  return (text) => {
    if (s.closed) return;
    try {
      stream.write(text);
    } catch (e) {
      // Writes to a file are synchronous and throw instead of emitting 'error'.
      s.closed = true;
      s.failure ??= e as NodeJS.ErrnoException;
    }
  };
}

export interface ProcessIO extends CliIO {
  /** Why the output could not be written (other than a reader that went away), if it could not. */
  outputFailure(): NodeJS.ErrnoException | null;
}

let made: ProcessIO | null = null;

/** One per process: the listeners are installed on the first call. */
export function processIO(): ProcessIO {
  if (made) return made;
  const out = sink(process.stdout);
  const err = sink(process.stderr);
  made = {
    out: writer(process.stdout, out),
    err: writer(process.stderr, err),
    cwd: process.cwd(),
    outputFailure: () => out.failure ?? err.failure,
  };
  return made;
}

/**
 * The exit status once the command has finished: its own, or 1 when its output could not be written for another
 * reason than a closed pipe (said on stderr when stderr still works).
 */
export function finalStatus(io: ProcessIO, code: number): number {
  const f = io.outputFailure();
  if (!f) return code;
  io.err(`relais: cannot write the output (${f.code ?? f.message})\n`);
  return code === 0 ? 1 : code;
}
