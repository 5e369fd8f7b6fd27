/**
 * Handlers of the terminology channels (shared/ipc/channels/terminology.ts), spread into the handler table, and the
 * QA approval gate used by setStatus / commitSegment.
 *
 * Permissions:
 * - both roles may add an entry to the project glossary (a term from a source and a target selection);
 * - updating / deleting project entries, importing into the project glossary and enabling / disabling QA rules are
 *   editor-only (they change what the approval gate lets through);
 * - the desk glossary is shared by every project on the machine: all its changes are editor-only;
 * - reading and exporting are open to both roles. The desk glossary can be read, exported and edited with no project
 *   open; everything about the project glossary, terms and QA needs an open project.
 *
 * Approval gate: an editor cannot approve a segment whose target has QA errors (severity 'error' findings, with the
 * project's disabled rules applied) unless they give an override reason; the reason is stored in the revision
 * (revisions.qa_override) and shown in history. Translators cannot approve, so they cannot override either.
 */
import path from 'node:path';
import type { z } from 'zod';
import { RelaisError } from '../../../shared/errors.ts';
import type { ConceptEntry, Glossary, GlossaryScope, Term } from '../../../shared/glossary/model.ts';
import { fold } from '../../../shared/glossary/index.ts';
import type { terminologyChannels, TerminologyChannel, TerminologyResults } from '../../../shared/ipc/channels/terminology.ts';
import type { SegmentStatus, UserIdentity } from '../../../shared/model.ts';
import type { ServiceContext } from '../context.ts';
import { defaultCaseSensitive } from '../glossary/build.ts';
import { deskGlossaryPath, exportCsv, exportTbx, importGlossaryFile } from '../glossary/index.ts';
import { writeFileAtomicSync } from '../fs/atomic.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { DeskGlossary } from './desk-glossary.ts';
import { PROJECT_GLOSSARY_NAME, TerminologyService, type LanguageSource } from './service.ts';

export type TerminologyHandlers = {
  [C in TerminologyChannel]: (...args: z.output<(typeof terminologyChannels)[C]>) => TerminologyResults[C] | Promise<TerminologyResults[C]>;
};

export interface TerminologyDeps {
  ctx: ServiceContext;
  requireProject(): ProjectStore;
  requireUser(): UserIdentity;
  now(): Date;
  /** Spelling and house style for the QA engine (electron/services/spelling); none: glossary and formal checks only. */
  language?: LanguageSource;
}

export interface ApprovalRequest {
  segmentId: string;
  /** The status being set; only 'approved' is gated. */
  status: SegmentStatus;
  /** The target being approved (commitSegment); the stored target when omitted (setStatus). */
  target?: string;
  override?: { reason: string };
}

export interface Terminology {
  handlers: TerminologyHandlers;
  service: TerminologyService;
  /**
   * The approval gate around a store write. When `req` approves a segment (by an editor, and it is not already
   * approved with this very target), runs QA on the target: no errors → `write(undefined)`; errors and an override
   * reason → `write(reason)` (store it in the revision); errors and no reason → invalid.operation with detail
   * `qa-errors: <rule ids>`. An override from a translator → permission.denied. The QA check and `write` run in the
   * same synchronous step (after the glossaries are loaded), so the target cannot change in between.
   */
  withApprovalGate<T>(req: ApprovalRequest, user: UserIdentity, write: (qaOverride: string | undefined) => T): Promise<T>;
}

