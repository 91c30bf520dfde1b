// The Electron shell's wiring, with a mocked `electron` module (no binary needed).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startElectronApp } from '../../electron/main/app';
import { buildMenuTemplate } from '../../electron/main/menu';
import { registerIpc, IPC_CHANNEL } from '../../electron/main/ipc';
import { isAppUrl, secureWebPreferences } from '../../electron/main/security';
import { fakeWebContents } from './fake-web-contents';
import { restoreWindowState } from '../../electron/main/window-state';
import type { Dispatch } from '../../electron/transport/dispatch';
import { fakeElectron } from './fake-electron';
import { httpJson } from '../helpers/team-server';
import type { TeamStatus } from '../../shared/contract';

type Handler = (...args: unknown[]) => unknown;

const saved = process.env.PLANDESK_HOME;
afterEach(() => {
  if (saved === undefined) delete process.env.PLANDESK_HOME;
  else process.env.PLANDESK_HOME = saved;
});

describe('Electron shell', () => {
  it('creates a secure window on app://, one IPC channel, a Chinese menu, and remembers the window', async () => {
    delete process.env.PLANDESK_HOME;
    const userData = mkdtempSync(join(tmpdir(), 'plandesk-shell-'));
    const f = fakeElectron(userData);
    startElectronApp(f.electron as never, { preload: '/x/preload.cjs', rendererDir: '/x/renderer' });
    expect(f.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    f.ready();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const win = f.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/x/preload.cjs' });
    expect(win.loaded).toBe('app://plandesk/index.html');
    expect(f.electron.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(f.electron.ipcMain.handle.mock.calls[0]![0]).toBe(IPC_CHANNEL);
    const menu = f.electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{ label: string }>;
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(typeof f.appHandlers['web-contents-created']).toBe('function');

    // Closing with unsaved changes asks; choosing 关闭 lets the page go.
    const unload = { preventDefault: vi.fn() };
    win.webContents.handlers['will-prevent-unload']!(unload);
    expect(f.electron.dialog.showMessageBoxSync).toHaveBeenCalled();
    expect(unload.preventDefault).toHaveBeenCalled();

    // Closing stores the bounds; the next start restores them.
    win.handlers.close!();
    await new Promise((r) => setTimeout(r, 50));
    f.appHandlers['window-all-closed']!();
    const g = fakeElectron(userData);
    startElectronApp(g.electron as never, { preload: '/x/preload.cjs', rendererDir: '/x/renderer' });
    g.ready();
    await vi.waitFor(() => expect(g.windows).toHaveLength(1));
    expect(g.windows[0]!.options).toMatchObject({ x: 40, y: 30, width: 1300, height: 820 });
    g.appHandlers['window-all-closed']!();
  });

  it('stops the team server started from 设置 when the app quits, and starts it again at the next start', async () => {
    delete process.env.PLANDESK_HOME;
    const userData = mkdtempSync(join(tmpdir(), 'plandesk-shell-'));
    const reachable = (port: number) =>
      httpJson(port, 'GET', '/api/team/config').then(
        () => true,
        () => false,
      );
    const f = fakeElectron(userData);
    startElectronApp(f.electron as never, { preload: '/x/preload.cjs', rendererDir: '/x/renderer' });
    f.ready();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const invoke = f.electron.ipcMain.handle.mock.calls[0]![1] as Handler;
    const page = { senderFrame: { url: 'app://plandesk/index.html', parent: null } };
    const started = (await invoke(page, 'team.start', { host: '127.0.0.1', port: 0 })) as { ok: boolean; result: TeamStatus };
    expect(started.ok).toBe(true);
    const { port } = started.result;
    expect(await reachable(port)).toBe(true);

    // Quit from the menu (app.quit → will-quit): the quit waits until the server has stopped.
    const quitting = { preventDefault: vi.fn() };
    f.appHandlers['will-quit']!(quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(f.electron.app.quit).toHaveBeenCalled());
    expect(await reachable(port)).toBe(false);

    // The next start: on again, on the same port; closing the last window stops it.
    const g = fakeElectron(userData);
    startElectronApp(g.electron as never, { preload: '/x/preload.cjs', rendererDir: '/x/renderer' });
    g.ready();
    await vi.waitFor(async () => expect(await reachable(port)).toBe(true));
    g.appHandlers['window-all-closed']!();
    await vi.waitFor(() => expect(g.electron.app.quit).toHaveBeenCalled());
    expect(await reachable(port)).toBe(false);
  });

  it('shows a Chinese error and quits when the database cannot be opened', async () => {
    const home = mkdtempSync(join(tmpdir(), 'plandesk-shell-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(home, 'plandesk.db'), 'garbage'.repeat(50));
    process.env.PLANDESK_HOME = home;
    const f = fakeElectron(home);
    startElectronApp(f.electron as never, { preload: '/p', rendererDir: '/r' });
    f.ready();
    await vi.waitFor(() => expect(f.electron.dialog.showErrorBox).toHaveBeenCalled());
    expect(f.electron.dialog.showErrorBox.mock.calls[0]![1]).toMatch(/不是一个 SQLite 数据库文件/);
    expect(f.electron.app.quit).toHaveBeenCalled();
    expect(f.windows).toHaveLength(0);
  });

  it('denies navigation away from the app and every new window', () => {
    const c = fakeWebContents();
    expect(c.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.fire('will-navigate', 'app://plandesk/index.html#/plan/1')).toBe(false);
    expect(c.open({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(secureWebPreferences('/p')).toMatchObject({ webSecurity: true, nodeIntegrationInWorker: false });
  });

  it('answers IPC only from the app page and passes arguments to the dispatcher', async () => {
    let handler: Handler | undefined;
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, result: 1 }));
    registerIpc({ handle: (_c: string, h: Handler) => (handler = h) } as never, dispatch);
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    expect(await handler!(from('app://plandesk/index.html'), 'plans.list', {})).toEqual({ ok: true, result: 1 });
    expect(await handler!(from('https://evil.example/'), 'plans.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler!(from('app://plandesk/x', {}), 'plans.list', {})).toMatchObject({ ok: false });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('has the usual shortcuts in the menu', () => {
    const send = vi.fn();
    const t = buildMenuTemplate({ send, openDataFolder: vi.fn(), showAbout: vi.fn(), isMac: false, devTools: false });
    const items = t.flatMap((m) => m.submenu as Array<{ label?: string; accelerator?: string; click?: () => void }>);
    const byLabel = (l: string) => items.find((i) => i.label === l)!;
    expect(byLabel('新建计划…').accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('撤销').accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel('查找…').accelerator).toBe('CmdOrCtrl+F');
    byLabel('保存版本').click!();
    expect(send).toHaveBeenCalledWith('save-point');
  });

  it('puts a remembered window back only where a display still is', () => {
    const displays = [{ x: 0, y: 0, width: 1366, height: 768 }];
    expect(restoreWindowState({ x: 100, y: 50, width: 1200, height: 700 }, displays)).toMatchObject({ x: 100, y: 50 });
    expect(restoreWindowState({ x: 3000, y: 50, width: 1200, height: 700 }, displays).x).toBeUndefined();
    expect(restoreWindowState({ width: 10 }, displays)).toMatchObject({ width: 1280, height: 800 });
  });
});
