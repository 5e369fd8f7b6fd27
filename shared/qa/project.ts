/**
 * The QA engine of a project, built one way wherever it runs: in the services for the approval gate, whole-article
 * QA, the publication status and `relais qa`, and in the renderer for the live check of each keystroke. The inputs
 * are the project's glossaries (the project glossary first, then the desk glossary), the rules the project has
 * switched off, and the rule settings of the desk and the project (severity, options: house style); given the same
 * inputs, both sides get the same findings.
 *
 * Spelling needs the dictionaries, which only the services load: their engine gets the project variant's checker,
 * the renderer's gets none and asks the services for the spelling findings of the text being typed (checkSpelling).
 */
import type { ConceptEntry, Glossary } from '../glossary/model.ts';
import type { SpellChecker } from '../spelling/checker.ts';
import type { EnglishVariant } from '../spelling/variants.ts';
import { settingsFromStates, type RuleOptionValue, type RuleSettings } from '../style/rules.ts';
import { createQaEngine, QA_RULES, type QaEngine, type Severity } from './index.ts';

export const PROJECT_GLOSSARY_NAME = 'Project glossary';

export interface ProjectQaInputs {
  /** The project glossary, then the desk glossary (see projectGlossaries). */
  glossaries: readonly Glossary[];
  /** Rule ids switched off for the project; ids this version does not know are ignored (a newer file). */
  disabledRules: readonly string[];
  /** Rule settings, the desk's merged with the project's; settings of unknown rules are ignored too. */
  rules?: RuleSettings;
  /** The project variant's spelling checker (the services'); without one, no spelling.unknown nor style.variant. */
  spelling?: SpellChecker | null;
  /** The project's English variant. */
  variant?: EnglishVariant;
  /** Give each unknown word its best correction (costly: `relais qa` asks for it, the workbench asks on demand). */
  spellingSuggestions?: boolean;
}

/**
 * Rules whose findings need the dictionaries (and the project's variant): the services give them — checkSpelling
 * for a segment, whole-article QA for style.variantMixed — and an engine without dictionaries (the renderer's)
 * leaves them out rather than guess.
 */
export const DICTIONARY_RULES: ReadonlySet<string> = new Set(['spelling.unknown', 'style.variant', 'style.variantMixed']);

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

/**
 * The inputs of an engine without dictionaries (the renderer's) from a rule list such as `listQaRules` answers: what
 * is off, each rule's severity and options, and the rules that need the dictionaries left out (DICTIONARY_RULES).
 */
export function rulesFromStates(rules: readonly { id: string; enabled: boolean; severity: Severity; options?: Record<string, RuleOptionValue> }[]): Pick<ProjectQaInputs, 'disabledRules' | 'rules'> {
  return { disabledRules: [...new Set([...disabledRulesOf(rules), ...DICTIONARY_RULES])], rules: settingsFromStates(rules) };
}

export function createProjectQaEngine(inputs: ProjectQaInputs): QaEngine {
  const known = new Set(QA_RULES.map((r) => r.id));
  const rules = inputs.rules ? Object.fromEntries(Object.entries(inputs.rules).filter(([id]) => known.has(id))) : undefined;
  return createQaEngine({
    glossaries: [...inputs.glossaries],
    disabledRules: inputs.disabledRules.filter((id) => known.has(id)),
    ...(rules ? { rules } : {}),
    ...(inputs.spelling !== undefined ? { spelling: inputs.spelling } : {}),
    ...(inputs.variant ? { variant: inputs.variant } : {}),
    ...(inputs.spellingSuggestions ? { spellingSuggestions: true } : {}),
  });
}
