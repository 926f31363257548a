import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './contract/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isEventName } from './contract/names';
import type { Envelope } from './contract/types';

/**
 * Exposes named functions only. The renderer never gets `ipcRenderer`, the
 * IPC event object, or a way to pick a channel.
 */
const bridge = buildBridge(
  (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input) as Promise<Envelope<unknown>>,
  (event, listener) => {
    if (!isEventName(event)) throw new TypeError(`ReportDesk has no event called "${String(event)}".`);
    const forward = (_ipc: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('reportdesk', bridge);
