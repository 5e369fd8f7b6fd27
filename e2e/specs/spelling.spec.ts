/**
 * Spelling over the contract in the running app: the page calls `window.relais` the way the workbench will (the
 * editor UI for spelling is not wired yet), through the same transport as every other call — the Playwright binding
 * in the harness, Electron IPC in the app — to the real services and the dictionaries shipped with the app, with no
 * network. What is marked, what is not, suggestions, the project's variant and the desk dictionary.
 */
import { expect, test } from '../fixtures.ts';

interface Envelope<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

interface MarkLike {
  rule: string;
  term?: string;
  suggestion?: string;
  range?: { start: number; end: number };
}

test('the target is spell-checked offline through the app’s own contract; names, glossary terms and the variant are honoured', async ({ app }) => {
  // Offline: in the harness, any request that would leave the app's origin is refused.
  if (app.transport === 'browser') await app.page.context().route(/^https?:\/\/(?!relais\.test\/)/, (r) => r.abort());
  const call = <T>(channel: string, ...args: unknown[]) =>
    app.page.evaluate(
      async ([c, a]) => {
        const relais = (window as unknown as { relais: Record<string, (...x: unknown[]) => Promise<unknown>> }).relais;
        return (await relais[c as string]!(...(a as unknown[]))) as Envelope<unknown>;
      },
      [channel, args] as const,
    ) as Promise<Envelope<T>>;
  const ok = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
    const env = await call<T>(channel, ...args);
    expect(env.ok, `${channel}: ${env.error?.message ?? ''}`).toBe(true);
    return env.value as T;
  };

  await ok('setUser', { name: 'Eve Editor', role: 'editor' });
  const snap = await ok<{ segments: { id: string; source: string }[] }>('openSample');
  const seg = snap.segments.find((s) => s.source.includes('contenus pédopornographiques générés'))!;
  expect(seg).toBeDefined();

  const target = 'At least 25 people were arested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 28 February.';
  const marks = await ok<MarkLike[]>('checkSpelling', seg.id, target);
  // The misspelled word is marked; the glossary term and the source's name are not.
  expect(marks.map((m) => [m.rule, m.term])).toEqual([['spelling.unknown', 'arested']]);
  expect(target.slice(marks[0]!.range!.start, marks[0]!.range!.end)).toBe('arested');
  const suggestions = await ok<string[]>('suggestSpelling', 'arested', seg.id);
  expect(suggestions[0]).toBe('arrested');

  // Switching the project to American English changes what is marked.
  const variantText = 'The organized operation had the colour of a dragnet.';
  expect((await ok<MarkLike[]>('checkSpelling', seg.id, variantText)).map((m) => m.term)).toEqual(['organized']);
  await ok('setProjectVariant', 'en-US');
  expect((await ok<MarkLike[]>('checkSpelling', seg.id, variantText)).map((m) => [m.term, m.suggestion])).toEqual([['colour', 'color']]);

  // A word added to the desk dictionary is no longer marked.
  expect((await ok<MarkLike[]>('checkSpelling', seg.id, 'The Qwertyville network.')).map((m) => m.term)).toEqual(['Qwertyville']);
  await ok('addSpellingWord', 'dictionary', 'Qwertyville');
  expect(await ok<MarkLike[]>('checkSpelling', seg.id, 'The Qwertyville network.')).toEqual([]);
  expect(app.problems()).toEqual([]);
});
