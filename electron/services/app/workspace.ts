/**
 * Workspace: what one installation of Relais has beyond its projects — the settings (who is working, UI language,
 * recent projects), the desk glossary and the desk's spelling and house-style settings (variant, desk dictionary,
 * ignored words, rule settings) shared by every project on the machine, and the projects open right now.
 *
 * One Workspace per app process (the project worker); each window's handler table asks it for projects. A project
 * opened by two windows is one ProjectService (one SQLite connection) shared by both: `open…` hands out a lease
 * and `release` gives it back; the project closes when its last lease goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Glossary } from '../../../shared/glossary/model.ts';
import type { SpellingState, WordListExportResult } from '../../../shared/ipc/channels/spelling.ts';
import type { QaRuleState } from '../../../shared/ipc/channels/terminology.ts';
import type { AppSettings, RecentProject, Role, UiLanguage, UserIdentity } from '../../../shared/model.ts';
import { ruleInfos } from '../../../shared/qa/index.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import type { RuleSetting } from '../../../shared/style/rules.ts';
import { deskGlossaryPath, importGlossaryFile } from '../glossary/index.ts';
import { SettingsStore } from '../settings.ts';
import { knownRule, SpellingService } from '../spelling/service.ts';
import { DeskLanguageSettingsStore, type WordListName } from '../spelling/settings.ts';
import { readWordListFile, writeWordListFile } from '../spelling/word-lists.ts';
import { PROJECT_EXTENSION, type ProjectStore } from '../store/project-store.ts';
import { DeskGlossary } from '../terminology/desk-glossary.ts';
import { glossaryFile, newTermEntry, ProjectService, requireEditor, type GlossaryFormat, type NewTermInput } from './project.ts';
import { createProjectFromBytes, createProjectFromFile, sanitizeBaseName } from './project-files.ts';

export interface WorkspaceOptions {
  /** Folder of settings.json and the desk glossary (the app's userData folder; a temp folder in tests). */
  settingsDir: string;
  /** Where projects made from the sample and from dropped files are created. */
  projectsDir: string;
  /** The built-in sample article. */
  samplePath: string;
  /** The desk glossary shipped with Relais, copied to the settings folder on first use (default: resources/glossary). */
  deskGlossaryPath?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export interface WorkspaceHooks {
  /** After every change of the settings (user, language, recent list), whoever made it. */
  onSettingsChanged?(settings: AppSettings): void;
}

interface Lease {
  service: ProjectService;
  refs: number;
}

export class Workspace {
  readonly options: Readonly<WorkspaceOptions>;
  readonly desk: DeskGlossary;
  /** The desk's spelling and house-style settings (spelling.json in the settings folder). */
  readonly language: DeskLanguageSettingsStore;
  /** Spelling as the desk has it, for what needs no project (suggestions, the desk's lists). */
  private readonly deskSpelling: SpellingService;
  private readonly settingsStore: SettingsStore;
  private readonly now: () => Date;
  private readonly open = new Map<string, Lease>();
  /** The sample's project while openSample creates it. */
  private sampleCreation: Promise<ProjectService> | null = null;

