import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, session, shell } from 'electron';
import { createApp, type CoreApp } from './core/app';
import { electronHost } from './host-electron';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { flushPackage, openPackage, packageArg } from './open-package';
import { CONTENT_SECURITY_POLICY, windowOptions } from './window';

let mainWindow: BrowserWindow | null = null;
let core: CoreApp | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    void openPackage(mainWindow, packageArg(argv));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (e, path) => {
    e.preventDefault();
    void openPackage(mainWindow, path);
  });
  app.whenReady().then(start).catch((e) => {
    // E.g. a database from a newer version: say so in Vietnamese and leave the file untouched.
    console.error(e);
    dialog.showErrorBox('Không mở được dữ liệu', e instanceof Error ? e.message : String(e));
    app.quit();
  });
}

// No page may open windows or navigate away from the app.
app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function start(): Promise<void> {
  const dataDir = process.env.TDKT_DATA_DIR ?? app.getPath('userData');
  core = await createApp(dataDir, electronHost(() => mainWindow));
  bindIpc(core, () => mainWindow);
  Menu.setApplicationMenu(buildMenu(dataDir));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  mainWindow = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  mainWindow.on('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) await mainWindow.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await mainWindow.loadFile(join(__dirname, '../renderer/index.html'));
  void openPackage(mainWindow, packageArg(process.argv));
  flushPackage(mainWindow);
}

app.on('window-all-closed', () => {
  void core?.close().finally(() => app.quit());
});
