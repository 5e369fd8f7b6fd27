/**
 * Glossaries and QA inside the app, driven the way the renderer drives them: through createDispatcher (zod
 * validation + envelopes) and the typed client, with real SQLite projects, a real settings folder (where the desk
 * glossary lives) and glossary files written in temp folders. What the renderer has no channel for (glossary
 * management, file import and export, whole-document QA, terms) goes to the application layer of the same app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConceptEntry, Glossary, GlossaryScope } from '../../../shared/glossary/model.ts';
import { isId } from '../../../shared/ids.ts';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import type { Segment } from '../../../shared/model.ts';
import { ProjectStore } from '../store/project-store.ts';
import { AppSessions, failure, testContext, type ServiceContext } from '../testing/context.ts';
import { DESK_GLOSSARY_FILE } from './desk-glossary.ts';

const SHIPPED_DESK = path.resolve(import.meta.dirname, '../../../resources/glossary/desk-fr-en.tbx');
/** The sample's segment 2 says "contenus pédopornographiques"; the desk glossary forbids "child pornography". */
const BAD_TARGET = 'At least 25 people have been arrested for distributing AI-generated child pornography online, Europol announced on Friday 28 February.';
const GOOD_TARGET = 'At least 25 people have been arrested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 28 February.';

let root: string;
let ctx: ServiceContext;
const sessions = new AppSessions(() => ctx);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-terminology-'));
  fs.mkdirSync(path.join(root, 'files'));
  ctx = testContext(root, { deskGlossaryPath: SHIPPED_DESK });
});

afterEach(() => {
  sessions.disposeAll();
  fs.rmSync(root, { recursive: true, force: true });
});

/** One app session: its channels, plus the application-layer use cases that have no channel, named as they were. */
function session() {
  const app = sessions.start();
  const user = () => app.workspace.requireUser();
  const p = () => app.project();
  const ws = app.workspace;
  const layer = {
    listGlossaryEntries: async (scope: GlossaryScope): Promise<Glossary> => (scope === 'desk' ? ws.deskGlossary() : p().projectGlossary()),
    updateGlossaryEntry: async (scope: GlossaryScope, e: ConceptEntry) => (scope === 'desk' ? ws.updateDeskEntry(e, user()) : p().updateGlossaryEntry(e, user())),
    deleteGlossaryEntry: async (scope: GlossaryScope, id: string) => (scope === 'desk' ? ws.deleteDeskEntry(id, user()) : p().deleteGlossaryEntry(id, user())),
    importGlossary: async (scope: GlossaryScope, file: string, mode: 'replace' | 'merge' = 'replace') =>
      scope === 'desk' ? ws.importDeskGlossary(file, mode, user()) : p().importGlossary(file, mode, user()),
    exportGlossary: async (scope: GlossaryScope, format: 'tbx' | 'csv', file: string) => {
      fs.writeFileSync(file, scope === 'desk' ? await ws.exportDeskGlossary(format) : p().exportGlossary(format));
      return { path: file, entries: (scope === 'desk' ? await ws.deskGlossary() : p().projectGlossary()).entries.length };
    },
    importFile: (file: string) => app.table.openDocument(file),
    getTerms: async (segmentId: string) => p().terms(segmentId),
    getSegmentsTerms: async () => p().allTerms(),
    checkSegment: async (segmentId: string, target: string) => p().checkSegment(segmentId, target),
    checkDocument: async () => p().checkDocument(),
    getRevisions: (segmentId: string) => app.api.getHistory(segmentId),
  };
  return { ...app.api, ...layer };
}

function write(name: string, content: string): string {
  const file = path.join(root, 'files', name);
  fs.writeFileSync(file, content, 'utf8');
  return file;
}

async function sampleAsEditor(api: RelaisApi, name = 'Eve'): Promise<{ csamSeg: Segment; segments: Segment[] }> {
  await api.setUser({ name, role: 'editor' });
  const snap = await api.openSample();
  const csamSeg = snap.segments.find((s) => s.source.includes('contenus pédopornographiques'))!;
  expect(csamSeg).toBeDefined();
  return { csamSeg, segments: snap.segments };
}

