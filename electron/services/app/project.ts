/**
 * ProjectService: every use case on one open project, for every transport (the IPC handler tables, the CLI, the
 * e2e harness, and later the desk server). It owns the rules that span stores — the QA approval gate, exports that
 * refuse to overwrite the project, glossary permissions — and calls the stores for the rest (the segment workflow
 * itself is shared/workflow.ts, applied by the store).
 *
 * Who is acting is always passed in (`user`): the app takes it from the settings, the CLI from its options, a server
 * from the request's account. Nothing here knows about windows, dialogs or file choosers: callers pass paths they
 * were given by a person (a dialog, a command line), or take bytes back.
 */
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Glossary, Term } from '../../../shared/glossary/model.ts';
import { newId } from '../../../shared/ids.ts';
import type {
  ArchivedSegment,
  CommentList,
  CommentView,
  ExportResult,
  HistoryEntry,
  PublicationStatus,
  RevisionDiff,
  SourceUpdateResult,
  SourceVersionInfo,
  TrackedChanges,
} from '../../../shared/ipc/channels/review.ts';
import type { SpellingState } from '../../../shared/ipc/channels/spelling.ts';
import type { QaRuleState, SegmentsTerms, SegmentTerm } from '../../../shared/ipc/channels/terminology.ts';
import type { ImportedDocument, ProjectInfo, ProjectSnapshot, ProjectStats, RevisionOrigin, Role, Segment, SegmentStatus, UserIdentity } from '../../../shared/model.ts';
import type { QaContext, QaEngine } from '../../../shared/qa/index.ts';
import type { Finding } from '../../../shared/qa/model.ts';
import { DICTIONARY_RULES } from '../../../shared/qa/project.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import type { RuleSetting } from '../../../shared/style/rules.ts';
import { isBlank } from '../../../shared/workflow.ts';
import { exportArticle, type ArticleFormat } from '../export/article.ts';
import { exportReview, type ReviewFormat } from '../export/review.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { defaultCaseSensitive } from '../glossary/build.ts';
import { exportCsv, exportTbx, importGlossaryFile } from '../glossary/index.ts';
import { importFile } from '../import/index.ts';
import type { GlossaryStore } from '../store/glossary-store.ts';
import { ProjectStore, type OpenProjectOptions, type StoredRevision } from '../store/project-store.ts';
import { ReviewStore } from '../store/review-store.ts';
import { archivedSegments, sourceVersions, updateSource } from '../store/source-update.ts';
import { SpellingService } from '../spelling/service.ts';
import type { DeskLanguageSettingsStore } from '../spelling/settings.ts';
import type { DeskGlossary } from '../terminology/desk-glossary.ts';
import { PROJECT_GLOSSARY_NAME, TerminologyService, type QaAdjustments } from '../terminology/service.ts';

/** An editor's reason for approving a target that has QA errors. */
export interface QaOverride {
  reason: string;
}

export interface CommitInput {
  segmentId: string;
  target: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  /** The head revision the edit started from (Segment.revisionId); a newer head refuses the commit (segment.conflict). */
  expectedRevisionId?: string | null;
  override?: QaOverride;
}

export interface StatusInput {
  segmentId: string;
  status: SegmentStatus;
  comment?: string;
  override?: QaOverride;
}

/** "Add a term": a French source selection and an English target selection. */
export interface NewTermInput {
  fr: string;
  en: string;
  status?: Term['status'];
  note?: string;
}

export type GlossaryFormat = 'tbx' | 'csv';

export interface ProjectServiceDeps {
  /** The desk glossary shared by every project of the workspace. */
  desk: DeskGlossary;
  /** The desk's spelling and house-style settings (variant, desk dictionary, ignored words, rule settings). */
  language: DeskLanguageSettingsStore;
}

