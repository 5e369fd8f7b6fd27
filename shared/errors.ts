/**
 * Errors that cross the IPC boundary. Every failure the user can cause (bad file, wrong project, forbidden action)
 * is a RelaisError with a stable code, the file concerned where there is one, and an English message for logs;
 * the UI translates by code and shows the file and detail.
 */
export type ErrorCode =
  | 'file.notFound'
  | 'file.empty'
  | 'file.binary'
  | 'file.encoding'
  | 'file.tooLarge'
  | 'file.unsupported'
  | 'file.corrupt'
  | 'project.notRelais'
  | 'project.tooNew'
  | 'project.corrupt'
  | 'project.notOpen'
  | 'segment.notFound'
  | 'segment.locked'
  /** The segment changed since the edit started (the head revision the client sent is no longer the head). */
  | 'segment.conflict'
  | 'permission.denied'
  | 'invalid.arguments'
  | 'invalid.operation'
  | 'internal';

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** File the problem is about, when there is one. */
  file?: string;
  /** Line (1-based) where it makes sense. */
  line?: number;
  /** Extra detail for the user (e.g. the byte offset of invalid UTF-8). */
  detail?: string;
}

export class RelaisError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly detail?: string;
  constructor(code: ErrorCode, message: string, opts: { file?: string; line?: number; detail?: string } = {}) {
    super(message);
    this.name = 'RelaisError';
    this.code = code;
    if (opts.file !== undefined) this.file = opts.file;
    if (opts.line !== undefined) this.line = opts.line;
    if (opts.detail !== undefined) this.detail = opts.detail;
  }
  toPayload(): ErrorPayload {
    const p: ErrorPayload = { code: this.code, message: this.message };
    if (this.file !== undefined) p.file = this.file;
    if (this.line !== undefined) p.line = this.line;
    if (this.detail !== undefined) p.detail = this.detail;
    return p;
  }
  static fromPayload(p: ErrorPayload): RelaisError {
    const o: { file?: string; line?: number; detail?: string } = {};
    if (p.file !== undefined) o.file = p.file;
    if (p.line !== undefined) o.line = p.line;
    if (p.detail !== undefined) o.detail = p.detail;
    return new RelaisError(p.code, p.message, o);
  }
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof RelaisError) return e.toPayload();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal', message };
}
