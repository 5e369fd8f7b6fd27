/**
 * Global ids of project rows (blocks, segments, revisions, comments, review marks, users, the project itself):
 * UUIDv7 (RFC 9562), generated with the `uuid` package.
 *
 * - Globally unique: two copies of a project edited on two machines never hand out the same id, so their rows can be
 *   merged, and a desk server can hold many projects in one database.
 * - Time-ordered: the first 48 bits are the creation time in milliseconds, then a counter. Ids made by one process
 *   are strictly increasing (the counter runs within a millisecond, and a clock that goes back does not make an id
 *   smaller), so `ORDER BY id` is creation order, and the lowercase text form sorts the same way.
 * - Opaque to every consumer but this module: the renderer, the CLI and the server compare and pass them as strings.
 */
import { parse, v4, v7 } from 'uuid';
import { RelaisError } from './errors.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** True for a UUIDv7 in canonical lowercase text form. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7.test(value);
}

/** Millisecond time and counter of the last id handed out by a sequence. */
interface SequenceState {
  msecs: number;
  seq: number;
}

function randomSeq(): number {
  const b = parse(v4());
  // 31 bits, like uuid's own v7 state: room to count up within one millisecond.
  return ((b[0]! & 0x7f) << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!;
}

function next(state: SequenceState, at: number): string {
  const t = Math.max(0, Math.floor(at));
  if (t > state.msecs) {
    state.msecs = t;
    state.seq = randomSeq();
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return v7({ msecs: state.msecs, seq: state.seq });
}

/**
 * A generator of strictly increasing ids. Each call takes the time to stamp (ms since the epoch); a time earlier than
 * the previous one is clamped to it, so the ids keep the order of the calls. The upgrade of old project files uses
 * its own sequence to give rows ids in their old order, stamped with the rows' own times.
 */
export function idSequence(): (at: number) => string {
  const state: SequenceState = { msecs: -Infinity, seq: 0 };
  return (at) => next(state, at);
}

const shared: SequenceState = { msecs: -Infinity, seq: 0 };

/** A new id stamped with `at` (default: now); strictly greater than every id this process made before. */
export function newId(at: Date | number = Date.now()): string {
  return next(shared, typeof at === 'number' ? at : at.getTime());
}

/** The creation time stamped in an id (ms since the epoch). */
export function idTime(id: string): number {
  if (!isId(id)) throw new RelaisError('invalid.arguments', `Not an id: ${JSON.stringify(id)}`);
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** What an id names, for the messages of parseId. */
export type IdKind = 'segment' | 'block' | 'revision' | 'comment' | 'user';

/**
 * The one parser of ids received from outside (IPC, CLI, HTTP): returns the id when it is a well-formed id, else
 * throws the error a missing row would give (`segment.notFound` for segments, `invalid.arguments` otherwise), so a
 * malformed id and an unknown one read the same to the caller.
 */
export function parseId(raw: unknown, kind: IdKind): string {
  if (isId(raw)) return raw;
  const code = kind === 'segment' ? 'segment.notFound' : 'invalid.arguments';
  throw new RelaisError(code, `No ${kind} with id ${JSON.stringify(raw)}`);
}