const PROJECT_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>Cumberland style sheet</title></titleStmt><sourceDesc><p>desk</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="coup-de-filet">
      <langSec xml:lang="fr"><termSec><term>coup de filet</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="en">
        <termSec><term>crackdown</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>dragnet</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="plateforme">
      <note>Online service, not a railway platform.</note>
      <langSec xml:lang="fr"><termSec><term>plateforme en ligne</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>online platform</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`;

describe('the project glossary', () => {
  it('an editor adds, edits and deletes entries; a translator may only add', async () => {
    const api = session();
    await sampleAsEditor(api);
    expect((await api.listGlossaryEntries('project')).entries).toEqual([]);

    const added = await api.addGlossaryEntry('project', { fr: 'coup de filet', en: 'crackdown', note: 'Police operation' });
    expect(isId(added.id)).toBe(true);
    expect(added.terms).toEqual([
      { text: 'coup de filet', lang: 'fr', status: 'preferred', caseSensitive: false },
      { text: 'crackdown', lang: 'en', status: 'preferred', caseSensitive: false },
    ]);
    expect(added.note).toBe('Police operation');
    // An acronym is case-sensitive by default; a forbidden translation is recorded as deprecated.
    const ia = await api.addGlossaryEntry('project', { fr: 'IA', en: 'A.I.', status: 'deprecated' });
    expect(ia.terms[0]).toMatchObject({ text: 'IA', caseSensitive: true });
    expect(ia.terms[1]).toMatchObject({ text: 'A.I.', status: 'deprecated' });
    // The same pair twice is refused; the same French term with another translation is a new entry.
    const dup = await failure(api.addGlossaryEntry('project', { fr: 'Coup de filet', en: 'crackdown' }));
    expect(dup.code).toBe('invalid.operation');
    expect(dup.detail).toBe(`entry ${added.id}`);
    const sweep = await api.addGlossaryEntry('project', { fr: 'coup de filet', en: 'sweep' });
    expect(sweep.id).not.toBe(added.id);

    const updated = await api.updateGlossaryEntry('project', {
      ...added,
      terms: [...added.terms, { text: 'dragnet', lang: 'en', status: 'deprecated', caseSensitive: false, note: 'Too informal' }],
    });
    expect(updated.terms).toHaveLength(3);
    let list = await api.listGlossaryEntries('project');
    expect(list.scope).toBe('project');
    expect(list.entries.map((e) => e.id).sort()).toEqual([added.id, sweep.id, ia.id].sort());
    expect(list.entries.find((e) => e.id === added.id)!.terms[2]).toEqual({
      text: 'dragnet', lang: 'en', status: 'deprecated', caseSensitive: false, note: 'Too informal',
    });

    await api.deleteGlossaryEntry('project', sweep.id);
    expect((await failure(api.deleteGlossaryEntry('project', sweep.id))).code).toBe('invalid.arguments');
    expect((await failure(api.updateGlossaryEntry('project', { ...added, id: 'nope' }))).code).toBe('invalid.arguments');
    // Bad shapes are refused at the boundary.
    expect((await failure(api.updateGlossaryEntry('project', { ...added, terms: [] }))).code).toBe('invalid.arguments');

    await api.setUser({ name: 'Tom', role: 'translator' });
    const tomsEntry = await api.addGlossaryEntry('project', { fr: 'ressortissant danois', en: 'Danish national' });
    expect(isId(tomsEntry.id)).toBe(true);
    expect((await failure(api.updateGlossaryEntry('project', updated))).code).toBe('permission.denied');
    expect((await failure(api.deleteGlossaryEntry('project', ia.id))).code).toBe('permission.denied');
    expect((await failure(api.importGlossary('project', write('g.tbx', PROJECT_TBX)))).code).toBe('permission.denied');

    // The glossary lives in the project file: reopening it (a new session) finds the three entries.
    list = await api.listGlossaryEntries('project');
    expect(list.entries).toHaveLength(3);
    const file = (await api.getAppState()).project!.info.path;
    sessions.apps.pop()!.dispose();
    const store = ProjectStore.open(file);
    try {
      const rows = store.db.prepare('SELECT id, updated_by FROM glossary_entries ORDER BY id').all();
      expect(rows).toEqual([
        { id: added.id, updated_by: 'Eve' },
        { id: ia.id, updated_by: 'Eve' },
        { id: tomsEntry.id, updated_by: 'Tom' },
      ]);
    } finally {
      store.close();
    }
  });

  it('imports a TBX file: its terms are recognised in the sources and enforced in the targets', async () => {
    const api = session();
    const { segments } = await sampleAsEditor(api);
    await api.addGlossaryEntry('project', { fr: 'Europol', en: 'Europol' });
    const g = await api.importGlossary('project', write('style.tbx', PROJECT_TBX));
    // Replace (the default): the hand-added entry is gone, the two from the file are there.
    expect(g.entries.map((e) => e.id).sort()).toEqual(['coup-de-filet', 'plateforme']);
    expect(g.entries.find((e) => e.id === 'plateforme')!.note).toBe('Online service, not a railway platform.');

    const seg = segments.find((s) => s.source.startsWith('Le coup de filet'))!;
    const terms = await api.getTerms(seg.id);
    const filet = terms.find((t) => t.term === 'coup de filet')!;
    expect(seg.source.slice(filet.start, filet.end)).toBe('coup de filet');
    expect(filet.concept).toMatchObject({ id: 'coup-de-filet', scope: 'project', approved: [{ text: 'crackdown', status: 'preferred' }], forbidden: [{ text: 'dragnet' }] });
    expect(terms.some((t) => t.term === 'plateforme en ligne' && t.concept.note === 'Online service, not a railway platform.')).toBe(true);

    const findings = await api.checkSegment(seg.id, 'The dragnet follows the arrest in November of the main suspect.');
    expect(findings.filter((f) => f.rule === 'glossary.forbidden').map((f) => f.term)).toEqual(['dragnet']);
    expect(findings.some((f) => f.rule === 'glossary.missing' && f.suggestion === 'crackdown')).toBe(true);

    // Merge keeps what is there and adds the file's entries.
    const europol = await api.addGlossaryEntry('project', { fr: 'Europol', en: 'Europol' });
    const merged = await api.importGlossary('project', write('style2.tbx', PROJECT_TBX), 'merge');
    expect(merged.entries.map((e) => e.id).sort()).toEqual(['coup-de-filet', 'plateforme', europol.id].sort());
  });

  it('a file that fails to import changes nothing', async () => {
    const api = session();
    await sampleAsEditor(api);
    await api.importGlossary('project', write('style.tbx', PROJECT_TBX));
    const before = await api.listGlossaryEntries('project');

    const unclosed = write('broken.tbx', PROJECT_TBX.slice(0, PROJECT_TBX.indexOf('</conceptEntry>') + 20));
    const e1 = await failure(api.importGlossary('project', unclosed));
    expect(e1.code).toBe('file.corrupt');
    expect(e1.file).toBe(unclosed);
    // A CSV whose second row is bad: the first row is not imported either.
    const csv = write('terms.csv', 'concept_id,fr,en,en_status\nc1,victime,victim,preferred\nc2,enquêteur,investigator,forbidden\n');
    const e2 = await failure(api.importGlossary('project', csv));
    expect(e2.file).toBe(csv);
    const e3 = await failure(api.importGlossary('project', path.join(root, 'files', 'missing.tbx')));
    expect(e3.code).toBe('file.notFound');

    expect(await api.listGlossaryEntries('project')).toEqual(before);
  });

  it('exports as TBX and CSV; a TBX export imports back into another project unchanged', async () => {
    const api = session();
    await sampleAsEditor(api);
    await api.importGlossary('project', write('style.tbx', PROJECT_TBX));
    await api.addGlossaryEntry('project', { fr: 'ressortissant danois', en: 'Danish national', note: 'Not "Dane"' });
    const entries = (await api.listGlossaryEntries('project')).entries;

    const tbx = path.join(root, 'files', 'out.tbx');
    expect(await api.exportGlossary('project', 'tbx', tbx)).toEqual({ path: tbx, entries: 3 });
    const csv = path.join(root, 'files', 'out.csv');
    await api.exportGlossary('project', 'csv', csv);
    const csvText = fs.readFileSync(csv, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain('ressortissant danois');

    const article = write('other.txt', 'Un ressortissant danois a été arrêté.\n');
    await api.importFile(article);
    expect((await api.listGlossaryEntries('project')).entries).toEqual([]);
    const back = await api.importGlossary('project', tbx);
    const byId = (list: typeof entries) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back.entries)).toEqual(byId(entries));
  });
});

describe('the desk glossary', () => {
  it('is seeded from the shipped file on first use and shared by every project on the machine', async () => {
    const deskFile = path.join(ctx.settingsDir, DESK_GLOSSARY_FILE);
    const api = session();
    await sampleAsEditor(api);
    expect(fs.existsSync(deskFile)).toBe(false);
    const desk = await api.listGlossaryEntries('desk');
    expect(fs.readFileSync(deskFile)).toEqual(fs.readFileSync(SHIPPED_DESK));
    expect(desk.scope).toBe('desk');
    expect(desk.entries.length).toBeGreaterThan(20);
    expect(desk.entries.some((e) => e.id === 'desk-csam')).toBe(true);

    // An editor adds a desk term while the sample is open…
    const added = await api.addGlossaryEntry('desk', { fr: 'cellule d’enquête', en: 'investigation unit' });
    expect(isId(added.id)).toBe(true);
    expect(fs.readFileSync(deskFile, 'utf8')).toContain('investigation unit');
    expect(fs.readdirSync(ctx.settingsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // …another project sees it, now and after the app is started again.
    const article = write('raid.txt', 'Une cellule d’enquête a été créée à La Haye.\n');
    const other = await api.importFile(article);
    const terms = await api.getTerms(other.segments[0]!.id);
    // The longest match wins over the desk's own "enquête".
    expect(terms.map((t) => [t.text, t.concept.scope, t.concept.approved[0]!.text])).toEqual([
      ['cellule d’enquête', 'desk', 'investigation unit'],
      ['La Haye', 'desk', 'The Hague'],
    ]);
    sessions.apps.pop()!.dispose();
    const later = session();
    await later.openProject(other.info.path);
    expect((await later.listGlossaryEntries('desk')).entries.some((e) => e.id === added.id)).toBe(true);
    // The seed is not copied again over the edited file.
    expect(fs.readFileSync(deskFile, 'utf8')).toContain('investigation unit');

    // Editing and deleting desk entries is for editors only.
    await later.setUser({ name: 'Tom', role: 'translator' });
    expect((await failure(later.addGlossaryEntry('desk', { fr: 'suspect', en: 'suspect' }))).code).toBe('permission.denied');
    expect((await failure(later.deleteGlossaryEntry('desk', added.id))).code).toBe('permission.denied');
    await later.setUser({ name: 'Eve', role: 'editor' });
    await later.deleteGlossaryEntry('desk', added.id);
    expect((await later.getTerms(other.segments[0]!.id)).map((t) => t.text)).toEqual(['enquête', 'La Haye']);
  });

  it('a desk glossary changed by another window is picked up without restarting', async () => {
    const a = session();
    await sampleAsEditor(a);
    const b = session();
    await b.setUser({ name: 'Bo', role: 'editor' });
    const other = await b.importFile(write('raid.txt', 'Une cellule d’enquête a été créée.\n'));
    expect((await b.getTerms(other.segments[0]!.id)).map((t) => t.text)).toEqual(['enquête']);
    await a.addGlossaryEntry('desk', { fr: 'cellule d’enquête', en: 'investigation unit' });
    expect((await b.getTerms(other.segments[0]!.id)).map((t) => [t.text, t.concept.approved[0]!.text])).toEqual([['cellule d’enquête', 'investigation unit']]);
  });

  it('a project entry wins over the desk entry for the same French term', async () => {
    const api = session();
    const { csamSeg } = await sampleAsEditor(api);
    const deskFindings = await api.checkSegment(csamSeg.id, BAD_TARGET);
    expect(deskFindings.map((f) => f.rule)).toContain('glossary.forbidden');

    // This project's style sheet decided otherwise (for the sake of the test).
    const entry = await api.addGlossaryEntry('project', { fr: 'contenus pédopornographiques', en: 'child pornography' });
    const terms = await api.getTerms(csamSeg.id);
    const t = terms.find((x) => x.text === 'contenus pédopornographiques')!;
    expect(t.concept).toMatchObject({ scope: 'project', id: entry.id, approved: [{ text: 'child pornography' }] });
    const findings = await api.checkSegment(csamSeg.id, BAD_TARGET);
    expect(findings.filter((f) => f.rule.startsWith('glossary.'))).toEqual([]);
    // The desk glossary itself is unchanged, and the merged list has both, project first.
    const glossaries = await api.getGlossaries();
    expect(glossaries.map((g) => g.scope)).toEqual(['project', 'desk']);
    expect(glossaries[1]!.entries.some((e) => e.id === 'desk-csam')).toBe(true);
  });
});

describe('a damaged desk glossary', () => {
  it('is reported with its path; the project glossary still works; approvals wait until it is fixed', async () => {
    const api = session();
    const { csamSeg } = await sampleAsEditor(api);
    await api.commitSegment({ segmentId: csamSeg.id, target: GOOD_TARGET, status: 'translated', origin: 'typed' });
    const filet = await api.addGlossaryEntry('project', { fr: 'coup de filet', en: 'crackdown' });
    const deskFile = path.join(ctx.settingsDir, DESK_GLOSSARY_FILE);
    fs.writeFileSync(deskFile, '<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>');

    const e = await failure(api.checkSegment(csamSeg.id, BAD_TARGET));
    expect(e.file).toBe(deskFile);
    expect((await api.listGlossaryEntries('project')).entries.map((x) => x.id)).toEqual([filet.id]);
    // QA cannot run, so nothing is approved unchecked.
    expect((await failure(api.setStatus({ segmentId: csamSeg.id, status: 'approved' }))).file).toBe(deskFile);

    // Importing a good file over it (editor) repairs it.
    await api.importGlossary('desk', SHIPPED_DESK);
    expect((await api.setStatus({ segmentId: csamSeg.id, status: 'approved' })).status).toBe('approved');
  });
});

describe('QA in the app', () => {
  it('checks a target as one types, the whole document, and lists every segment’s terms', async () => {
    const api = session();
    const { csamSeg, segments } = await sampleAsEditor(api);
    const live = await api.checkSegment(csamSeg.id, BAD_TARGET);
    const forbidden = live.find((f) => f.rule === 'glossary.forbidden')!;
    expect(forbidden).toMatchObject({ segment: csamSeg.id, severity: 'error', term: 'child pornography', suggestion: 'child sexual abuse material' });
    expect(BAD_TARGET.slice(forbidden.range!.start, forbidden.range!.end)).toBe('child pornography');
    expect((await api.checkSegment(csamSeg.id, GOOD_TARGET)).filter((f) => f.severity === 'error')).toEqual([]);

    await api.commitSegment({ segmentId: csamSeg.id, target: BAD_TARGET, status: 'translated', origin: 'typed' });
    const doc = await api.checkDocument();
    expect(doc.some((f) => f.segment === csamSeg.id && f.rule === 'glossary.forbidden')).toBe(true);
    // Untranslated segments are reported as empty, out-of-translation chrome is not checked.
    const translatable = segments.filter((s) => s.translatable);
    const empties = new Set(doc.filter((f) => f.rule === 'target.empty').map((f) => f.segment));
    expect(empties.size).toBe(translatable.length - 1);
    for (const s of segments.filter((x) => !x.translatable)) expect(doc.some((f) => f.segment === s.id)).toBe(false);

    const all = await api.getSegmentsTerms();
    const spans = all.segments[csamSeg.id]!;
    const span = spans.find((s) => s.text === 'contenus pédopornographiques')!;
    expect(all.concepts[span.conceptKey]).toMatchObject({ id: 'desk-csam', scope: 'desk' });
    expect(Object.keys(all.segments).length).toBeGreaterThan(5);
    for (const [segId, list] of Object.entries(all.segments)) {
      const src = segments.find((s) => s.id === segId)!.source;
      for (const s of list) expect(src.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('a disabled rule reports nothing; the setting is kept in the project and only editors change it', async () => {
    const api = session();
    const { csamSeg } = await sampleAsEditor(api);
    const rules = await api.listQaRules();
    expect(rules.find((r) => r.id === 'glossary.forbidden')).toMatchObject({ severity: 'error', enabled: true });
    expect(rules.every((r) => r.enabled)).toBe(true);

    const after = await api.setQaRuleEnabled('glossary.forbidden', false);
    expect(after.find((r) => r.id === 'glossary.forbidden')!.enabled).toBe(false);
    const findings = await api.checkSegment(csamSeg.id, BAD_TARGET);
    expect(findings.some((f) => f.rule === 'glossary.forbidden')).toBe(false);
    expect(findings.some((f) => f.rule === 'glossary.missing')).toBe(true);

    expect((await failure(api.setQaRuleEnabled('no.such.rule', false))).code).toBe('invalid.arguments');
    const file = (await api.getAppState()).project!.info.path;
    await api.setUser({ name: 'Tom', role: 'translator' });
    expect((await failure(api.setQaRuleEnabled('glossary.forbidden', true))).code).toBe('permission.denied');

    // Reopened in a new session, the rule is still off.
    sessions.apps.pop()!.dispose();
    const later = session();
    await later.openProject(file);
    expect((await later.listQaRules()).find((r) => r.id === 'glossary.forbidden')!.enabled).toBe(false);
    expect((await later.checkSegment(csamSeg.id, BAD_TARGET)).some((f) => f.rule === 'glossary.forbidden')).toBe(false);
    await later.setUser({ name: 'Eve', role: 'editor' });
    await later.setQaRuleEnabled('glossary.forbidden', true);
    expect((await later.checkSegment(csamSeg.id, BAD_TARGET)).some((f) => f.rule === 'glossary.forbidden')).toBe(true);
  });
});

describe('the approval gate', () => {
  it('refuses to approve a target with QA errors unless the editor gives a reason, which stays in history', async () => {
    const api = session();
    const { csamSeg } = await sampleAsEditor(api);
    await api.setUser({ name: 'Tom', role: 'translator' });
    await api.commitSegment({ segmentId: csamSeg.id, target: BAD_TARGET, status: 'translated', origin: 'typed' });

    // A translator cannot approve, with or without an override.
    expect((await failure(api.setStatus({ segmentId: csamSeg.id, status: 'approved' }))).code).toBe('permission.denied');
    expect((await failure(api.setStatus({ segmentId: csamSeg.id, status: 'approved', override: { reason: 'I know better' } }))).code).toBe('permission.denied');

    await api.setUser({ name: 'Eve', role: 'editor' });
    const refused = await failure(api.setStatus({ segmentId: csamSeg.id, status: 'approved' }));
    expect(refused.code).toBe('invalid.operation');
    expect(refused.detail).toBe('qa-errors: glossary.missing, glossary.forbidden');
    // A blank reason is no reason.
    expect((await failure(api.setStatus({ segmentId: csamSeg.id, status: 'approved', override: { reason: '   ' } }))).code).toBe('invalid.arguments');
    // Approving through commitSegment is gated too.
    const viaCommit = await failure(api.commitSegment({ segmentId: csamSeg.id, target: BAD_TARGET, status: 'approved', origin: 'typed' }));
    expect(viaCommit.detail).toContain('glossary.forbidden');
    const snap = (await api.getAppState()).project!;
    expect(snap.segments.find((s) => s.id === csamSeg.id)!.status).toBe('translated');
    expect(await api.getRevisions(csamSeg.id)).toHaveLength(1);

    // An untranslated segment is refused by the store as before, not as a QA error.
    const other = (await api.getAppState()).project!.segments.find((s) => s.translatable && s.target === '')!;
    const untranslated = await failure(api.setStatus({ segmentId: other.id, status: 'approved' }));
    expect(untranslated.message).toBe('An untranslated segment cannot be approved');

    const reason = 'Direct quote from the Europol press release';
    const approved = await api.setStatus({ segmentId: csamSeg.id, status: 'approved', override: { reason } });
    expect(approved.status).toBe('approved');
    const history = await api.getRevisions(csamSeg.id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ status: 'approved', author: 'Eve', role: 'editor', qaOverride: reason });
    expect(history[0]!.qaOverride).toBeNull();
  });

  it('a clean target is approved without a reason, and no override is recorded', async () => {
    const api = session();
    const { csamSeg } = await sampleAsEditor(api);
    const seg = await api.commitSegment({ segmentId: csamSeg.id, target: GOOD_TARGET, status: 'approved', origin: 'typed', override: { reason: 'not needed' } });
    expect(seg.status).toBe('approved');
    const [rev] = await api.getRevisions(csamSeg.id);
    expect(rev!.qaOverride).toBeNull();
    // Editing an approved segment into a bad target while keeping it approved is gated.
    const e = await failure(api.commitSegment({ segmentId: csamSeg.id, target: BAD_TARGET, status: 'approved', origin: 'typed' }));
    expect(e.detail).toBe('qa-errors: glossary.missing, glossary.forbidden');
    // Disabling the rules that fire lets it through (project policy, editor-only).
    await api.setQaRuleEnabled('glossary.forbidden', false);
    await api.setQaRuleEnabled('glossary.missing', false);
    const ok = await api.commitSegment({ segmentId: csamSeg.id, target: BAD_TARGET, status: 'approved', origin: 'typed' });
    expect(ok.target).toBe(BAD_TARGET);
  });
});
