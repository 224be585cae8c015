import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { windowOptions, CONTENT_SECURITY_POLICY, PAGE_CSP } = await import('../../src/main/window');

const root = resolve(__dirname, '../..');

describe('Electron security (static)', () => {
  it('window runs the renderer isolated, sandboxed, without Node', () => {
    const w = windowOptions('/x/preload.js').webPreferences!;
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.webSecurity).toBe(true);
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

  it('main blocks navigation, new windows and keeps a single instance', () => {
    const main = readFileSync(resolve(root, 'src/main/index.ts'), 'utf8');
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*action: 'deny'/);
    expect(main).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(main).toMatch(/requestSingleInstanceLock/);
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
