/**
 * The HTTP side of the machine-translation clients: JSON requests with a time limit, retries with exponential
 * back-off on 429 and 5xx (as DeepL's documentation asks), and every failure turned into an MtError: a network
 * failure is "no connection", never an exception.
 */
import type { MtError, MtOptions } from './types.ts';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export type HttpResult = { ok: true; status: number; json: unknown } | { ok: false; error: MtError };

/** Describes an HTTP error answer in the service's own terms (status → MtError). */
export type StatusMapper = (status: number, detail: string | undefined) => MtError;

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504, 529]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** The server's message from an error body: DeepL {"message"}, LibreTranslate {"error"}, or the text itself. */
function errorDetail(text: string): string | undefined {
  if (!text) return undefined;
  try {
    const j = JSON.parse(text) as { message?: unknown; error?: unknown; detail?: unknown };
    for (const v of [j.message, j.error, j.detail]) if (typeof v === 'string' && v) return v;
  } catch {
    // not JSON
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function noConnection(host: string, cause: unknown): MtError {
  const why = cause instanceof Error ? ((cause.cause as { code?: string } | undefined)?.code ?? cause.name) : String(cause);
  return { code: 'mt.noConnection', message: `No connection to ${host}: check the network (the rest of Relais works offline).`, detail: why };
}

export async function requestJson(req: HttpRequest, serviceHost: string, mapStatus: StatusMapper, opts: MtOptions): Promise<HttpResult> {
  const doFetch = opts.fetch ?? fetch;
  const retries = opts.retries ?? 3;
  const delay = opts.retryDelayMs ?? 500;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers: { Accept: 'application/json', ...(req.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...req.headers },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        signal: AbortSignal.any(signals),
      });
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      return { ok: false, error: noConnection(serviceHost, e) };
    }
    const text = await res.text().catch(() => '');
    if (res.ok) {
      if (res.status === 204 || text === '') return { ok: true, status: res.status, json: null };
      try {
        return { ok: true, status: res.status, json: JSON.parse(text) };
      } catch {
        return { ok: false, error: { code: 'mt.badResponse', message: `${serviceHost} answered something that is not JSON.`, status: res.status } };
      }
    }
    if (RETRY_STATUSES.has(res.status) && attempt < retries) {
      const after = Number(res.headers.get('retry-after'));
      await sleep(Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 10_000) : delay * 2 ** attempt, opts.signal);
      continue;
    }
    return { ok: false, error: mapStatus(res.status, errorDetail(text)) };
  }
}

/** Splits texts into batches of at most `maxItems` texts and about `maxBytes` of UTF-8. */
export function batches<T>(items: readonly T[], size: (item: T) => number, maxItems: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const it of items) {
    const b = size(it);
    if (cur.length && (cur.length >= maxItems || bytes + b > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(it);
    bytes += b;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}
