/**
 * `relais qa` as a user runs it: `node bin/relais.mjs qa … --json` in a subprocess for the main paths, main()
 * in-process (captured output) for the rest. Fixtures: cli/fixtures/ (XLIFF 2.x and 1.2 with targets).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { ProjectStore } from '../../electron/services/store/project-store.ts';
import type { ImportedDocument, SegmentDraft } from '../../shared/model.ts';
import { ROOT, runInProcess, runSubprocess } from '../testing.ts';

const FIX = path.join(ROOT, 'cli', 'fixtures');
const fx = (name: string) => path.join(FIX, name);

const ALLOWED_KEYS = ['message', 'rule', 'segment', 'severity', 'suggestion', 'term'];

interface JsonFinding {
  segment: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  term?: string;
  suggestion?: string;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-qa-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const relais = (...args: string[]) => runSubprocess(dir, args);

const run = (...args: string[]) => runInProcess(dir, args);

function findings(stdout: string): JsonFinding[] {
  const list = JSON.parse(stdout) as JsonFinding[];
  expect(Array.isArray(list)).toBe(true);
  for (const f of list) {
    for (const k of Object.keys(f)) expect(ALLOWED_KEYS).toContain(k);
    expect(['error', 'warning']).toContain(f.severity);
  }
  return list;
}

const pick = (list: JsonFinding[], rule: string) => list.filter((f) => f.rule === rule);

function xliff2(units: [string, string, string][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
  <file id="f1">
${units.map(([id, s, t]) => `    <unit id="${id}"><segment><source>${esc(s)}</source><target>${esc(t)}</target></segment></unit>`).join('\n')}
  </file>
</xliff>
`;
}

describe('relais qa (subprocess, --json)', () => {
  it('XLIFF 2.0: forbidden "child pornography" with its suggestion, missing terms, a changed number; exit 1', () => {
    const r = relais('qa', fx('article-2.0.xlf'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const list = findings(r.stdout);
    expect(pick(list, 'glossary.forbidden')).toEqual([
      expect.objectContaining({ segment: 'u1', severity: 'error', term: 'child pornography', suggestion: 'child sexual abuse material' }),
    ]);
    expect(pick(list, 'number.mismatch')).toEqual([expect.objectContaining({ segment: 'u3', severity: 'error', suggestion: '18' })]);
    const missing = pick(list, 'glossary.missing');
    expect(missing.map((f) => [f.segment, f.suggestion])).toEqual(
      expect.arrayContaining([
        ['u4', 'child sexual exploitation'],
        ['u4', 'cybercrime'],
      ]),
    );
    // u2 is a correct translation (two segments, inline codes) and u5 is translate="no"
    expect(list.some((f) => f.segment === 'u2' && f.severity === 'error')).toBe(false);
    expect(list.some((f) => f.segment === 'u5')).toBe(false);
  });

  it('XLIFF 1.2: forbidden "child porn" inside <g>, 28 → 27 caught, trans-unit ids as segment; exit 1', () => {
    const r = relais('qa', fx('article-1.2.xlf'), '--json');
    expect(r.code).toBe(1);
    const list = findings(r.stdout);
    expect(pick(list, 'glossary.forbidden')).toEqual([
      expect.objectContaining({ segment: 't1', term: 'child porn', suggestion: 'child sexual abuse material' }),
    ]);
    expect(pick(list, 'number.mismatch')).toEqual([expect.objectContaining({ segment: 't2' })]);
    expect(list.filter((f) => f.segment === 't3' && f.severity === 'error')).toEqual([]);
  });

  it('a correct XLIFF 2.1 translation: [] and exit 0', () => {
    const r = relais('qa', fx('clean-2.1.xlf'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(findings(r.stdout).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['an XLIFF with a DTD', [fx('bad-dtd.xlf')], 'bad-dtd.xlf:2: DTDs are not accepted'],
    ['a glossary with an entry lacking English', [fx('clean-1.2.xlf'), '--glossary', fx('bad-glossary.tbx')], 'bad-glossary.tbx:2: Entry "x" has no English term'],
  ])('%s: exit 2, the file named on stderr, nothing on stdout', (_what, args, message) => {
    const r = relais('qa', ...args, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

describe('relais qa (in-process)', () => {
  it('prints a table grouped by segment, with a summary', async () => {
    const r = await run('qa', fx('article-2.0.xlf'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('article-2.0.xlf: XLIFF 2.0, fr-FR → en-GB');
    expect(r.stdout).toMatch(/Glossaries: Relais desk glossary .*\(desk, \d+ entries\)/);
    expect(r.stdout).toMatch(/^Segment u1 {2}Au moins 25 individus/m);
    expect(r.stdout).toMatch(/^ {2}error {3}glossary\.forbidden +"child pornography" is deprecated.*→ child sexual abuse material$/m);
    expect(r.stdout).toMatch(/^\d+ errors, \d+ warnings? in 3 segments$/m);
    expect(r.stdout.indexOf('Segment u1')).toBeLessThan(r.stdout.indexOf('Segment u3'));
  });

  it('a clean XLIFF 1.2: "No findings." and exit 0', async () => {
    const r = await run('qa', fx('clean-1.2.xlf'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No findings.');
    expect(r.code).toBe(0);
  });

  it('warnings alone exit 0', async () => {
    const file = path.join(dir, 'warn.xlf');
    fs.writeFileSync(file, xliff2([['w1', 'La directrice exécutive d’Europol s’est exprimée à La Haye.', 'Europol’s executive  director spoke in The Hague.']]));
    const r = await run('qa', file, '--json');
    const list = findings(r.stdout);
    expect(list).toEqual([expect.objectContaining({ segment: 'w1', rule: 'spaces.double', severity: 'warning' })]);
    expect(r.code).toBe(0);
  });

  it('--no-desk drops the desk glossary; --disable turns a rule off', async () => {
    const noDesk = findings((await run('qa', fx('article-2.0.xlf'), '--json', '--no-desk')).stdout);
    expect(noDesk.filter((f) => f.rule.startsWith('glossary.'))).toEqual([]);
    expect(pick(noDesk, 'number.mismatch')).toHaveLength(1);
    const r = await run('qa', fx('article-2.0.xlf'), '--json', '--disable', 'glossary.forbidden', '--disable', 'number.mismatch');
    const list = findings(r.stdout);
    expect(pick(list, 'glossary.forbidden')).toEqual([]);
    expect(pick(list, 'number.mismatch')).toEqual([]);
    expect(pick(list, 'glossary.missing').length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  });

  it('--glossary adds a project glossary (CSV) next to the desk one', async () => {
    const file = path.join(dir, 'op.xlf');
    fs.writeFileSync(
      file,
      xliff2([
        ['a', 'Une opération mondiale a eu lieu.', 'A global operation took place.'],
        ['b', 'Une opération mondiale a eu lieu à La Haye.', 'A worldwide operation took place in The Hague.'],
      ]),
    );
    const withoutIt = findings((await run('qa', file, '--json')).stdout);
    expect(withoutIt.filter((f) => f.rule.startsWith('glossary.'))).toEqual([]);
    const r = await run('qa', file, '--json', '-g', fx('project-glossary.csv'));
    const list = findings(r.stdout);
    expect(pick(list, 'glossary.forbidden')).toEqual([
      expect.objectContaining({ segment: 'a', term: 'global operation', suggestion: 'worldwide operation' }),
    ]);
    expect(list.filter((f) => f.segment === 'b' && f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('checks a Relais project: segment ids from the project, untranslated segments reported, chrome skipped', async () => {
    const doc: ImportedDocument = {
      format: 'txt',
      sourceName: 'article.txt',
      blocks: [
        { kind: 'paragraph', text: 'Europol a démantelé un réseau de contenus pédopornographiques.', chrome: null },
        { kind: 'paragraph', text: 'Les forces de l’ordre de 18 pays ont participé.', chrome: null },
        { kind: 'paragraph', text: 'Partager', chrome: 'share' },
      ],
    };
    const drafts: SegmentDraft[] = doc.blocks.map((b, i) => ({ blockIndex: i, source: b.text }));
    const file = path.join(dir, 'p.relais');
    const store = ProjectStore.create(file, doc, drafts);
    const [s1, s2, s3] = store.segments();
    store.commitSegment(
      { segmentId: s1!.id, target: 'Europol dismantled a child pornography network.', status: 'translated', origin: 'typed' },
      { id: newId(), name: 'Ana', role: 'translator' },
    );
    store.close();

    const r = await run('qa', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const list = findings(r.stdout);
    expect(pick(list, 'glossary.forbidden')).toEqual([expect.objectContaining({ segment: s1!.id, suggestion: 'child sexual abuse material' })]);
    expect(pick(list, 'target.empty')).toEqual([expect.objectContaining({ segment: s2!.id })]);
    expect(list.some((f) => f.segment === s3!.id)).toBe(false);
    const human = await run('qa', file);
    expect(human.stdout).toContain('p (Relais project)');
    expect(human.stdout).toContain('Checked 2 segments (1 without target)');
  });

  it.each([
    ['a missing file', ['nope.xlf'], /nope\.xlf: File not found/],
    ['an unknown rule', [fx('clean-1.2.xlf'), '--disable', 'no.such.rule'], /unknown rule "no\.such\.rule"; rules: target\.empty, /],
    ['no FILE', [], /missing FILE/],
    ['an XLIFF 1.1 file', [fx('bad-namespace.xlf')], /bad-namespace\.xlf:2: The <xliff> element has namespace/],
    ['an unclosed tag', [fx('bad-unclosed.xlf')], /bad-unclosed\.xlf:7: Not well-formed XML/],
  ])('%s: exit 2 with a message', async (_what, args, message) => {
    const r = await run('qa', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('refuses a 100 MB XLIFF at once (exit 2, file.tooLarge)', async () => {
    const file = path.join(dir, 'huge.xlf');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, 100 * 1024 * 1024);
    fs.closeSync(fd);
    const t0 = performance.now();
    const r = await run('qa', file, '--no-desk');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.xlf: File too large \(100 MB\); the limit is 50 MB/);
  });
});

describe('relais qa: spelling and house style', () => {
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const article = (trgLang = 'en') =>
    write(
      `a-${trgLang}.xlf`,
      xliff2([
        ['s1', 'Europol a organisé l’opération Cumberland.', 'Europol organized Operation Cumberland, the investigaton said.'],
        ['s2', 'Une hausse de 15 %.', 'A rise of 15%.'],
      ]).replace('trgLang="en"', `trgLang="${trgLang}"`),
    );

  it('spelling warnings with the best correction, variant findings, house style; names from the source are known; exit 0', async () => {
    const r = await run('qa', article(), '--no-desk', '--json');
    expect(r.code).toBe(0);
    const list = findings(r.stdout);
    expect(pick(list, 'spelling.unknown')).toEqual([expect.objectContaining({ segment: 's1', severity: 'warning', term: 'investigaton', suggestion: 'investigation' })]);
    expect(pick(list, 'style.variant')).toEqual([expect.objectContaining({ segment: 's1', term: 'organized', suggestion: 'organised' })]);
    expect(pick(list, 'style.percent')).toEqual([expect.objectContaining({ segment: 's2', suggestion: ' per cent' })]);
  });

  it('the XLIFF target language or --variant chooses the dictionary; --no-spelling turns spelling off', async () => {
    const us = findings((await run('qa', article('en-US'), '--no-desk', '--json')).stdout);
    expect(pick(us, 'style.variant')).toEqual([]);
    const forced = findings((await run('qa', article('en-US'), '--no-desk', '--json', '--variant', 'en-GB')).stdout);
    expect(pick(forced, 'style.variant').map((f) => f.term)).toEqual(['organized']);
    const off = findings((await run('qa', article(), '--no-desk', '--json', '--no-spelling')).stdout);
    expect(off.filter((f) => f.rule === 'spelling.unknown' || f.rule === 'style.variant')).toEqual([]);
    expect(pick(off, 'style.percent')).toHaveLength(1);
  });

  it('--words accepts a word list; --severity and --option configure house style', async () => {
    const words = write('desk.txt', 'investigaton\n');
    const accepted = findings((await run('qa', article(), '--no-desk', '--json', '--words', words)).stdout);
    expect(pick(accepted, 'spelling.unknown')).toEqual([]);
    const strict = await run('qa', article(), '--no-desk', '--json', '--severity', 'style.percent=error');
    expect(strict.code).toBe(1);
    expect(pick(findings(strict.stdout), 'style.percent')[0]!.severity).toBe('error');
    const percent = findings((await run('qa', article(), '--no-desk', '--json', '--option', 'style.percent.form=%')).stdout);
    expect(pick(percent, 'style.percent')).toEqual([]);
  });

  it('bad options are usage errors (exit 2), a bad word list names the file and line', async () => {
    expect((await run('qa', article(), '--variant', 'en-AU')).code).toBe(2);
    expect((await run('qa', article(), '--severity', 'style.percent=fatal')).code).toBe(2);
    expect((await run('qa', article(), '--option', 'style.percent.form=pc')).code).toBe(2);
    expect((await run('qa', article(), '--severity', 'style.nope=error')).code).toBe(2);
    const bad = write('bad.txt', 'ok\ntwo words\n');
    const r = await run('qa', article(), '--words', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2`);
  });

  it('a Relais project is checked in its own variant with its own rule settings', async () => {
    const { ProjectLanguageSettings } = await import('../../electron/services/store/language-settings.ts');
    const doc: ImportedDocument = { format: 'txt', sourceName: 'a.txt', blocks: [{ kind: 'paragraph', text: 'Europol a organisé l’opération.', chrome: null }] };
    const segs: SegmentDraft[] = [{ blockIndex: 0, source: 'Europol a organisé l’opération.' }];
    const file = path.join(dir, 'p.relais');
    const store = ProjectStore.create(file, doc, segs, { name: 'p' });
    const seg = store.segments()[0]!;
    store.commitSegment({ segmentId: seg.id, target: 'Europol organized the operation — on 5 May.', status: 'translated', origin: 'typed' }, { id: newId(), name: 'T', role: 'translator' });
    const lang = new ProjectLanguageSettings(store);
    lang.setVariant('en-US');
    lang.setRule('style.dashes', { options: { spaced: false } });
    store.close();
    const list = findings((await run('qa', file, '--no-desk', '--json')).stdout);
    expect(pick(list, 'style.variant')).toEqual([]);
    expect(pick(list, 'style.dashes').map((f) => f.suggestion)).toEqual(['—']);
  });
});
