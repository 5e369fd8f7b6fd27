/**
 * Workspace: what one installation of Relais has beyond its projects — the settings (who is working, UI language,
 * recent projects), the desk glossary shared by every project on the machine, and the projects open right now.
 *
 * One Workspace per app process (the project worker); each window's handler table asks it for projects. A project
 * opened by two windows is one ProjectService (one SQLite connection) shared by both: `open…` hands out a lease
 * and `release` gives it back; the project closes when its last lease goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Glossary } from '../../../shared/glossary/model.ts';
import type { AppSettings, RecentProject, Role, UiLanguage, UserIdentity } from '../../../shared/model.ts';
import { deskGlossaryPath, importGlossaryFile } from '../glossary/index.ts';
import { SettingsStore } from '../settings.ts';
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
  private readonly settingsStore: SettingsStore;
  private readonly now: () => Date;
  private readonly open = new Map<string, Lease>();

  constructor(options: WorkspaceOptions, hooks: WorkspaceHooks = {}) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.settingsStore = new SettingsStore(options.settingsDir, { now: this.now, onChanged: (s) => hooks.onSettingsChanged?.(s) });
    this.desk = new DeskGlossary({ settingsDir: options.settingsDir, seedPath: options.deskGlossaryPath ?? deskGlossaryPath() });
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
      service = ProjectService.open(abs, { desk: this.desk }, { now: this.now });
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

  /** Opens the built-in sample article, creating its project in the projects folder on first use. */
  async openSample(): Promise<ProjectService> {
    const sample = this.options.samplePath;
    const file = path.join(this.options.projectsDir, `${sanitizeBaseName(path.basename(sample, path.extname(sample)))}${PROJECT_EXTENSION}`);
    if (fs.existsSync(file)) return this.openProject(file);
    fs.mkdirSync(this.options.projectsDir, { recursive: true });
    return this.importArticle(sample, { projectPath: file });
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
    const service = new ProjectService(store, { desk: this.desk });
    this.open.set(path.resolve(store.path), { service, refs: 1 });
    this.remember(service);
    return service;
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
}
