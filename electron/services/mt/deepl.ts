/**
 * DeepL API client (v2), as documented at developers.deepl.com:
 * - POST /v2/translate, `Authorization: DeepL-Auth-Key <key>`, JSON `{ text: [...], source_lang: "FR",
 *   target_lang: "EN-GB" | "EN-US", glossary_id? }` → `{ translations: [{ detected_source_language, text }] }`,
 *   at most 50 texts and 128 KiB per request. No `formality`: English has none, and DeepL refuses the parameter
 *   for a target language without it.
 * - Glossaries: GET /v2/glossary-language-pairs tells whether FR → EN glossaries exist; POST /v2/glossaries with
 *   `{ name, source_lang: "fr", target_lang: "en", entries: "<TSV>", entries_format: "tsv" }` creates one (an "en"
 *   glossary serves both English variants), its `glossary_id` goes on the translate request, and DELETE
 *   /v2/glossaries/{id} removes it after the run (glossaries are immutable and an account holds at most 1000).
 * - Errors: 403 bad key, 456 quota exceeded, 429 too many requests and 5xx retried with exponential back-off.
 */
import type { ConceptEntry, Glossary, Term } from '../../../shared/glossary/model.ts';
import { batches, requestJson, utf8Length, type HttpRequest } from './http.ts';
import { MT_ORIGIN, type MtError, type MtGlossaryUse, type MtOptions, type MtResult, type MtSegment, type MtTranslation } from './types.ts';

export const DEEPL_SERVICE = 'DeepL';
const MAX_TEXTS = 50;
const MAX_BYTES = 120 * 1024;
/** DeepL's limit for one glossary entry (source or target) in UTF-8 bytes. */
const MAX_ENTRY_BYTES = 1024;

export function deeplBaseUrl(apiKey: string, baseUrl?: string): string {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  return apiKey.trim().endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

function mapStatus(status: number, detail: string | undefined): MtError {
  const base = { status, ...(detail ? { detail } : {}) };
  switch (status) {
    case 401:
    case 403:
      return { code: 'mt.badKey', message: 'DeepL refused the authentication key: check it in the machine translation settings.', ...base };
    case 456:
      return { code: 'mt.quota', message: 'The DeepL character quota of this account is used up.', ...base };
    case 429:
      return { code: 'mt.rateLimited', message: 'DeepL is receiving too many requests: try again in a moment.', ...base };
    case 400:
    case 404:
    case 413:
    case 414:
      return { code: 'mt.badRequest', message: `DeepL refused the request (HTTP ${status}).`, ...base };
    default:
      return status >= 500
        ? { code: 'mt.server', message: `DeepL is not available right now (HTTP ${status}).`, ...base }
        : { code: 'mt.badRequest', message: `DeepL refused the request (HTTP ${status}).`, ...base };
  }
}

const ENGLISH = /^en(\b|-|_|$)/i;
const FRENCH = /^fr(\b|-|_|$)/i;
const STATUS_RANK: Record<string, number> = { preferred: 0, admitted: 1 };

function approvedEnglish(entry: ConceptEntry): Term | undefined {
  return entry.terms
    .filter((t) => ENGLISH.test(t.lang) && t.status in STATUS_RANK)
    .sort((a, b) => STATUS_RANK[a.status]! - STATUS_RANK[b.status]!)[0];
}

function clean(s: string): string | null {
  // Tabs and line breaks would break the TSV; any other control character has no place in a term either.
  const t = [...s].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch)).join('').replace(/\s+/g, ' ').trim();
  return t && utf8Length(t) <= MAX_ENTRY_BYTES ? t : null;
}

/**
 * The glossaries as DeepL TSV entries: every French term of a concept (a deprecated French term still names it) →
 * the concept's approved English term (preferred first). The first glossary wins on a French term given twice
 * (pass the project glossary before the desk glossary); DeepL refuses duplicate sources.
 */
export function deeplGlossaryEntries(glossaries: readonly Glossary[]): { tsv: string; count: number } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const g of glossaries) {
    for (const entry of g.entries) {
      const en = approvedEnglish(entry);
      const target = en && clean(en.text);
      if (!target) continue;
      for (const t of entry.terms) {
        if (!FRENCH.test(t.lang)) continue;
        const source = clean(t.text);
        if (!source || seen.has(source)) continue;
        seen.add(source);
        lines.push(`${source}\t${target}`);
      }
    }
  }
  return { tsv: lines.join('\n'), count: lines.length };
}

interface DeepLContext {
  base: string;
  host: string;
  headers: Record<string, string>;
  opts: MtOptions;
}

async function call(ctx: DeepLContext, req: Omit<HttpRequest, 'url' | 'headers'> & { path: string }) {
  return requestJson({ method: req.method, url: ctx.base + req.path, headers: ctx.headers, body: req.body }, ctx.host, mapStatus, ctx.opts);
}

function badResponse(what: string): MtError {
  return { code: 'mt.badResponse', message: `DeepL answered an unexpected ${what}.` };
}

