/**
 * LibreTranslate client, as documented by the project (libretranslate.com/docs): POST /translate with JSON
 * `{ q, source: "fr", target: "en", format: "text", api_key? }` → `{ translatedText }`; `q` may be an array (a
 * batch), answered by an array. Errors are `{ "error": "…" }` with 400 (bad request, unsupported language, batch
 * or character limit), 403 (bad or missing API key, banned), 429 (slow down, retried), 500.
 */
import { batches, requestJson, utf8Length } from './http.ts';
import { MT_ORIGIN, type MtError, type MtOptions, type MtResult, type MtSegment, type MtTranslation } from './types.ts';

/** Texts per request: many servers run with --batch-limit; small batches stay under it. */
const MAX_TEXTS = 20;
const MAX_BYTES = 64 * 1024;

export function libreTranslateService(url: string): string {
  try {
    return `LibreTranslate (${new URL(url).host})`;
  } catch {
    return 'LibreTranslate';
  }
}

function mapStatus(service: string) {
  return (status: number, detail: string | undefined): MtError => {
    const base = { status, ...(detail ? { detail } : {}) };
    if (status === 401 || status === 403) return { code: 'mt.badKey', message: `${service} refused the request: the API key is missing, wrong or banned.`, ...base };
    if (status === 429) return { code: 'mt.rateLimited', message: `${service} asks to slow down: try again in a moment.`, ...base };
    if (status === 400 && detail && /not supported/i.test(detail)) {
      return { code: 'mt.unsupportedLanguage', message: `${service} does not translate French into English.`, ...base };
    }
    if (status >= 500) return { code: 'mt.server', message: `${service} failed (HTTP ${status}).`, ...base };
    return { code: 'mt.badRequest', message: `${service} refused the request (HTTP ${status}).`, ...base };
  };
}

/** Translates French segments into English with a LibreTranslate server. Never throws for service or network failures. */
export async function libreTranslate(config: { url: string; apiKey?: string }, segments: readonly MtSegment[], opts: MtOptions = {}): Promise<MtResult> {
  const service = libreTranslateService(config.url);
  let endpoint: URL;
  try {
    endpoint = new URL('translate', config.url.endsWith('/') ? config.url : `${config.url}/`);
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new Error('protocol');
  } catch {
    return { ok: false, service, error: { code: 'mt.badConfig', message: `“${config.url}” is not a valid server address.` }, translations: [] };
  }
  const translations: MtTranslation[] = [];
  const todo = segments.filter((s) => s.source.trim() !== '');
  let characters = 0;
  for (const batch of batches(todo, (s) => utf8Length(s.source) + 8, MAX_TEXTS, MAX_BYTES)) {
    const body: Record<string, unknown> = { q: batch.map((s) => s.source), source: 'fr', target: 'en', format: 'text' };
    if (config.apiKey) body.api_key = config.apiKey;
    const r = await requestJson({ method: 'POST', url: endpoint.href, body }, endpoint.host, mapStatus(service), opts);
    if (!r.ok) return { ok: false, service, error: r.error, translations };
    const out = (r.json as { translatedText?: unknown })?.translatedText;
    if (!Array.isArray(out) || out.length !== batch.length || !out.every((t) => typeof t === 'string')) {
      return { ok: false, service, error: { code: 'mt.badResponse', message: `${service} answered an unexpected translation list.` }, translations };
    }
    batch.forEach((s, k) => {
      translations.push({ id: s.id, source: s.source, text: out[k] as string, service, origin: MT_ORIGIN });
      characters += s.source.length;
    });
  }
  return { ok: true, service, translations, glossary: null, characters };
}
