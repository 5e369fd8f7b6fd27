/**
 * The QA engine of the open project, in the renderer: built by the shared factory (shared/qa/project.ts) from what
 * main's engine is built from — the project's glossaries as main assembles them (`getGlossaries`), the rules the
 * project has switched off and each rule's severity and options (house style, `listQaRules`) — so a live finding is
 * the finding main's approval gate will make. Spelling needs the dictionaries, which stay in the services: its
 * findings come from `checkSpelling` (lib/liveSpelling.ts). Terminology (term underlines, the term panel) and QA
 * (live findings, the QA panel, the approval dialog) read it.
 */
import type { Glossary } from '../../../../shared/glossary/model.ts';
import type { QaRuleState } from '../../../../shared/ipc/channels/terminology.ts';
import type { RelaisApi } from '../../../../shared/ipc/contract.ts';
import type { QaEngine } from '../../../../shared/qa/index.ts';
import { createProjectQaEngine, rulesFromStates } from '../../../../shared/qa/project.ts';
import { createStore, type StoreApi } from './store.ts';

export interface QaEngineState {
  /** null without a project, or when the glossaries could not be read (the workbench works without them). */
  engine: QaEngine | null;
  glossaries: readonly Glossary[];
  rules: readonly QaRuleState[];
}

export type QaEngineStore = StoreApi<QaEngineState>;

export function createQaEngineStore(): QaEngineStore {
  return createStore<QaEngineState>(() => ({ engine: null, glossaries: [], rules: [] }));
}

/** A new engine from these glossaries and rule states. */
export function buildQaEngine(store: QaEngineStore, glossaries: readonly Glossary[], rules: readonly QaRuleState[]): void {
  const engine = createProjectQaEngine({ glossaries, ...rulesFromStates(rules) });
  store.setState({ engine, glossaries, rules });
}

/** Reads the glossaries and rules from main and builds the engine (project opened, a term added). */
export async function reloadQaEngine(store: QaEngineStore, api: RelaisApi | null): Promise<void> {
  if (!api) return;
  const run = (reloads.get(store) ?? 0) + 1;
  reloads.set(store, run);
  try {
    const [glossaries, rules] = await Promise.all([api.getGlossaries(), api.listQaRules()]);
    // A later reload (another project opened meanwhile) wins.
    if (reloads.get(store) === run) buildQaEngine(store, glossaries, rules);
  } catch (_e) {
    // Terminology is an aid: without glossaries the workbench still works (no underlines, no live QA).
    if (reloads.get(store) === run) store.setState({ engine: null });
  }
}

export function clearQaEngine(store: QaEngineStore): void {
  reloads.set(store, (reloads.get(store) ?? 0) + 1);
  store.setState({ engine: null, glossaries: [], rules: [] });
}

const reloads = new WeakMap<QaEngineStore, number>();