async function pairSupported(ctx: DeepLContext): Promise<boolean | MtError> {
  const r = await call(ctx, { method: 'GET', path: '/v2/glossary-language-pairs' });
  if (!r.ok) return r.error;
  const list = (r.json as { supported_languages?: unknown })?.supported_languages;
  if (!Array.isArray(list)) return badResponse('list of glossary language pairs');
  return list.some((p: { source_lang?: unknown; target_lang?: unknown }) => String(p?.source_lang).toLowerCase() === 'fr' && String(p?.target_lang).toLowerCase() === 'en');
}

async function createGlossary(ctx: DeepLContext, tsv: string): Promise<string | MtError> {
  const r = await call(ctx, {
    method: 'POST',
    path: '/v2/glossaries',
    body: { name: `Relais desk glossary ${new Date().toISOString()}`, source_lang: 'fr', target_lang: 'en', entries: tsv, entries_format: 'tsv' },
  });
  if (!r.ok) return r.error;
  const g = r.json as { glossary_id?: unknown; ready?: unknown };
  if (typeof g?.glossary_id !== 'string' || !g.glossary_id) return badResponse('glossary');
  // v2 glossaries are normally ready at once; wait a little if not.
  for (let k = 0; g.ready === false && k < 5; k++) {
    await new Promise((res) => setTimeout(res, 200 * (k + 1)));
    const s = await call(ctx, { method: 'GET', path: `/v2/glossaries/${encodeURIComponent(g.glossary_id)}` });
    if (s.ok && (s.json as { ready?: unknown })?.ready === true) break;
  }
  return g.glossary_id;
}

/** Translates French segments into English with DeepL. Never throws for service or network failures. */
export async function deeplTranslate(
  config: { apiKey: string; targetLang?: 'EN-GB' | 'EN-US'; baseUrl?: string },
  segments: readonly MtSegment[],
  opts: MtOptions = {},
): Promise<MtResult> {
  const key = config.apiKey?.trim();
  if (!key) return { ok: false, service: DEEPL_SERVICE, error: { code: 'mt.badConfig', message: 'No DeepL authentication key is set.' }, translations: [] };
  const base = deeplBaseUrl(key, config.baseUrl);
  let host: string;
  try {
    host = new URL(base).host;
  } catch {
    return { ok: false, service: DEEPL_SERVICE, error: { code: 'mt.badConfig', message: `“${base}” is not a valid server address.` }, translations: [] };
  }
  const ctx: DeepLContext = { base, host, headers: { Authorization: `DeepL-Auth-Key ${key}` }, opts };
  const translations: MtTranslation[] = [];
  const fail = (error: MtError): MtResult => ({ ok: false, service: DEEPL_SERVICE, error, translations });
  const todo = segments.filter((s) => s.source.trim() !== '');
  if (todo.length === 0) return { ok: true, service: DEEPL_SERVICE, translations, glossary: null, characters: 0 };

  // The desk glossary as a DeepL glossary, where the pair allows.
  let glossary: MtGlossaryUse | null = null;
  let glossaryId: string | null = null;
  const entries = deeplGlossaryEntries(opts.glossaries ?? []);
  if (opts.glossaries && opts.glossaries.length > 0) {
    if (entries.count === 0) glossary = { used: false, entries: 0, reason: 'empty' };
    else {
      const supported = await pairSupported(ctx);
      if (typeof supported !== 'boolean') return fail(supported);
      if (!supported) glossary = { used: false, entries: entries.count, reason: 'unsupportedPair' };
      else {
        const id = await createGlossary(ctx, entries.tsv);
        if (typeof id === 'string') {
          glossaryId = id;
          glossary = { used: true, entries: entries.count };
        } else if (id.code === 'mt.badRequest') {
          // A glossary DeepL will not take (an entry it rejects) must not stop the translation: say so, go on without.
          glossary = { used: false, entries: entries.count, reason: 'refused', ...(id.detail ? { detail: id.detail } : {}) };
        } else return fail(id);
      }
    }
  }

  let characters = 0;
  try {
    for (const batch of batches(todo, (s) => utf8Length(s.source) + 8, MAX_TEXTS, MAX_BYTES)) {
      const body: Record<string, unknown> = { text: batch.map((s) => s.source), source_lang: 'FR', target_lang: config.targetLang ?? 'EN-GB' };
      if (glossaryId) body.glossary_id = glossaryId;
      const r = await call(ctx, { method: 'POST', path: '/v2/translate', body });
      if (!r.ok) return fail(r.error);
      const list = (r.json as { translations?: unknown })?.translations;
      if (!Array.isArray(list) || list.length !== batch.length || !list.every((t: { text?: unknown }) => typeof t?.text === 'string')) {
        return fail(badResponse('translation list'));
      }
      batch.forEach((s, k) => {
        translations.push({ id: s.id, source: s.source, text: (list[k] as { text: string }).text, service: DEEPL_SERVICE, origin: MT_ORIGIN });
        characters += s.source.length;
      });
    }
  } finally {
    if (glossaryId) await call({ ...ctx, opts: { ...opts, retries: 0 } }, { method: 'DELETE', path: `/v2/glossaries/${encodeURIComponent(glossaryId)}` }).catch(() => undefined);
  }
  return { ok: true, service: DEEPL_SERVICE, translations, glossary, characters };
}
