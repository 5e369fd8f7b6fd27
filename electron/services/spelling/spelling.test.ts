/**
 * Spelling and house style in the app, driven the way the renderer drives them: through createDispatcher (zod
 * validation + envelopes) and the typed client, with the real sample project, the real dictionaries and the real
 * settings folder in a temp directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import type { Segment } from '../../../shared/model.ts';
import { AppSessions, failure, testContext, type ServiceContext } from '../testing/context.ts';
import { SPELLING_SETTINGS_FILE } from './settings.ts';

const SHIPPED_DESK = path.resolve(import.meta.dirname, '../../../resources/glossary/desk-fr-en.tbx');

let root: string;
let ctx: ServiceContext;
const sessions = new AppSessions(() => ctx);
/** What the next open and save dialogs answer (word lists are chosen in main's dialogs, passed as tokens). */
const openAnswers: string[] = [];
const saveAnswers: string[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-spelling-'));
  fs.mkdirSync(path.join(root, 'files'));
  ctx = testContext(root, {
    deskGlossaryPath: SHIPPED_DESK,
    dialogs: { showOpen: async () => openAnswers.shift() ?? null, showSave: async () => saveAnswers.shift() ?? null },
  });
});

afterEach(() => {
  openAnswers.length = 0;
  saveAnswers.length = 0;
  sessions.disposeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

async function sample(api: RelaisApi, role: 'editor' | 'translator' = 'editor'): Promise<{ seg: Segment; segments: Segment[] }> {
  await api.setUser({ name: role === 'editor' ? 'Eve' : 'Tom', role });
  const snap = await api.openSample();
  // "Au moins 25 individus ont été arrêtés … contenus pédopornographiques … a annoncé Europol vendredi 28 février."
  const seg = snap.segments.find((s) => s.source.includes('contenus pédopornographiques générés'))!;
  expect(seg).toBeDefined();
  return { seg, segments: snap.segments };
}

const words = (fs_: { term?: string }[]) => fs_.map((f) => f.term);

describe('live spelling over the contract', () => {
  it('marks a misspelled word with its range and suggests the correction; a glossary term and a source name are not marked', async () => {
    const api = sessions.open();
    const { seg } = await sample(api);
    const target = 'At least 25 people were arested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 28 February.';
    const found = await api.checkSpelling(seg.id, target);
    expect(found.map((f) => [f.rule, f.severity, f.term])).toEqual([['spelling.unknown', 'warning', 'arested']]);
    expect(target.slice(found[0]!.range!.start, found[0]!.range!.end)).toBe('arested');
    expect((await api.suggestSpelling('arested'))[0]).toBe('arrested');
    // With the segment: the names of its source come first.
    expect((await api.suggestSpelling('Europl', seg.id))[0]).toBe('Europol');
  });

  it('a name of another segment of the article is not marked ("Cumberland" where the source says "elle")', async () => {
    const api = sessions.open();
    const { segments } = await sample(api);
    expect(segments.some((s) => s.source.includes('Cumberland'))).toBe(true);
    const other = segments.find((s) => !s.source.includes('Cumberland') && s.translatable)!;
    expect(await api.checkSpelling(other.id, 'Operation Cumberland went on.')).toEqual([]);
  });

  it('switching the project to American English changes what is marked; the desk default applies to new projects', async () => {
    const api = sessions.open();
    const { seg } = await sample(api);
    const target = 'The colour of the organized operation.';
    expect((await api.getSpellingState()).variant).toBe('en-GB');
    expect((await api.checkSpelling(seg.id, target)).map((f) => [f.rule, f.term, f.suggestion])).toEqual([['style.variant', 'organized', 'organised']]);
    expect(await api.setProjectVariant('en-US')).toMatchObject({ variant: 'en-US', projectVariant: 'en-US', deskVariant: 'en-GB' });
    expect((await api.checkSpelling(seg.id, target)).map((f) => [f.rule, f.term, f.suggestion])).toEqual([['style.variant', 'colour', 'color']]);
    expect((await api.suggestSpelling('colour'))[0]).toBe('color');
    await api.setProjectVariant(null);
    await api.setDeskVariant('en-US');
    expect((await api.getSpellingState()).variant).toBe('en-US');
    // Kept in the project file and the settings: a new session sees the same.
    await api.setProjectVariant('en-GB');
    const again = sessions.open();
    await again.openSample();
    expect(await again.getSpellingState()).toMatchObject({ variant: 'en-GB', projectVariant: 'en-GB', deskVariant: 'en-US' });
  });

  it('only an editor chooses the variant', async () => {
    const api = sessions.open();
    await sample(api, 'translator');
    expect((await failure(api.setProjectVariant('en-US'))).code).toBe('permission.denied');
    expect((await failure(api.setDeskVariant('en-US'))).code).toBe('permission.denied');
  });
});

describe('the desk dictionary and the ignored words', () => {
  it('add, remove, kept in the settings across sessions; a translator may add', async () => {
    const api = sessions.open();
    const { seg } = await sample(api, 'translator');
    const target = 'The Qwertyville suspect said Zxcvbn.';
    expect(words(await api.checkSpelling(seg.id, target))).toEqual(['Qwertyville', 'Zxcvbn']);
    expect((await api.addSpellingWord('dictionary', 'Qwertyville')).dictionary).toEqual(['Qwertyville']);
    expect((await api.addSpellingWord('ignored', 'Zxcvbn')).ignored).toEqual(['Zxcvbn']);
    expect(await api.checkSpelling(seg.id, target)).toEqual([]);
    expect(await api.suggestSpelling('Qwertyvile')).toContain('Qwertyville');

    const settingsFile = path.join(ctx.settingsDir, SPELLING_SETTINGS_FILE);
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toMatchObject({ dictionary: ['Qwertyville'], ignored: ['Zxcvbn'] });
    const again = sessions.open();
    await sample(again, 'translator');
    expect(await again.checkSpelling(seg.id, target)).toEqual([]);
    await again.removeSpellingWord('dictionary', 'Qwertyville');
    expect(words(await again.checkSpelling(seg.id, target))).toEqual(['Qwertyville']);
  });

  it('refuses what is not one word', async () => {
    const api = sessions.open();
    await sample(api);
    expect((await failure(api.addSpellingWord('dictionary', 'two words'))).code).toBe('invalid.arguments');
  });

  it('exports and imports plain word lists; a bad line is refused with its line number and nothing is imported', async () => {
    const api = sessions.open();
    await sample(api);
    await api.addSpellingWord('dictionary', 'Europol');
    await api.addSpellingWord('dictionary', 'chatbots');
    // The file is chosen in main's save dialog; the page passes its token, never a path.
    const out = path.join(root, 'files', 'desk.txt');
    saveAnswers.push(out);
    const saveAs = (await api.showSaveDialog('exportWordList', 'txt', 'desk-dictionary.txt'))!;
    expect(saveAs.fileName).toBe('desk.txt');
    expect(await api.exportSpellingWords('dictionary', saveAs.token)).toEqual({ path: out, words: 2 });
    expect(fs.readFileSync(out, 'utf8')).toBe('chatbots\nEuropol\n');
    // A save token works once.
    expect((await failure(api.exportSpellingWords('dictionary', saveAs.token))).code).toBe('invalid.arguments');

    const pick = async (file: string) => {
      openAnswers.push(file);
      return (await api.pickFile('wordList'))!.token;
    };
    const add = path.join(root, 'files', 'more.txt');
    fs.writeFileSync(add, '\uFEFF# from the Brussels desk\r\nEurojust\r\nFrontex\r\n');
    const addToken = await pick(add);
    expect((await api.importSpellingWords('dictionary', addToken)).dictionary).toEqual(['chatbots', 'Eurojust', 'Europol', 'Frontex']);
    expect((await api.importSpellingWords('dictionary', addToken, 'replace')).dictionary).toEqual(['Eurojust', 'Frontex']);
    // A token of another purpose is refused.
    openAnswers.push(add);
    const articleToken = (await api.pickFile('article'))!.token;
    expect((await failure(api.importSpellingWords('dictionary', articleToken))).code).toBe('invalid.arguments');

    const bad = path.join(root, 'files', 'bad.txt');
    fs.writeFileSync(bad, 'Eurostat\nper cent\n');
    expect(await failure(api.importSpellingWords('dictionary', await pick(bad)))).toMatchObject({ code: 'file.corrupt', file: bad, line: 2 });
    expect((await api.getSpellingState()).dictionary).toEqual(['Eurojust', 'Frontex']);
    expect((await failure(api.importSpellingWords('ignored', await pick(path.join(root, 'files', 'none.txt'))))).code).toBe('file.notFound');
    const latin1 = path.join(root, 'files', 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(await failure(api.importSpellingWords('dictionary', await pick(latin1)))).toMatchObject({ code: 'file.encoding', file: latin1 });
  });

  it('a damaged settings file is moved aside and the defaults are used', async () => {
    fs.writeFileSync(path.join(ctx.settingsDir, SPELLING_SETTINGS_FILE), '{ not json');
    const api = sessions.open();
    await sample(api);
    expect(await api.getSpellingState()).toMatchObject({ variant: 'en-GB', dictionary: [], ignored: [] });
    expect(fs.readdirSync(ctx.settingsDir).some((f) => f.startsWith(`${SPELLING_SETTINGS_FILE}.corrupt-`))).toBe(true);
    await api.addSpellingWord('dictionary', 'Europol');
    expect((await api.getSpellingState()).dictionary).toEqual(['Europol']);
  });
});

describe('house style and spelling in whole-article QA, the approval gate and the publication status', () => {
  it('whole-article QA lists spelling warnings and house-style findings', async () => {
    const app = sessions.start();
    const { api } = app;
    const { seg } = await sample(api);
    await api.commitSegment({ segmentId: seg.id, target: 'At least 25 people were arested, a rise of 15%.', status: 'translated', origin: 'typed' });
    const doc = (await app.project().checkDocument()).filter((f) => f.segment === seg.id);
    expect(doc.map((f) => f.rule)).toEqual(expect.arrayContaining(['spelling.unknown', 'style.percent']));
  });

  it('rule settings: desk severity, project override, and the approval gate blocks on an error-severity style rule only', async () => {
    const api = sessions.open();
    const { seg } = await sample(api);
    const target = 'At least 25 people have been arested for distributing AI-generated child sexual abuse material online—Europol announced on Friday 28 February.';
    await api.commitSegment({ segmentId: seg.id, target, status: 'translated', origin: 'typed' });
    // Warnings only (a misspelling, an unspaced dash): approval goes through.
    await api.setStatus({ segmentId: seg.id, status: 'approved' });
    await api.commitSegment({ segmentId: seg.id, target: `${target} `, status: 'translated', origin: 'typed' });

    const rules = await api.setQaRuleSetting('desk', 'style.dashes', { severity: 'error' });
    expect(rules.find((r) => r.id === 'style.dashes')).toMatchObject({ severity: 'error', enabled: true, options: { dash: 'em', spaced: true } });
    expect(await failure(api.setStatus({ segmentId: seg.id, status: 'approved' }))).toMatchObject({ code: 'invalid.operation', detail: 'qa-errors: style.dashes' });
    expect((await api.getPublicationStatus()).blockers.qaErrors!.segmentIds).toContain(seg.id);

    // The project writes unspaced dashes: its setting wins over the desk's, the severity stays the desk's.
    await api.setQaRuleSetting('project', 'style.dashes', { options: { spaced: false } });
    expect((await api.listQaRules()).find((r) => r.id === 'style.dashes')).toMatchObject({ severity: 'error', options: { dash: 'em', spaced: false } });
    await api.setStatus({ segmentId: seg.id, status: 'approved' });
    expect((await api.getPublicationStatus()).blockers.qaErrors!.segmentIds).not.toContain(seg.id);

    // Spelling can never be made a blocker.
    await api.setQaRuleSetting('desk', 'spelling.unknown', { severity: 'error' });
    expect((await api.listQaRules()).find((r) => r.id === 'spelling.unknown')!.severity).toBe('warning');
  });

  it('a rule the desk switched off can be switched on for one project; settings are editor-only and checked', async () => {
    const api = sessions.open();
    await sample(api);
    await api.setQaRuleSetting('desk', 'style.numbers', { enabled: false });
    expect((await api.listQaRules()).find((r) => r.id === 'style.numbers')!.enabled).toBe(false);
    await api.setQaRuleEnabled('style.numbers', true);
    expect((await api.listQaRules()).find((r) => r.id === 'style.numbers')!.enabled).toBe(true);
    expect((await failure(api.setQaRuleSetting('desk', 'style.nope', { enabled: true }))).code).toBe('invalid.arguments');
    expect((await failure(api.setQaRuleSetting('desk', 'style.percent', { options: { form: 'pc' } }))).code).toBe('invalid.arguments');
    await api.setUser({ name: 'Tom', role: 'translator' });
    expect((await failure(api.setQaRuleSetting('desk', 'style.percent', null))).code).toBe('permission.denied');
  });
});
