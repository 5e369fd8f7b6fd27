import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveRendererPath, serveRendererFile } from './renderer-files.ts';

describe('serving the renderer over app://relais/', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'relais-renderer-'));
    root = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Relais</title>');
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'élan è.css'), 'body{}');
    writeFileSync(outside, 'secret');
  });
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it('serves index.html for / and files under the root with their type and the CSP', async () => {
    const home = await serveRendererFile(root, '/');
    expect(home.status).toBe(200);
    expect(home.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(home.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(home.body.toString()).toContain('<title>Relais</title>');

    const js = await serveRendererFile(root, '/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['X-Content-Type-Options']).toBe('nosniff');

    const encoded = await serveRendererFile(root, '/assets/%C3%A9lan%20%C3%A8.css');
    expect(encoded.status).toBe(200);
    expect(encoded.headers['Content-Type']).toBe('text/css; charset=utf-8');
  });

  it('the CSP allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/%00.js',
    '/%E0%A4%A',
    '/C:/Windows/win.ini',
  ])('refuses %s', async (p) => {
    expect(resolveRendererPath(root, p)).toBeNull();
    const res = await serveRendererFile(root, p);
    expect(res.status).toBe(403);
    expect(res.body.toString()).not.toContain('secret');
  });

  it('answers 404 for missing files and for folders', async () => {
    expect((await serveRendererFile(root, '/missing.js')).status).toBe(404);
    expect((await serveRendererFile(root, '/assets')).status).toBe(404);
    expect((await serveRendererFile(root, '/assets/')).status).toBe(404);
  });
});