export class ProjectService {
  private readonly store: ProjectStore;
  private readonly review: ReviewStore;
  private readonly terminology: TerminologyService;
  private readonly spelling: SpellingService;
  private readonly desk: DeskGlossary;
  /** The names of every source of the article, for spelling, while the project's rows are unchanged. */
  private articleNames: { engine: QaEngine; version: string; ctx: QaContext } | null = null;

  constructor(store: ProjectStore, deps: ProjectServiceDeps) {
    this.store = store;
    this.desk = deps.desk;
    this.review = new ReviewStore(store);
    this.spelling = new SpellingService({ desk: deps.language, requireProject: () => this.requireOpen() });
    this.terminology = new TerminologyService({ desk: deps.desk, requireProject: () => this.requireOpen(), now: store.now, language: this.spelling });
  }

  /** Opens a project file (upgrading an older one in place) with the workspace's desk glossary and language settings. */
  static open(file: string, deps: ProjectServiceDeps, opts: OpenProjectOptions = {}): ProjectService {
    return new ProjectService(ProjectStore.open(file, opts), deps);
  }

  get path(): string {
    return this.store.path;
  }

  get isOpen(): boolean {
    return this.store.isOpen;
  }

  close(): void {
    this.store.close();
  }

  private requireOpen(): ProjectStore {
    if (!this.store.isOpen) throw new RelaisError('project.notOpen', 'The project is closed', { file: this.store.path });
    return this.store;
  }

  // ------------------------------------------------------------------ reading

  info(): ProjectInfo {
    return this.store.info();
  }

  snapshot(): ProjectSnapshot {
    return this.store.snapshot();
  }

  segments(): Segment[] {
    return this.store.segments();
  }

  segment(segmentId: string): Segment {
    return this.store.segment(segmentId);
  }

  stats(): ProjectStats {
    return this.store.stats();
  }

  /**
   * The segment a person names: its id, or its number in the article (1, 2, … in document order, as the workbench
   * and `relais segment` number them). segment.notFound otherwise.
   */
  findSegment(ref: string): string {
    if (/^[1-9]\d{0,8}$/.test(ref)) {
      const seg = this.store.segments()[Number(ref) - 1];
      if (!seg) throw new RelaisError('segment.notFound', `The article has no segment ${ref}`);
      return seg.id;
    }
    return this.store.anySegmentId(ref);
  }

  /**
   * Who a person is in this project when only their name is known (the CLI's --user): the id already recorded for
   * that display name, else a new one.
   */
  userNamed(name: string, role: Role): UserIdentity {
    return { id: this.store.userIdByName(name) ?? newId(), name, role };
  }

  // ------------------------------------------------------------------ translating

  /** Writes a target and its status (one revision); approving runs the QA approval gate. */
  commit(input: CommitInput, user: UserIdentity): Promise<Segment> {
    const { override: _override, ...rest } = input;
    return this.withApprovalGate({ segmentId: input.segmentId, status: input.status, target: input.target, override: input.override }, user, (qaOverride) =>
      this.store.commitSegment(qaOverride === undefined ? rest : { ...rest, qaOverride }, user),
    );
  }

  /** Changes the status only (confirm, approve, reject with a comment, back to draft); approving runs the QA approval gate. */
  setStatus(input: StatusInput, user: UserIdentity): Promise<Segment> {
    const { override: _override, comment, ...rest } = input;
    const base = comment === undefined ? rest : { ...rest, comment };
    return this.withApprovalGate({ segmentId: input.segmentId, status: input.status, override: input.override }, user, (qaOverride) =>
      this.store.setStatus(qaOverride === undefined ? base : { ...base, qaOverride }, user),
    );
  }

  /** Autosave of the segment being typed (not a revision; survives a crash). */
  saveDraft(segmentId: string, text: string, user: UserIdentity): void {
    this.store.saveDraft(segmentId, text, user);
  }

  discardDraft(segmentId: string): void {
    this.store.discardDraft(segmentId);
  }

  split(segmentId: string, offset: number, user: UserIdentity): [Segment, Segment] {
    return this.store.splitSegment(segmentId, offset, user);
  }

