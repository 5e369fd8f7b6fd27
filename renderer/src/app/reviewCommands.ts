/**
 * Review commands: history, review mode, tracked changes, reject with a comment, unlock, comments,
 * publication status, Update source… (File menu id `source.update`) and the archive. Spread into APP_COMMANDS.
 */
import type { Command } from '../lib/commands.ts';
import type { AppCommandContext } from './commands.ts';
import { needProject, needSegment, withEditor, withUser, type Guard } from './commandGuards.ts';

type C = Command<AppCommandContext>;

/** Review actions are refused to translators with the review feature's own reason. */
const editorFor = (base: Guard) => withEditor(base, 'review.reasons.editorOnly');

export const REVIEW_COMMANDS: readonly C[] = [
  { id: 'history.toggle', labelKey: 'history.commands.toggle', shortcut: ['Mod+H'], when: needProject, perform: (c) => c.review.togglePanel('history') },
  { id: 'comments.toggle', labelKey: 'comments.commands.toggle', shortcut: ['Mod+Shift+K'], when: needProject, perform: (c) => c.review.togglePanel('comments') },
  { id: 'publication.show', labelKey: 'publication.commands.show', shortcut: ['Mod+Alt+P'], when: needProject, perform: (c) => c.review.togglePanel('publication') },
  { id: 'review.toggle', labelKey: 'review.commands.toggle', shortcut: ['Mod+Shift+E'], when: needProject, perform: (c) => c.review.toggleReviewMode() },
  {
    id: 'review.acceptChanges', labelKey: 'review.commands.acceptChanges', shortcut: ['Mod+Alt+A'],
    when: (c) => {
      const s = editorFor(needSegment)(c);
      return s !== true ? s : c.review.hasTracked(c.derived.active!.segment.id) ? true : 'review.reasons.noChanges';
    },
    perform: (c) => c.review.acceptChanges(c.derived.active!.segment.id),
  },
  {
    id: 'review.rejectChanges', labelKey: 'review.commands.rejectChanges', shortcut: ['Mod+Alt+R'],
    when: (c) => {
      const s = editorFor(needSegment)(c);
      return s !== true ? s : c.review.hasTracked(c.derived.active!.segment.id) ? true : 'review.reasons.noChanges';
    },
    perform: (c) => c.review.rejectChanges(c.derived.active!.segment.id),
  },
  {
    id: 'review.acceptAll', labelKey: 'review.commands.acceptAll',
    when: (c) => {
      const s = editorFor(needProject)(c);
      return s !== true ? s : c.review.hasTracked(null) ? true : 'review.reasons.noChangesAll';
    },
    perform: (c) => c.review.acceptChanges(null),
  },
  {
    id: 'review.rejectAll', labelKey: 'review.commands.rejectAll',
    when: (c) => {
      const s = editorFor(needProject)(c);
      return s !== true ? s : c.review.hasTracked(null) ? true : 'review.reasons.noChangesAll';
    },
    perform: (c) => c.review.rejectChanges(null),
  },
  {
    id: 'segment.unlock', labelKey: 'review.commands.unlock', shortcut: ['Mod+Alt+U'],
    when: (c) => {
      const s = editorFor(needSegment)(c);
      return s !== true ? s : c.derived.active!.segment.status === 'approved' ? true : 'review.reasons.notApproved';
    },
    perform: (c) => c.review.unlock(c.derived.active!.segment.id),
  },
  { id: 'source.update', labelKey: 'sourceUpdate.commands.update', when: withUser(needProject), perform: (c) => c.review.updateSource() },
  { id: 'source.archive', labelKey: 'sourceUpdate.commands.archive', when: needProject, perform: (c) => c.review.togglePanel('archive') },
];
