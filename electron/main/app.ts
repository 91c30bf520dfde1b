// The Electron main process, written against the `electron` module it is given so that its
// wiring can be unit-tested with a mock (test/electron/shell.test.ts).
import type * as ElectronModule from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { openLibrary, type Library } from '../services/open-library';
import { resolveDataDir } from '../services/paths';
import { createDispatcher } from '../transport/dispatch';
import { APP_VERSION } from '../version';
import { registerIpc } from './ipc';
import { buildMenuTemplate, type MenuCommand } from './menu';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol';
import { FileAccess, guardFileServices, windowHostServices } from './file-access';
import { APP_ORIGIN, hardenSession, hardenWebContents, secureWebPreferences } from './security';
import { DEFAULT_WINDOW_STATE, restoreWindowState, WINDOW_STATE_KEY, type WindowState } from './window-state';

type Electron = typeof ElectronModule;

export interface ShellPaths {
  preload: string;
  rendererDir: string;
  /** better_sqlite3.node built for Electron's ABI, when not in node_modules (dev). */
  nativeBinding?: string;
}

export function defaultPaths(baseDir: string): ShellPaths {
  const dev = join(baseDir, '..', '..', '.cache', 'electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const fromEnv = process.env.PLANDESK_SQLITE_BINDING;
  return {
    preload: join(baseDir, 'preload.cjs'),
    rendererDir: join(baseDir, '..', 'renderer'),
    ...(fromEnv ? { nativeBinding: fromEnv } : existsSync(dev) ? { nativeBinding: dev } : {}),
  };
}

/** Developer tools (menu item and the window's devTools preference) only when not packaged. */
export function devToolsAllowed(app: Pick<ElectronModule.App, 'isPackaged'>): boolean {
  return !app.isPackaged;
}

/** The main window's options: remembered bounds and the secure web preferences. */
export function mainWindowOptions(state: WindowState, preload: string, devTools: boolean): ElectronModule.BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 640,
    title: 'PlanDesk',
    show: false,
    backgroundColor: '#f5f3ee',
    webPreferences: secureWebPreferences(preload, { devTools }),
  };
}

export function startElectronApp(electron: Electron, paths: ShellPaths): void {
  const { app, BrowserWindow, Menu, ipcMain, protocol, dialog, shell, screen, session } = electron;
  let library: Library | undefined;
  let win: ElectronModule.BrowserWindow | undefined;
  const files = new FileAccess();
  const devTools = devToolsAllowed(app);

  protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    try {
      library = openLibrary(resolveDataDir(app.getPath('userData')), 'electron', {
        ...(paths.nativeBinding ? { nativeBinding: paths.nativeBinding } : {}),
        host: windowHostServices({ dialog, shell, documentsDir: app.getPath('documents'), files }),
        team: { staticDir: paths.rendererDir, log: (line) => console.error(line) },
      });
    } catch (err) {
      const message = err instanceof AppError ? err.message : `无法打开资料库：${String(err)}`;
      dialog.showErrorBox('PlanDesk 无法启动', message);
      app.quit();
      return;
    }
    const lib = library;
    // Team mode, when it was on at the last quit (设置 → 团队模式); it stops when the app quits.
    void lib.team.restore();
    registerAppProtocol(protocol, paths.rendererDir);
    registerIpc(
      ipcMain,
      createDispatcher(guardFileServices(lib.services, files), (m) => console.error(m)),
    );

    const send = (command: MenuCommand) => win?.webContents.send('plandesk:menu', command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          send,
          isMac: process.platform === 'darwin',
          devTools,
          openDataFolder: () => void shell.openPath(lib.dataDir),
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '关于 PlanDesk',
              message: `PlanDesk ${APP_VERSION}`,
              detail: `安全生产工作要点编制工具\n资料库：${lib.dbPath}`,
            }),
        }),
      ),
    );

    const stored = await lib.services['settings.get']({ key: WINDOW_STATE_KEY }).catch(() => ({ value: null }));
    const state = restoreWindowState(
      stored.value,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = new BrowserWindow(mainWindowOptions(state, paths.preload, devTools));
    if (state.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    const saveState = () => {
      if (!win || win.isDestroyed()) return;
      const b = win.getNormalBounds();
      const next: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
      void lib.services['settings.set']({ key: WINDOW_STATE_KEY, value: next });
    };
    win.on('close', saveState);
    // The page asks before it is closed with changes not yet in the library (beforeunload);
    // Electron shows no dialog of its own for that, so ask here.
    win.webContents.on('will-prevent-unload', (event) => {
      const choice = dialog.showMessageBoxSync(win!, {
        type: 'question',
        buttons: ['关闭', '留在此页'],
        defaultId: 1,
        cancelId: 1,
        title: 'PlanDesk',
        message: '还有修改没有保存到资料库。',
        detail: '这些修改已保存在本机草稿中，下次打开这份计划时可以恢复。确定现在关闭吗？',
      });
      if (choice === 0) event.preventDefault();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  });

  // Quitting stops the team server (its last edits written to the library), then closes the
  // library. app.quit() (a menu, Cmd+Q) emits will-quit without window-all-closed: both end here.
  let shutDown = false;
  const quit = () => {
    if (shutDown) return app.quit();
    const lib = library;
    void (lib ? lib.team.stop() : Promise.resolve()).finally(() => {
      shutDown = true;
      lib?.close();
      app.quit();
    });
  };
  app.on('window-all-closed', quit);
  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    quit();
  });
}

export { DEFAULT_WINDOW_STATE };
