/** House style of the English target: rule definitions (data), their settings, and the checks. See docs/house-style.md. */
export {
  STYLE_RULES,
  optionsOf,
  resolveRuleSettings,
  settingsFromStates,
  styleRule,
  validateRuleSetting,
  type RuleOptionDef,
  type RuleOptionValue,
  type RuleSetting,
  type RuleSettings,
  type StyleRuleDef,
} from './rules.ts';
export { checkDashes, checkHonorifics, checkMoney, checkNumbers, checkPercent, checkQuoteStyle, curlyQuotes, numberInWords, straightQuotes } from './checks.ts';
export { findVariantMixes, type VariantMix } from './variantMix.ts';
