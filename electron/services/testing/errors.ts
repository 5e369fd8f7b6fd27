/** Test helpers: the RelaisError a call fails with. Test-only; nothing in the app imports this. */
import { RelaisError } from '../../../shared/errors.ts';

/** The RelaisError `p` rejects with; anything else (or success) fails the test. */
export async function failure(p: Promise<unknown>): Promise<RelaisError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RelaisError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** The RelaisError code `fn` throws, or 'no error'; anything else thrown fails the test. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RelaisError) return e.code;
    throw e;
  }
  return 'no error';
}
