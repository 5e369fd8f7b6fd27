import path from 'node:path';
import type { Glossary } from '../../shared/glossary/model.ts';
import type { Finding } from '../../shared/qa/model.ts';
import { QA_RULES } from '../../shared/qa/index.ts';
import { isEnglishVariant, type EnglishVariant } from '../../shared/spelling/variants.ts';
import { validateRuleSetting, type RuleSettings } from '../../shared/style/rules.ts';
import { parse, positionals, resolvePath } from '../args.ts';
import { UsageError, type Command } from '../types.ts';

interface QaSegment {
  id: string;
  source: string;
  target: string;
}

interface QaRun {
  label: string;
  segments: QaSegment[];
  glossaries: Glossary[];
  findings: Finding[];
  /** The English variant checked against, and whether the spell check ran. */
  variant: EnglishVariant;
  spelling: boolean;
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
  synopsis: 'qa FILE [--glossary G]... [--json] [--no-desk] [--desk-glossary D] [--disable RULE]... [--variant en-GB|en-US] [--no-spelling] [--words F]...',
  summary: 'Check translations against glossaries and QA rules (a project or an XLIFF file)',
  help: `FILE is a Relais project (.relais) or an XLIFF 2.0/2.1/2.2 or 1.2 file with targets. Every segment (XLIFF unit
or trans-unit) is checked: one without a target is reported as target.empty (--disable target.empty to check a
partial translation). Blocks left out of translation and units marked translate="no" are not checked.

A project is checked exactly as the app checks it before approving: with its own glossary, the desk glossary the app
uses on this computer, and the rules disabled in the project. The desk glossary is desk-glossary.tbx in the app's
profile folder ($RELAIS_USER_DATA_DIR, else ~/.config/Relais on Linux, ~/Library/Application Support/Relais on
macOS, %APPDATA%\\Relais on Windows), or the glossary shipped with Relais while the app has not made one;
--desk-glossary D or $RELAIS_DESK_GLOSSARY names another file. The options below depart from the app's verdict.

Glossaries: each --glossary G (TBX v3, TBX v2, CSV or TSV; repeatable) is loaded as a project glossary; it wins over
the desk glossary (after a project's own glossary), which is loaded unless --no-desk.

Spelling and house style: the English target is spell-checked (spelling.unknown, warnings, with the best
correction) and checked against the house style (style.*, docs/house-style.md). A project is checked as the app
checks it: in its variant (its own, else the desk's), with the desk dictionary and ignored words and the rule
settings of the desk and the project (spelling.json in the app's profile folder). An XLIFF file is checked in its
target language's variant (en-US / en-GB), default en-GB, with the default rule settings. --variant, --words,
--severity and --option override these.

Options:
  --glossary G        A glossary file (repeatable).
  --no-desk           Do not load the desk glossary.
  --desk-glossary D   The desk glossary file to use.
  --variant V         English variant to check against: en-GB or en-US (overrides the project's).
  --no-spelling       Do not spell-check (house-style rules still run; style.variant needs the dictionaries).
  --words F           A plain word list (one word per line) of words to accept, e.g. an exported desk dictionary
                      (repeatable).
  --severity R=S      Severity of a rule: error or warning, e.g. --severity style.percent=error (repeatable).
  --option R.N=V      Option of a house-style rule, e.g. --option style.percent.form=% (repeatable).
  --disable RULE      Turn a rule off, e.g. --disable number.mismatch (repeatable). Rules:
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
      'desk-glossary': { type: 'string' },
      disable: { type: 'string', multiple: true },
      variant: { type: 'string' },
      'no-spelling': { type: 'boolean' },
      words: { type: 'string', multiple: true },
      severity: { type: 'string', multiple: true },
      option: { type: 'string', multiple: true },
    });
    const [fileArg] = positionals(pos, ['FILE']);
    const file = resolvePath(io, fileArg!);

    const disabled = values.disable ?? [];
    const known = QA_RULES.map((r) => r.id);
    const unknown = disabled.filter((d) => !known.includes(d));
    if (unknown.length) throw new UsageError(`unknown rule "${unknown[0]}"; rules: ${known.join(', ')}`);
    if (values.variant !== undefined && !isEnglishVariant(values.variant)) throw new UsageError(`--variant must be en-GB or en-US, not "${values.variant}"`);
    const variant = values.variant as EnglishVariant | undefined;
    const flagged = ruleFlags(values.severity ?? [], values.option ?? []);
    const withoutSpelling = values['no-spelling'] === true;

    const app = await import('../../electron/services/app/index.ts');
    const desk = { env: io.env, ...(values['desk-glossary'] !== undefined ? { file: resolvePath(io, values['desk-glossary']) } : {}) };
    const extra = await app.readGlossaries((values.glossary ?? []).map((g) => resolvePath(io, g)));
    const accepted = await app.readWordLists((values.words ?? []).map((w) => resolvePath(io, w)));
    const language = { ...(variant ? { variant } : {}), withoutSpelling, acceptedWords: accepted, rules: flagged, spellingSuggestions: true };
    let input: QaRun;
    if (await app.isProjectFile(file)) {
      const project = app.openStandalone(file, desk);
      try {
        const findings = await project.checkDocument({ glossaries: extra, disabledRules: disabled, withoutDesk: values['no-desk'] === true, ...language });
        const all = await project.glossaries();
        const state = project.spellingState();
        input = {
          label: `${project.info().name} (Relais project)`,
          segments: project.segments().filter((s) => s.translatable).map((s) => ({ id: s.id, source: s.source, target: s.target })),
          glossaries: [all[0]!, ...extra, ...(values['no-desk'] ? [] : [all[1]!])],
          findings,
          variant: variant ?? state.variant,
          spelling: !withoutSpelling && state.unavailable === null,
        };
      } finally {
        project.close();
      }
    } else {
      const x = await app.checkXliff(file, { glossaries: extra, desk: values['no-desk'] ? null : app.standaloneDeskGlossary(desk), disabledRules: disabled, ...language });
      input = { label: `XLIFF ${x.version}, ${x.srcLang} → ${x.trgLang || '?'}`, segments: x.segments, glossaries: x.glossaries, findings: x.findings, variant: x.variant, spelling: x.spelling };
    }

    const checked = input.segments;
    const glossaries = input.glossaries;
    const findings = input.findings;
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
    io.out(`Spelling: ${input.spelling ? `${input.variant} (Hunspell${accepted.length ? `, ${accepted.length} accepted words` : ''})` : `off (house style in ${input.variant})`}\n`);
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
