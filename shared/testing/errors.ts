/** Test helper: the error a call throws. Test-only; nothing in the app imports this. */
import type { RelaisError } from '../errors.ts';

/** The error `f` throws, as a RelaisError to inspect; the test fails when `f` throws nothing. */
export function thrown(f: () => unknown): RelaisError {
  try {
    f();
  } catch (e) {
    return e as RelaisError;
  }
  throw new Error('no error');
}
