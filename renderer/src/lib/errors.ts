import { RelaisError, type ErrorCode } from '../../../shared/errors.ts';

/** Anything thrown becomes a RelaisError, so the error dialog always has a code to translate. */
export function asRelaisError(e: unknown): RelaisError {
  if (e instanceof RelaisError) return e;
  if (e !== null && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') {
    const o = e as { code: string; message?: unknown; file?: unknown; line?: unknown; detail?: unknown };
    const opts: { file?: string; line?: number; detail?: string } = {};
    if (typeof o.file === 'string') opts.file = o.file;
    if (typeof o.line === 'number') opts.line = o.line;
    if (typeof o.detail === 'string') opts.detail = o.detail;
    return new RelaisError(o.code as ErrorCode, String(o.message ?? o.code), opts);
  }
  return new RelaisError('internal', e instanceof Error ? e.message : String(e));
}
