/**
 * The project glossary and QA settings in a real project file: what is written is read back, a bad batch writes
 * nothing, and a damaged row is reported with the project file and the entry instead of crashing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry } from '../../../shared/glossary/model.ts';
import { newId } from '../../../shared/ids.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { DISABLED_RULES_KEY, GlossaryStore } from './glossary-store.ts';
import { ProjectStore } from './project-store.ts';

const EVE: UserIdentity = { id: newId(), name: 'Eve', role: 'editor' };
let root: string;
let project: ProjectStore;

function entry(id: string, fr: string, en: string, extra: Partial<ConceptEntry> = {}): ConceptEntry {
  return {
    id,
    terms: [
      { text: fr, lang: 'fr', status: 'preferred', caseSensitive: false },
      { text: en, lang: 'en', status: 'preferred', caseSensitive: false },
    ],
    ...extra,
  };
}

function caught(fn: () => unknown): RelaisError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RelaisError) return e;
    throw e;
  }
  throw new Error('expected a RelaisError');
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-glossary-store-'));
  project = ProjectStore.create(
    path.join(root, 'p.relais'),
    { format: 'txt', sourceName: 'a.txt', blocks: [{ kind: 'paragraph', text: 'Un coup de filet.', chrome: null }] },
    [{ blockIndex: 0, source: 'Un coup de filet.' }],
  );
});

afterEach(() => {
  project.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('GlossaryStore', () => {
  it('stores entries as given (trimmed, unknown fields dropped) and survives reopening', () => {
    let store = new GlossaryStore(project, { now: () => new Date('2026-01-01T10:00:00Z') });
    const stray = { ...entry(' filet ', ' coup de filet ', 'crackdown', { note: ' Police ' }), extra: 'dropped' } as ConceptEntry;
    expect(store.upsert(stray, EVE)).toEqual(entry('filet', 'coup de filet', 'crackdown', { note: 'Police' }));
    store.upsert(entry('ia', 'IA', 'AI'), EVE);
    store.update(entry('ia', 'IA', 'artificial intelligence'), EVE);
    expect(caught(() => store.update(entry('nope', 'x', 'y'), EVE)).code).toBe('invalid.arguments');
    const file = project.path;
    project.close();
    project = ProjectStore.open(file);
    store = new GlossaryStore(project);
    expect(store.listStored()).toEqual([
      { entry: entry('filet', 'coup de filet', 'crackdown', { note: 'Police' }), updatedAt: '2026-01-01T10:00:00.000Z', updatedBy: 'Eve' },
      { entry: entry('ia', 'IA', 'artificial intelligence'), updatedAt: '2026-01-01T10:00:00.000Z', updatedBy: 'Eve' },
    ]);
    store.delete('filet');
    expect(store.list().map((e) => e.id)).toEqual(['ia']);
  });

  it('refuses a bad batch as a whole: nothing is written', () => {
    const store = new GlossaryStore(project);
    store.replaceAll([entry('a', 'alpha', 'alpha')], EVE);
    const before = store.list();
    expect(caught(() => store.replaceAll([entry('b', 'bêta', 'beta'), entry('b', 'gamma', 'gamma')], EVE)).message).toContain('"b"');
    const badStatus = entry('c', 'gamma', 'gamma');
    (badStatus.terms[1] as { status: string }).status = 'forbidden';
    expect(caught(() => store.replaceAll([entry('d', 'delta', 'delta'), badStatus], EVE)).message).toContain('unknown status');
    expect(caught(() => store.replaceAll([{ id: 'e', terms: [] }], EVE)).message).toContain('no terms');
    expect(store.list()).toEqual(before);
    store.replaceAll([entry('d', 'delta', 'delta')], EVE, 'merge');
    expect(store.list().map((e) => e.id)).toEqual(['a', 'd']);
    store.replaceAll([entry('z', 'zêta', 'zeta')], EVE);
    expect(store.list().map((e) => e.id)).toEqual(['z']);
  });

  it('keeps the disabled QA rules in the project table', () => {
    const store = new GlossaryStore(project);
    expect(store.disabledRules()).toEqual([]);
    expect(store.setDisabledRules(['spaces.double', 'glossary.missing', 'spaces.double'])).toEqual(['glossary.missing', 'spaces.double']);
    expect(project.db.prepare('SELECT value FROM project WHERE key = ?').get(DISABLED_RULES_KEY)).toEqual({ value: '["glossary.missing","spaces.double"]' });
    store.setDisabledRules([]);
    expect(project.db.prepare('SELECT value FROM project WHERE key = ?').get(DISABLED_RULES_KEY)).toBeUndefined();
  });

  it('reports damaged rows and settings with the project file, and versions every change', () => {
    const store = new GlossaryStore(project);
    const v0 = store.version();
    store.upsert(entry('a', 'alpha', 'alpha'), EVE);
    const v1 = store.version();
    expect(v1).not.toBe(v0);
    expect(store.version()).toBe(v1);
    // Another connection (the CLI, another window) changes the file: the version moves too.
    const other = new Database(project.path);
    try {
      other.prepare("INSERT INTO glossary_entries(id, entry, updated_at) VALUES ('b', json_object('id', 'b', 'terms', json_array()), 'now')").run();
    } finally {
      other.close();
    }
    expect(store.version()).not.toBe(v1);
    expect(caught(() => store.list()).detail).toContain('entry b');
    project.db.prepare("DELETE FROM glossary_entries WHERE id = 'b'").run();
    project.db.prepare("UPDATE glossary_entries SET entry = json_object('id', 'a', 'terms', 'oops') WHERE id = 'a'").run();
    const e = caught(() => store.list());
    expect(e.code).toBe('project.corrupt');
    expect(e.file).toBe(project.path);
    expect(e.detail).toContain('entry a');
    project.db.prepare("INSERT INTO project(key, value) VALUES (?, '{not json')").run(DISABLED_RULES_KEY);
    expect(caught(() => store.disabledRules()).code).toBe('project.corrupt');
  });
});
