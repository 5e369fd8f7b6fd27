/**
 * The renderer's only way to main: `window.relais` (preload in the app, a Playwright binding in the e2e harness),
 * wrapped into the typed API. Tests pass their own Backend.
 */
import { BRIDGE_GLOBAL, transportFromBridge, type EventName, type Events, type RelaisBridge } from '../../../shared/ipc/bridge.ts';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import { createApiClient } from '../../../shared/ipc/envelope.ts';

export interface Backend {
  api: RelaisApi;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export function backendFromBridge(bridge: RelaisBridge): Backend {
  return {
    api: createApiClient(transportFromBridge(bridge)),
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The bridge installed on `window`, or null when the page runs without one. */
export function backendFromWindow(win: Window): Backend | null {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as RelaisBridge | undefined;
  if (!bridge || typeof bridge !== 'object' || typeof bridge.on !== 'function') return null;
  return backendFromBridge(bridge);
}
