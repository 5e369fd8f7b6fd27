/**
 * Desk language settings: `spelling.json` in the settings folder, next to settings.json — the English variant new
 * projects use, the desk dictionary, the ignored words and the house-style rule settings of this desk.
 *
 * Same guarantees as the other settings: written atomically (temp file + rename); a file that cannot be read as
 * language settings is moved aside as `spelling.json.corrupt-<time>` and the defaults are used (never a crash).
 * Another process (the CLI, a second window) that rewrites the file is picked up on the next read (the file's size
 * and mtime are checked).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RelaisError } from '../../../shared/errors.ts';
import { normalizeWord } from '../../../shared/spelling/wordlist.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import { resolveRuleSettings, validateRuleSetting, type RuleSetting, type RuleSettings } from '../../../shared/style/rules.ts';
import { writeFileAtomicSync } from '../fs/atomic.ts';
import { fileSignature } from '../fs/signature.ts';

export const SPELLING_SETTINGS_FILE = 'spelling.json';
export const MAX_LIST_WORDS = 50_000;

export type WordListName = 'dictionary' | 'ignored';

export interface DeskLanguageSettings {
  /** English variant of projects that do not set their own. */
  variant: EnglishVariant;
  /** The desk dictionary: words every project accepts (and suggests). */
  dictionary: string[];
  /** Words never flagged, never suggested. */
  ignored: string[];
  /** House-style and QA rule settings of the desk (enabled, severity, options), by rule id. */
  rules: RuleSettings;
}

const optionValue = z.union([z.string().max(100), z.number(), z.boolean()]);
const ruleSetting = z.object({
  enabled: z.boolean().optional(),
  severity: z.enum(['error', 'warning']).optional(),
  options: z.record(z.string().max(100), optionValue).optional(),
});

const fileSchema = z.object({
  version: z.literal(1).optional(),
  variant: z.enum(['en-GB', 'en-US']).default('en-GB'),
  dictionary: z.array(z.string().max(100)).max(MAX_LIST_WORDS).default([]),
  ignored: z.array(z.string().max(100)).max(MAX_LIST_WORDS).default([]),
  rules: z.record(z.string().max(100), ruleSetting).default({}),
});

export function defaultDeskLanguageSettings(): DeskLanguageSettings {
  return { variant: 'en-GB', dictionary: [], ignored: [], rules: {} };
}


/** Drops rule ids this version does not know (a newer version may have written them) and bad settings. */
function cleanRules(rules: Record<string, RuleSetting>, known: (id: string) => boolean): RuleSettings {
  const out: RuleSettings = {};
  for (const [id, s] of Object.entries(rules)) {
    if (!known(id) || validateRuleSetting(id, s) !== null) continue;
    out[id] = s;
  }
  return out;
}

export interface DeskLanguageSettingsOptions {
  now?: () => Date;
  /** Whether a rule id is known (default: any). Unknown ids in the file are ignored, refused in writes. */
  knownRule?: (id: string) => boolean;
  /**
   * Read the app's settings without ever writing in its folder (the CLI): a damaged file is left where it is (the
   * defaults are used) and changes are refused.
   */
  readOnly?: boolean;
}

export class DeskLanguageSettingsStore {
  readonly file: string;
  private readonly now: () => Date;
  private readonly knownRule: (id: string) => boolean;
  private readonly readOnly: boolean;
  private cache: { sig: string; settings: DeskLanguageSettings } | null = null;
  private gen = 0;
  /** Where a damaged file was moved on the last read, if it was. */
  movedAside: string | null = null;

  constructor(settingsDir: string, opts: DeskLanguageSettingsOptions = {}) {
    this.file = path.join(settingsDir, SPELLING_SETTINGS_FILE);
    this.now = opts.now ?? (() => new Date());
    this.knownRule = opts.knownRule ?? (() => true);
    this.readOnly = opts.readOnly === true;
  }

  /** Changes whenever the settings may have changed (writes here, or the file rewritten by another process). */
  version(): string {
    return `${this.gen}:${fileSignature(this.file)}`;
  }

