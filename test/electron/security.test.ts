// Electron's security checklist, item by item, on the main process's configuration: the window
// options, the session and web-contents handlers, the app:// protocol's headers, the file
// access of the host services and the menu are plain functions tested here with light fakes.
// Each test fails if its setting regresses. (The preload: preload.test.ts; fuses: fuses.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { devToolsAllowed, mainWindowOptions, startElectronApp } from '../../electron/main/app';
import { FileAccess, guardFileServices, windowHostServices } from '../../electron/main/file-access';
import { buildMenuTemplate } from '../../electron/main/menu';
import { appProtocolHandler, appResponseHeaders, registerAppProtocol } from '../../electron/main/protocol';
import {
  ALLOWED_PERMISSIONS,
  denyWindowOpen,
  devicePermissionHandler,
  hardenSession,
  permissionCheckHandler,
  permissionRequestHandler,
  secureWebPreferences,
} from '../../electron/main/security';
import { DEFAULT_WINDOW_STATE } from '../../electron/main/window-state';
import { fakeElectron } from './fake-electron';
import { fakeWebContents } from './fake-web-contents';

type Handler = (...args: unknown[]) => unknown;

// The library goes to the fake userData folder, not to a PLANDESK_HOME of the environment.
const savedHome = process.env.PLANDESK_HOME;
beforeAll(() => {
  delete process.env.PLANDESK_HOME;
});
afterAll(() => {
  if (savedHome !== undefined) process.env.PLANDESK_HOME = savedHome;
});

/** Every permission name of Electron 45's Session.setPermissionRequestHandler. */
const ELECTRON_PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
  'some-future-permission',
];

describe('window: web preferences', () => {
  const prefs = mainWindowOptions(DEFAULT_WINDOW_STATE, '/x/preload.cjs', false).webPreferences!;

  it('isolates the page: contextIsolation and sandbox on, Node integration off everywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.preload).toBe('/x/preload.cjs');
  });

  it('keeps webSecurity on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('enables no experimental or Blink features and no <webview> tag', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('sets only known preferences (a new one has to be added here on purpose)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('has developer tools only in an unpackaged build', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p').devTools).toBe(false);
    expect(mainWindowOptions(DEFAULT_WINDOW_STATE, '/p', true).webPreferences!.devTools).toBe(true);
    expect(devToolsAllowed({ isPackaged: true })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false })).toBe(true);
  });
});