  merge(firstId: string, secondId: string, user: UserIdentity): Segment {
    return this.store.mergeSegments(firstId, secondId, user);
  }

  setBlockTranslatable(blockId: string, translatable: boolean, _user: UserIdentity): void {
    this.store.setBlockTranslatable(blockId, translatable);
  }

  /**
   * The QA approval gate around a store write. When a change approves a segment (by an editor, and it is not already
   * approved with this very target), QA runs on the target with the project's glossaries and disabled rules: no
   * errors → `write(undefined)`; errors and an override reason → `write(reason)` (kept in the revision); errors and
   * no reason → invalid.operation with detail `qa-errors: <rule ids>`. An override from a translator →
   * permission.denied. The check and `write` run in the same synchronous step once the glossaries are loaded, so the
   * target checked is the target written.
   */
  private async withApprovalGate<T>(
    req: { segmentId: string; status: SegmentStatus; target?: string; override?: QaOverride | undefined },
    user: UserIdentity,
    write: (qaOverride: string | undefined) => T,
  ): Promise<T> {
    if (req.override && user.role !== 'editor') throw new RelaisError('permission.denied', 'Only an editor can approve a segment despite QA errors');
    const gated = () => {
      if (req.status !== 'approved' || user.role !== 'editor') return false;
      const seg = this.store.segment(req.segmentId);
      // Out of translation or empty: the workflow refuses the approval itself, with its own message.
      if (!seg.translatable || isBlank(req.target ?? seg.target)) return false;
      return !(seg.status === 'approved' && (req.target === undefined || req.target === seg.target));
    };
    if (!gated()) return write(undefined);
    const engine = await this.terminology.engine();
    if (!gated()) return write(undefined);
    const seg = this.store.segment(req.segmentId);
    const errors = engine.checkSegment({ id: seg.id, source: seg.source, target: req.target ?? seg.target }).filter((f) => f.severity === 'error');
    if (errors.length === 0) return write(undefined);
    const reason = req.override?.reason.trim();
    if (!reason) {
      const rules = [...new Set(errors.map((f) => f.rule))];
      throw new RelaisError('invalid.operation', 'This segment has QA errors: correct them, or approve with a reason for the override', {
        detail: `qa-errors: ${rules.join(', ')}`,
      });
    }
    return write(reason);
  }

  // ------------------------------------------------------------------ history and review

  /** Revisions of a segment (live, merged away or archived), oldest first, with their review action. */
  history(segmentId: string): HistoryEntry[] {
    return this.review.history(segmentId);
  }

  /** Every segment that has a history, in document order, with its revisions. */
  allHistory(): { segment: string; source: string; archived: boolean; revisions: HistoryEntry[] }[] {
    return this.review.allHistory();
  }

  revisions(segmentId: string): StoredRevision[] {
    return this.store.revisions(segmentId);
  }

  diff(segmentId: string, fromRevisionId: string, toRevisionId: string): RevisionDiff {
    return this.review.diffRevisions(segmentId, fromRevisionId, toRevisionId);
  }

  restore(segmentId: string, revisionId: string, user: UserIdentity): Segment {
    return this.review.restoreRevision(segmentId, revisionId, user);
  }

  /** Tracked changes of one segment, or of every segment that has some (null). */
  trackedChanges(segmentId: string | null = null): TrackedChanges[] {
    if (segmentId === null) return this.review.allTrackedChanges();
    const t = this.review.trackedChanges(segmentId);
    return t ? [t] : [];
  }

  acceptChanges(segmentId: string | null, user: UserIdentity): Segment[] {
    return this.review.acceptChanges(segmentId ?? 'all', user);
  }

  rejectChanges(segmentId: string | null, user: UserIdentity): Segment[] {
    return this.review.rejectChanges(segmentId ?? 'all', user);
  }

