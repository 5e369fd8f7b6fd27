/**
 * The project's language settings (spelling and house style), in the project file (`project` key/value table, like `qa.disabledRules`):
 * - `spelling.variant`: 'en-GB' or 'en-US' (absent: the desk's variant);
 * - `style.rules`: the project's rule settings (enabled, severity, options by rule id), over the desk's.
 * Each write is one IMMEDIATE transaction; a damaged value is reported as project.corrupt naming the key.
 */
import type Database from 'better-sqlite3';
import { RelaisError } from '../../../shared/errors.ts';
import { isEnglishVariant, type EnglishVariant } from '../../../shared/spelling/variants.ts';
import { resolveRuleSettings, validateRuleSetting, type RuleSetting, type RuleSettings } from '../../../shared/style/rules.ts';
import type { ProjectStore } from './project-store.ts';

export const VARIANT_KEY = 'spelling.variant';
export const STYLE_RULES_KEY = 'style.rules';

export class ProjectLanguageSettings {
  private readonly db: Database.Database;
  private readonly file: string;
  private gen = 0;

  constructor(project: ProjectStore, private readonly knownRule: (id: string) => boolean = () => true) {
    this.db = project.db;
    this.file = project.path;
  }

  /** Changes with every write here and every commit by another connection to the file. */
  version(): string {
    return `${this.gen}:${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  variant(): EnglishVariant | null {
    const v = this.value(VARIANT_KEY);
    if (v === null) return null;
    if (!isEnglishVariant(v)) throw this.corrupt(VARIANT_KEY, 'not en-GB or en-US');
    return v;
  }

  setVariant(v: EnglishVariant | null): void {
    this.put(VARIANT_KEY, v);
  }

  rules(): RuleSettings {
    const raw = this.value(STYLE_RULES_KEY);
    if (raw === null) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw this.corrupt(STYLE_RULES_KEY, 'not JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw this.corrupt(STYLE_RULES_KEY, 'not an object');
    const out: RuleSettings = {};
    for (const [id, s] of Object.entries(parsed as Record<string, unknown>)) {
      // A rule a newer version wrote, or a setting it understands and we do not, is ignored rather than fatal.
      if (!this.knownRule(id) || !s || typeof s !== 'object' || validateRuleSetting(id, s as RuleSetting) !== null) continue;
      out[id] = s as RuleSetting;
    }
    return out;
  }

  setRule(id: string, setting: RuleSetting | null): RuleSettings {
    if (!this.knownRule(id)) throw new RelaisError('invalid.arguments', `Unknown QA rule "${id}"`);
    if (setting) {
      const problem = validateRuleSetting(id, setting);
      if (problem) throw new RelaisError('invalid.arguments', `QA rule ${id}: ${problem}`);
    }
    const rules = this.rules();
    if (setting === null) delete rules[id];
    else rules[id] = resolveRuleSettings({ [id]: rules[id] ?? {} }, { [id]: setting })[id]!;
    this.put(STYLE_RULES_KEY, Object.keys(rules).length ? JSON.stringify(rules) : null);
    return rules;
  }

  private value(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM project WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? row.value : null;
  }

  private put(key: string, value: string | null): void {
    try {
      this.db
        .transaction(() => {
          if (value === null) this.db.prepare('DELETE FROM project WHERE key = ?').run(key);
          else this.db.prepare('INSERT INTO project(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
        })
        .immediate();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) throw new RelaisError('invalid.operation', 'The project file is read-only', { file: this.file });
      throw e;
    } finally {
      this.gen++;
    }
  }

  private corrupt(key: string, what: string): RelaisError {
    return new RelaisError('project.corrupt', 'The project’s language settings are damaged', { file: this.file, detail: `${key}: ${what}` });
  }
}
