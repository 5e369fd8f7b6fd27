/**
 * Terminology and QA for the open project: the project glossary (in the project file) and the desk glossary (a file
 * shared by every project on this machine), merged with their scopes — the project glossary wins over the desk
 * glossary (see shared/glossary: on the same source span the project concept is chosen, and an approved project term
 * is never flagged as a forbidden desk term).
 *
 * The term index and the QA engine are built once and cached; they are rebuilt only when the project glossary, the
 * disabled rules (both versioned by GlossaryStore.version()) or the desk glossary file (DeskGlossary.version())
 * change, or another project is opened. Term matches are cached per source text, so underlining every segment after
 * the first call costs a map lookup per segment.
 *
 * With a `language` source (electron/services/spelling), the engine also checks spelling and house style with the
 * project's variant, the desk dictionary and the rule settings of the desk and the project; its key joins the cache
 * key, so a word added to the desk dictionary or a variant switched rebuilds the engine. The engine is built by the
 * shared factory (shared/qa/project.ts) the renderer's live check uses too.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { Glossary } from '../../../shared/glossary/model.ts';
import type { ConceptRef, TermMatch } from '../../../shared/glossary/index.ts';
import { QA_RULES, ruleInfos, type QaEngine } from '../../../shared/qa/index.ts';
import { createProjectQaEngine, projectGlossaries } from '../../../shared/qa/project.ts';
import type { SpellChecker } from '../../../shared/spelling/checker.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import { resolveRuleSettings, type RuleSetting, type RuleSettings } from '../../../shared/style/rules.ts';
import type { Finding } from '../../../shared/qa/model.ts';
import type { QaRuleState, SegmentsTerms, SegmentTerm, TermConcept, TermSpan } from '../../../shared/ipc/channels/terminology.ts';
import { GlossaryStore } from '../store/glossary-store.ts';
import type { ProjectStore } from '../store/project-store.ts';
import type { DeskGlossary } from './desk-glossary.ts';

export { PROJECT_GLOSSARY_NAME } from '../../../shared/qa/project.ts';

/**
 * Changes to the project's own QA inputs for one check (the CLI's --glossary, --disable, --no-desk, --variant,
 * --no-spelling, --words, --severity, --option).
 */
export interface QaAdjustments {
  /** More glossaries, after the project glossary and before the desk one. */
  glossaries?: Glossary[];
  /** More rules to leave out. */
  disabledRules?: string[];
  /** Leave the desk glossary out. */
  withoutDesk?: boolean;
  /** The English variant to check against instead of the project's. */
  variant?: EnglishVariant;
  /** No spell check (house style still runs; style.variant needs the dictionaries). */
  withoutSpelling?: boolean;
  /** More words to accept (beside the desk dictionary). */
  acceptedWords?: string[];
  /** Rule settings over the desk's and the project's (severity, options). */
  rules?: RuleSettings;
  /** Give each unknown word its best correction. */
  spellingSuggestions?: boolean;
}

/** What the QA engine gets spelling and house style from (SpellingService). */
export interface LanguageSource {
  /** Synchronous cache key (changes with the settings and the open project). */
  key(): string;
  qaOptions(): Promise<{ key: string; spelling: SpellChecker | null; variant: EnglishVariant; rules: RuleSettings }>;
  /** A checker of another variant, or with more accepted words, for one check. */
  checker(opts: { variant?: EnglishVariant; words?: readonly string[] }): Promise<SpellChecker | null>;
  ruleSettings(): RuleSettings;
  setRule(scope: 'desk' | 'project', id: string, setting: RuleSetting | null): void;
}

interface LanguageOptions {
  spelling: SpellChecker | null;
  variant: EnglishVariant;
  rules: RuleSettings;
}

interface Built {
  key: string;
  /** The desk glossary object this was built from (DeskGlossary.load() returns the same object while the file is unchanged). */
  desk: Glossary;
  glossaries: Glossary[];
  disabled: string[];
  /** Spelling and house style the engine was built with (null: none). */
  language: LanguageOptions | null;
  engine: QaEngine;
  /** Source text → recognised terms. */
  terms: Map<string, TermMatch[]>;
}

export class TerminologyService {
  private readonly desk: DeskGlossary;
  private readonly requireProject: () => ProjectStore;
  private readonly now: () => Date;
  private readonly language: LanguageSource | null;
  private store: { project: ProjectStore; glossary: GlossaryStore } | null = null;
  private built: Built | null = null;
  /** Identifies the open ProjectStore instance in cache keys. */
  private projectSerial = 0;

