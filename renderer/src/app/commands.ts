/**
 * Every user action of the workbench as one command (id, label key, shortcuts, availability, perform).
 * Buttons, the palette, the keyboard and main's native menu (`command` events carrying these ids) all run them.
 */
import type { Command } from '../lib/commands.ts';
import type { Actions, Derived, ViewState } from './useController.ts';
import type { Terminology } from './useTerminology.ts';
import { needProject, needSegment, withEditor, withUser } from './commandGuards.ts';
import { REVIEW_COMMANDS } from './reviewCommands.ts';
import type { Review } from './useReview.ts';

export interface AppCommandContext {
  state: ViewState;
  derived: Derived;
  actions: Actions;
  /** Terminology and QA (./useTerminology.ts). */
  terminology: Terminology;
  /** Review: history, tracked changes, comments, publication, source update (./useReview.ts). */
  review: Review;
  /** Focus targets owned by the layout. */
  focusFind(): void;
  focusFilter(): void;
}

type C = Command<AppCommandContext>;

const needUser = withUser(needSegment);
const needEditor = withEditor(needSegment);

export const APP_COMMANDS: readonly C[] = [
  { id: 'segment.confirm', labelKey: 'commands.confirm', shortcut: ['Mod+Enter'], when: needUser, perform: (c) => c.actions.confirm() },
  { id: 'segment.next', labelKey: 'commands.next', shortcut: ['Alt+ArrowDown', 'Mod+ArrowDown'], when: needProject, perform: (c) => c.actions.move(1) },
  { id: 'segment.previous', labelKey: 'commands.previous', shortcut: ['Alt+ArrowUp', 'Mod+ArrowUp'], when: needProject, perform: (c) => c.actions.move(-1) },
  { id: 'segment.copySource', labelKey: 'commands.copySource', shortcut: ['Mod+Shift+S', 'Mod+Insert'], when: needSegment, perform: (c) => c.actions.copySource() },
  { id: 'segment.approve', labelKey: 'commands.approve', shortcut: ['Mod+Shift+A'], when: needEditor, perform: (c) => c.terminology.approve() },
  // Rejecting asks the editor why (a comment is required): app/useReview.ts.
  { id: 'segment.reject', labelKey: 'commands.reject', shortcut: ['Mod+Shift+R'], when: needEditor, perform: (c) => c.review.openReject() },
  { id: 'segment.split', labelKey: 'commands.split', shortcut: ['Mod+Shift+T'], when: needUser, perform: (c) => c.actions.split() },
  {
    id: 'segment.merge', labelKey: 'commands.merge', shortcut: ['Mod+Shift+M'],
    when: (c) => {
      const u = needUser(c);
      if (u !== true) return u;
      return c.actions.nextInBlock() ? true : 'reasons.lastInBlock';
    },
    perform: (c) => c.actions.mergeNext(),
  },
  { id: 'segment.cancel', labelKey: 'commands.cancel', shortcut: ['Escape'], when: needSegment, perform: (c) => c.actions.cancelEdit() },
  {
    id: 'block.toggleTranslatable', labelKey: 'commands.toggleTranslatable',
    when: (c) => {
      const p = needProject(c);
      if (p !== true) return p;
      return c.derived.active?.block.chrome ? true : 'reasons.noSegment';
    },
    perform: (c, arg) => {
      const a = arg as { blockId: string; translatable: boolean } | undefined;
      if (a) return c.actions.toggleTranslatable(a.blockId, a.translatable);
      const block = c.derived.active?.block;
      if (block) return c.actions.toggleTranslatable(block.id, !block.translatable);
      return undefined;
    },
  },
  { id: 'find.focus', labelKey: 'commands.find', shortcut: ['Mod+F'], when: needProject, perform: (c) => c.focusFind() },
  { id: 'find.next', labelKey: 'commands.findNext', shortcut: ['F3', 'Mod+G'], when: needProject, perform: (c) => c.actions.goToMatch(1) },
  { id: 'find.previous', labelKey: 'commands.findPrevious', shortcut: ['Shift+F3'], when: needProject, perform: (c) => c.actions.goToMatch(-1) },
  { id: 'filter.focus', labelKey: 'commands.filter', shortcut: ['Mod+Shift+F'], when: needProject, perform: (c) => c.focusFilter() },
  { id: 'project.open', labelKey: 'commands.open', shortcut: ['Mod+O'], perform: (c) => c.actions.open() },
  { id: 'project.openSample', labelKey: 'commands.openSample', perform: (c) => c.actions.openSample() },
  { id: 'project.close', labelKey: 'commands.closeProject', when: needProject, perform: (c) => c.actions.closeProject() },
  { id: 'user.switch', labelKey: 'commands.switchUser', perform: (c) => c.actions.openOnboarding() },
  {
    id: 'language.toggle', labelKey: 'commands.toggleLanguage', shortcut: ['Mod+Shift+L'],
    perform: (c) => c.actions.setLanguage(c.state.settings?.language === 'fr' ? 'en' : 'fr'),
  },
  // ——— Terminology and QA ———
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): C => ({
    id: `term.insert${n}`, labelKey: `terminology.commands.insert.${n}`, shortcut: [`Mod+${n}`],
    when: (c) => {
      const s = needUser(c);
      return s !== true ? s : c.terminology.canInsert(n);
    },
    perform: (c) => c.terminology.insertTerm(n),
  })),
  { id: 'term.add', labelKey: 'terminology.commands.add', shortcut: ['Mod+Shift+G'], when: needUser, perform: (c) => c.terminology.openAddTerm() },
  { id: 'qa.togglePanel', labelKey: 'qa.commands.togglePanel', shortcut: ['Mod+Shift+Q'], when: needProject, perform: (c) => c.terminology.togglePanel() },
  {
    id: 'qa.fix', labelKey: 'qa.commands.fix', shortcut: ['Mod+.'],
    when: (c) => {
      const s = needUser(c);
      return s !== true ? s : c.terminology.hasFix() ? true : 'qa.reasons.noFix';
    },
    perform: (c) => c.terminology.fixFirst(),
  },
  // ——— Review ———
  ...REVIEW_COMMANDS,
  { id: 'palette.open', labelKey: 'commands.palette', shortcut: ['Mod+Shift+P', 'F1'], perform: (c) => c.actions.setPalette(true) },
];
