/**
 * The QA engine of a project, built one way wherever it runs: in main for the approval gate and the whole-article
 * check, in the renderer for the live check of each keystroke. The inputs are the project's glossaries (the project
 * glossary first, then the desk glossary) and the rules the project has switched off; given the same inputs, both
 * sides get the same findings.
 */
import type { ConceptEntry, Glossary } from '../glossary/model.ts';
import { createQaEngine, QA_RULES, type QaEngine } from './index.ts';

export const PROJECT_GLOSSARY_NAME = 'Project glossary';

export interface ProjectQaInputs {
  /** The project glossary, then the desk glossary (see projectGlossaries). */
  glossaries: readonly Glossary[];
  /** Rule ids switched off for the project; ids this version does not know are ignored (a newer file). */
  disabledRules: readonly string[];
}

/**
 * The glossaries of a project in the order the engine weighs them: the project's entries first (they win over the
 * desk's on the same source span), then the desk glossary. Concept keys are `${glossary name}#${id}`, so a desk
 * glossary that happens to carry the project glossary's name is renamed.
 */
export function projectGlossaries(projectEntries: readonly ConceptEntry[], desk: Glossary): Glossary[] {
  const d = desk.name === PROJECT_GLOSSARY_NAME ? { ...desk, name: `${desk.name} (desk)` } : desk;
  return [{ name: PROJECT_GLOSSARY_NAME, scope: 'project', entries: [...projectEntries] }, d];
}

/** The disabled rule ids of a rule list such as `listQaRules` answers. */
export function disabledRulesOf(rules: readonly { id: string; enabled: boolean }[]): string[] {
  return rules.filter((r) => !r.enabled).map((r) => r.id);
}

export function createProjectQaEngine(inputs: ProjectQaInputs): QaEngine {
  const known = new Set(QA_RULES.map((r) => r.id));
  return createQaEngine({ glossaries: [...inputs.glossaries], disabledRules: inputs.disabledRules.filter((id) => known.has(id)) });
}
