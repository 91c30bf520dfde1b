// A fake `electron` module for the main process's wiring (no binary needed): records windows,
// app handlers, the menu template and the session's permission handlers.
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export function fakeElectron(userData: string, isPackaged = true) {
  const appHandlers: Record<string, Handler> = {};
  const windows: FakeWindow[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((r) => (ready = r));
  class FakeWindow {
    options: Record<string, unknown>;
    handlers: Record<string, Handler> = {};
    loaded = '';
    webContents = {
      send: vi.fn(),
      handlers: {} as Record<string, Handler>,
      on(e: string, h: Handler) {
        this.handlers[e] = h;
      },
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    on(e: string, h: Handler) {
      this.handlers[e] = h;
    }
    once(e: string, h: Handler) {
      this.handlers[e] = h;
    }
    loadURL(u: string) {
      this.loaded = u;
      return Promise.resolve();
    }
    maximize() {}
    show() {}
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1300, height: 820 };
    }
  }
  const electron = {
    app: {
      on: (e: string, h: Handler) => {
        appHandlers[e] = h;
      },
      whenReady: () => readyPromise,
      requestSingleInstanceLock: () => true,
      getPath: (k: string) => (k === 'userData' ? userData : '/tmp'),
      quit: vi.fn(),
      isPackaged,
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0), showSaveDialog: vi.fn() },
    shell: { openPath: vi.fn(), showItemInFolder: vi.fn() },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
  return { electron, appHandlers, windows, ready: () => ready() };
}
