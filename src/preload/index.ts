import { contextBridge, ipcRenderer } from 'electron';
import type { WindowApi } from '../shared/contract';

// The renderer gets exactly two functions: call a named handler, listen to a named event.
// It never sees ipcRenderer or channel names.
const api: WindowApi = {
  invoke: (name, input) => ipcRenderer.invoke('rpc', name, input),
  on: (event, listener) => {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('event', wrapped);
    return () => ipcRenderer.removeListener('event', wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
