/**
 * When a command is available: each guard returns true or the translation key of the reason it is not. Every
 * feature's commands use them; they read the core's stores when the command is asked, never a render's copy.
 */
import type { Availability } from '../commands.ts';
import type { Core } from './core.ts';

/** What every command gets: the core, and (per feature) that feature's own object. */
export interface CommandContext {
  core: Core;
}

export type Guard = (c: CommandContext) => Availability;

export const needProject: Guard = ({ core }) => (core.project.getState().info ? true : 'reasons.noProject');

export const needSegment: Guard = (c) => {
  const p = needProject(c);
  if (p !== true) return p;
  const a = c.core.activeSegment();
  if (!a) return 'reasons.noSegment';
  if (!a.translatable) return 'reasons.notTranslatable';
  return true;
};

/** `base`, and a user identity is set. */
export const withUser = (base: Guard): Guard => (c) => {
  const s = base(c);
  if (s !== true) return s;
  return c.core.session.getState().settings?.user ? true : 'reasons.noUser';
};

/** `base`, a user is set and is an editor; `reasonKey` says why not. */
export const withEditor = (base: Guard, reasonKey = 'reasons.editorOnly'): Guard => {
  const user = withUser(base);
  return (c) => {
    const s = user(c);
    if (s !== true) return s;
    return c.core.session.getState().settings?.user?.role === 'editor' ? true : reasonKey;
  };
};

export const needUser = withUser(needSegment);
export const needEditor = withEditor(needSegment);
