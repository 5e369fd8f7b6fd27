/**
 * The handler table: one function per channel of shared/ipc/contract.ts, behind createDispatcher (which validates
 * arguments with zod and wraps results in envelopes). Used by the Electron shell, the e2e harness and the tests.
 *
 * Holds the settings and the one open project. Mutations need a user identity from the settings
 * (none set → permission.denied); role checks (approve/reject = editor) are enforced by the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RelaisError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/ipc/contract.ts';
import type { ProjectSnapshot, UserIdentity } from '../../shared/model.ts';
import type { ServiceContext } from './context.ts';
import { createReviewHandlers } from './review/handlers.ts';
import { createProjectFromBytes, createProjectFromFile, isProjectPath, sanitizeBaseName } from './project-service.ts';
import { SettingsStore } from './settings.ts';
import { createTerminology } from './terminology/handlers.ts';
import { createSpellingHandlers } from './spelling/handlers.ts';
import { SpellingService } from './spelling/service.ts';
import { PROJECT_EXTENSION, ProjectStore } from './store/project-store.ts';

export type HandlerTable = Handlers & {
  /** Closes the open project. The table must not be used afterwards. */
  dispose(): void;
};

export function createHandlers(ctx: ServiceContext): HandlerTable {
  const now = ctx.now ?? (() => new Date());
  const settings = new SettingsStore(ctx.settingsDir, { now, onChanged: () => ctx.onSettingsChanged?.() });
  let project: ProjectStore | null = null;

  function requireProject(): ProjectStore {
    if (!project || !project.isOpen) throw new RelaisError('project.notOpen', 'No project is open');
    return project;
  }

  function requireUser(): UserIdentity {
    const user = settings.get().user;
    if (!user) throw new RelaisError('permission.denied', 'Set your name and role before changing a project');
    return user;
  }

  /** Makes `store` the open project (closing the previous one), records it in the recent list. */
  function adopt(store: ProjectStore): ProjectSnapshot {
    if (project && project !== store) project.close();
    project = store;
    const snap = store.snapshot();
    settings.addRecent(store.path, snap.info.name);
    return snap;
  }

  function openPath(file: string): ProjectSnapshot {
    const abs = path.resolve(file);
    if (project?.isOpen && project.path === abs) return adopt(project);
    return adopt(ProjectStore.open(abs, { now }));
  }

  async function importPath(file: string, projectPath?: string): Promise<ProjectSnapshot> {
    const opts = projectPath !== undefined ? { projectPath, now } : { fallbackDir: ctx.projectsDir, now };
    return adopt(await createProjectFromFile(file, opts));
  }

  const spelling = new SpellingService({ settingsDir: ctx.settingsDir, requireProject, now });
  const terminology = createTerminology({ ctx, requireProject, requireUser, now, language: spelling });

  const handlers: Handlers = {
    ...createReviewHandlers({ requireProject, requireUser, now, qaEngine: () => terminology.service.engine() }),
    ...terminology.handlers,
    ...createSpellingHandlers({ spelling, terminology: terminology.service, requireProject, requireUser }),
    getAppState() {
      return { settings: { ...settings.get(), recent: settings.listRecent() }, project: project?.isOpen ? project.snapshot() : null };
    },
    setUser(user) {
      return settings.setUser(user);
    },
    setLanguage(language) {
      return settings.setLanguage(language);
    },
    listRecent() {
      return settings.listRecent();
    },

    async openSample() {
      const file = path.join(ctx.projectsDir, `${sanitizeBaseName(path.basename(ctx.samplePath, path.extname(ctx.samplePath)))}${PROJECT_EXTENSION}`);
      if (fs.existsSync(file)) return openPath(file);
      fs.mkdirSync(ctx.projectsDir, { recursive: true });
      return importPath(ctx.samplePath, file);
    },
    openProject(file) {
      return openPath(file);
    },
    importFile(file, projectPath) {
      return importPath(file, projectPath);
    },
    async importDroppedFile(name, base64) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64.replace(/\s+/g, ''))) {
        throw new RelaisError('invalid.arguments', 'The dropped file could not be read (bad base64 data)', { file: name });
      }
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      return adopt(await createProjectFromBytes(name, bytes, ctx.projectsDir, { now }));
    },
    async pickFile(_purpose) {
      return ctx.dialogs.showOpen();
    },
    async showOpenDialog() {
      const chosen = await ctx.dialogs.showOpen();
      if (chosen === null) return null;
      return isProjectPath(chosen) ? openPath(chosen) : importPath(chosen);
    },
    closeProject() {
      project?.close();
      project = null;
      return null;
    },

    saveDraft(segmentId, text) {
      requireProject().saveDraft(segmentId, text, requireUser());
      return null;
    },
    commitSegment(input) {
      const { override: _override, ...rest } = input;
      const p = requireProject();
      const user = requireUser();
      // Approving a target with QA errors needs an editor's override reason (electron/services/terminology/handlers.ts).
      return terminology.withApprovalGate(input, user, (qaOverride) => p.commitSegment(qaOverride === undefined ? rest : { ...rest, qaOverride }, user));
    },
    setStatus(input) {
      const { comment, override: _override, ...rest } = input;
      const p = requireProject();
      const user = requireUser();
      const base = comment === undefined ? rest : { ...rest, comment };
      return terminology.withApprovalGate(input, user, (qaOverride) => p.setStatus(qaOverride === undefined ? base : { ...base, qaOverride }, user));
    },
    splitSegment(segmentId, offset) {
      const p = requireProject();
      p.splitSegment(segmentId, offset, requireUser());
      return p.snapshot();
    },
    mergeSegments(firstId, secondId) {
      const p = requireProject();
      p.mergeSegments(firstId, secondId, requireUser());
      return p.snapshot();
    },
    setBlockTranslatable(blockId, translatable) {
      const p = requireProject();
      requireUser();
      p.setBlockTranslatable(blockId, translatable);
      return p.snapshot();
    },
    getRevisions(segmentId) {
      return requireProject().revisions(segmentId);
    },
    getStats() {
      return requireProject().stats();
    },
  };

  return {
    ...handlers,
    dispose() {
      project?.close();
      project = null;
    },
  };
}
