export { AddTermDialog } from './AddTermDialog.tsx';
export { TermPanel } from './TermPanel.tsx';
export { TermText } from './TermText.tsx';
export { sourceSelectionOf, trackSourceSelection, type SourceSelection } from './selection.ts';
export { conceptsOf, insertAt, isForbiddenSource, MAX_TERM_OPTIONS, termOptions, termTooltip, underlineSpans, type TermConceptView, type TermOption } from './terms.ts';
export { createTerminology, type Terminology } from './terminology.ts';
export { TERMINOLOGY_COMMANDS } from './commands.ts';
export { AddTermDialogContainer, TermPanelContainer, terminologySlots } from './connected.tsx';
