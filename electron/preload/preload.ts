/**
 * The preload: exposes `window.relais` (shared/ipc/bridge.ts) — one function per channel of the contract, each a
 * plain `ipcRenderer.invoke`, and `on(event, listener)` for what main pushes. ipcRenderer itself is never exposed,
 * nor the IPC event objects (they carry the sender).
 *
 * Sandboxed preloads cannot load ES modules: scripts/build-electron.mjs bundles this file, with the channel list of
 * shared/ipc/contract.ts, into dist-electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { EventName, Events } from '../../shared/ipc/bridge.ts';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge.ts';
import { CHANNELS } from '../../shared/ipc/contract.ts';

const EVENT_CHANNEL = 'relais:event';
const EVENT_NAMES: readonly EventName[] = ['command', 'settingsChanged'];

const bridge: Record<string, unknown> = {};
for (const channel of CHANNELS) {
  bridge[channel] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}
bridge.on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void): (() => void) => {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  if (typeof listener !== 'function') throw new Error('listener must be a function');
  const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload as Events[E]);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
