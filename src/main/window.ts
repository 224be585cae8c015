import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type Rect } from './window-state';

/** The renderer is a plain web page: no Node, isolated, sandboxed. Checked by tests/unit/electron-security.test.ts. */
export function windowOptions(preloadPath: string, bounds: Rect): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Thi đua Khen thưởng',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      webviewTag: false,
      safeDialogs: true,
    },
  };
}

/** The policy of the meta tag in src/renderer/index.html. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
/** Sent as a header too; frame-ancestors only works there. */
export const CONTENT_SECURITY_POLICY = `${PAGE_CSP}; frame-ancestors 'none'`;