  constructor(deps: { desk: DeskGlossary; requireProject: () => ProjectStore; now?: () => Date; language?: LanguageSource }) {
    this.desk = deps.desk;
    this.language = deps.language ?? null;
    this.requireProject = deps.requireProject;
    this.now = deps.now ?? (() => new Date());
  }

  get deskGlossary(): DeskGlossary {
    return this.desk;
  }

  /** The glossary store of the open project (throws project.notOpen). */
  projectGlossary(): GlossaryStore {
    const project = this.requireProject();
    if (!project.isOpen) throw new RelaisError('project.notOpen', 'No project is open');
    if (!this.store || this.store.project !== project) {
      this.store = { project, glossary: new GlossaryStore(project, { now: this.now }) };
      this.projectSerial++;
      this.built = null;
    }
    return this.store.glossary;
  }

  /** Project glossary first, then the desk glossary. */
  async glossaries(): Promise<Glossary[]> {
    return (await this.build()).glossaries;
  }

  async engine(): Promise<QaEngine> {
    return (await this.build()).engine;
  }

  /** QA of one segment: its stored source and `target` (default: its stored target). */
  async qaForSegment(segmentId: string, target?: string): Promise<Finding[]> {
    const b = await this.build();
    const seg = this.requireProject().segment(segmentId);
    return b.engine.checkSegment({ id: seg.id, source: seg.source, target: target ?? seg.target });
  }

  /**
   * QA of every translatable live segment's stored target, with the cross-segment checks. With `adjust`, a one-off
   * engine from the same inputs plus more glossaries (after the project glossary, before the desk one) and more
   * disabled rules, or without the desk glossary, and with another variant, more accepted words, other rule
   * settings or no spell check.
   */
  async qaForDocument(adjust: QaAdjustments = {}): Promise<Finding[]> {
    const b = await this.build();
    let engine = b.engine;
    const spellingChanged = adjust.variant !== undefined || adjust.withoutSpelling || adjust.acceptedWords?.length || adjust.spellingSuggestions;
    if (adjust.glossaries?.length || adjust.disabledRules?.length || adjust.withoutDesk || adjust.rules || spellingChanged) {
      const [project, desk] = b.glossaries;
      const glossaries = [project!, ...(adjust.glossaries ?? []), ...(adjust.withoutDesk ? [] : [desk!])];
      const disabledRules = [...new Set([...b.disabled, ...(adjust.disabledRules ?? [])])];
      let language: Partial<LanguageOptions> & { spellingSuggestions?: boolean } = b.language ?? {};
      if (this.language && b.language) {
        const spelling = adjust.withoutSpelling
          ? null
          : adjust.variant !== undefined || adjust.acceptedWords?.length
            ? await this.language.checker({ ...(adjust.variant ? { variant: adjust.variant } : {}), ...(adjust.acceptedWords ? { words: adjust.acceptedWords } : {}) })
            : b.language.spelling;
        language = { spelling, variant: adjust.variant ?? b.language.variant, rules: resolveRuleSettings(b.language.rules, adjust.rules) };
      } else if (adjust.rules) language = { rules: adjust.rules };
      engine = createProjectQaEngine({ glossaries, disabledRules, ...language, ...(adjust.spellingSuggestions ? { spellingSuggestions: true } : {}) });
    }
    const segs = this.requireProject()
      .segments()
      .filter((s) => s.translatable)
      .map((s) => ({ id: s.id, source: s.source, target: s.target }));
    return engine.checkDocument(segs);
  }

  /** French terms recognised in a segment's source, with their concepts. */
  async termsForSegment(segmentId: string): Promise<SegmentTerm[]> {
    const b = await this.build();
    const seg = this.requireProject().segment(segmentId);
    return recognize(b, seg.source).map((m) => ({ ...toSpan(m), concept: toConcept(m.concept) }));
  }

  /** Recognised terms of every live segment (including those out of translation, which the editor still shows). */
  async termsForAllSegments(): Promise<SegmentsTerms> {
    const b = await this.build();
    const out: SegmentsTerms = { segments: {}, concepts: {} };
    for (const seg of this.requireProject().segments()) {
      const matches = recognize(b, seg.source);
      if (matches.length === 0) continue;
      out.segments[seg.id] = matches.map(toSpan);
      for (const m of matches) if (!(m.concept.key in out.concepts)) out.concepts[m.concept.key] = toConcept(m.concept);
    }
    return out;
  }

