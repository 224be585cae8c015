import { describe, expect, it } from 'vitest';
import { appUrl, isTrustedSender } from '../../../src/main/app-url';

const INDEX = '/opt/Thi đua Khen thưởng/resources/app.asar/out/renderer/index.html';
const packaged = appUrl({ isPackaged: true, rendererUrl: 'http://localhost:5173/', indexFile: INDEX });
const main = { isMainFrame: true, isMainWindow: true };

describe('IPC sender check', () => {
  it('ignores the dev server URL in a packaged app and allows it only when not packaged', () => {
    expect(packaged).toMatch(/^file:\/\/\/opt\/Thi%20/);
    expect(packaged.endsWith('/out/renderer/index.html')).toBe(true);
    expect(appUrl({ isPackaged: false, rendererUrl: 'http://localhost:5173', indexFile: INDEX })).toBe('http://localhost:5173/');
    expect(isTrustedSender({ ...main, frameUrl: 'http://localhost:5173/' }, packaged)).toBe(false);
  });

  it('accepts the main frame of the main window at the app page, whatever the route', () => {
    expect(isTrustedSender({ ...main, frameUrl: `${packaged}#/ke-hoach?id=1` }, packaged)).toBe(true);
    expect(isTrustedSender({ ...main, frameUrl: packaged }, packaged)).toBe(true);
  });

  it('compares file pages by the path they name, not by how it is percent-encoded', () => {
    const allowed = appUrl({ isPackaged: true, rendererUrl: undefined, indexFile: "/home/Nguyễn Văn A/it's/index.html" });
    expect(isTrustedSender({ ...main, frameUrl: 'file:///home/Nguy%E1%BB%85n%20V%C4%83n%20A/it%27s/index.html#/' }, allowed)).toBe(true);
    expect(isTrustedSender({ ...main, frameUrl: 'file:///home/Nguy%E1%BB%85n%20V%C4%83n%20A/its/index.html' }, allowed)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'file://evil-host/home/x/index.html' }, allowed)).toBe(false);
  });

  it('refuses a missing or empty frame URL, an iframe, another window, and any other file', () => {
    expect(isTrustedSender({ ...main, frameUrl: undefined }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: '' }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, isMainFrame: false, frameUrl: packaged }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, isMainWindow: false, frameUrl: packaged }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'file:///C:/Users/A/Downloads/trap.html' }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: packaged.replace('index.html', 'other.html') }, packaged)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'not a url' }, packaged)).toBe(false);
  });
});
