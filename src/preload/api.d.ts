import type { WindowApi } from '../shared/contract';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or by /__bridge.js (browser, tests). */
    api: WindowApi;
  }
}
export {};