export function createTerminology(deps: TerminologyDeps): Terminology {
  const desk = new DeskGlossary({ settingsDir: deps.ctx.settingsDir, seedPath: deps.ctx.deskGlossaryPath ?? deskGlossaryPath() });
  const service = new TerminologyService({ desk, requireProject: deps.requireProject, now: deps.now, ...(deps.language ? { language: deps.language } : {}) });

  function requireEditor(what: string): UserIdentity {
    const user = deps.requireUser();
    if (user.role !== 'editor') throw new RelaisError('permission.denied', `Only an editor can ${what}`);
    return user;
  }

  async function glossaryOf(scope: GlossaryScope): Promise<Glossary> {
    if (scope === 'desk') return desk.load();
    // Read from the project file alone: the project glossary stays usable even if the desk file is damaged.
    return { name: PROJECT_GLOSSARY_NAME, scope: 'project', entries: service.projectGlossary().list() };
  }

  async function withApprovalGate<T>(req: ApprovalRequest, user: UserIdentity, write: (qaOverride: string | undefined) => T): Promise<T> {
    if (req.override && user.role !== 'editor') throw new RelaisError('permission.denied', 'Only an editor can approve a segment despite QA errors');
    const gated = () => {
      if (req.status !== 'approved' || user.role !== 'editor') return false;
      const seg = deps.requireProject().segment(req.segmentId);
      // Out of translation or empty: the store refuses the approval itself, with its own message.
      if (!seg.translatable || (req.target ?? seg.target).trim() === '') return false;
      return !(seg.status === 'approved' && (req.target === undefined || req.target === seg.target));
    };
    if (!gated()) return write(undefined);
    const engine = await service.engine();
    // From here on everything is synchronous: the target checked is the target written.
    if (!gated()) return write(undefined);
    const seg = deps.requireProject().segment(req.segmentId);
    const findings = engine.checkSegment({ id: seg.id, source: seg.source, target: req.target ?? seg.target });
    const errors = findings.filter((f) => f.severity === 'error');
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

  const handlers: TerminologyHandlers = {
    getTerms(segmentId) {
      return service.termsForSegment(segmentId);
    },
    getSegmentsTerms() {
      return service.termsForAllSegments();
    },
    getGlossaries() {
      return service.glossaries();
    },
    checkSegment(segmentId, target) {
      return service.qaForSegment(segmentId, target);
    },
    checkDocument() {
      return service.qaForDocument();
    },
    listQaRules() {
      return service.rules();
    },
    setQaRuleEnabled(ruleId, enabled) {
      deps.requireProject();
      requireEditor('change which QA checks run');
      return service.setRuleEnabled(ruleId, enabled);
    },

    listGlossaryEntries(scope) {
      return glossaryOf(scope);
    },
    async addGlossaryEntry(scope, input) {
      if (scope === 'project') deps.requireProject();
      const user = scope === 'desk' ? requireEditor('change the desk glossary') : deps.requireUser();
      const current = await glossaryOf(scope);
      const fr = input.fr.normalize('NFC');
      const en = input.en.normalize('NFC');
      const same = current.entries.find(
        (e) => e.terms.some((t) => isLang(t, 'fr') && sameText(t.text, fr)) && e.terms.some((t) => isLang(t, 'en') && sameText(t.text, en)),
      );
      if (same) {
        throw new RelaisError('invalid.operation', `“${fr}” → “${en}” is already in the ${scope} glossary`, { detail: `entry ${same.id}` });
      }
      const terms: Term[] = [
        { text: fr, lang: 'fr', status: 'preferred', caseSensitive: defaultCaseSensitive(fr) },
        { text: en, lang: 'en', status: input.status ?? 'preferred', caseSensitive: defaultCaseSensitive(en) },
      ];
      const entry: ConceptEntry = { id: newEntryId(scope, fr, new Set(current.entries.map((e) => e.id))), terms };
      if (input.note !== undefined && input.note.trim()) entry.note = input.note.trim();
      if (scope === 'desk') return desk.add(entry);
      return service.projectGlossary().upsert(entry, user);
    },
    async updateGlossaryEntry(scope, entry) {
      if (scope === 'desk') {
        requireEditor('change the desk glossary');
        return desk.update(entry);
      }
      const store = service.projectGlossary();
      const user = requireEditor('change an entry of the project glossary');
      return store.update(entry, user);
    },
    async deleteGlossaryEntry(scope, id) {
      if (scope === 'desk') {
        requireEditor('change the desk glossary');
        await desk.delete(id);
        return null;
      }
      const store = service.projectGlossary();
      requireEditor('delete an entry of the project glossary');
      store.delete(id);
      return null;
    },
    async importGlossary(scope, file, mode) {
      const abs = path.resolve(file);
      if (scope === 'desk') {
        requireEditor('replace the desk glossary');
        const g = await importGlossaryFile(abs, { scope: 'desk' });
        return desk.replaceAll(g.entries, mode ?? 'replace');
      }
      const store = service.projectGlossary();
      const user = requireEditor('import into the project glossary');
      // Parsed (and refused as a whole on any error) before the project is touched.
      const g = await importGlossaryFile(abs, { scope: 'project' });
      store.replaceAll(g.entries, user, mode ?? 'replace');
      return handlers.listGlossaryEntries('project');
    },
    async exportGlossary(scope, format, file) {
      const abs = path.resolve(file);
      const g = await glossaryOf(scope);
      const content = format === 'tbx' ? exportTbx(g) : '\uFEFF' + exportCsv(g);
      writeFileAtomicSync(abs, content, {
        mapError: (e) => {
          const code = (e as NodeJS.ErrnoException).code;
          return new RelaisError(code === 'ENOENT' ? 'file.notFound' : 'invalid.operation', `Cannot write the glossary (${code ?? String(e)})`, { file: abs });
        },
      });
      return { path: abs, entries: g.entries.length };
    },
  };

  return { handlers, service, withApprovalGate };
}

/** The handlers alone (the brief's entry point); use createTerminology when the approval gate is needed too. */
export function createTerminologyHandlers(deps: TerminologyDeps): TerminologyHandlers {
  return createTerminology(deps).handlers;
}

function isLang(t: Term, lang: 'fr' | 'en'): boolean {
  return t.lang.toLowerCase() === lang || t.lang.toLowerCase().startsWith(`${lang}-`) || t.lang.toLowerCase().startsWith(`${lang}_`);
}

function sameText(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase('fr') === b.normalize('NFC').toLocaleLowerCase('fr');
}

/** A readable, unique id from the French term: `project-garde-a-vue`, `desk-ia-2`… */
function newEntryId(scope: GlossaryScope, fr: string, taken: Set<string>): string {
  const slug =
    fold(fr)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'term';
  const base = `${scope}-${slug}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
