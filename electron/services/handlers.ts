/**
 * The handler table of one window (or one e2e session): one function per channel of shared/ipc/contract.ts, each a
 * thin mapping to the application layer (electron/services/app). Behind createDispatcher, which validates the
 * arguments and wraps results in envelopes.
 *
 * A table holds what belongs to its window: the project open in it (a lease from the Workspace, which several
 * windows may share) and the files its dialogs chose (tokens). The person acting is the Workspace's user (set in
 * the settings); with none, every change is refused (permission.denied).
 */
import path from 'node:path';
import { RelaisError } from '../../shared/errors.ts';
import type { Handlers } from '../../shared/ipc/contract.ts';
import type { ProjectSnapshot } from '../../shared/model.ts';
import type { ProjectService } from './app/project.ts';
import { isProjectPath } from './app/project-files.ts';
import type { Workspace } from './app/workspace.ts';
import { FileTokens, type Dialogs } from './dialogs.ts';

export type HandlerTable = Handlers & {
  /**
   * Opens a document handed over by the operating system or the menu (a .relais project, or an article to import)
   * in this window. Not a channel: only the host calls it.
   */
  openDocument(file: string): Promise<ProjectSnapshot>;
  /** Gives back the window's project. The table must not be used afterwards. */
  dispose(): void;
};