  unlock(segmentId: string, user: UserIdentity): Segment {
    return this.review.unlock(segmentId, user);
  }

  addComment(segmentId: string, text: string, user: UserIdentity, parentId: string | null = null): CommentView {
    return this.review.addComment(segmentId, text, user, parentId);
  }

  resolveComment(commentId: string, user: UserIdentity): CommentView {
    return this.review.resolveComment(commentId, user);
  }

  reopenComment(commentId: string, user: UserIdentity): CommentView {
    return this.review.reopenComment(commentId, user);
  }

  comments(segmentId: string | null = null): CommentList {
    return this.review.comments(segmentId);
  }

  markSeen(user: UserIdentity, segmentIds: readonly string[]): void {
    this.review.markSeen(user, segmentIds);
  }

  changedSince(user: UserIdentity): string[] {
    return this.review.changedSince(user);
  }

  /** What blocks publication: segments not approved, open threads, QA errors (the same QA as the approval gate). */
  async publicationStatus(): Promise<PublicationStatus> {
    const engine = await this.terminology.engine();
    return this.review.publicationStatus((segments) => engine.checkDocument(segments.map((s) => ({ id: s.id, source: s.source, target: s.target }))));
  }

  // ------------------------------------------------------------------ republished source

  /**
   * Applies a newer version of the article (a file, or an already imported document). Refused with detail
   * 'different-article' when it does not look like the same article, unless `confirmDifferentArticle`.
   */
  async updateSource(source: string | ImportedDocument, user: UserIdentity, opts: { confirmDifferentArticle?: boolean } = {}): Promise<SourceUpdateResult> {
    const file = typeof source === 'string' ? path.resolve(source) : null;
    const doc = file === null ? (source as ImportedDocument) : await importFile(file);
    try {
      return updateSource(this.store, doc, user, { confirmDifferentArticle: opts.confirmDifferentArticle === true });
    } catch (e) {
      // Name the file the person chose (the store only knows its base name).
      if (file !== null && e instanceof RelaisError && e.file === doc.sourceName) {
        throw new RelaisError(e.code, e.message, { file, ...(e.detail !== undefined ? { detail: e.detail } : {}) });
      }
      throw e;
    }
  }

  archived(): ArchivedSegment[] {
    return archivedSegments(this.store);
  }

  sourceVersions(): SourceVersionInfo[] {
    return sourceVersions(this.store);
  }

  // ------------------------------------------------------------------ terminology and QA

  /** The project glossary then the desk glossary, as the QA engine uses them. */
  glossaries(): Promise<Glossary[]> {
    return this.terminology.glossaries();
  }

  /** The project glossary alone (read from the project file: usable even when the desk file is damaged). */
  projectGlossary(): Glossary {
    return { name: PROJECT_GLOSSARY_NAME, scope: 'project', entries: this.glossaryStore().list() };
  }

  /** Both roles add a term (a source and a target selection); a pair already in the glossary is refused. */
  addGlossaryTerm(input: NewTermInput, user: UserIdentity): ConceptEntry {
    const entry = newTermEntry(input, this.projectGlossary(), 'project');
    return this.glossaryStore().upsert(entry, user);
  }

  updateGlossaryEntry(entry: ConceptEntry, user: UserIdentity): ConceptEntry {
    requireEditor(user, 'change an entry of the project glossary');
    return this.glossaryStore().update(entry, user);
  }

  deleteGlossaryEntry(id: string, user: UserIdentity): void {
    requireEditor(user, 'delete an entry of the project glossary');
    this.glossaryStore().delete(id);
  }

  /** Reads a TBX / CSV / TSV file (refused as a whole on any error, before the project is touched) into the project glossary. */
  async importGlossary(file: string, mode: 'replace' | 'merge', user: UserIdentity): Promise<Glossary> {
    requireEditor(user, 'import into the project glossary');
    const g = await importGlossaryFile(path.resolve(file), { scope: 'project' });
    this.glossaryStore().replaceAll(g.entries, user, mode);
    return this.projectGlossary();
  }

