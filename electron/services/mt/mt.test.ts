/**
 * Machine pre-translation clients against local servers that follow DeepL's and LibreTranslate's documented APIs
 * (./testing/servers.ts): requests checked (paths, headers, bodies), documented answers and errors, no network.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Glossary } from '../../../shared/glossary/model.ts';
import { deeplBaseUrl, deeplGlossaryEntries, mtServiceName, preTranslate, type MtSegment } from './index.ts';
import { deadUrl, deeplServer, fakeTranslation, libreTranslateServer, silentServer, type FakeServer } from './testing/servers.ts';

const KEY = '0f1e2d3c-aaaa-bbbb-cccc-123456789abc:fx';

const SEGMENTS: MtSegment[] = [
  { id: 's1', source: 'Au moins 25 individus ont été arrêtés.' },
  { id: 's2', source: 'L’enquête est menée par l’Agence européenne de police.' },
  { id: 's3', source: '   ' },
  { id: 's4', source: 'Elle vise des contenus générés par l’intelligence artificielle.' },
];

const GLOSSARY: Glossary = {
  name: 'Desk',
  scope: 'desk',
  entries: [
    {
      id: 'ia',
      terms: [
        { text: 'intelligence artificielle', lang: 'fr', status: 'preferred', caseSensitive: false },
        { text: 'IA', lang: 'fr', status: 'admitted', caseSensitive: true },
        { text: 'artificial intelligence', lang: 'en', status: 'preferred', caseSensitive: false },
        { text: 'machine intelligence', lang: 'en', status: 'deprecated', caseSensitive: false },
      ],
    },
    {
      id: 'agence',
      terms: [
        { text: 'Agence européenne de police', lang: 'fr', status: 'preferred', caseSensitive: false },
        { text: 'Europol', lang: 'en', status: 'admitted', caseSensitive: true },
        { text: 'European police agency', lang: 'en', status: 'preferred', caseSensitive: false },
      ],
    },
    // No approved English term: nothing to send.
    { id: 'x', terms: [{ text: 'pédocriminalité', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'paedocrime', lang: 'en', status: 'deprecated', caseSensitive: false }] },
  ],
};

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function track<T extends { close(): Promise<void> }>(s: Promise<T>): Promise<T> {
  const v = await s;
  servers.push(v);
  return v;
}

const fast = { retries: 2, retryDelayMs: 1, timeoutMs: 2000 };

describe('nothing leaves the machine unless a service is configured', () => {
  it('no configuration: mt.notConfigured, no request', async () => {
    const deepl = await track(deeplServer({ key: KEY }));
    const libre = await track(libreTranslateServer());
    for (const config of [null, undefined]) {
      const r = await preTranslate(config, SEGMENTS, fast);
      expect(r).toMatchObject({ ok: false, service: null, error: { code: 'mt.notConfigured' }, translations: [] });
    }
    expect(deepl.requests).toHaveLength(0);
    expect(libre.requests).toHaveLength(0);
    expect(mtServiceName(null)).toBeNull();
  });
});

describe('DeepL API', () => {
  it('translates segment by segment: POST /v2/translate, DeepL-Auth-Key header, FR → EN-GB, no formality', async () => {
    const s = await track(deeplServer({ key: KEY }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, fast);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.service).toBe('DeepL');
    expect(r.translations.map((t) => [t.id, t.text, t.service, t.origin])).toEqual([
      ['s1', fakeTranslation(SEGMENTS[0]!.source), 'DeepL', 'machine-translation'],
      ['s2', fakeTranslation(SEGMENTS[1]!.source), 'DeepL', 'machine-translation'],
      ['s4', fakeTranslation(SEGMENTS[3]!.source), 'DeepL', 'machine-translation'],
    ]);
    expect(r.glossary).toBeNull();
    expect(s.requests).toHaveLength(1);
    const req = s.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v2/translate');
    expect(req.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({ text: [SEGMENTS[0]!.source, SEGMENTS[1]!.source, SEGMENTS[3]!.source], source_lang: 'FR', target_lang: 'EN-GB' });
  });

  it('American English on request', async () => {
    const s = await track(deeplServer({ key: KEY }));
    await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url, targetLang: 'EN-US' }, SEGMENTS.slice(0, 1), fast);
    expect((s.requests[0]!.body as { target_lang: string }).target_lang).toBe('EN-US');
  });

  it('sends at most 50 texts per request', async () => {
    const s = await track(deeplServer({ key: KEY }));
    const many = Array.from({ length: 120 }, (_, k) => ({ id: `s${k}`, source: `Phrase numéro ${k}.` }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, many, fast);
    expect(r.ok && r.translations.map((t) => t.id)).toEqual(many.map((m) => m.id));
    expect(s.requests.map((q) => (q.body as { text: string[] }).text.length)).toEqual([50, 50, 20]);
  });

  it('sends the desk glossary as a DeepL glossary (TSV entries), uses its glossary_id, and deletes it afterwards', async () => {
    const s = await track(deeplServer({ key: KEY }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, { ...fast, glossaries: [GLOSSARY] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.glossary).toEqual({ used: true, entries: 3 });
    expect(s.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /v2/glossary-language-pairs',
      'POST /v2/glossaries',
      'POST /v2/translate',
      'DELETE /v2/glossaries/glossary-1',
    ]);
    const create = s.requests[1]!.body as Record<string, string>;
    expect(create).toMatchObject({ source_lang: 'fr', target_lang: 'en', entries_format: 'tsv' });
    expect(create.entries!.split('\n')).toEqual([
      'intelligence artificielle\tartificial intelligence',
      'IA\tartificial intelligence',
      'Agence européenne de police\tEuropean police agency',
    ]);
    expect((s.requests[2]!.body as Record<string, unknown>).glossary_id).toBe('glossary-1');
    // The fake applies the glossary: the approved English term is in the output.
    expect(r.translations.find((t) => t.id === 's4')!.text).toContain('artificial intelligence');
    expect(s.glossaries.size).toBe(0);
  });

  it('no glossary where the pair does not allow it, and the translation still happens', async () => {
    const s = await track(deeplServer({ key: KEY, pairs: [{ source_lang: 'de', target_lang: 'en' }] }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, { ...fast, glossaries: [GLOSSARY] });
    expect(r.ok && r.glossary).toEqual({ used: false, entries: 3, reason: 'unsupportedPair' });
    expect(s.requests.map((q) => q.path)).toEqual(['/v2/glossary-language-pairs', '/v2/translate']);
    expect(s.requests[1]!.body).not.toHaveProperty('glossary_id');
  });

  it('a glossary without approved English terms is not sent', async () => {
    const s = await track(deeplServer({ key: KEY }));
    const empty: Glossary = { ...GLOSSARY, entries: [GLOSSARY.entries[2]!] };
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, { ...fast, glossaries: [empty] });
    expect(r.ok && r.glossary).toEqual({ used: false, entries: 0, reason: 'empty' });
    expect(s.requests.map((q) => q.path)).toEqual(['/v2/translate']);
  });

  it('glossary entries: project before desk, a French term once, no tabs or line breaks inside an entry', () => {
    const project: Glossary = {
      name: 'Project',
      scope: 'project',
      entries: [
        {
          id: 'p',
          terms: [
            { text: 'IA', lang: 'fr', status: 'preferred', caseSensitive: true },
            { text: 'AI', lang: 'en', status: 'preferred', caseSensitive: true },
          ],
        },
        {
          id: 'q',
          terms: [
            { text: 'coup\tde filet', lang: 'fr', status: 'preferred', caseSensitive: false },
            { text: 'sweep\n', lang: 'en', status: 'preferred', caseSensitive: false },
          ],
        },
      ],
    };
    const { tsv, count } = deeplGlossaryEntries([project, GLOSSARY]);
    expect(tsv.split('\n')).toEqual([
      'IA\tAI',
      'coup de filet\tsweep',
      'intelligence artificielle\tartificial intelligence',
      'Agence européenne de police\tEuropean police agency',
    ]);
    expect(count).toBe(4);
  });

  it('403: a bad key is named as such', async () => {
    const s = await track(deeplServer({ key: KEY }));
    const r = await preTranslate({ kind: 'deepl', apiKey: 'wrong-key:fx', baseUrl: s.url }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, service: 'DeepL', error: { code: 'mt.badKey', status: 403 }, translations: [] });
    expect(s.requests).toHaveLength(1);
  });

  it('456: quota exceeded, not retried', async () => {
    const s = await track(deeplServer({ key: KEY, quotaExceeded: true }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.quota', status: 456, detail: 'Quota exceeded' } });
    expect(s.requests).toHaveLength(1);
  });

  it('429: retried with back-off, then succeeds', async () => {
    const s = await track(deeplServer({ key: KEY, tooManyRequests: 2 }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, fast);
    expect(r.ok).toBe(true);
    expect(s.requests).toHaveLength(3);
  });

  it('429 that never ends: rate-limited after the retries', async () => {
    const s = await track(deeplServer({ key: KEY, tooManyRequests: 100 }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.rateLimited', status: 429 } });
    expect(s.requests).toHaveLength(3);
  });

  it('503: the server is down, after the retries', async () => {
    const s = await track(deeplServer({ key: KEY, down: true }));
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.server', status: 503 } });
  });

  it('network down: a clear "no connection" result, no exception', async () => {
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: await deadUrl() }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, service: 'DeepL', error: { code: 'mt.noConnection' } });
    expect(r.ok === false && r.error.message).toMatch(/^No connection to 127\.0\.0\.1:\d+/);
  });

  it('a server that never answers: no connection after the time limit', async () => {
    const s = await track(silentServer());
    const t0 = Date.now();
    const r = await preTranslate({ kind: 'deepl', apiKey: KEY, baseUrl: s.url }, SEGMENTS, { ...fast, timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.noConnection' } });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('no key: refused before sending anything', async () => {
    const r = await preTranslate({ kind: 'deepl', apiKey: '  ' }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.badConfig' } });
  });

  it('API Free keys go to api-free.deepl.com, others to api.deepl.com', () => {
    expect(deeplBaseUrl('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deeplBaseUrl('abc')).toBe('https://api.deepl.com');
    expect(deeplBaseUrl('abc', 'http://proxy.local/')).toBe('http://proxy.local');
  });
});

describe('LibreTranslate', () => {
  it('translates through /translate with q as a batch, source fr, target en, format text, no key when none is set', async () => {
    const s: FakeServer = await track(libreTranslateServer());
    const r = await preTranslate({ kind: 'libretranslate', url: s.url }, SEGMENTS, fast);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.service).toBe(`LibreTranslate (${new URL(s.url).host})`);
    expect(r.translations.map((t) => [t.id, t.text, t.origin])).toEqual([
      ['s1', fakeTranslation(SEGMENTS[0]!.source), 'machine-translation'],
      ['s2', fakeTranslation(SEGMENTS[1]!.source), 'machine-translation'],
      ['s4', fakeTranslation(SEGMENTS[3]!.source), 'machine-translation'],
    ]);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'POST', path: '/translate' });
    expect(s.requests[0]!.headers['content-type']).toBe('application/json');
    expect(s.requests[0]!.body).toEqual({ q: [SEGMENTS[0]!.source, SEGMENTS[1]!.source, SEGMENTS[3]!.source], source: 'fr', target: 'en', format: 'text' });
  });

  it('sends api_key when the server needs one; 403 for a wrong key', async () => {
    const s = await track(libreTranslateServer({ key: 'secret' }));
    const good = await preTranslate({ kind: 'libretranslate', url: `${s.url}/`, apiKey: 'secret' }, SEGMENTS, fast);
    expect(good.ok).toBe(true);
    expect((s.requests[0]!.body as Record<string, unknown>).api_key).toBe('secret');
    const bad = await preTranslate({ kind: 'libretranslate', url: s.url, apiKey: 'nope' }, SEGMENTS, fast);
    expect(bad).toMatchObject({ ok: false, error: { code: 'mt.badKey', status: 403, detail: 'Invalid API key' } });
    const none = await preTranslate({ kind: 'libretranslate', url: s.url }, SEGMENTS, fast);
    expect(none).toMatchObject({ ok: false, error: { code: 'mt.badKey', status: 403 } });
  });

  it('keeps batches under the server’s batch limit', async () => {
    const s = await track(libreTranslateServer({ batchLimit: 20 }));
    const many = Array.from({ length: 45 }, (_, k) => ({ id: `s${k}`, source: `Phrase ${k}.` }));
    const r = await preTranslate({ kind: 'libretranslate', url: s.url }, many, fast);
    expect(r.ok && r.translations).toHaveLength(45);
    expect(s.requests.map((q) => (q.body as { q: string[] }).q.length)).toEqual([20, 20, 5]);
  });

  it('a server without French: unsupported language', async () => {
    const s = await track(libreTranslateServer({ languages: ['en', 'es'] }));
    const r = await preTranslate({ kind: 'libretranslate', url: s.url }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.unsupportedLanguage', status: 400, detail: 'fr is not supported' } });
  });

  it('network down: no connection', async () => {
    const r = await preTranslate({ kind: 'libretranslate', url: await deadUrl() }, SEGMENTS, fast);
    expect(r).toMatchObject({ ok: false, error: { code: 'mt.noConnection' } });
  });

  it('a malformed address is refused before sending anything', async () => {
    for (const url of ['not a url', 'ftp://example.org']) {
      const r = await preTranslate({ kind: 'libretranslate', url }, SEGMENTS, fast);
      expect(r).toMatchObject({ ok: false, error: { code: 'mt.badConfig' } });
    }
  });
});