describe('web contents: navigation, redirects, new windows, webviews', () => {
  it('denies navigation away from app://plandesk and allows it inside', () => {
    const c = fakeWebContents();
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(c.fire('will-navigate', 'app://plandesk.evil/index.html')).toBe(true);
    expect(c.fire('will-navigate', 'app://plandesk/index.html#/plan/1')).toBe(false);
    expect(c.fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-frame-navigate', 'app://plandesk/index.html')).toBe(false);
  });

  it('denies redirects away from the app like navigation', () => {
    const c = fakeWebContents();
    expect(c.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(c.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(c.fire('will-redirect', 'app://plandesk/index.html')).toBe(false);
  });

  it('denies every new window, even for the app itself', () => {
    const c = fakeWebContents();
    expect(c.open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(c.open({ url: 'app://plandesk/index.html' })).toEqual({ action: 'deny' });
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('denies attaching a <webview>', () => {
    const c = fakeWebContents();
    expect(c.fire('will-attach-webview', 'app://plandesk/index.html')).toBe(true);
  });

  it('hardens every web contents the app creates', async () => {
    const f = fakeElectron(mkdtempSync(join(tmpdir(), 'plandesk-sec-')));
    startElectronApp(f.electron as never, { preload: '/p', rendererDir: '/r' });
    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    f.appHandlers['web-contents-created']!({}, { on, setWindowOpenHandler });
    expect(on.mock.calls.map((c) => c[0]).sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});

describe('session: permissions', () => {
  it('PlanDesk asks for no web permission', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual([]);
  });

  it('denies every permission request, from the app page too', () => {
    const wc = { getURL: () => 'app://plandesk/index.html' };
    for (const permission of ELECTRON_PERMISSIONS) {
      const callback = vi.fn();
      permissionRequestHandler(wc, permission, callback, { requestingUrl: 'app://plandesk/index.html' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      const other = vi.fn();
      permissionRequestHandler(null, permission, other, { requestingUrl: 'https://example.com/' });
      expect(other, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with no', () => {
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(permissionCheckHandler(null, permission, 'app://plandesk'), permission).toBe(false);
      expect(permissionCheckHandler(null, permission, 'https://example.com'), permission).toBe(false);
    }
    expect(devicePermissionHandler()).toBe(false);
  });

  it('installs the handlers on the session', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    hardenSession(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(permissionRequestHandler);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledWith(devicePermissionHandler);
  });

  it('the app hardens the default session before it opens the window', async () => {
    const f = fakeElectron(mkdtempSync(join(tmpdir(), 'plandesk-sec-')));
    const s = f.electron.session.defaultSession;
    let handlersAtWindow = 0;
    const Window = f.electron.BrowserWindow;
    f.electron.BrowserWindow = class extends Window {
      constructor(o: Record<string, unknown>) {
        super(o);
        handlersAtWindow = s.setPermissionRequestHandler.mock.calls.length + s.setPermissionCheckHandler.mock.calls.length;
      }
    };
    startElectronApp(f.electron as never, { preload: '/p', rendererDir: '/r' });
    f.ready();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    expect(s.setPermissionRequestHandler).toHaveBeenCalledWith(permissionRequestHandler);
    expect(s.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler);
    expect(handlersAtWindow).toBe(2);
    f.appHandlers['window-all-closed']!();
  });
});

describe('app:// protocol: CSP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-proto-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PlanDesk</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'no');

  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );

  it('serves every file with a strict Content-Security-Policy and nosniff', async () => {
    const handler = appProtocolHandler(dir);
    for (const url of ['app://plandesk/index.html', 'app://plandesk/', 'app://plandesk/plan/1', 'app://plandesk/assets/app.js']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(200);
      const csp = res.headers.get('content-security-policy');
      expect(csp, url).toBeTruthy();
      const d = directives(csp!);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|\*/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await handler(new Request('app://plandesk/assets/app.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(appResponseHeaders('/r/index.html')['Content-Security-Policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the renderer folder', async () => {
    const handler = appProtocolHandler(dir);
    expect((await handler(new Request('app://plandesk/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://plandesk/missing.js'))).status).toBe(404);
  });

  it('registers the handler for app://', () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, dir);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('files: export.toFile and showItemInFolder', () => {
  function setup() {
    const files = new FileAccess();
    const shell = { showItemInFolder: vi.fn() };
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/文档/要点.docx' })) };
    const host = windowHostServices({ dialog: dialog as never, shell, documentsDir: '/home/u/文档', files });
    const toFile = vi.fn(async (a: { path: string }) => ({ path: a.path, bytes: 10, warnings: [] }));
    const services = guardFileServices({ 'export.toFile': toFile } as unknown as Services, files);
    return { files, shell, dialog, host, toFile, services };
  }
  const args = (path: string) => ({ planId: 'p1', path }) as never;

  it('shows in its folder only a file PlanDesk wrote', async () => {
    const s = setup();
    expect(await s.host['app.showInFolder']({ path: '/home/u/.bashrc' })).toEqual({ ok: false });
    expect(await s.host['app.showInFolder']({ path: '/home/u/文档/要点.docx' })).toEqual({ ok: false });
    expect(s.shell.showItemInFolder).not.toHaveBeenCalled();

    const chosen = await s.host['app.saveDialog']({ defaultName: '要点.docx' });
    expect(chosen).toEqual({ supported: true, path: '/home/u/文档/要点.docx' });
    // Chosen but not yet written: still no.
    expect(await s.host['app.showInFolder']({ path: '/home/u/文档/要点.docx' })).toEqual({ ok: false });
    await s.services['export.toFile'](args('/home/u/文档/要点.docx'));
    expect(await s.host['app.showInFolder']({ path: '/home/u/文档/要点.docx' })).toEqual({ ok: true });
    expect(s.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/home/u/文档/要点.docx');
    expect(await s.host['app.showInFolder']({ path: '/home/u/文档/其他.docx' })).toEqual({ ok: false });
    expect(s.shell.showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('writes only to a path the user chose in the save dialog', async () => {
    const s = setup();
    await expect(s.services['export.toFile'](args('/home/u/.config/autostart/x.docx'))).rejects.toThrow(AppError);
    expect(s.toFile).not.toHaveBeenCalled();
    await s.host['app.saveDialog']({ defaultName: '要点.docx' });
    await expect(s.services['export.toFile'](args('/home/u/文档/../文档/要点.docx'))).resolves.toMatchObject({ bytes: 10 });
    expect(s.toFile).toHaveBeenCalledTimes(1);
  });

  it('a cancelled dialog allows nothing', async () => {
    const s = setup();
    s.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await s.host['app.saveDialog']({ defaultName: 'a.docx' })).toEqual({ supported: true, path: null });
    await expect(s.services['export.toFile'](args('/home/u/文档/a.docx'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the app routes export.toFile through the guard and app.showInFolder through the written set', async () => {
    const f = fakeElectron(mkdtempSync(join(tmpdir(), 'plandesk-sec-')));
    startElectronApp(f.electron as never, { preload: '/p', rendererDir: '/r' });
    f.ready();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const handler = f.electron.ipcMain.handle.mock.calls[0]![1] as Handler;
    const from = { senderFrame: { url: 'app://plandesk/index.html', parent: null } };
    const shown = await handler(from, 'app.showInFolder', { path: '/etc/passwd' });
    expect(shown).toEqual({ ok: true, result: { ok: false } });
    expect(f.electron.shell.showItemInFolder).not.toHaveBeenCalled();
    const written = await handler(from, 'export.toFile', { planId: 'p1', path: join(tmpdir(), 'x.docx') });
    expect(written).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    f.appHandlers['window-all-closed']!();
  });
});

describe('menu: no developer tools in the installed app', () => {
  const actions = { send: vi.fn(), openDataFolder: vi.fn(), showAbout: vi.fn(), isMac: false };
  const items = (devTools: boolean) => buildMenuTemplate({ ...actions, devTools }).flatMap((m) => m.submenu as Array<{ label?: string; role?: string }>);

  it('leaves 开发者工具 out of the production menu', () => {
    const prod = items(false);
    expect(prod.some((i) => i.role?.toLowerCase() === 'toggledevtools')).toBe(false);
    expect(prod.some((i) => i.label === '开发者工具')).toBe(false);
    expect(prod.some((i) => i.role === 'reload')).toBe(true);
  });

  it('keeps it in a development build', () => {
    expect(items(true).find((i) => i.label === '开发者工具')).toMatchObject({ role: 'toggleDevTools' });
  });

  it('the packaged app builds the menu and the window without developer tools; unpackaged with them', async () => {
    for (const isPackaged of [true, false]) {
      const f = fakeElectron(mkdtempSync(join(tmpdir(), 'plandesk-sec-')), isPackaged);
      startElectronApp(f.electron as never, { preload: '/p', rendererDir: '/r' });
      f.ready();
      await vi.waitFor(() => expect(f.windows).toHaveLength(1));
      const menu = f.electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{ submenu: Array<{ role?: string }> }>;
      expect(menu.flatMap((m) => m.submenu).some((i) => i.role === 'toggleDevTools')).toBe(!isPackaged);
      expect((f.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(!isPackaged);
      f.appHandlers['window-all-closed']!();
    }
  });
});
