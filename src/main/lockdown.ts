/**
 * What no page of the app may do, whatever it loads: navigate (a link, a form, a redirect, a script
 * setting location), in any frame; open windows (https links go to the system browser); attach webviews;
 * use any permission (camera, notifications, clipboard-read, …) whether asked or merely checked — except
 * writing plain text to the clipboard ("Sao chép" buttons).
 * Written against minimal shapes of Electron's objects so it runs under vitest with fakes.
 */

interface Preventable {
  preventDefault(): void;
}

export interface ContentsLike {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

export const BLOCKED_NAVIGATIONS = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'] as const;

export function lockContents(contents: ContentsLike, openExternal: (url: string) => void): void {
  for (const event of BLOCKED_NAVIGATIONS) contents.on(event, (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function lockSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler?.(() => false);
}
