export { EMPTY_LIVE_QA, LiveFindings, type LiveQa } from './LiveFindings.tsx';
export { OverrideDialog } from './OverrideDialog.tsx';
export { QaPanel, type QaPanelItem, type SeverityFilter } from './QaPanel.tsx';
export { applyFix, errorsOf, findingExcerpt, findingText, fixFor, ruleKey, ruleLabel, sortFindings, type Fix } from './findings.ts';
export { markTree, TargetMarks, type MarkNode } from './TargetMarks.tsx';