  /** The project glossary as TBX v3 or CSV (with a BOM, for spreadsheets). */
  exportGlossary(format: GlossaryFormat): string {
    return glossaryFile(this.projectGlossary(), format);
  }

  qaRules(): QaRuleState[] {
    return this.terminology.rules();
  }

  setQaRuleEnabled(ruleId: string, enabled: boolean, user: UserIdentity): QaRuleState[] {
    requireEditor(user, 'change which QA checks run');
    return this.terminology.setRuleEnabled(ruleId, enabled);
  }

  /** QA of one segment's stored source with `target` (default: its stored target). */
  checkSegment(segmentId: string, target?: string): Promise<Finding[]> {
    return this.terminology.qaForSegment(segmentId, target);
  }

  /**
   * Whole-article QA: every translatable live segment's stored target, with the cross-segment checks. Same engine,
   * glossaries, disabled rules, spelling and house style as the approval gate, so its errors are exactly what blocks
   * approval. `adjust` (the CLI's --glossary, --disable, --no-desk, --variant, --no-spelling, --words, --severity,
   * --option) departs from that on purpose.
   */
  checkDocument(adjust?: QaAdjustments): Promise<Finding[]> {
    return this.terminology.qaForDocument(adjust);
  }

  terms(segmentId: string): Promise<SegmentTerm[]> {
    return this.terminology.termsForSegment(segmentId);
  }

  // ------------------------------------------------------------------ spelling and house style

  /** The project's variant (its own, else the desk's), the desk's variant and word lists. */
  spellingState(): SpellingState {
    return this.spelling.state();
  }

  /**
   * The findings that need the dictionaries (spelling.unknown, style.variant) of a target being typed, by the
   * project's QA engine (the one of whole-article QA and the publication gate), against the segment's stored source
   * and the names of every source of the article. The renderer runs the other rules itself.
   */
  async checkSpelling(segmentId: string, target: string): Promise<Finding[]> {
    const engine = await this.terminology.engine();
    // From here on synchronous: the project cannot change under the check.
    const seg = this.store.segment(segmentId);
    return engine.checkSegment({ id: seg.id, source: seg.source, target }, this.articleContext(engine)).filter((f) => DICTIONARY_RULES.has(f.rule));
  }

  /**
   * Corrections for one word, best first: the variant spelling, desk words, names of the segment's source and of the
   * article when `segmentId` is given, Hunspell.
   */
  async suggestSpelling(word: string, segmentId?: string): Promise<string[]> {
    if (segmentId === undefined) {
      const checker = await this.spelling.checker();
      return checker ? checker.suggest(word, 8) : [];
    }
    const engine = await this.terminology.engine();
    const seg = this.store.segment(segmentId);
    const names = this.articleContext(engine).names;
    return engine.spelling ? engine.spelling.suggest(word, 8, { source: seg.source, ...(names ? { names } : {}) }) : [];
  }

  /** The project's English variant; null follows the desk. Editors only. */
  setVariant(variant: EnglishVariant | null, user: UserIdentity): SpellingState {
    requireEditor(user, 'choose the English variant of a project');
    return this.spelling.setProjectVariant(variant);
  }

  /** The project's setting of one rule (enabled, severity, options) over the desk's; null clears it. Editors only. */
  setQaRuleSetting(ruleId: string, setting: RuleSetting | null, user: UserIdentity): QaRuleState[] {
    requireEditor(user, 'change the QA rules of a project');
    this.spelling.setRule('project', ruleId, setting);
    return this.qaRules();
  }

  /** Names of the article's sources, rebuilt when the project's rows change (writes here or by another process). */
  private articleContext(engine: QaEngine): QaContext {
    const version = this.store.changeVersion();
    if (!this.articleNames || this.articleNames.engine !== engine || this.articleNames.version !== version) {
      this.articleNames = { engine, version, ctx: engine.context(this.store.segments()) };
    }
    return this.articleNames.ctx;
  }

