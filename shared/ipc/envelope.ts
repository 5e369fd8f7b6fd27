/**
 * Every channel answers with an envelope, never a thrown error across the boundary
 * (Signal Desktop's sql channel does the same): `{ ok: true, value }` or `{ ok: false, error }`.
 * This module is the renderer's side (no schemas, no zod); the services' side is dispatch.ts.
 */
import { RelaisError, type ErrorPayload } from '../errors.ts';
import { CHANNEL_NAMES, type ChannelName } from './channel-names.ts';
import type { RelaisApi } from './contract.ts';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A raw transport: sends a channel and its arguments, gets an envelope back. */
export type Transport = (channel: ChannelName, args: unknown[]) => Promise<Envelope<unknown>>;

/** Renderer side: turn a transport into the typed API; failed envelopes become RelaisErrors. */
export function createApiClient(transport: Transport): RelaisApi {
  const api = {} as Record<ChannelName, (...args: unknown[]) => Promise<unknown>>;
  for (const c of CHANNEL_NAMES) {
    api[c] = async (...args: unknown[]) => {
      const env = await transport(c, args);
      if (env.ok) return env.value;
      throw RelaisError.fromPayload(env.error);
    };
  }
  return api as unknown as RelaisApi;
}
