/**
 * Spelling and house style for one project: which English variant it is written in (its own, else the desk's),
 * the desk dictionary and ignored words, the rule settings (desk, then project), and the spelling checker built from
 * them. The terminology service asks `qaOptions()` when it builds the project's QA engine, so every caller of that
 * engine — live checks over the contract, whole-article QA, the approval gate, the publication status, `relais qa` —
 * gets spelling and house style with the same settings.
 *
 * The desk settings (spelling.json) belong to the Workspace and are shared by its projects; each ProjectService has
 * a SpellingService over them and its own project file. Without a project (`requireProject` absent), the desk's
 * view alone.
 *
 * If the dictionaries cannot be loaded (a damaged install), spelling is off and `state().unavailable` says why;
 * QA and the rest of the workbench go on without it.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { SpellingState } from '../../../shared/ipc/channels/spelling.ts';
import { QA_RULES } from '../../../shared/qa/index.ts';
import type { SpellChecker } from '../../../shared/spelling/checker.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import { resolveRuleSettings, type RuleSetting, type RuleSettings } from '../../../shared/style/rules.ts';
import { ProjectLanguageSettings } from '../store/language-settings.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { dictionaries as sharedDictionaries, type DictionaryCache } from './dictionaries.ts';
import type { DeskLanguageSettingsStore, WordListName } from './settings.ts';

export type { SpellingState };

export interface LanguageQaOptions {
  /** Changes whenever anything below may change (a cache key for the QA engine). */
  key: string;
  spelling: SpellChecker | null;
  variant: EnglishVariant;
  rules: RuleSettings;
}

const KNOWN_RULES = new Set(QA_RULES.map((r) => r.id));
/** Whether a rule id is one of this version's QA rules (settings of unknown rules are ignored, refused in writes). */
export const knownRule = (id: string): boolean => KNOWN_RULES.has(id);

const byWord = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0);

export class SpellingService {
  readonly desk: DeskLanguageSettingsStore;
  private readonly requireProject: () => ProjectStore;
  private readonly dicts: DictionaryCache;
  private projectSettings: { project: ProjectStore; settings: ProjectLanguageSettings } | null = null;
  private checkerCache: { key: string; checker: SpellChecker } | null = null;
  private unavailable: string | null = null;

  constructor(deps: { desk: DeskLanguageSettingsStore; requireProject?: () => ProjectStore; dictionaries?: DictionaryCache }) {
    this.desk = deps.desk;
    this.requireProject =
      deps.requireProject ??
      (() => {
        throw new RelaisError('project.notOpen', 'No project is open');
      });
    this.dicts = deps.dictionaries ?? sharedDictionaries;
  }

  /** The open project's language settings (throws project.notOpen). */
  project(): ProjectLanguageSettings {
    const p = this.requireProject();
    if (!this.projectSettings || this.projectSettings.project !== p) this.projectSettings = { project: p, settings: new ProjectLanguageSettings(p, knownRule) };
    return this.projectSettings.settings;
  }

  private projectOrNull(): ProjectLanguageSettings | null {
    try {
      return this.project();
    } catch {
      return null;
    }
  }

  variant(): EnglishVariant {
    return this.projectOrNull()?.variant() ?? this.desk.get().variant;
  }

  /** Desk rule settings with the project's over them. */
  ruleSettings(): RuleSettings {
    return resolveRuleSettings(this.desk.get().rules, this.projectOrNull()?.rules());
  }

  /** Synchronous part of the cache key: desk file, project settings, and the project itself. */
  key(): string {
    const p = this.projectOrNull();
    return `${this.desk.version()}|${p ? `${this.requireProject().path}:${p.version()}` : '-'}`;
  }

  /**
   * The checker of the current variant with the desk's word lists; null when the dictionaries cannot be loaded.
   * `variant` and `words` (more words to accept) depart from that for one check (the CLI's --variant and --words).
   */
  async checker(opts: { variant?: EnglishVariant; words?: readonly string[] } = {}): Promise<SpellChecker | null> {
    const variant = opts.variant ?? this.variant();
    const desk = this.desk.get();
    const key = `${variant}|${this.desk.version()}`;
    const oneOff = opts.words !== undefined && opts.words.length > 0;
    if (!oneOff && this.checkerCache?.key === key) return this.checkerCache.checker;
    try {
      const checker = await this.dicts.checker(variant, { words: [...desk.dictionary, ...(opts.words ?? [])], ignored: desk.ignored });
      this.unavailable = null;
      if (!oneOff) this.checkerCache = { key, checker };
      return checker;
    } catch (e) {
      this.unavailable = e instanceof Error ? e.message : String(e);
      return null;
    }
  }

  async qaOptions(): Promise<LanguageQaOptions> {
    const spelling = await this.checker();
    return { key: `${this.key()}|${spelling ? spelling.variant : 'none'}`, spelling, variant: this.variant(), rules: this.ruleSettings() };
  }

  state(): SpellingState {
    const desk = this.desk.get();
    const projectVariant = this.projectOrNull()?.variant() ?? null;
    return {
      variant: projectVariant ?? desk.variant,
      projectVariant,
      deskVariant: desk.variant,
      dictionary: [...desk.dictionary].sort(byWord),
      ignored: [...desk.ignored].sort(byWord),
      unavailable: this.unavailable,
    };
  }

  setProjectVariant(v: EnglishVariant | null): SpellingState {
    this.project().setVariant(v);
    return this.state();
  }

  setDeskVariant(v: EnglishVariant): SpellingState {
    this.desk.setVariant(v);
    return this.state();
  }

  addWord(list: WordListName, word: string): SpellingState {
    this.desk.addWord(list, word);
    return this.state();
  }

  removeWord(list: WordListName, word: string): SpellingState {
    this.desk.removeWord(list, word);
    return this.state();
  }

  setWords(list: WordListName, words: readonly string[], mode: 'merge' | 'replace'): SpellingState {
    this.desk.setWords(list, words, mode);
    return this.state();
  }

  /** One rule's setting for the desk or the project (null clears it: the layer below applies again). */
  setRule(scope: 'desk' | 'project', id: string, setting: RuleSetting | null): void {
    if (scope === 'desk') this.desk.setRule(id, setting);
    else this.project().setRule(id, setting);
  }
}
