/**
 * Small external stores (zustand's vanilla store: state, setState with a shallow merge, subscribe) and the few
 * helpers the renderer adds on top:
 * - `useStores` reads a value derived from several stores, re-rendering only when that value changes;
 * - `watch` calls back when a value derived from one or more stores changes (features follow each other's state
 *   this way, outside React).
 * A component reads one store with zustand's `useStore(store, selector)`; a selector returns a primitive, an object
 * already held in the state, or a memoised value, never a new object per call.
 */
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';

export { createStore, type StoreApi };
export { useStore } from 'zustand';
export { useShallow } from 'zustand/react/shallow';

type AnyStore = Pick<StoreApi<unknown>, 'subscribe'>;

function subscribeAll(stores: readonly AnyStore[], listener: () => void): () => void {
  const offs = stores.map((s) => s.subscribe(listener));
  return () => {
    for (const off of offs) off();
  };
}

/** One subscribe function per list of stores (a trie of weak maps), so React sees the same function every render. */
interface SubscribeNode {
  next: WeakMap<AnyStore, SubscribeNode>;
  subscribe?: (listener: () => void) => () => void;
}
const subscribers: SubscribeNode = { next: new WeakMap() };

function subscriberOf(stores: readonly AnyStore[]): (listener: () => void) => () => void {
  let node = subscribers;
  for (const s of stores) {
    let n = node.next.get(s);
    if (!n) node.next.set(s, (n = { next: new WeakMap() }));
    node = n;
  }
  node.subscribe ??= (listener) => subscribeAll(stores, listener);
  return node.subscribe;
}

/**
 * `get()` re-read whenever one of `stores` changes; the component re-renders when the result differs (Object.is).
 * `get` must return a primitive or a memoised value.
 */
export function useStores<T>(get: () => T, ...stores: AnyStore[]): T {
  return useSyncExternalStore(subscriberOf(stores), get, get);
}

/** Calls `onChange(next, previous)` when `get()` changes after a change of one of `stores`; returns the unsubscribe. */
export function watch<T>(get: () => T, stores: readonly AnyStore[], onChange: (next: T, previous: T) => void, equal: (a: T, b: T) => boolean = Object.is): () => void {
  let current = get();
  return subscribeAll(stores, () => {
    const next = get();
    if (equal(next, current)) return;
    const previous = current;
    current = next;
    onChange(next, previous);
  });
}

/**
 * A function of a few inputs that recomputes only when one of them changes (compared with Object.is): derived state
 * (the visible rows, the find hits) stays the same object while its inputs do, so selectors over it are stable.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}