  /** Every rule with its severity and options as the desk and the project set them, and whether it runs. */
  rules(): QaRuleState[] {
    const disabled = new Set(this.projectGlossary().disabledRules());
    const settings = this.language?.ruleSettings() ?? {};
    return ruleInfos(settings).map((r) => {
      const state: QaRuleState = { id: r.id, severity: r.severity, description: r.description, enabled: !disabled.has(r.id) && settings[r.id]?.enabled !== false };
      if (r.options) state.options = r.options;
      return state;
    });
  }

  setRuleEnabled(ruleId: string, enabled: boolean): QaRuleState[] {
    if (!QA_RULES.some((r) => r.id === ruleId)) {
      throw new RelaisError('invalid.arguments', `Unknown QA rule "${ruleId}"`, { detail: `Known rules: ${QA_RULES.map((r) => r.id).join(', ')}` });
    }
    const store = this.projectGlossary();
    const disabled = new Set(store.disabledRules());
    if (enabled) disabled.delete(ruleId);
    else disabled.add(ruleId);
    store.setDisabledRules([...disabled]);
    // A rule the desk switched off is switched on for this project by the project's own setting.
    if (enabled && this.language && this.language.ruleSettings()[ruleId]?.enabled === false) this.language.setRule('project', ruleId, { enabled: true });
    return this.rules();
  }

  /** Builds (or reuses) the glossaries, the engine and the term cache for the current state. */
  private async build(): Promise<Built> {
    this.projectGlossary(); // fails fast with project.notOpen
    let lang = this.language ? await this.language.qaOptions() : null;
    const deskGlossary = await this.desk.load();
    // Settings changed (or another project was opened) while the dictionaries loaded: take the new ones.
    if (this.language && lang && !lang.key.startsWith(this.language.key())) lang = await this.language.qaOptions();
    // After the awaits the project may have been switched: everything below is read synchronously.
    const current = this.projectGlossary();
    const key = `${this.projectSerial}|${current.version()}|${this.desk.version()}|${lang?.key ?? ''}`;
    if (this.built && this.built.key === key && this.built.desk === deskGlossary) return this.built;
    const disabled = current.disabledRules();
    const language: LanguageOptions | null = lang ? { spelling: lang.spelling, variant: lang.variant, rules: lang.rules } : null;
    // Built as the renderer builds its own (shared/qa/project.ts), so a live finding is the approval gate's finding.
    const glossaries = projectGlossaries(current.list(), deskGlossary);
    const engine = createProjectQaEngine({ glossaries, disabledRules: disabled, ...(language ?? {}) });
    this.built = { key, desk: deskGlossary, glossaries, disabled, language, engine, terms: new Map() };
    return this.built;
  }
}

const TERM_CACHE_LIMIT = 5_000;

function recognize(b: Built, source: string): TermMatch[] {
  let m = b.terms.get(source);
  if (!m) {
    m = b.engine.termIndex.recognize(source);
    if (b.terms.size >= TERM_CACHE_LIMIT) b.terms.clear();
    b.terms.set(source, m);
  }
  return m;
}

function toSpan(m: TermMatch): TermSpan {
  return { start: m.start, end: m.end, text: m.text, term: m.term.text, exact: m.exact, conceptKey: m.concept.key };
}

function withNote<T extends object>(o: T, note: string | undefined): T & { note?: string } {
  return note === undefined ? o : { ...o, note };
}

function toConcept(c: ConceptRef): TermConcept {
  const out: TermConcept = {
    key: c.key,
    id: c.entry.id,
    glossary: c.glossary,
    scope: c.scope,
    approved: c.approved.map((t) => withNote({ text: t.text, status: t.status }, t.note)),
    forbidden: c.deprecated.map((t) => withNote({ text: t.text }, t.note)),
    superseded: c.superseded.map((t) => withNote({ text: t.text }, t.note)),
  };
  if (c.entry.note !== undefined) out.note = c.entry.note;
  if (c.entry.source !== undefined) out.source = c.entry.source;
  if (c.entry.subject !== undefined) out.subject = c.entry.subject;
  return out;
}
