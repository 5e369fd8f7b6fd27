/**
 * The services' side of the contract: validate the arguments of a channel with its zod schema, run the handler, wrap
 * the outcome in an envelope. Every transport ends here (the app's project worker, the e2e harness, the tests), so
 * they all run exactly the same checks.
 */
import { RelaisError, toErrorPayload } from '../errors.ts';
import type { Handlers } from './contract.ts';
import type { Envelope } from './envelope.ts';
import { channels, type Channel } from './schemas.ts';

export type Dispatch = (channel: string, args: unknown[]) => Promise<Envelope<unknown>>;

export function createDispatcher(handlers: Handlers, onInternalError?: (channel: string, e: unknown) => void): Dispatch {
  return async function dispatch(channel: string, args: unknown[]): Promise<Envelope<unknown>> {
    if (!Object.hasOwn(channels, channel)) {
      return { ok: false, error: { code: 'invalid.arguments', message: `Unknown channel: ${channel}` } };
    }
    const c = channel as Channel;
    const parsed = channels[c].safeParse(args);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid.arguments', message: `Invalid arguments for ${channel}`, detail: parsed.error.message },
      };
    }
    try {
      const handler = handlers[c] as (...a: unknown[]) => unknown;
      const value = await handler(...(parsed.data as unknown[]));
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      if (!(e instanceof RelaisError)) onInternalError?.(channel, e);
      return { ok: false, error: toErrorPayload(e) };
    }
  };
}
