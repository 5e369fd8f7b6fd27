/**
 * `relais qa PROJECT` and the app's approval gate give the same verdict on the same file: the app (its handler
 * table, on a profile folder) sets up a project with a project glossary term, a desk glossary term added in the app
 * and a rule disabled in the project, a word of the desk dictionary, a desk house-style setting and the project's
 * English variant; `relais qa` then runs on the same project with that profile, as it would on the same computer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startApp, testContext, type TestApp } from '../../electron/services/testing/context.ts';
import { ROOT, runInProcess } from '../testing.ts';

const SHIPPED_DESK = path.join(ROOT, 'resources', 'glossary', 'desk-fr-en.tbx');

interface JsonFinding {
  segment: string;
  rule: string;
  severity: 'error' | 'warning';
  term?: string;
  suggestion?: string;
}

let root: string;
let profile: string;
let app: TestApp;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-qa-parity-'));
  profile = path.join(root, 'profile');
  app = startApp(testContext(root, { settingsDir: profile, deskGlossaryPath: SHIPPED_DESK }));
});
afterEach(() => {
  app.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function cliQa(file: string, ...extra: string[]): Promise<{ code: number; findings: JsonFinding[] }> {
  const r = await runInProcess(root, ['qa', file, '--json', ...extra], { RELAIS_USER_DATA_DIR: profile });
  expect(r.stderr).toBe('');
  return { code: r.code, findings: JSON.parse(r.stdout) as JsonFinding[] };
}

const errorsBySegment = (findings: JsonFinding[]) => {
  const m = new Map<string, string[]>();
  for (const f of findings.filter((x) => x.severity === 'error')) m.set(f.segment, [...new Set([...(m.get(f.segment) ?? []), f.rule])]);
  return m;
};

describe('relais qa PROJECT and the approval gate', () => {
  it('agree: same project glossary, same desk glossary, same disabled rules', async () => {
    const { api } = app;
    await api.setUser({ name: 'Eve', role: 'editor' });
    const snap = await api.openSample();
    const seg = (start: string) => snap.segments.find((s) => s.source.startsWith(start))!;
    // A: only a number changed (28 → 27): an error, but the project has number.mismatch disabled.
    const a = seg('Au moins 25');
    // B: misses a term of the project glossary.
    const b = seg('Il s’agit de');
    // C: misses a term the editor added to the desk glossary in the app (not in the shipped one).
    const c = seg('Augmentation exponentielle');
    // D: clean.
    const d = seg('Le coup de filet');

    await api.setQaRuleEnabled('number.mismatch', false);
    await api.addGlossaryEntry('project', { fr: 'opérations internationales', en: 'international operations' });
    await api.addGlossaryEntry('desk', { fr: 'augmentation exponentielle', en: 'exponential rise' });
    const targets: [typeof a, string][] = [
      [a, 'At least 25 people have been arrested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 27 February.'],
      [b, 'It is one of the first operations of its kind across borders.'],
      [c, 'Exponential increase in child sexual abuse material'],
      [d, 'The sweep follows the arrest in November of the main suspect in the case, a Danish national who ran an online platform on which he distributed the AI-generated content he produced. “After a symbolic online payment, users from around the world could obtain a password to access the platform and watch children being abused,” Europol said.'],
    ];
    for (const [s, t] of targets) await api.commitSegment({ segmentId: s.id, target: t, status: 'translated', origin: 'typed', expectedRevisionId: s.revisionId });

    // The CLI on the same file, with the same profile folder.
    const cli = await cliQa(snap.info.path);
    const cliErrors = errorsBySegment(cli.findings);
    expect(cli.code).toBe(1);
    // What each segment is there for is really what the CLI saw.
    expect(cli.findings.some((f) => f.segment === a.id && f.rule === 'number.mismatch')).toBe(false);
    expect(cli.findings).toContainEqual(expect.objectContaining({ segment: b.id, rule: 'glossary.missing', suggestion: 'international operations' }));
    expect(cli.findings).toContainEqual(expect.objectContaining({ segment: c.id, rule: 'glossary.missing', suggestion: 'exponential rise' }));

    // The app's verdict on publication: the same segments with QA errors.
    const pub = await api.getPublicationStatus();
    expect(new Set(pub.blockers.qaErrors!.segmentIds)).toEqual(new Set(cliErrors.keys()));
    expect(pub.blockers.qaErrors!.count).toBe(cli.findings.filter((f) => f.severity === 'error').length);

    // The approval gate, segment by segment: refused exactly where the CLI reports errors, for the same rules.
    for (const [s] of targets) {
      const rules = cliErrors.get(s.id);
      if (rules) {
        const refused = await failure(api.setStatus({ segmentId: s.id, status: 'approved' }));
        expect(refused.detail).toBe(`qa-errors: ${rules.join(', ')}`);
      } else {
        expect((await api.setStatus({ segmentId: s.id, status: 'approved' })).status).toBe('approved');
      }
    }
    expect([...cliErrors.keys()].filter((id) => targets.some(([s]) => s.id === id)).sort()).toEqual([b.id, c.id].sort());

    // Another desk glossary gives another verdict: the CLI really reads the app's.
    const shipped = await cliQa(snap.info.path, '--desk-glossary', SHIPPED_DESK);
    expect(shipped.findings.some((f) => f.segment === c.id && f.suggestion === 'exponential rise')).toBe(false);
    const viaEnv = await runInProcess(root, ['qa', snap.info.path, '--json'], { RELAIS_USER_DATA_DIR: profile, RELAIS_DESK_GLOSSARY: SHIPPED_DESK });
    expect((JSON.parse(viaEnv.stdout) as JsonFinding[]).some((f) => f.segment === c.id && f.suggestion === 'exponential rise')).toBe(false);
  }, 60_000);

  it('agree on spelling and house style: the desk dictionary, the desk rule settings and the project variant set in the app', async () => {
    const { api } = app;
    await api.setUser({ name: 'Eve', role: 'editor' });
    const snap = await api.openSample();
    const s = snap.segments.find((x) => x.source.startsWith('Il s’agit de'))!;
    const target = 'It is one of the first international operations of its kind, run by Qwertyville, up 15%.';
    await api.commitSegment({ segmentId: s.id, target, status: 'translated', origin: 'typed', expectedRevisionId: s.revisionId });

    const before = (await cliQa(snap.info.path)).findings.filter((f) => f.segment === s.id);
    expect(before).toContainEqual(expect.objectContaining({ rule: 'spelling.unknown', term: 'Qwertyville' }));
    expect(before).toContainEqual(expect.objectContaining({ rule: 'style.percent', severity: 'warning' }));

    // The desk's word and house style, and the project's variant, set in the app: the CLI reads the same.
    await api.addSpellingWord('dictionary', 'Qwertyville');
    await api.setQaRuleSetting('desk', 'style.percent', { severity: 'error' });
    await api.setProjectVariant('en-US');
    const after = await cliQa(snap.info.path);
    const mine = after.findings.filter((f) => f.segment === s.id);
    expect(mine.some((f) => f.rule === 'spelling.unknown')).toBe(false);
    expect(mine).toContainEqual(expect.objectContaining({ rule: 'style.percent', severity: 'error' }));
    expect(after.code).toBe(1);
    const errorRules = errorsBySegment(after.findings).get(s.id)!;
    expect(errorRules).toContain('style.percent');
    expect(errorsBySegment(before).get(s.id) ?? []).not.toContain('style.percent');
    const human = await runInProcess(root, ['qa', snap.info.path], { RELAIS_USER_DATA_DIR: profile });
    expect(human.stdout).toContain('Spelling: en-US (Hunspell)');
    // And the approval gate refuses for the same rules.
    const refused = await failure(api.setStatus({ segmentId: s.id, status: 'approved' }));
    expect(refused.detail).toBe(`qa-errors: ${errorRules.join(', ')}`);
  }, 60_000);
});
