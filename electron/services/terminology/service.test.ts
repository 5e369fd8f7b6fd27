/**
 * The terminology service and the desk glossary file, below the IPC layer: caching (the engine is rebuilt only when
 * a glossary or the rules change), concurrent desk edits, and damaged or missing files reported with their path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { ProjectStore } from '../store/project-store.ts';
import { failure as rejection } from '../testing/errors.ts';
import { DeskGlossary } from './desk-glossary.ts';
import { TerminologyService } from './service.ts';

const SHIPPED_DESK = path.resolve(import.meta.dirname, '../../../resources/glossary/desk-fr-en.tbx');
const EVE: UserIdentity = { id: newId(), name: 'Eve', role: 'editor' };

let root: string;
let project: ProjectStore;
let desk: DeskGlossary;
let service: TerminologyService;
/** The id of the project's one segment. */
const first = (): string => project.segments()[0]!.id;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-terminology-service-'));
  fs.mkdirSync(path.join(root, 'settings'));
  const text = 'Un coup de filet contre la pédocriminalité a eu lieu à La Haye.';
  project = ProjectStore.create(path.join(root, 'p.relais'), { format: 'txt', sourceName: 'a.txt', blocks: [{ kind: 'paragraph', text, chrome: null }] }, [
    { blockIndex: 0, source: text },
  ]);
  desk = new DeskGlossary({ settingsDir: path.join(root, 'settings'), seedPath: SHIPPED_DESK });
  service = new TerminologyService({ desk, requireProject: () => project });
});

afterEach(() => {
  if (project.isOpen) project.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('TerminologyService', () => {
  it('builds the QA engine once and rebuilds it only when a glossary or the rules change', async () => {
    const e1 = await service.engine();
    expect(await service.engine()).toBe(e1);
    await service.qaForSegment(first(), 'A crackdown in The Hague.');
    await service.termsForAllSegments();
    expect(await service.engine()).toBe(e1);

    service.projectGlossary().upsert(
      { id: 'filet', terms: [{ text: 'coup de filet', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'dragnet', lang: 'en', status: 'preferred', caseSensitive: false }] },
      EVE,
    );
    const e2 = await service.engine();
    expect(e2).not.toBe(e1);
    expect((await service.termsForSegment(first())).find((t) => t.text === 'coup de filet')!.concept.scope).toBe('project');

    service.setRuleEnabled('spaces.double', false);
    const e3 = await service.engine();
    expect(e3).not.toBe(e2);
    expect(await service.qaForSegment(first(), 'A  dragnet against child sexual abuse in The Hague.')).toEqual([]);

    await desk.add({ id: 'x', terms: [{ text: 'avoir lieu', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'take place', lang: 'en', status: 'preferred', caseSensitive: false }] });
    const e4 = await service.engine();
    expect(e4).not.toBe(e3);
    expect(await service.engine()).toBe(e4);

    // Another project: its own glossary, a new engine.
    const file = path.join(root, 'q.relais');
    const q = ProjectStore.create(file, { format: 'txt', sourceName: 'b.txt', blocks: [{ kind: 'paragraph', text: 'Un coup de filet.', chrome: null }] }, [
      { blockIndex: 0, source: 'Un coup de filet.' },
    ]);
    const previous = project;
    project = q;
    try {
      expect(await service.engine()).not.toBe(e4);
      expect((await service.termsForSegment(first()))[0]!.concept.scope).toBe('desk');
    } finally {
      previous.close();
    }
  });

  it('needs an open project', async () => {
    project.close();
    expect((await rejection(service.qaForDocument())).code).toBe('project.notOpen');
  });
});

describe('DeskGlossary', () => {
  it('serialises concurrent edits from one process: none is lost', async () => {
    const adds = ['un', 'deux', 'trois', 'quatre', 'cinq'].map((w, i) =>
      desk.add({ id: `n${i}`, terms: [{ text: w, lang: 'fr', status: 'preferred', caseSensitive: false }, { text: `n${i}`, lang: 'en', status: 'preferred', caseSensitive: false }] }),
    );
    // One of them fails (same id as the first): the others still land.
    const dup = desk.add({ id: 'n0', terms: [{ text: 'zéro', lang: 'fr', status: 'preferred', caseSensitive: false }] });
    await Promise.all(adds);
    expect((await rejection(dup)).code).toBe('invalid.operation');
    const reread = await new DeskGlossary({ settingsDir: path.join(root, 'settings'), seedPath: SHIPPED_DESK }).load();
    expect(reread.entries.filter((e) => /^n\d$/.test(e.id)).map((e) => e.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('a damaged desk file or a missing seed is reported with its path; a failed edit leaves the file as it was', async () => {
    await desk.load();
    const before = fs.readFileSync(desk.file);
    expect((await rejection(desk.update({ id: 'no-such', terms: [{ text: 'a', lang: 'fr', status: 'preferred', caseSensitive: false }] }))).code).toBe('invalid.arguments');
    expect((await rejection(desk.replaceAll([{ id: 'a', terms: [] }]))).code).toBe('invalid.arguments');
    expect(fs.readFileSync(desk.file)).toEqual(before);

    fs.writeFileSync(desk.file, '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="a">');
    const damaged = await rejection(desk.load());
    expect(damaged.file).toBe(desk.file);

    const noSeed = new DeskGlossary({ settingsDir: path.join(root, 'elsewhere'), seedPath: path.join(root, 'missing.tbx') });
    const missing = await rejection(noSeed.load());
    expect(missing.code).toBe('file.notFound');
    expect(missing.file).toBe(path.join(root, 'missing.tbx'));
  });

  it('rewriting the desk file keeps every entry as it was (notes, sources, subjects, case flags)', async () => {
    const shipped = await desk.load();
    await desk.add({ id: 'extra', terms: [{ text: 'cellule d’enquête', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'investigation unit', lang: 'en', status: 'preferred', caseSensitive: false, note: 'n' }] });
    await desk.delete('extra');
    const reread = await new DeskGlossary({ settingsDir: path.join(root, 'settings'), seedPath: SHIPPED_DESK }).load();
    expect(reread.name).toBe(shipped.name);
    expect(reread.entries).toEqual(shipped.entries);
  });

  it('an emptied desk glossary can be read back', async () => {
    await desk.replaceAll([]);
    const again = await new DeskGlossary({ settingsDir: path.join(root, 'settings'), seedPath: SHIPPED_DESK }).load();
    expect(again.entries).toEqual([]);
    expect(again.scope).toBe('desk');
  });
});
