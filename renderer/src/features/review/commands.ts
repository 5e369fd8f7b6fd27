/** Review commands: review mode, tracked changes, reject with a comment, unlock. Editors only, except the mode. */
import type { Command } from '../../lib/commands.ts';
import { needProject, needSegment, withEditor, type CommandContext, type Guard } from '../../lib/core/guards.ts';
import type { Review } from './review.ts';

type Ctx = CommandContext & { review: Review };
type C = Command<Ctx>;

/** Review actions are refused to translators with the review feature's own reason. */
const editorFor = (base: Guard) => withEditor(base, 'review.reasons.editorOnly');
const activeId = (c: Ctx) => c.core.view.getState().activeId!;

const needChanges = (c: Ctx) => {
  const s = editorFor(needSegment)(c);
  return s !== true ? s : c.review.hasTracked(activeId(c)) ? true : 'review.reasons.noChanges';
};
const needAnyChanges = (c: Ctx) => {
  const s = editorFor(needProject)(c);
  return s !== true ? s : c.review.hasTracked(null) ? true : 'review.reasons.noChangesAll';
};

export const REVIEW_COMMANDS: readonly C[] = [
  // Rejecting asks the editor why (a comment is required).
  { id: 'segment.reject', labelKey: 'commands.reject', shortcut: ['Mod+Shift+R'], when: withEditor(needSegment), perform: (c) => c.review.openReject() },
  { id: 'review.toggle', labelKey: 'review.commands.toggle', shortcut: ['Mod+Shift+E'], when: needProject, perform: (c) => c.review.toggleReviewMode() },
  { id: 'review.acceptChanges', labelKey: 'review.commands.acceptChanges', shortcut: ['Mod+Alt+A'], when: needChanges, perform: (c) => c.review.acceptChanges(activeId(c)) },
  { id: 'review.rejectChanges', labelKey: 'review.commands.rejectChanges', shortcut: ['Mod+Alt+R'], when: needChanges, perform: (c) => c.review.rejectChanges(activeId(c)) },
  { id: 'review.acceptAll', labelKey: 'review.commands.acceptAll', when: needAnyChanges, perform: (c) => c.review.acceptChanges(null) },
  { id: 'review.rejectAll', labelKey: 'review.commands.rejectAll', when: needAnyChanges, perform: (c) => c.review.rejectChanges(null) },
  {
    id: 'segment.unlock', labelKey: 'review.commands.unlock', shortcut: ['Mod+Alt+U'],
    when: (c) => {
      const s = editorFor(needSegment)(c);
      return s !== true ? s : c.core.activeSegment()!.status === 'approved' ? true : 'review.reasons.notApproved';
    },
    perform: (c) => c.review.unlock(activeId(c)),
  },
];