export function createHandlers(workspace: Workspace, dialogs: Dialogs): HandlerTable {
  let project: ProjectService | null = null;
  const tokens = new FileTokens();

  function requireProject(): ProjectService {
    if (!project || !project.isOpen) throw new RelaisError('project.notOpen', 'No project is open');
    return project;
  }
  const user = () => workspace.requireUser();

  /** Makes `next` this window's project (giving back the previous one) and returns its snapshot. */
  function adopt(next: ProjectService): ProjectSnapshot {
    if (project) workspace.release(project);
    project = next;
    return next.snapshot();
  }

  async function openDocument(file: string): Promise<ProjectSnapshot> {
    return adopt(isProjectPath(file) ? workspace.openProject(file) : await workspace.importArticle(file));
  }

  const language = () => workspace.settings().language;
  const openProject = (): ProjectService | null => (project?.isOpen ? project : null);
  /** The open project's view of spelling (its variant), else the desk's. */
  const spellingState = () => openProject()?.spellingState() ?? workspace.spellingState();

  const handlers: Handlers = {
    // ---------------------------------------------------------------- settings and projects
    getAppState: () => ({ settings: workspace.settings(), project: project?.isOpen ? project.snapshot() : null }),
    setUser: (u) => workspace.setUser(u),
    setLanguage: (lang) => workspace.setLanguage(lang),
    listRecent: () => workspace.recent(),
    openSample: async () => adopt(await workspace.openSample()),
    openProject(file) {
      const abs = path.resolve(file);
      if (!workspace.recent().some((r) => path.resolve(r.path) === abs)) {
        throw new RelaisError('invalid.operation', 'Only a recent project can be opened this way: use File ▸ Open', { file: abs });
      }
      return adopt(workspace.openProject(abs));
    },
    async importDroppedFile(name, base64) {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64.replace(/\s+/g, ''))) {
        throw new RelaisError('invalid.arguments', 'The dropped file could not be read (bad base64 data)', { file: name });
      }
      return adopt(await workspace.importBytes(name, new Uint8Array(Buffer.from(base64, 'base64'))));
    },
    async showOpenDialog() {
      const chosen = await dialogs.showOpen({ purpose: 'open', language: language() });
      return chosen === null ? null : openDocument(chosen);
    },
    async pickFile(purpose) {
      const chosen = await dialogs.showOpen({ purpose, language: language() });
      return chosen === null ? null : tokens.issue(chosen, purpose);
    },
    async showSaveDialog(purpose, format, suggestedName) {
      let defaultPath: string;
      if (purpose === 'exportWordList') {
        // A desk list: next to the open project, else in the projects folder.
        const dir = project?.isOpen ? path.dirname(project.path) : workspace.options.projectsDir;
        defaultPath = path.join(dir, path.basename(suggestedName ?? `words.${format}`));
      } else {
        const info = requireProject().info();
        const suffix = purpose === 'exportReview' ? 'review' : info.targetLang || 'en';
        defaultPath = path.join(path.dirname(info.path), suggestedName ? path.basename(suggestedName) : `${info.name}.${suffix}.${format}`);
      }
      const chosen = await dialogs.showSave({ purpose, format, defaultPath, language: language() });
      return chosen === null ? null : tokens.issue(chosen, purpose);
    },
    closeProject() {
      if (project) workspace.release(project);
      project = null;
      return null;
    },

    // ---------------------------------------------------------------- translating
    saveDraft(segmentId, text) {
      requireProject().saveDraft(segmentId, text, user());
      return null;
    },
    commitSegment: (input) => requireProject().commit(input, user()),
    setStatus: (input) => requireProject().setStatus(input, user()),
    splitSegment(segmentId, offset) {
      const p = requireProject();
      p.split(segmentId, offset, user());
      return p.snapshot();
    },
    mergeSegments(firstId, secondId) {
      const p = requireProject();
      p.merge(firstId, secondId, user());
      return p.snapshot();
    },
    setBlockTranslatable(blockId, translatable) {
      const p = requireProject();
      p.setBlockTranslatable(blockId, translatable, user());
      return p.snapshot();
    },
    getStats: () => requireProject().stats(),

    // ---------------------------------------------------------------- review
    getHistory: (segmentId) => requireProject().history(segmentId),
    restoreRevision: (segmentId, revisionId) => requireProject().restore(segmentId, revisionId, user()),
    getTrackedChanges: (segmentId) => requireProject().trackedChanges(segmentId ?? null),
    acceptChanges: (segmentId) => requireProject().acceptChanges(segmentId, user()),
    rejectChanges: (segmentId) => requireProject().rejectChanges(segmentId, user()),
    unlockSegment: (segmentId) => requireProject().unlock(segmentId, user()),
    addComment: (segmentId, text, parentId) => requireProject().addComment(segmentId, text, user(), parentId ?? null),
    resolveComment: (commentId) => requireProject().resolveComment(commentId, user()),
    reopenComment: (commentId) => requireProject().reopenComment(commentId, user()),
    listComments: (segmentId) => requireProject().comments(segmentId ?? null),
    markSeen(segmentIds) {
      requireProject().markSeen(user(), segmentIds);
      return null;
    },
    changedSinceLastLook: () => requireProject().changedSince(user()),
    getPublicationStatus: () => requireProject().publicationStatus(),
    updateSource(token, confirm) {
      const p = requireProject();
      const who = user();
      return p.updateSource(tokens.take(token, 'article', { consume: false }), who, { confirmDifferentArticle: confirm === true });
    },
    listArchived: () => requireProject().archived(),
    async exportReview(format, token) {
      const p = requireProject();
      const result = await p.writeReview(format, tokens.take(token, 'exportReview', { consume: false }));
      tokens.forget(token);
      return result;
    },
    async exportArticle(format, token) {
      const p = requireProject();
      const result = await p.writeArticle(format, tokens.take(token, 'exportArticle', { consume: false }));
      tokens.forget(token);
      return result;
    },

    // ---------------------------------------------------------------- terminology and QA
    getGlossaries: () => requireProject().glossaries(),
    listQaRules: () => requireProject().qaRules(),
    setQaRuleEnabled: (ruleId, enabled) => requireProject().setQaRuleEnabled(ruleId, enabled, user()),
    async addGlossaryEntry(scope, input) {
      if (scope === 'desk') return workspace.addDeskTerm(input, user());
      return requireProject().addGlossaryTerm(input, user());
    },

    // ---------------------------------------------------------------- spelling and house style
    getSpellingState: () => spellingState(),
    checkSpelling: (segmentId, target) => requireProject().checkSpelling(segmentId, target),
    suggestSpelling(word, segmentId) {
      const p = openProject();
      return p ? p.suggestSpelling(word, segmentId) : workspace.suggestSpelling(word);
    },
    setProjectVariant: (variant) => requireProject().setVariant(variant, user()),
    setDeskVariant(variant) {
      workspace.setDeskVariant(variant, user());
      return spellingState();
    },
    addSpellingWord(list, word) {
      workspace.addSpellingWord(list, word, user());
      return spellingState();
    },
    removeSpellingWord(list, word) {
      workspace.removeSpellingWord(list, word, user());
      return spellingState();
    },
    exportSpellingWords(list, token) {
      const result = workspace.exportSpellingWords(list, tokens.take(token, 'exportWordList', { consume: false }));
      tokens.forget(token);
      return result;
    },
    async importSpellingWords(list, token, mode) {
      const who = user();
      await workspace.importSpellingWords(list, tokens.take(token, 'wordList', { consume: false }), mode ?? 'merge', who);
      return spellingState();
    },
    setQaRuleSetting(scope, ruleId, setting) {
      const who = user();
      if (scope === 'project') return requireProject().setQaRuleSetting(ruleId, setting, who);
      workspace.setDeskRuleSetting(ruleId, setting, who);
      return openProject()?.qaRules() ?? workspace.deskQaRules();
    },
  };

  return {
    ...handlers,
    openDocument,
    dispose() {
      if (project) workspace.release(project);
      project = null;
    },
  };
}
