import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BLOCKED_NAVIGATIONS, lockContents, lockSession, type ContentsLike, type SessionLike } from '../../../src/main/lockdown';

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
}

function fire(contents: EventEmitter, event: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, 'https://example.org/');
  return prevented;
}

describe('what no page may do', () => {
  it('blocks navigations, frame navigations, redirects and webviews', () => {
    const contents = new FakeContents();
    lockContents(contents as unknown as ContentsLike, () => undefined);
    expect(BLOCKED_NAVIGATIONS).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']));
    for (const event of BLOCKED_NAVIGATIONS) expect(fire(contents, event)).toBe(true);
  });

  it('opens no window; https links go to the system browser, nothing else does', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    lockContents(contents as unknown as ContentsLike, (url) => opened.push(url));
    for (const url of ['https://thuvienphapluat.vn/van-ban', 'http://x.test/', 'file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://thuvienphapluat.vn/van-ban']);
  });

  it('denies permission requests and checks, except writing text to the clipboard', () => {
    const handlers: { request?: Parameters<SessionLike['setPermissionRequestHandler']>[0]; check?: Parameters<SessionLike['setPermissionCheckHandler']>[0]; device?: (d: unknown) => boolean } = {};
    lockSession({
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
      setDevicePermissionHandler: (h) => (handlers.device = h),
    });
    const asked = (permission: string) => {
      let answer: boolean | undefined;
      handlers.request!(null, permission, (granted) => (answer = granted));
      return answer;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(asked(p)).toBe(false);
      expect(handlers.check!(null, p)).toBe(false);
    }
    expect(asked('clipboard-sanitized-write')).toBe(true);
    expect(handlers.check!(null, 'clipboard-sanitized-write')).toBe(true);
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });
});
