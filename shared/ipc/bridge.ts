/**
 * What `window.relais` is in the renderer: one function per channel returning an envelope, plus
 * `on(event, listener)` for the few messages main pushes (menu commands, settings changes). Never a raw ipcRenderer.
 *
 * Built by one function, buildBridge, from a transport's two primitives (invoke a channel, subscribe to events):
 * the preload builds it over Electron IPC, the e2e harness over a Playwright binding, so both expose exactly the
 * same object.
 */
import type { AppSettings } from '../model.ts';
import type { Channel } from './contract.ts';
import type { Envelope, Transport } from './envelope.ts';

export interface Events {
  /** A menu item or accelerator of the native menu, to be run by the renderer's command of that id. */
  command: { id: string };
  /** Settings changed from main (language chosen in the menu, recent list). */
  settingsChanged: AppSettings;
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['command', 'settingsChanged'];

/** The one IPC channel main pushes events on, as `(event name, payload)`. */
export const EVENT_CHANNEL = 'relais:event';

/** Name of the global the bridge is exposed under. */
export const BRIDGE_GLOBAL = 'relais';

export type RelaisBridge = { [C in Channel]: (...args: unknown[]) => Promise<Envelope<unknown>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export interface BridgeWiring {
  channels: readonly string[];
  events: readonly string[];
  /** Sends a call to main; resolves with its envelope. */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Starts delivering main's events named `event` to `listener`; returns what stops it. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the frozen `window.relais` object. Self-contained on purpose — it refers to nothing outside its own body —
 * so that the e2e harness can run its very source in the page.
 */
export function buildBridge(wiring: BridgeWiring): RelaisBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of wiring.channels) {
    bridge[channel] = (...args: unknown[]) => wiring.invoke(channel, args);
  }
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    if (!wiring.events.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return wiring.subscribe(event, (payload) => listener(payload));
  };
  return Object.freeze(bridge) as unknown as RelaisBridge;
}

export function transportFromBridge(bridge: RelaisBridge): Transport {
  return (channel, args) => bridge[channel](...args);
}
