import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, screen, session, shell, type WebContents } from 'electron';
import { AppError } from '../shared/errors';
import type { CoreApp } from './core/app';
import { createLogger, type Logger } from './core/log';
import { appUrl } from './app-url';
import { contextMenuItems } from './context-menu';
import { CHROMIUM_FOLDER, chooseDataDir, moveDataOnce } from './data-dir';
import { lockContents, lockSession } from './lockdown';
import { createPackageInbox } from './open-package';
import { packageArg } from './package-file';
import { PAGE_BEFORE_CLOSE_SCRIPT, createQuitSequence } from './quit-sequence';
import { runSelfCheck, selfCheckTarget } from './self-check';
import { describeCrash, describeStartupError, type FatalMessage } from './startup-error';
import { CONTENT_SECURITY_POLICY, windowOptions } from './window';
import { clampBounds, loadWindowState, saveWindowState, type WindowState } from './window-state';
import { nextZoomLevel, zoomActionForKey, type ZoomAction } from './zoom';

// Electron glue only: each decision lives in a small Electron-free module beside this file (tested under vitest).

let mainWindow: BrowserWindow | null = null;
let core: CoreApp | null = null;
let log: Logger | null = null;
let windowState: WindowState = {};
const INDEX_FILE = join(__dirname, '../renderer/index.html');
const allowedUrl = appUrl({ isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL, indexFile: INDEX_FILE });
const dataChoice = chooseDataDir({ env: process.env, isPackaged: app.isPackaged, platform: process.platform, userData: app.getPath('userData') });
// Chromium's own storage (the pages' local copies of unsaved drafts) and the single-instance lock go beside
// the data too: out of Roaming, and a development run apart from the installed app.
if (dataChoice.ok) app.setPath('userData', join(dataChoice.dir, CHROMIUM_FOLDER));

function showFatal(fatal: FatalMessage): void {
  if (app.isReady()) dialog.showErrorBox(fatal.title, fatal.message);
}

