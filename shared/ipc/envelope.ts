/**
 * Every channel answers with an envelope, never a thrown error across the boundary
 * (Signal Desktop's sql channel does the same): `{ ok: true, value }` or `{ ok: false, error }`.
 */
import { RelaisError, toErrorPayload, type ErrorPayload } from '../errors.ts';
import { CHANNELS, channels, type Args, type Channel, type Handlers, type RelaisApi, type Results } from './contract.ts';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A raw transport: sends a channel and its arguments, gets an envelope back. */
export type Transport = (channel: Channel, args: unknown[]) => Promise<Envelope<unknown>>;

/**
 * Main side: validate the arguments of `channel` with its zod schema, run the handler, wrap the outcome.
 * Used by both transports, so the app and the e2e harness run exactly the same checks.
 */
export function createDispatcher(handlers: Handlers, onInternalError?: (channel: string, e: unknown) => void) {
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

/** Renderer side: turn a transport into the typed API; failed envelopes become RelaisErrors. */
export function createApiClient(transport: Transport): RelaisApi {
  const api = {} as Record<Channel, (...args: unknown[]) => Promise<unknown>>;
  for (const c of CHANNELS) {
    api[c] = async (...args: unknown[]) => {
      const env = await transport(c, args);
      if (env.ok) return env.value;
      throw RelaisError.fromPayload(env.error);
    };
  }
  return api as unknown as RelaisApi;
}

export type { Args, Results };
