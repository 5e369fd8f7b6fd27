/**
 * The preload: exposes `window.relais` (shared/ipc/bridge.ts, built by buildBridge) — one function per channel of
 * the contract, each a plain `ipcRenderer.invoke`, and `on(event, listener)` for what main pushes. ipcRenderer
 * itself is never exposed, nor the IPC event objects (they carry the sender).
 *
 * Sandboxed preloads cannot load ES modules: scripts/build-electron.mjs bundles this file into
 * dist-electron/preload.cjs. It loads the channel names only (no schemas, no zod).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, buildBridge, EVENT_CHANNEL, EVENT_NAMES } from '../../shared/ipc/bridge.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/channel-names.ts';

const bridge = buildBridge({
  channels: CHANNEL_NAMES,
  events: EVENT_NAMES,
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  subscribe(event, listener) {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
