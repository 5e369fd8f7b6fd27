/**
 * Handlers of the review channels (shared/ipc/channels/review.ts), spread into the table of
 * electron/services/handlers.ts. Role checks live in the stores; every mutation needs a user identity.
 */
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ReviewResults, reviewChannels } from '../../../shared/ipc/channels/review.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { createQaEngine, type QaEngine } from '../../../shared/qa/index.ts';
import type { z } from 'zod';
import { exportArticle } from '../export/article.ts';
import { exportReview } from '../export/review.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { importFile } from '../import/index.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { ReviewStore, type QaCheck } from '../store/review-store.ts';
import { archivedSegments, sourceVersions, updateSource } from '../store/source-update.ts';

type ReviewChannel = keyof typeof reviewChannels;
export type ReviewHandlers = {
  [C in ReviewChannel]: (...args: z.output<(typeof reviewChannels)[C]>) => ReviewResults[C] | Promise<ReviewResults[C]>;
};

export interface ReviewHandlerDeps {
  requireProject(): ProjectStore;
  requireUser(): UserIdentity;
  now(): Date;
  /**
   * QA engine of the publication status (its errors block publication). Default: the QA engine without glossaries;
   * the host passes the one with the desk and project glossaries.
   */
  qaEngine?(): QaEngine | Promise<QaEngine>;
}

function qaCheckOf(engine: QaEngine): QaCheck {
  return (segments) => engine.checkDocument(segments.map((s) => ({ id: s.id, source: s.source, target: s.target })));
}

function refuseProjectPath(store: ProjectStore, file: string): string {
  const out = path.resolve(file);
  if (out === path.resolve(store.path)) throw new RelaisError('invalid.operation', 'Refusing to overwrite the project with its export', { file: out });
  return out;
}

export function createReviewHandlers(deps: ReviewHandlerDeps): ReviewHandlers {
  const review = (): ReviewStore => new ReviewStore(deps.requireProject(), { now: deps.now });

  return {
    getHistory(segmentId) {
      return review().history(segmentId);
    },
    diffRevisions(segmentId, fromId, toId) {
      return review().diffRevisions(segmentId, fromId, toId);
    },
    restoreRevision(segmentId, revisionId) {
      return review().restoreRevision(segmentId, revisionId, deps.requireUser());
    },
    getTrackedChanges(segmentId) {
      const r = review();
      if (segmentId === undefined || segmentId === null) return r.allTrackedChanges();
      const t = r.trackedChanges(segmentId);
      return t ? [t] : [];
    },
    acceptChanges(segmentId) {
      return review().acceptChanges(segmentId ?? 'all', deps.requireUser());
    },
    rejectChanges(segmentId) {
      return review().rejectChanges(segmentId ?? 'all', deps.requireUser());
    },
    unlockSegment(segmentId) {
      return review().unlock(segmentId, deps.requireUser());
    },
    addComment(segmentId, text, parentId) {
      return review().addComment(segmentId, text, deps.requireUser(), parentId ?? null);
    },
    resolveComment(commentId) {
      return review().resolveComment(commentId, deps.requireUser());
    },
    reopenComment(commentId) {
      return review().reopenComment(commentId, deps.requireUser());
    },
    listComments(segmentId) {
      return review().comments(segmentId ?? null);
    },
    markSeen(segmentIds) {
      review().markSeen(deps.requireUser(), segmentIds);
      return null;
    },
    changedSinceLastLook() {
      return review().changedSince(deps.requireUser());
    },
    async getPublicationStatus() {
      const engine = deps.qaEngine ? await deps.qaEngine() : createQaEngine({ glossaries: [] });
      return review().publicationStatus(qaCheckOf(engine));
    },
    async updateSource(file, confirm) {
      const store = deps.requireProject();
      const user = deps.requireUser();
      const abs = path.resolve(file);
      const doc = await importFile(abs);
      try {
        return updateSource(store, doc, user, { confirmDifferentArticle: confirm === true, now: deps.now });
      } catch (e) {
        // Name the file the user picked (the store only knows its base name).
        if (e instanceof RelaisError && e.file === doc.sourceName) {
          throw new RelaisError(e.code, e.message, { file: abs, ...(e.detail !== undefined ? { detail: e.detail } : {}) });
        }
        throw e;
      }
    },
    listArchived() {
      return archivedSegments(deps.requireProject());
    },
    listSourceVersions() {
      return sourceVersions(deps.requireProject());
    },
    async exportReview(format, file) {
      const r = review();
      const out = refuseProjectPath(r.project, file);
      const data = await exportReview(r.exportInput(), format, { now: deps.now() });
      await writeFileAtomic(out, data);
      return { file: out, warnings: [] };
    },
    async exportArticle(format, file) {
      const store = deps.requireProject();
      const out = refuseProjectPath(store, file);
      const result = await exportArticle(store.snapshot(), format);
      await writeFileAtomic(out, result.data);
      return { file: out, warnings: result.warnings.map((w) => ({ code: w.code, message: w.message })) };
    },
  };
}
