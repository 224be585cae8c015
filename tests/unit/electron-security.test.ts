import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { windowOptions, CONTENT_SECURITY_POLICY, PAGE_CSP } = await import('../../src/main/window');

const root = resolve(__dirname, '../..');

describe('Electron security (static)', () => {
  it('window runs the renderer isolated, sandboxed, without Node', () => {
    const w = windowOptions('/x/preload.js', { x: 0, y: 0, width: 1000, height: 700 }).webPreferences!;
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.webSecurity).toBe(true);
    expect(w.webviewTag).toBe(false);
  });

  it('CSP allows only our own scripts, in the header and in the page', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    const html = readFileSync(resolve(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_CSP);
    expect(CONTENT_SECURITY_POLICY.startsWith(PAGE_CSP)).toBe(true);
  });

  // The decisions are tested in tests/unit/desktop (lockdown, app-url); here: the glue applies them.
  it('main locks every web contents and the session, checks IPC senders and keeps a single instance', () => {
    const main = readFileSync(resolve(root, 'src/main/index.ts'), 'utf8');
    expect(main).toMatch(/app\.on\('web-contents-created', \(_e, contents\) => lockContents\(contents/);
    expect(main).toMatch(/lockSession\(session\.defaultSession\)/);
    expect(main).toMatch(/requestSingleInstanceLock/);
    const ipc = readFileSync(resolve(root, 'src/main/ipc.ts'), 'utf8');
    expect(ipc).toMatch(/if \(!trusted\) return/);
    expect(ipc).not.toMatch(/ELECTRON_RENDERER_URL/);
  });

  it('preload exposes only invoke and on', async () => {
    const exposed: Record<string, unknown> = {};
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    }));
    vi.resetModules();
    await import('../../src/preload/index');
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api as object).sort()).toEqual(['invoke', 'on']);
  });
});