  allTerms(): Promise<SegmentsTerms> {
    return this.terminology.termsForAllSegments();
  }

  // ------------------------------------------------------------------ exports

  /** The translated article as bytes (or text), with a warning per segment that fell back to its source. */
  exportArticle(format: ArticleFormat): ReturnType<typeof exportArticle> {
    return exportArticle(this.store.snapshot(), format);
  }

  /** The bilingual review document (source, target, tracked changes, comments). */
  exportReview(format: ReviewFormat, opts: { now?: Date } = {}): Promise<Uint8Array | string> {
    return exportReview(this.review.exportInput(), format, { now: opts.now ?? this.store.now() });
  }

  /** Writes the translated article to `file` (temp file + rename); never over the project itself. */
  async writeArticle(format: ArticleFormat, file: string): Promise<ExportResult> {
    const out = this.exportTarget(file);
    const result = await this.exportArticle(format);
    await writeFileAtomic(out, result.data);
    return { file: out, warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })) };
  }

  /** Writes the bilingual review document to `file` (temp file + rename); never over the project itself. */
  async writeReview(format: ReviewFormat, file: string): Promise<ExportResult> {
    const out = this.exportTarget(file);
    await writeFileAtomic(out, await this.exportReview(format));
    return { file: out, warnings: [] };
  }

  private exportTarget(file: string): string {
    const out = path.resolve(file);
    if (out === path.resolve(this.store.path)) throw new RelaisError('invalid.operation', 'Refusing to overwrite the project with its export', { file: out });
    return out;
  }

  private glossaryStore(): GlossaryStore {
    return this.terminology.projectGlossary();
  }

  /** The workspace's desk glossary (for the QA engine, loaded with the project glossary). */
  get deskGlossary(): DeskGlossary {
    return this.desk;
  }
}

export function requireEditor(user: UserIdentity, what: string): void {
  if (user.role !== 'editor') throw new RelaisError('permission.denied', `Only an editor can ${what}`);
}

/** A glossary file's content: TBX v3, or CSV with a BOM so spreadsheet software reads the accents right. */
export function glossaryFile(g: Glossary, format: GlossaryFormat): string {
  return format === 'tbx' ? exportTbx(g) : '\uFEFF' + exportCsv(g);
}

function isLang(t: Term, lang: 'fr' | 'en'): boolean {
  const l = t.lang.toLowerCase();
  return l === lang || l.startsWith(`${lang}-`) || l.startsWith(`${lang}_`);
}

function sameText(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('fr') === b.normalize('NFC').toLocaleLowerCase('fr');
}

/**
 * A new entry for "add a term" in `glossary` (project or desk): French preferred, English with the given status,
 * case sensitivity guessed from the terms, a new global id. A pair already there is refused.
 */
export function newTermEntry(input: NewTermInput, glossary: Glossary, scope: 'project' | 'desk'): ConceptEntry {
  const fr = input.fr.normalize('NFC');
  const en = input.en.normalize('NFC');
  const same = glossary.entries.find(
    (e) => e.terms.some((t) => isLang(t, 'fr') && sameText(t.text, fr)) && e.terms.some((t) => isLang(t, 'en') && sameText(t.text, en)),
  );
  if (same) throw new RelaisError('invalid.operation', `“${fr}” → “${en}” is already in the ${scope} glossary`, { detail: `entry ${same.id}` });
  const terms: Term[] = [
    { text: fr, lang: 'fr', status: 'preferred', caseSensitive: defaultCaseSensitive(fr) },
    { text: en, lang: 'en', status: input.status ?? 'preferred', caseSensitive: defaultCaseSensitive(en) },
  ];
  const entry: ConceptEntry = { id: newId(), terms };
  if (input.note !== undefined && input.note.trim()) entry.note = input.note.trim();
  return entry;
}
