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
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { Glossary } from '../../../shared/glossary/model.ts';
import type { ConceptRef, TermMatch } from '../../../shared/glossary/index.ts';
import { QA_RULES, type QaEngine } from '../../../shared/qa/index.ts';
import { createProjectQaEngine, projectGlossaries } from '../../../shared/qa/project.ts';
import type { Finding } from '../../../shared/qa/model.ts';
import type { QaRuleState, SegmentsTerms, SegmentTerm, TermConcept, TermSpan } from '../../../shared/ipc/channels/terminology.ts';
import { GlossaryStore } from '../store/glossary-store.ts';
import type { ProjectStore } from '../store/project-store.ts';
import type { DeskGlossary } from './desk-glossary.ts';

export { PROJECT_GLOSSARY_NAME } from '../../../shared/qa/project.ts';

/** Changes to the project's own QA inputs for one check (the CLI's --glossary, --disable, --no-desk). */
export interface QaAdjustments {
  /** More glossaries, after the project glossary and before the desk one. */
  glossaries?: Glossary[];
  /** More rules to leave out. */
  disabledRules?: string[];
  /** Leave the desk glossary out. */
  withoutDesk?: boolean;
}

interface Built {
  key: string;
  /** The desk glossary object this was built from (DeskGlossary.load() returns the same object while the file is unchanged). */
  desk: Glossary;
  glossaries: Glossary[];
  disabled: string[];
  engine: QaEngine;
  /** Source text → recognised terms. */
  terms: Map<string, TermMatch[]>;
}

export class TerminologyService {
  private readonly desk: DeskGlossary;
  private readonly requireProject: () => ProjectStore;
  private readonly now: () => Date;
  private store: { project: ProjectStore; glossary: GlossaryStore } | null = null;
  private built: Built | null = null;
  /** Identifies the open ProjectStore instance in cache keys. */
  private projectSerial = 0;

  constructor(deps: { desk: DeskGlossary; requireProject: () => ProjectStore; now?: () => Date }) {
    this.desk = deps.desk;
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
   * disabled rules, or without the desk glossary.
   */
  async qaForDocument(adjust?: QaAdjustments): Promise<Finding[]> {
    const b = await this.build();
    let engine = b.engine;
    if (adjust && (adjust.glossaries?.length || adjust.disabledRules?.length || adjust.withoutDesk)) {
      const [project, desk] = b.glossaries;
      const glossaries = [project!, ...(adjust.glossaries ?? []), ...(adjust.withoutDesk ? [] : [desk!])];
      engine = createProjectQaEngine({ glossaries, disabledRules: [...new Set([...b.disabled, ...(adjust.disabledRules ?? [])])] });
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

  rules(): QaRuleState[] {
    const disabled = new Set(this.projectGlossary().disabledRules());
    return QA_RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description, enabled: !disabled.has(r.id) }));
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
    return this.rules();
  }

  /** Builds (or reuses) the glossaries, the engine and the term cache for the current state. */
  private async build(): Promise<Built> {
    this.projectGlossary(); // fails fast with project.notOpen
    const deskGlossary = await this.desk.load();
    // After the await the project may have been switched: everything below is read synchronously.
    const current = this.projectGlossary();
    const key = `${this.projectSerial}|${current.version()}|${this.desk.version()}`;
    if (this.built && this.built.key === key && this.built.desk === deskGlossary) return this.built;
    const disabled = current.disabledRules();
    // Built as the renderer builds its own (shared/qa/project.ts), so a live finding is the approval gate's finding.
    const glossaries = projectGlossaries(current.list(), deskGlossary);
    const engine = createProjectQaEngine({ glossaries, disabledRules: disabled });
    this.built = { key, desk: deskGlossary, glossaries, disabled, engine, terms: new Map() };
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