  constructor(options: WorkspaceOptions, hooks: WorkspaceHooks = {}) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.settingsStore = new SettingsStore(options.settingsDir, { now: this.now, onChanged: (s) => hooks.onSettingsChanged?.(s) });
    this.desk = new DeskGlossary({ settingsDir: options.settingsDir, seedPath: options.deskGlossaryPath ?? deskGlossaryPath() });
    this.language = new DeskLanguageSettingsStore(options.settingsDir, { knownRule, now: this.now });
    this.deskSpelling = new SpellingService({ desk: this.language });
  }

  // ------------------------------------------------------------------ settings and user

  /** The settings, with the recent list pruned of projects that are gone. */
  settings(): AppSettings {
    return { ...this.settingsStore.get(), recent: this.settingsStore.listRecent() };
  }

  /** Sets who is working (display name and role); the user id made once for this profile is kept. */
  setUser(user: { name: string; role: Role }): AppSettings {
    return this.settingsStore.setUser(user);
  }

  setLanguage(language: UiLanguage): AppSettings {
    return this.settingsStore.setLanguage(language);
  }

  recent(): RecentProject[] {
    return this.settingsStore.listRecent();
  }

  /** The person working, or null before they have said who they are. */
  user(): UserIdentity | null {
    return this.settingsStore.get().user;
  }

  /** The person working; permission.denied before they have said who they are (no change is anonymous). */
  requireUser(): UserIdentity {
    const user = this.user();
    if (!user) throw new RelaisError('permission.denied', 'Set your name and role before changing a project');
    return user;
  }

  // ------------------------------------------------------------------ projects

  /** Opens a project file (a lease: give it back with release). Opened through here, it goes to the recent list. */
  openProject(file: string): ProjectService {
    const abs = path.resolve(file);
    const lease = this.open.get(abs);
    let service: ProjectService;
    if (lease && lease.service.isOpen) {
      lease.refs++;
      service = lease.service;
    } else {
      service = ProjectService.open(abs, this.projectDeps(), { now: this.now });
      this.open.set(abs, { service, refs: 1 });
    }
    this.remember(service);
    return service;
  }

  /** Imports an article into a new project (next to it, or at `projectPath`) and opens it. */
  async importArticle(file: string, opts: { projectPath?: string } = {}): Promise<ProjectService> {
    const o = opts.projectPath !== undefined ? { projectPath: opts.projectPath, now: this.now } : { fallbackDir: this.options.projectsDir, now: this.now };
    return this.adopt(await createProjectFromFile(file, o));
  }

  /** Imports a dropped file's bytes into a new project in the projects folder and opens it. */
  async importBytes(name: string, bytes: Uint8Array): Promise<ProjectService> {
    return this.adopt(await createProjectFromBytes(name, bytes, this.options.projectsDir, { now: this.now }));
  }

  /**
   * Opens the built-in sample article, creating its project in the projects folder on first use. Calls that arrive
   * while it is being created (a window starting, a menu command, another window) wait for it and open it too.
   */
  async openSample(): Promise<ProjectService> {
    const sample = this.options.samplePath;
    const file = path.join(this.options.projectsDir, `${sanitizeBaseName(path.basename(sample, path.extname(sample)))}${PROJECT_EXTENSION}`);
    if (this.sampleCreation) await this.sampleCreation.catch(() => undefined);
    if (fs.existsSync(file)) return this.openProject(file);
    fs.mkdirSync(this.options.projectsDir, { recursive: true });
    const creating = this.importArticle(sample, { projectPath: file });
    this.sampleCreation = creating;
    try {
      return await creating;
    } finally {
      if (this.sampleCreation === creating) this.sampleCreation = null;
    }
  }

  /** Gives back a lease; the project closes when nobody holds it any more. */
  release(service: ProjectService): void {
    const abs = path.resolve(service.path);
    const lease = this.open.get(abs);
    if (!lease || lease.service !== service) {
      service.close();
      return;
    }
    if (--lease.refs <= 0) {
      this.open.delete(abs);
      service.close();
    }
  }

  /** Closes every open project. */
  close(): void {
    for (const { service } of this.open.values()) service.close();
    this.open.clear();
  }

  /** A project just created (its file is new: nobody else holds it) becomes a lease. */
  private adopt(store: ProjectStore): ProjectService {
    const service = new ProjectService(store, this.projectDeps());
    this.open.set(path.resolve(store.path), { service, refs: 1 });
    this.remember(service);
    return service;
  }

  private projectDeps() {
    return { desk: this.desk, language: this.language };
  }

  private remember(service: ProjectService): void {
    this.settingsStore.addRecent(service.path, service.info().name);
  }

  // ------------------------------------------------------------------ desk glossary

  deskGlossary(): Promise<Glossary> {
    return this.desk.load();
  }

  async addDeskTerm(input: NewTermInput, user: UserIdentity): Promise<ConceptEntry> {
    requireEditor(user, 'change the desk glossary');
    return this.desk.add(newTermEntry(input, await this.desk.load(), 'desk'));
  }

  updateDeskEntry(entry: ConceptEntry, user: UserIdentity): Promise<ConceptEntry> {
    requireEditor(user, 'change the desk glossary');
    return this.desk.update(entry);
  }

  async deleteDeskEntry(id: string, user: UserIdentity): Promise<void> {
    requireEditor(user, 'change the desk glossary');
    await this.desk.delete(id);
  }

  async importDeskGlossary(file: string, mode: 'replace' | 'merge', user: UserIdentity): Promise<Glossary> {
    requireEditor(user, 'replace the desk glossary');
    const g = await importGlossaryFile(path.resolve(file), { scope: 'desk' });
    return this.desk.replaceAll(g.entries, mode);
  }

  async exportDeskGlossary(format: GlossaryFormat): Promise<string> {
    return glossaryFile(await this.desk.load(), format);
  }

  // ------------------------------------------------------------------ spelling and house style of the desk

  /** The desk's variant and word lists (a project's own variant is in ProjectService.spellingState). */
  spellingState(): SpellingState {
    return this.deskSpelling.state();
  }

  /** Corrections for a word in the desk's variant, best first. */
  async suggestSpelling(word: string): Promise<string[]> {
    const checker = await this.deskSpelling.checker();
    return checker ? checker.suggest(word, 8) : [];
  }

  setDeskVariant(variant: EnglishVariant, user: UserIdentity): void {
    requireEditor(user, 'choose the English variant of the desk');
    this.language.setVariant(variant);
  }

  /** Either role adds a word (a translator adds a name from the editor). */
  addSpellingWord(list: WordListName, word: string, _user: UserIdentity): void {
    this.language.addWord(list, word);
  }

  removeSpellingWord(list: WordListName, word: string, _user: UserIdentity): void {
    this.language.removeWord(list, word);
  }

  /** Writes the desk dictionary or the ignored words as a plain word list (temp file + rename). */
  exportSpellingWords(list: WordListName, file: string): WordListExportResult {
    return writeWordListFile(file, this.spellingState()[list]);
  }

  /** Reads a word list into the desk dictionary or the ignored words; refused as a whole on any bad line. */
  async importSpellingWords(list: WordListName, file: string, mode: 'merge' | 'replace', _user: UserIdentity): Promise<void> {
    const words = await readWordListFile(file);
    if (words.length === 0) throw new RelaisError('file.empty', 'The word list has no word', { file: path.resolve(file) });
    this.language.setWords(list, words, mode);
  }

  /** The desk's setting of one rule (enabled, severity, options); null clears it. */
  setDeskRuleSetting(ruleId: string, setting: RuleSetting | null, user: UserIdentity): void {
    requireEditor(user, 'change the house style of the desk');
    this.language.setRule(ruleId, setting);
  }

  /** The rules as the desk sets them (what a project starts from). */
  deskQaRules(): QaRuleState[] {
    const settings = this.deskSpelling.ruleSettings();
    return ruleInfos(settings).map((r) => ({ ...r, enabled: settings[r.id]?.enabled !== false }));
  }
}
