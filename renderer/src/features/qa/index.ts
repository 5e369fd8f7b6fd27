export { createLiveQaStore, EMPTY_LIVE_QA, LiveFindings, type LiveQa, type LiveQaStore } from './LiveFindings.tsx';
export { OverrideDialog } from './OverrideDialog.tsx';
export { QaPanel, type QaPanelItem, type SeverityFilter } from './QaPanel.tsx';
export { applyFix, errorsOf, findingExcerpt, findingText, fixFor, ruleKey, ruleLabel, sortFindings, type Fix } from './findings.ts';
export { markTree, TargetMarks, type MarkNode } from './TargetMarks.tsx';
export { createQa, type Qa, type OverrideRequest } from './qa.ts';
export { QA_COMMANDS } from './commands.ts';
export { OverrideDialogContainer, QaPanelContainer, qaSlots } from './connected.tsx';