  get(): DeskLanguageSettings {
    const sig = fileSignature(this.file);
    if (this.cache && this.cache.sig === sig) return structuredClone(this.cache.settings);
    const settings = this.read();
    this.cache = { sig: fileSignature(this.file), settings };
    return structuredClone(settings);
  }

  setVariant(variant: EnglishVariant): DeskLanguageSettings {
    return this.update((s) => ({ ...s, variant }));
  }

  /** Adds a word to a list (no-op if it is there). Refuses anything that is not one word. */
  addWord(list: WordListName, raw: string): DeskLanguageSettings {
    const w = requireWord(raw);
    return this.update((s) => (s[list].includes(w) ? s : { ...s, [list]: [...s[list], w] }), list);
  }

  removeWord(list: WordListName, raw: string): DeskLanguageSettings {
    const w = normalizeWord(raw) ?? raw;
    return this.update((s) => ({ ...s, [list]: s[list].filter((x) => x !== w) }));
  }

  /** Replaces a whole list, or merges words into it. Words must already be valid (see parseWordList). */
  setWords(list: WordListName, words: readonly string[], mode: 'merge' | 'replace'): DeskLanguageSettings {
    const clean = words.map(requireWord);
    return this.update((s) => {
      const base = mode === 'replace' ? [] : s[list];
      return { ...s, [list]: [...new Set([...base, ...clean])] };
    }, list);
  }

  /** Sets (or with null clears) the desk's setting of one rule. */
  setRule(id: string, setting: RuleSetting | null): DeskLanguageSettings {
    if (!this.knownRule(id)) throw new RelaisError('invalid.arguments', `Unknown QA rule "${id}"`);
    if (setting) {
      const problem = validateRuleSetting(id, setting);
      if (problem) throw new RelaisError('invalid.arguments', `QA rule ${id}: ${problem}`);
    }
    return this.update((s) => {
      const rules = { ...s.rules };
      if (setting === null) delete rules[id];
      else rules[id] = resolveRuleSettings({ [id]: rules[id] ?? {} }, { [id]: setting })[id]!;
      return { ...s, rules };
    });
  }

  private update(fn: (s: DeskLanguageSettings) => DeskLanguageSettings, grown?: WordListName): DeskLanguageSettings {
    if (this.readOnly) throw new RelaisError('invalid.operation', 'The desk’s spelling settings are read-only here', { file: this.file });
    const next = fn(this.get());
    if (grown && next[grown].length > MAX_LIST_WORDS) {
      throw new RelaisError('invalid.operation', `The ${grown === 'dictionary' ? 'desk dictionary' : 'list of ignored words'} is full (${MAX_LIST_WORDS} words)`, { file: this.file });
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomicSync(this.file, JSON.stringify({ version: 1, ...next }, null, 2) + '\n', {
      mapError: (e) => new RelaisError('invalid.operation', `Cannot write the spelling settings (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: this.file }),
    });
    this.gen++;
    this.cache = { sig: fileSignature(this.file), settings: next };
    return structuredClone(next);
  }

  private read(): DeskLanguageSettings {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultDeskLanguageSettings();
      this.moveAside();
      return defaultDeskLanguageSettings();
    }
    try {
      const p = fileSchema.parse(JSON.parse(raw));
      const words = (list: string[]) => [...new Set(list.map((w) => normalizeWord(w)).filter((w): w is string => w !== null))];
      return { variant: p.variant, dictionary: words(p.dictionary), ignored: words(p.ignored), rules: cleanRules(p.rules as Record<string, RuleSetting>, this.knownRule) };
    } catch {
      this.moveAside();
      return defaultDeskLanguageSettings();
    }
  }

  private moveAside(): void {
    if (this.readOnly) return;
    const dest = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      fs.renameSync(this.file, dest);
      this.movedAside = dest;
    } catch {
      this.movedAside = null;
    }
  }
}

function requireWord(raw: string): string {
  const w = normalizeWord(raw);
  if (w === null) throw new RelaisError('invalid.arguments', `“${String(raw).slice(0, 100)}” is not one word`);
  return w;
}