const inbox = createPackageInbox((message) => {
  log?.info(`Gói dữ liệu bị từ chối: ${message}`);
  const options = { type: 'warning' as const, title: 'Không mở được gói dữ liệu', message, buttons: ['Đóng'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
});

const quit = createQuitSequence({
  async pageReadyToClose() {
    const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
    if (!contents || contents.isCrashed()) return true;
    const answer = contents.executeJavaScript(PAGE_BEFORE_CLOSE_SCRIPT, true).then((v) => v !== false);
    const ready = await Promise.race([answer, new Promise<boolean>((done) => setTimeout(() => done(true), 30_000))]);
    // Let the save calls the page just started reach the core's queue before the shutdown waits on it.
    await new Promise((done) => setTimeout(done, 300));
    return ready;
  },
  async shutdownCore() {
    if (mainWindow && !mainWindow.isDestroyed()) rememberWindow(mainWindow);
    await core?.shutdown();
  },
  exit: (code) => app.exit(code),
  log: (scope, error) => log?.error(scope, error),
});

const selfCheck = selfCheckTarget(process.argv);
if (selfCheck) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here so a wrong build is reported, not thrown at start
  const report = runSelfCheck(selfCheck, () => require('better-sqlite3'));
  app.exit(report.ok ? 0 : 1);
} else if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  if (dataChoice.ok) log = createLogger(join(dataChoice.dir, 'logs'));
  process.on('uncaughtException', (e) => {
    log?.error('uncaughtException', e);
    showFatal(describeCrash('uncaught', log?.file ?? null));
  });
  process.on('unhandledRejection', (e) => log?.error('unhandledRejection', e));
  app.on('second-instance', (_e, argv, workingDirectory) => {
    void inbox.offer(mainWindow, packageArg(argv, workingDirectory));
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (e, path) => {
    e.preventDefault();
    void inbox.offer(mainWindow, path);
  });
  app.on('web-contents-created', (_e, contents) => lockContents(contents, (url) => void shell.openExternal(url)));
  app.on('before-quit', (e) => {
    e.preventDefault();
    void quit.request();
  });
  app.on('window-all-closed', () => void quit.request());
  app.whenReady().then(start).catch((e) => {
    log?.error('startup', e);
    showFatal(describeStartupError(e, log?.file ?? null));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  if (!dataChoice.ok) throw new AppError('VALIDATION', dataChoice.message); // shown as it is (startup-error.ts)
  const dataDir = dataChoice.dir;
  if (moveDataOnce(dataChoice.previous, dataDir)) log?.info(`Đã chuyển dữ liệu từ ${dataChoice.previous} sang ${dataDir}`);
  // Loaded only now: a wrong better-sqlite3 build fails here, inside the logged start-up, not at require time.
  const [{ createApp }, { electronHost }, { bindIpc }, { buildMenu }] = await Promise.all([import('./core/app'), import('./host-electron'), import('./ipc'), import('./menu')]);
  core = await createApp(dataDir, electronHost(() => mainWindow));
  bindIpc(core, () => mainWindow, allowedUrl);
  Menu.setApplicationMenu(buildMenu(dataDir, { zoom: (a) => mainWindow && zoom(mainWindow.webContents, a), quit: () => void quit.request() }));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  lockSession(session.defaultSession);

  windowState = loadWindowState(dataDir);
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js'), clampBounds(windowState.bounds, areas)));
  mainWindow = win;
  win.on('ready-to-show', () => {
    if (windowState.maximized) win.maximize();
    win.show();
  });
  win.on('close', (e) => {
    if (quit.running) return;
    e.preventDefault();
    void quit.request();
  });
  win.on('closed', () => (mainWindow = null));
  watchPage(win);
  if (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) await win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await win.loadFile(INDEX_FILE);
  void inbox.offer(win, packageArg(process.argv, process.cwd()));
}

/** Zoom keys, the Vietnamese context menu, and what happens when the page crashes or hangs. */
function watchPage(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    const action = zoomActionForKey(input);
    if (!action) return;
    event.preventDefault();
    zoom(contents, action);
  });
  contents.on('zoom-changed', (_e, direction) => zoom(contents, direction));
  contents.on('did-finish-load', () => {
    contents.setZoomLevel(windowState.zoomLevel ?? 0);
    void inbox.flush(win);
  });
  // A reload while the page still saves: its beforeunload handler refuses; ask instead of doing nothing.
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: 'Đang lưu',
      message: 'Vẫn còn thay đổi đang được lưu. Ở lại trang này cho đến khi lưu xong?',
      buttons: ['Ở lại', 'Vẫn tải lại'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault(); // preventDefault here means: ignore the page's refusal
  });
  contents.on('context-menu', (_e, params) => {
    const items = contextMenuItems(params);
    if (items.length) Menu.buildFromTemplate(items).popup({ window: win });
  });
  contents.on('render-process-gone', (_e, details) => {
    log?.error('render-process-gone', `${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || quit.running) return;
    showFatal(describeCrash('render-gone', log?.file ?? null));
    contents.reload();
  });
  win.on('unresponsive', () => {
    log?.error('unresponsive', 'Cửa sổ không phản hồi');
    const fatal = describeCrash('unresponsive', log?.file ?? null);
    void dialog.showMessageBox(win, { type: 'warning', title: fatal.title, message: fatal.message, buttons: ['Chờ', 'Mở lại màn hình'], defaultId: 0, cancelId: 0 }).then(({ response }) => {
      if (response === 1 && !win.isDestroyed()) contents.forcefullyCrashRenderer();
    });
  });
}

function zoom(contents: WebContents, action: ZoomAction): void {
  const level = nextZoomLevel(contents.getZoomLevel(), action);
  contents.setZoomLevel(level);
  windowState = { ...windowState, zoomLevel: level };
}

function rememberWindow(win: BrowserWindow): void {
  if (!dataChoice.ok) return;
  windowState = { ...windowState, bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  saveWindowState(dataChoice.dir, windowState);
}
