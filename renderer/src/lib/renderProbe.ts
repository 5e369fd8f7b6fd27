/**
 * Counts renders of components that must stay cheap on a long article (a grid row, the rows' slots). Nothing listens
 * in the app; a test installs a listener to check that an action re-renders only the rows it concerns.
 */
type Listener = (component: string, key: string) => void;

let listener: Listener | null = null;

export function probeRender(component: string, key: string): void {
  if (listener) listener(component, key);
}

/** Starts counting renders; returns the counts so far (component → key → renders) and the stop function. */
export function countRenders(): { counts: Map<string, Map<string, number>>; reset(): void; stop(): void } {
  const counts = new Map<string, Map<string, number>>();
  listener = (component, key) => {
    let m = counts.get(component);
    if (!m) counts.set(component, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  return {
    counts,
    reset: () => counts.clear(),
    stop: () => {
      listener = null;
    },
  };
}
