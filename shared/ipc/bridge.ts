/**
 * What `window.relais` is in the renderer: one function per channel returning an envelope
 * (exposed by the preload in the app, by an init script over a Playwright binding in the e2e harness),
 * plus `on(event, listener)` for the few messages main pushes (menu commands, settings changes).
 * Never a raw ipcRenderer.
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

export type RelaisBridge = { [C in Channel]: (...args: unknown[]) => Promise<Envelope<unknown>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** Name of the global the bridge is exposed under. */
export const BRIDGE_GLOBAL = 'relais';

export function transportFromBridge(bridge: RelaisBridge): Transport {
  return (channel, args) => bridge[channel](...args);
}
