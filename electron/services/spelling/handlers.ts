/**
 * Handlers of the spelling channels (shared/ipc/channels/spelling.ts), spread into the handler table.
 *
 * checkSpelling runs the project's QA engine (the one whole-article QA and the publication gate use) on the target
 * being typed, with the names of every source of the article, and keeps the findings that need the dictionaries
 * (spelling.unknown, style.variant): the renderer runs the other rules itself, in the same frame as the keystroke.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { RelaisError } from '../../../shared/errors.ts';
import type { SpellingChannel, SpellingResults, spellingChannels } from '../../../shared/ipc/channels/spelling.ts';
import type { UserIdentity } from '../../../shared/model.ts';
import { ruleInfos, type QaContext, type QaEngine } from '../../../shared/qa/index.ts';
import { parseWordList, serializeWordList } from '../../../shared/spelling/wordlist.ts';
import { writeFileAtomicSync } from '../fs/atomic.ts';
import type { ProjectStore } from '../store/project-store.ts';
import type { TerminologyService } from '../terminology/service.ts';
import type { SpellingService } from './service.ts';

export type SpellingHandlers = {
  [C in SpellingChannel]: (...args: z.output<(typeof spellingChannels)[C]>) => SpellingResults[C] | Promise<SpellingResults[C]>;
};

/** Rules whose findings checkSpelling returns. */
export const SPELLING_RULES: ReadonlySet<string> = new Set(['spelling.unknown', 'style.variant']);

export const MAX_WORD_LIST_BYTES = 5_000_000;

export interface SpellingHandlerDeps {
  spelling: SpellingService;
  terminology: TerminologyService;
  requireProject(): ProjectStore;
  requireUser(): UserIdentity;
}

export function createSpellingHandlers(deps: SpellingHandlerDeps): SpellingHandlers {
  const { spelling, terminology } = deps;

  function requireEditor(what: string): UserIdentity {
    const user = deps.requireUser();
    if (user.role !== 'editor') throw new RelaisError('permission.denied', `Only an editor can ${what}`);
    return user;
  }

  /** Names of the article's sources, rebuilt when the project's rows change (writes here or by another process). */
  let names: { engine: QaEngine; project: ProjectStore; version: string; ctx: QaContext } | null = null;
  function articleContext(engine: QaEngine, project: ProjectStore): QaContext {
    const row = project.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    const version = `${row.n}:${project.db.pragma('data_version', { simple: true }) as number}`;
    if (!names || names.engine !== engine || names.project !== project || names.version !== version) {
      names = { engine, project, version, ctx: engine.context(project.segments()) };
    }
    return names.ctx;
  }

  return {
    getSpellingState() {
      return spelling.state();
    },
    async checkSpelling(segmentId, target) {
      const engine = await terminology.engine();
      // From here on synchronous: the project cannot change under the check.
      const project = deps.requireProject();
      const seg = project.segment(segmentId);
      return engine.checkSegment({ id: seg.id, source: seg.source, target }, articleContext(engine, project)).filter((f) => SPELLING_RULES.has(f.rule));
    },
    async suggestSpelling(word, segmentId) {
      if (segmentId === undefined) {
        const checker = await spelling.checker();
        return checker ? checker.suggest(word, 8) : [];
      }
      const engine = await terminology.engine();
      const project = deps.requireProject();
      const seg = project.segment(segmentId);
      const names = articleContext(engine, project).names;
      return engine.spelling ? engine.spelling.suggest(word, 8, { source: seg.source, ...(names ? { names } : {}) }) : [];
    },
    setProjectVariant(v) {
      deps.requireProject();
      requireEditor('choose the English variant of a project');
      return spelling.setProjectVariant(v);
    },
    setDeskVariant(v) {
      requireEditor('choose the English variant of the desk');
      return spelling.setDeskVariant(v);
    },
    addSpellingWord(list, word) {
      deps.requireUser();
      return spelling.addWord(list, word);
    },
    removeSpellingWord(list, word) {
      deps.requireUser();
      return spelling.removeWord(list, word);
    },
    exportSpellingWords(list, file) {
      const abs = path.resolve(file);
      const words = spelling.state()[list];
      writeFileAtomicSync(abs, serializeWordList(words), {
        mapError: (e) => {
          const code = (e as NodeJS.ErrnoException).code;
          return new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', `Cannot write the word list (${code ?? String(e)})`, { file: abs });
        },
      });
      return { path: abs, words: words.length };
    },
    async importSpellingWords(list, file, mode) {
      deps.requireUser();
      const abs = path.resolve(file);
      let bytes: Buffer;
      try {
        bytes = await readFile(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', `Cannot read the word list (${code ?? String(e)})`, { file: abs });
      }
      if (bytes.length > MAX_WORD_LIST_BYTES) throw new RelaisError('file.tooLarge', `A word list may not exceed ${MAX_WORD_LIST_BYTES / 1_000_000} MB`, { file: abs });
      if (bytes.includes(0)) throw new RelaisError('file.binary', 'This is not a text file', { file: abs });
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new RelaisError('file.encoding', 'The word list is not UTF-8 text', { file: abs });
      }
      const parsed = parseWordList(text);
      const bad = parsed.rejected[0];
      if (bad) {
        throw new RelaisError('file.corrupt', `Line ${bad.line} is not one word: “${bad.text}”`, {
          file: abs,
          line: bad.line,
          detail: `${parsed.rejected.length} line${parsed.rejected.length === 1 ? '' : 's'} to correct; nothing was imported`,
        });
      }
      if (parsed.words.length === 0) throw new RelaisError('file.empty', 'The word list has no word', { file: abs });
      return spelling.setWords(list, parsed.words, mode ?? 'merge');
    },
    setQaRuleSetting(scope, ruleId, setting) {
      if (scope === 'project') deps.requireProject();
      requireEditor(scope === 'desk' ? 'change the house style of the desk' : 'change the QA rules of a project');
      const clean = setting === null ? null : dropUndefined(setting);
      spelling.setRule(scope, ruleId, clean);
      if (scope === 'project' || isProjectOpen(deps)) return terminology.rules();
      // No project open: the desk's view of the rules.
      const settings = spelling.ruleSettings();
      return ruleInfos(settings).map((r) => ({ ...r, enabled: settings[r.id]?.enabled !== false }));
    },
  };
}

function isProjectOpen(deps: SpellingHandlerDeps): boolean {
  try {
    deps.requireProject();
    return true;
  } catch {
    return false;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
