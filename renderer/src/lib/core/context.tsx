/** The core (./core.ts) for components: provided once by the app shell, stable for the life of the app. */
import { createContext, useContext } from 'react';
import type { Core } from './core.ts';

export const CoreContext = createContext<Core | null>(null);

export function useCore(): Core {
  const c = useContext(CoreContext);
  if (!c) throw new Error('useCore outside CoreContext');
  return c;
}
