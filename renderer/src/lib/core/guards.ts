/**
 * When a command is available: each guard returns true or the translation key of the reason it is not.
 * Shared by the workbench commands (./commands.ts) and the review commands (./reviewCommands.ts).
 */
import type { AppCommandContext } from './commands.ts';

export type Guard = (c: AppCommandContext) => true | string;

export const needProject: Guard = (c) => (c.state.project ? true : 'reasons.noProject');

export const needSegment: Guard = (c) => {
  const p = needProject(c);
  if (p !== true) return p;
  if (!c.derived.active) return 'reasons.noSegment';
  if (!c.derived.active.segment.translatable) return 'reasons.notTranslatable';
  return true;
};

/** `base`, and a user identity is set. */
export const withUser = (base: Guard): Guard => (c) => {
  const s = base(c);
  if (s !== true) return s;
  return c.state.settings?.user ? true : 'reasons.noUser';
};

/** `base`, a user is set and is an editor; `reasonKey` says why not. */
export const withEditor = (base: Guard, reasonKey = 'reasons.editorOnly'): Guard => {
  const user = withUser(base);
  return (c) => {
    const s = user(c);
    if (s !== true) return s;
    return c.state.settings?.user?.role === 'editor' ? true : reasonKey;
  };
};
