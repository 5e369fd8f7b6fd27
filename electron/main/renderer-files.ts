/**
 * Serving the built renderer (dist/renderer) to a window. Shared by the app's `app://relais/` protocol handler and
 * the e2e harness's `page.route`, so both apply the same path rules and the same security headers.
 * Plain Node: nothing here imports Electron.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content-Security-Policy of every renderer response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every renderer response (also with errors). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Maps the path part of a renderer URL (`/index.html`, `/assets/app.js`) to a file under `root`.
 * Returns null for anything that is not a plain file path inside `root`: `..` segments (also percent-encoded),
 * backslashes, NUL bytes, drive letters, malformed escapes. `/` maps to `index.html`.
 */
export function resolveRendererPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || /^[a-zA-Z]:$/.test(p))) return null;
  if (parts.length === 0) parts.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...parts);
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Reads the file a renderer URL path designates: 200 with the file, 403 for refused paths, 404 for missing files. */
export async function serveRendererFile(root: string, urlPath: string): Promise<RendererResponse> {
  const file = resolveRendererPath(root, urlPath);
  if (file === null) {
    return { status: 403, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Forbidden') };
  }
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    return { status: 200, headers: { ...securityHeaders(), 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' }, body };
  } catch {
    return { status: 404, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
  }
}
