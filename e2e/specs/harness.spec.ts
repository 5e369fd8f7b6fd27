/**
 * The harness checks itself, on a probe page instead of the real UI: `window.relais` is exactly the contract
 * (one function per channel plus `on`, nothing else reachable), calls go through the project worker (real
 * dispatcher and handler table), the app's CSP is enforced, menu commands and settings changes reach the page,
 * dialogs are scripted by the test (a save dialog hands out a token, never a path from the page), and a new session
 * starts over the same folders with a fresh worker.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures.ts';
import { BrowserAppDriver } from '../harness/browser-app.ts';
import type { AppDriver } from '../harness/driver.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';

const PROBE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>probe</title>
<script>window.inlineScriptRan = true;</script>
<script type="module" src="./probe.js"></script>
</head><body><p id="state">loading</p></body></html>`;

const PROBE_JS = `
window.received = [];
window.unsubscribe = window.relais.on('command', (p) => window.received.push(p));
window.relais.on('settingsChanged', (s) => window.received.push({ settings: s }));
document.getElementById('state').textContent = 'ready';
`;

test.describe('e2e harness', () => {
  let probe: AppDriver;

  test.beforeEach(async ({ browser, tempRoot }, testInfo) => {
    test.skip(testInfo.project.name !== 'chromium', 'checks the browser transport only');
    const root = mkdtempSync(path.join(os.tmpdir(), 'relais-probe-'));
    writeFileSync(path.join(root, 'index.html'), PROBE_HTML);
    writeFileSync(path.join(root, 'probe.js'), PROBE_JS);
    const settingsDir = path.join(tempRoot, 'probe-userData');
    probe = new BrowserAppDriver(browser, { root: tempRoot, settingsDir, projectsDir: path.join(settingsDir, 'projects') }, root);
    await probe.start();
    await expect(probe.page.locator('#state')).toHaveText('ready');
  });

  test.afterEach(async () => {
    await probe.close();
  });

  test('window.relais is one function per channel plus on(), and nothing of Node or IPC leaks', async () => {
    const shape = await probe.page.evaluate(() => {
      const r = (window as unknown as { relais: Record<string, unknown> }).relais;
      const w = window as unknown as Record<string, unknown>;
      return {
        keys: Object.keys(r).sort(),
        allFunctions: Object.values(r).every((v) => typeof v === 'function'),
        frozen: Object.isFrozen(r),
        leaks: ['require', 'process', 'ipcRenderer', 'Buffer', 'module'].filter((k) => k in w),
      };
    });
    expect(shape.keys).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(shape.allFunctions).toBe(true);
    expect(shape.frozen).toBe(true);
    expect(shape.leaks).toEqual([]);
  });

  test('calls run through the dispatcher: results and refusals come back as envelopes', async () => {
    const out = await probe.page.evaluate(async () => {
      const r = (window as unknown as { relais: Record<string, (...a: unknown[]) => Promise<unknown>> }).relais;
      return {
        state: await r.getAppState!(),
        badLanguage: await r.setLanguage!('de'),
        noProject: await r.getStats!(),
        cancelledDialog: await r.showOpenDialog!(),
      };
    });
    expect(out.state).toMatchObject({ ok: true, value: { settings: { user: null }, project: null } });
    expect(out.badLanguage).toMatchObject({ ok: false, error: { code: 'invalid.arguments' } });
    expect(out.noProject).toMatchObject({ ok: false, error: { code: 'project.notOpen' } });
    expect(out.cancelledDialog).toEqual({ ok: true, value: null });
  });

  test('the app CSP applies: no inline script, no request leaves the app, no path outside the renderer', async () => {
    const out = await probe.page.evaluate(async () => {
      const status = async (u: string) => {
        try {
          return (await fetch(u)).status;
        } catch {
          return 'refused';
        }
      };
      return {
        inline: (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false,
        external: await status('https://example.com/'),
        traversal: await status('/assets%2f..%2f..%2fpackage.json'),
        missing: await status('/nope.js'),
      };
    });
    expect(out.inline).toBe(false);
    expect(out.external).toBe('refused');
    expect(out.traversal).toBe(403);
    expect(out.missing).toBe(404);
    expect(probe.problems().some((p) => /Content Security Policy|inline script/i.test(p))).toBe(true);
  });

  test('menu commands and settings changes reach the page; a new session keeps the settings', async () => {
    await probe.command('segment.confirm');
    await probe.page.evaluate(() => (window as unknown as { unsubscribe: () => void }).unsubscribe());
    await expect(probe.command('segment.next')).rejects.toThrow(/No renderer listener/);

    await probe.page.evaluate(() => (window as unknown as { relais: { setLanguage(l: string): Promise<unknown> } }).relais.setLanguage('fr'));
    await expect
      .poll(() => probe.page.evaluate(() => (window as unknown as { received: unknown[] }).received))
      .toEqual([{ id: 'segment.confirm' }, { settings: expect.objectContaining({ language: 'fr' }) }]);

    await probe.newSession();
    await expect(probe.page.locator('#state')).toHaveText('ready');
    const state = await probe.page.evaluate(() => (window as unknown as { relais: { getAppState(): Promise<unknown> } }).relais.getAppState());
    expect(state).toMatchObject({ ok: true, value: { settings: { language: 'fr' } } });
    expect(await probe.page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  });

  test('the save dialog is scripted by the test; an export writes only where it chose, by token', async ({ files }) => {
    const out = path.join(path.dirname(files.write('placeholder.txt', 'x')), 'article.en.txt');
    await probe.scriptSaveDialog(out);
    await probe.scriptSaveDialog(null);
    const r = await probe.page.evaluate(async (target) => {
      const relais = (window as unknown as { relais: Record<string, (...a: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>> }).relais;
      await relais.setUser!({ name: 'Ana', role: 'translator' });
      await relais.openSample!();
      const choice = (await relais.showSaveDialog!('exportArticle', 'txt')).value as { token: string; fileName: string };
      return {
        choice,
        byPath: await relais.exportArticle!('txt', target),
        written: await relais.exportArticle!('txt', choice.token),
        again: await relais.exportArticle!('txt', choice.token),
        cancelled: await relais.showSaveDialog!('exportArticle', 'txt'),
      };
    }, out);
    expect(r.choice.fileName).toBe('article.en.txt');
    expect(r.byPath).toMatchObject({ ok: false, error: { code: 'invalid.arguments' } });
    expect(r.written).toMatchObject({ ok: true, value: { file: out } });
    expect(r.again).toMatchObject({ ok: false, error: { code: 'invalid.arguments' } });
    expect(r.cancelled).toEqual({ ok: true, value: null });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Europol');
  });

  test('the open dialog is scripted by the test, one answer per call', async ({ files }) => {
    const missing = path.join(path.dirname(files.write('placeholder.txt', 'x')), 'does-not-exist.relais');
    await probe.scriptOpenDialog(missing);
    const out = await probe.page.evaluate(async () => {
      const r = (window as unknown as { relais: Record<string, () => Promise<unknown>> }).relais;
      return [await r.showOpenDialog!(), await r.showOpenDialog!()];
    });
    expect(out[0]).toMatchObject({ ok: false, error: { file: expect.stringContaining('does-not-exist.relais') } });
    expect(out[1]).toEqual({ ok: true, value: null });
  });
});
