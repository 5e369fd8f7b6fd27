import { open, readFile } from 'node:fs/promises';
import { RelaisError } from '../../shared/errors.ts';
import path from 'node:path';
import type { Glossary } from '../../shared/glossary/model.ts';
import type { Finding } from '../../shared/qa/model.ts';
import { unreadable } from '../../electron/services/glossary/xml.ts';
import { QA_RULES, createQaEngine } from '../../shared/qa/index.ts';
import { isEnglishVariant, type EnglishVariant } from '../../shared/spelling/variants.ts';
import { parseWordList } from '../../shared/spelling/wordlist.ts';
import { resolveRuleSettings, validateRuleSetting, type RuleSettings } from '../../shared/style/rules.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

interface QaSegment {
  id: string;
  source: string;
  target: string;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** True when the file starts like an SQLite database (a Relais project), whatever its extension. */
async function looksLikeProject(file: string): Promise<boolean> {
  if (path.extname(file).toLowerCase() === '.relais') return true;
  let fh;
  try {
    fh = await open(file, 'r');
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return bytesRead === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } catch (e) {
    throw unreadable(file, e);
  } finally {
    await fh?.close();
  }
}

interface LoadedInput {
  kind: 'project' | 'xliff';
  label: string;
  segments: QaSegment[];
  /** The project's own English variant, or the XLIFF's target language when it names one (en-US, en-GB). */
  variant: EnglishVariant | null;
  /** The project's rule settings (house style). */
  rules: RuleSettings;
}

async function loadSegments(file: string): Promise<LoadedInput> {
  if (await looksLikeProject(file)) {
    const { ProjectStore } = await import('../../electron/services/store/project-store.ts');
    const { ProjectLanguageSettings } = await import('../../electron/services/spelling/project-settings.ts');
    const store = ProjectStore.open(file);
    try {
      const snap = store.snapshot();
      const lang = new ProjectLanguageSettings(store, (id) => QA_RULES.some((r) => r.id === id));
      return {
        kind: 'project',
        label: `${snap.info.name} (Relais project)`,
        segments: snap.segments.filter((s) => s.translatable).map((s) => ({ id: s.id, source: s.source, target: s.target })),
        variant: lang.variant(),
        rules: lang.rules(),
      };
    } finally {
      store.close();
    }
  }
  const { readXliff } = await import('../../electron/services/xliff/read.ts');
  const doc = await readXliff(file);
  const trg = (doc.trgLang || '').replace('_', '-').toLowerCase();
  const variant: EnglishVariant | null = trg === 'en-us' ? 'en-US' : trg === 'en-gb' ? 'en-GB' : null;
  return { kind: 'xliff', label: `XLIFF ${doc.version}, ${doc.srcLang} → ${doc.trgLang || '?'}`, segments: doc.units, variant, rules: {} };
}

/** --severity RULE=error|warning and --option RULE.NAME=VALUE, as rule settings. */
function ruleFlags(severities: string[], options: string[]): RuleSettings {
  const out: RuleSettings = {};
  const known = (id: string) => {
    if (!QA_RULES.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id}"; rules: ${QA_RULES.map((r) => r.id).join(', ')}`);
  };
  for (const s of severities) {
    const m = /^([^=]+)=(error|warning)$/.exec(s);
    if (!m) throw new UsageError(`--severity wants RULE=error or RULE=warning, not "${s}"`);
    known(m[1]!);
    out[m[1]!] = { ...(out[m[1]!] ?? {}), severity: m[2] as 'error' | 'warning' };
  }
  for (const o of options) {
    const m = /^(style\.[A-Za-z]+)\.([A-Za-z]+)=(.*)$/.exec(o);
    if (!m) throw new UsageError(`--option wants RULE.NAME=VALUE (e.g. style.percent.form=%), not "${o}"`);
    known(m[1]!);
    const raw = m[3]!;
    const value: string | number | boolean = raw === 'true' ? true : raw === 'false' ? false : /^\d+$/.test(raw) ? Number(raw) : raw;
    const cur = out[m[1]!] ?? {};
    out[m[1]!] = { ...cur, options: { ...(cur.options ?? {}), [m[2]!]: value } };
  }
  for (const [id, setting] of Object.entries(out)) {
    const problem = validateRuleSetting(id, setting);
    if (problem) throw new UsageError(`${id}: ${problem}`);
  }
  return out;
}

/** The JSON shape of a finding: exactly these keys (range and params are for the app's live marking). */
export function findingToJson(f: Finding): Record<string, string> {
  const o: Record<string, string> = { segment: f.segment, rule: f.rule, severity: f.severity, message: f.message };
  if (f.term !== undefined) o.term = f.term;
  if (f.suggestion !== undefined) o.suggestion = f.suggestion;
  return o;
}

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function wrapIds(items: string[], indent: number, width: number): string {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    const next = cur ? `${cur}, ${it}` : it;
    if (indent + next.length > width && cur) {
      lines.push(cur + ',');
      cur = it;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

export const qaCommand: Command = {
  name: 'qa',
  synopsis: 'qa FILE [--glossary G]... [--json] [--no-desk] [--disable RULE]... [--variant en-GB|en-US] [--no-spelling] [--words F]...',
  summary: 'Check translations against glossaries and QA rules (a project or an XLIFF file)',
  help: `FILE is a Relais project (.relais) or an XLIFF 2.0/2.1/2.2 or 1.2 file with targets. Every segment (XLIFF unit
or trans-unit) is checked: one without a target is reported as target.empty (--disable target.empty to check a
partial translation). Blocks left out of translation and units marked translate="no" are not checked.

Glossaries: each --glossary G (TBX v3, TBX v2, CSV or TSV; repeatable) is loaded as a project glossary and wins
over the desk glossary shipped with Relais (resources/glossary/desk-fr-en.tbx), which is loaded unless --no-desk.

Spelling and house style: the English target is spell-checked (spelling.unknown, warnings, with the best
correction) in the project's variant — a Relais project's own, else the XLIFF's target language (en-US / en-GB),
else --variant, default en-GB — and checked against the house style (style.*, docs/house-style.md) with the
project's rule settings; --severity and --option override them.

Options:
  --glossary G    A glossary file (repeatable).
  --no-desk       Do not load the desk glossary.
  --variant V     English variant to check against: en-GB or en-US (overrides the project's).
  --no-spelling   Do not spell-check (house-style rules still run; style.variant needs the dictionaries).
  --words F       A plain word list (one word per line) of words to accept, e.g. an exported desk dictionary
                  (repeatable).
  --severity R=S  Severity of a rule: error or warning, e.g. --severity style.percent=error (repeatable).
  --option R.N=V  Option of a house-style rule, e.g. --option style.percent.form=% (repeatable).
  --disable RULE  Turn a rule off, e.g. --disable number.mismatch (repeatable). Rules:
${wrapIds(QA_RULES.map((r) => `${r.id} (${r.severity})`), 18, 100)}
  --json          Print the findings as a JSON array of
                  { "segment", "rule", "severity", "message", "term"?, "suggestion"? }.
                  "segment" is the Relais segment id, or the XLIFF unit / trans-unit id.

Exit status: 0 no error-severity finding (warnings allowed), 1 at least one error-severity finding,
2 an input cannot be read (the message names the file) or bad arguments.`,
  async run(args, io) {
    const { values, positionals: pos } = parse(args, {
      glossary: { type: 'string', multiple: true, short: 'g' },
      json: { type: 'boolean' },
      'no-desk': { type: 'boolean' },
      disable: { type: 'string', multiple: true },
      variant: { type: 'string' },
      'no-spelling': { type: 'boolean' },
      words: { type: 'string', multiple: true },
      severity: { type: 'string', multiple: true },
      option: { type: 'string', multiple: true },
    });
    const [fileArg] = positionals(pos, ['FILE']);
    const file = resolvePath(io, fileArg!);

    const { importGlossaryFile, loadDeskGlossary } = await import('../../electron/services/glossary/index.ts');

    const disabled = values.disable ?? [];
    const known = QA_RULES.map((r) => r.id);
    const unknown = disabled.filter((d) => !known.includes(d));
    if (unknown.length) throw new UsageError(`unknown rule "${unknown[0]}"; rules: ${known.join(', ')}`);

    const glossaries: Glossary[] = [];
    for (const g of values.glossary ?? []) glossaries.push(await importGlossaryFile(resolvePath(io, g), { scope: 'project' }));
    if (!values['no-desk']) glossaries.push(await loadDeskGlossary());

    if (values.variant !== undefined && !isEnglishVariant(values.variant)) throw new UsageError(`--variant must be en-GB or en-US, not "${values.variant}"`);
    const flagged = ruleFlags(values.severity ?? [], values.option ?? []);
    const accepted: string[] = [];
    for (const w of values.words ?? []) {
      const wf = resolvePath(io, w);
      let text: string;
      try {
        text = await readFile(wf, 'utf8');
      } catch (e) {
        throw unreadable(wf, e);
      }
      const parsed = parseWordList(text);
      const bad = parsed.rejected[0];
      if (bad) throw new RelaisError('file.corrupt', `Line ${bad.line} is not one word: “${bad.text}”`, { file: wf, line: bad.line });
      accepted.push(...parsed.words);
    }

    const input = await loadSegments(file);
    const variant: EnglishVariant = (values.variant as EnglishVariant | undefined) ?? input.variant ?? 'en-GB';
    let spelling = null;
    if (!values['no-spelling']) {
      const { dictionaries } = await import('../../electron/services/spelling/dictionaries.ts');
      spelling = await dictionaries.checker(variant, { words: accepted });
    }
    const engine = createQaEngine({
      glossaries,
      disabledRules: disabled,
      rules: resolveRuleSettings(input.rules, flagged),
      spelling,
      variant,
      spellingSuggestions: true,
    });

    const checked = input.segments;
    const findings = engine.checkDocument(checked);
    const order = new Map(checked.map((s, i) => [s.id, i]));
    const sorted = findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (order.get(a.f.segment) ?? 1e9) - (order.get(b.f.segment) ?? 1e9) || a.i - b.i)
      .map((x) => x.f);
    const errors = sorted.filter((f) => f.severity === 'error').length;

    if (values.json) {
      io.out(JSON.stringify(sorted.map(findingToJson), null, 2) + '\n');
      return errors > 0 ? 1 : 0;
    }

    io.out(`${path.basename(file)}: ${input.label}\n`);
    io.out(`Glossaries: ${glossaries.length ? glossaries.map((g) => `${g.name} (${g.scope}, ${g.entries.length} entries)`).join('; ') : 'none'}\n`);
    io.out(`Spelling: ${spelling ? `${variant} (Hunspell${accepted.length ? `, ${accepted.length} accepted words` : ''})` : `off (house style in ${variant})`}\n`);
    const untranslated = checked.filter((s) => s.target.trim() === '').length;
    io.out(`Checked ${checked.length} segment${checked.length === 1 ? '' : 's'}${untranslated ? ` (${untranslated} without target)` : ''}\n\n`);
    const bySeg = new Map<string, Finding[]>();
    for (const f of sorted) {
      const list = bySeg.get(f.segment) ?? [];
      list.push(f);
      bySeg.set(f.segment, list);
    }
    const segById = new Map(checked.map((s) => [s.id, s]));
    const ruleWidth = Math.max(4, ...sorted.map((f) => f.rule.length));
    for (const [id, list] of bySeg) {
      const seg = segById.get(id);
      io.out(`Segment ${id}${seg ? `  ${oneLine(seg.source, 70)}` : ''}\n`);
      for (const f of list) {
        const extra = f.suggestion !== undefined ? `  → ${f.suggestion}` : '';
        io.out(`  ${f.severity.padEnd(8)}${f.rule.padEnd(ruleWidth + 2)}${f.message}${extra}\n`);
      }
      io.out('\n');
    }
    const warnings = sorted.length - errors;
    io.out(
      sorted.length === 0
        ? 'No findings.\n'
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${bySeg.size} segment${bySeg.size === 1 ? '' : 's'}\n`,
    );
    return errors > 0 ? 1 : 0;
  },
};
