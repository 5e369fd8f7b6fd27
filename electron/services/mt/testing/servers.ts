/**
 * Local HTTP servers that follow the documented APIs of DeepL (v2 translate and glossaries) and LibreTranslate
 * (/translate), strictly: they check paths, methods, headers and bodies the way the real services do and answer
 * with the documented shapes and status codes. Test-only.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (req: SeenRequest) => { status: number; body?: unknown; headers?: Record<string, string> };

async function serve(handler: Handler): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      if (raw && (req.headers['content-type'] ?? '').startsWith('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = { unparsable: raw };
        }
      }
      const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      const out = handler(seen);
      res.writeHead(out.status, { ...(out.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...out.headers });
      res.end(out.body !== undefined ? JSON.stringify(out.body) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL where nothing listens (a server opened then closed): connecting fails like a machine without network. */
export async function deadUrl(): Promise<string> {
  const s = await serve(() => ({ status: 200 }));
  await s.close();
  return s.url;
}

/** A server that accepts the connection and never answers. */
export async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = http.createServer(() => {
    /* never answers */
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface DeepLFakeOptions {
  key: string;
  /** Answer 456 to translate requests (character quota used up). */
  quotaExceeded?: boolean;
  /** Answer 429 to this many requests before serving normally. */
  tooManyRequests?: number;
  /** Answer 503 to every translate request. */
  down?: boolean;
  /** Glossary language pairs offered (default: fr→en among others). */
  pairs?: { source_lang: string; target_lang: string }[];
}

/** The fake's translation: "EN(<text>)" with glossary terms replaced, so tests can see a glossary was applied. */
export function fakeTranslation(text: string, glossary?: Map<string, string>): string {
  let t = text;
  for (const [fr, en] of glossary ?? []) t = t.split(fr).join(en);
  return `EN(${t})`;
}

export async function deeplServer(opts: DeepLFakeOptions): Promise<FakeServer & { glossaries: Map<string, Map<string, string>> }> {
  const glossaries = new Map<string, Map<string, string>>();
  let throttled = 0;
  let nextId = 1;
  const error = (status: number, message: string) => ({ status, body: { message } });
  const s = await serve((req) => {
    if (req.headers.authorization !== `DeepL-Auth-Key ${opts.key}`) return error(403, 'Authorization failure, check auth_key');
    if (opts.tooManyRequests && throttled < opts.tooManyRequests) {
      throttled++;
      return error(429, 'Too many requests');
    }
    const json = (req.headers['content-type'] ?? '').startsWith('application/json');
    if (req.method === 'GET' && req.path === '/v2/glossary-language-pairs') {
      return {
        status: 200,
        body: {
          supported_languages: opts.pairs ?? [
            { source_lang: 'de', target_lang: 'en' },
            { source_lang: 'fr', target_lang: 'en' },
            { source_lang: 'en', target_lang: 'fr' },
          ],
        },
      };
    }
    if (req.method === 'POST' && req.path === '/v2/glossaries') {
      if (!json) return error(415, 'Unsupported Media Type');
      const b = req.body as Record<string, unknown>;
      if (typeof b.name !== 'string' || !b.name) return error(400, "Missing or invalid argument: 'name'");
      if (b.entries_format !== 'tsv') return error(400, "Invalid value for 'entries_format'");
      if (typeof b.entries !== 'string') return error(400, "Missing or invalid argument: 'entries'");
      const pair = (opts.pairs ?? [{ source_lang: 'fr', target_lang: 'en' }]).some((p) => p.source_lang === b.source_lang && p.target_lang === b.target_lang);
      if (!pair) return error(400, 'Unsupported glossary source and target language pair');
      const map = new Map<string, string>();
      for (const line of b.entries.split('\n')) {
        const cols = line.split('\t');
        if (cols.length !== 2 || !cols[0] || !cols[1] || cols[0] !== cols[0].trim() || cols[1] !== cols[1].trim()) return error(400, `Invalid glossary entry: ${line}`);
        if (map.has(cols[0])) return error(400, `Duplicate source entry: ${cols[0]}`);
        map.set(cols[0], cols[1]);
      }
      const id = `glossary-${nextId++}`;
      glossaries.set(id, map);
      return {
        status: 201,
        body: { glossary_id: id, name: b.name, ready: true, source_lang: b.source_lang, target_lang: b.target_lang, creation_time: new Date().toISOString(), entry_count: map.size },
      };
    }
    const g = /^\/v2\/glossaries\/([^/]+)$/.exec(req.path);
    if (g && req.method === 'DELETE') {
      if (!glossaries.delete(decodeURIComponent(g[1]!))) return error(404, 'Glossary not found');
      return { status: 204 };
    }
    if (req.method === 'POST' && req.path === '/v2/translate') {
      if (opts.quotaExceeded) return error(456, 'Quota exceeded');
      if (opts.down) return error(503, 'Service unavailable');
      if (!json) return error(415, 'Unsupported Media Type');
      const b = req.body as Record<string, unknown>;
      if (!Array.isArray(b.text) || b.text.length === 0 || b.text.length > 50 || !b.text.every((t) => typeof t === 'string')) {
        return error(400, "Parameter 'text' not specified or invalid");
      }
      if (b.target_lang !== 'EN-GB' && b.target_lang !== 'EN-US') return error(400, "Value for 'target_lang' not supported.");
      if ('formality' in b) return error(400, "'formality' is not supported for the given 'target_lang'.");
      let map: Map<string, string> | undefined;
      if (b.glossary_id !== undefined) {
        if (!b.source_lang) return error(400, "Use of a glossary requires the 'source_lang' parameter to be specified.");
        map = glossaries.get(String(b.glossary_id));
        if (!map) return error(400, 'Invalid glossary ID');
      }
      return { status: 200, body: { translations: (b.text as string[]).map((t) => ({ detected_source_language: 'FR', text: fakeTranslation(t, map) })) } };
    }
    return error(404, 'Not found');
  });
  return { ...s, glossaries };
}

export interface LibreFakeOptions {
  /** The server requires this API key. */
  key?: string;
  /** Languages the server can translate from/to (default fr, en). */
  languages?: string[];
  /** The --batch-limit of the server. */
  batchLimit?: number;
}

export async function libreTranslateServer(opts: LibreFakeOptions = {}): Promise<FakeServer> {
  const languages = opts.languages ?? ['en', 'fr'];
  const error = (status: number, message: string) => ({ status, body: { error: message } });
  return serve((req) => {
    if (req.method !== 'POST' || req.path !== '/translate') return error(404, 'Not Found');
    const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    if (opts.key !== undefined && b.api_key !== opts.key) {
      return error(403, b.api_key ? 'Invalid API key' : 'Visit https://portal.libretranslate.com to get an API key');
    }
    if (!b.q) return error(400, 'Invalid request: missing q parameter');
    if (!b.source) return error(400, 'Invalid request: missing source parameter');
    if (!b.target) return error(400, 'Invalid request: missing target parameter');
    if (b.format !== undefined && b.format !== 'text' && b.format !== 'html') return error(400, `${String(b.format)} format is not supported`);
    for (const l of [b.source, b.target]) if (!languages.includes(String(l))) return error(400, `${String(l)} is not supported`);
    const batch = Array.isArray(b.q);
    if (batch && opts.batchLimit !== undefined && (b.q as unknown[]).length > opts.batchLimit) {
      return error(400, `Invalid request: Request (${(b.q as unknown[]).length}) exceeds text limit (${opts.batchLimit})`);
    }
    return { status: 200, body: { translatedText: batch ? (b.q as string[]).map((t) => fakeTranslation(t)) : fakeTranslation(String(b.q)) } };
  });
}
