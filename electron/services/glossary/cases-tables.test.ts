/**
 * The terminology test tables (shared/glossary/testing/cases.ts: every inflection, false-friend,
 * case, number and QA-rule case) run against glossaries READ FROM FILES, in TBX v3 and TBX v2, rather than built in
 * memory. The fixtures (fixtures/cases-{desk,project}.v{2,3}.tbx) describe the same concepts, statuses and
 * case-sensitive flags as CASE_DESK_GLOSSARY / CASE_PROJECT_GLOSSARY; a reader that loses a status, a language,
 * a term or the case-sensitive flag fails both the equivalence test and some of the cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Glossary } from '../../../shared/glossary/model.ts';
import { createQaEngine } from '../../../shared/qa/index.ts';
import {
  ALL_CASES,
  CASE_DESK_GLOSSARY,
  CASE_PROJECT_GLOSSARY,
  GLOSSARY_CASES,
  disabledRulesFor,
  type QaCase,
} from '../../../shared/glossary/testing/cases.ts';
import { importGlossaryFile } from './index.ts';

const FIX = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (name: string) => path.join(FIX, name);

const VERSIONS = [
  { version: 'TBX v3', desk: 'cases-desk.v3.tbx', project: 'cases-project.v3.tbx', root: '<tbx ' },
  { version: 'TBX v2', desk: 'cases-desk.v2.tbx', project: 'cases-project.v2.tbx', root: '<martif ' },
] as const;

/** What the TBX files must carry: concept ids and, per term, text, language, status and case sensitivity. */
function essentials(g: Glossary) {
  return {
    name: g.name,
    scope: g.scope,
    entries: g.entries.map((c) => ({
      id: c.id,
      terms: c.terms.map((t) => ({ text: t.text, lang: t.lang, status: t.status, caseSensitive: t.caseSensitive })),
    })),
  };
}

function ruleIds(glossaries: Glossary[], c: QaCase): string[] {
  const engine = createQaEngine({ glossaries, disabledRules: disabledRulesFor(c) });
  return engine
    .checkSegment({ id: 's1', source: c.source, target: c.target })
    .map((f) => f.rule)
    .sort();
}

const caseRows = ALL_CASES.map((c) => [c.name, c] as const);

describe.each(VERSIONS)('terminology tables against $version fixtures', ({ version, desk, project, root }) => {
  let glossaries: Glossary[] = [];

  beforeAll(async () => {
    glossaries = [
      await importGlossaryFile(fx(desk), { scope: 'desk' }),
      await importGlossaryFile(fx(project), { scope: 'project' }),
    ];
  });

  it(`the fixtures are ${version} files`, () => {
    expect(readFileSync(fx(desk), 'utf8')).toContain(root);
    expect(readFileSync(fx(project), 'utf8')).toContain(root);
  });

  it('the desk fixture describes exactly CASE_DESK_GLOSSARY (ids, terms, languages, statuses, case sensitivity)', () => {
    expect(essentials(glossaries[0]!)).toEqual(essentials(CASE_DESK_GLOSSARY));
  });

  it('the project fixture describes exactly CASE_PROJECT_GLOSSARY', () => {
    expect(essentials(glossaries[1]!)).toEqual(essentials(CASE_PROJECT_GLOSSARY));
  });

  it.each(caseRows)('%s', (_name, c) => {
    expect(ruleIds(glossaries, c)).toEqual([...c.expected].sort());
  });
});

describe('the tables catch a reader or a file that loses information', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-cases-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  const byName = (name: string): QaCase => {
    const c = GLOSSARY_CASES.find((x) => x.name === name);
    if (!c) throw new Error(`no case "${name}"`);
    return c;
  };

  /** Imports a copy of a fixture after `edit`, with the untouched project fixture of the same version. */
  async function editedDesk(file: string, edit: (xml: string) => string): Promise<Glossary[]> {
    const xml = readFileSync(fx(file), 'utf8');
    const changed = edit(xml);
    expect(changed).not.toBe(xml);
    const copy = path.join(tmp, file);
    writeFileSync(copy, changed, 'utf8');
    const projectFile = file.replace('desk', 'project');
    return [await importGlossaryFile(copy, { scope: 'desk' }), await importGlossaryFile(fx(projectFile), { scope: 'project' })];
  }

  it('a deprecated term turned admitted in the v2 file: "child pornography" is no longer forbidden', async () => {
    const g = await editedDesk('cases-desk.v2.tbx', (xml) =>
      xml.replace(/(<term>child pornography<\/term>\s*<termNote type="administrativeStatus">)deprecatedTerm-admn-sts/, '$1admittedTerm-admn-sts'),
    );
    const c = byName('child pornography is forbidden');
    expect(ruleIds(g, c)).not.toEqual([...c.expected].sort());
    expect(essentials(g[0]!)).not.toEqual(essentials(CASE_DESK_GLOSSARY));
  });

  it('a case-sensitive acronym turned case-insensitive in the v3 file: the word "ia" now counts as "IA"', async () => {
    const g = await editedDesk('cases-desk.v3.tbx', (xml) =>
      xml.replace(/(<term>IA<\/term>\s*<termNote type="administrativeStatus">preferredTerm-admn-sts<\/termNote>\s*<termNote type="x-caseSensitive">)yes/, '$1no'),
    );
    const c = byName('ia (lower case) is not IA');
    expect(ruleIds(g, c)).not.toEqual([...c.expected].sort());
    expect(essentials(g[0]!)).not.toEqual(essentials(CASE_DESK_GLOSSARY));
  });
});
