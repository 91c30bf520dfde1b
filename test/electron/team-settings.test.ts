// 设置 → 团队模式 (issue 20): the team.* services as the app calls them (through the dispatcher,
// arguments parsed with the contract's zod schemas), on a real library in a temp folder, the real
// team server on 127.0.0.1, colleagues logging in over HTTP and connected with @hocuspocus/provider.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/services/open-library';
import { TEAM_SETTING_KEY } from '../../electron/team/host';
import { createDispatcher } from '../../electron/transport/dispatch';
import type { OperationName, OperationResults } from '../../shared/contract';
import { TEAM_MESSAGES } from '../../shared/team';
import { syntheticPlan } from '../helpers/sample-plans';
import { connectClient, httpJson, login, type TeamClient } from '../helpers/team-server';
import { tempDir } from '../helpers/temp-library';
import { apiCall, startServerProcess } from '../helpers/browser-process';

const dirs: string[] = [];
const libraries: Library[] = [];
const clients: TeamClient[] = [];
const blockers: Server[] = [];
const savedTtl = process.env.PLANDESK_TEAM_TOKEN_TTL_MS;

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const l of libraries.splice(0)) {
    await l.team.stop();
    l.close();
  }
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  if (savedTtl === undefined) delete process.env.PLANDESK_TEAM_TOKEN_TTL_MS;
  else process.env.PLANDESK_TEAM_TOKEN_TTL_MS = savedTtl;
});

/** The built page the team server hands to browsers: a stand-in index.html is enough here. */
function staticDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>');
  mkdirSync(join(dir, 'assets'));
  return dir;
}

interface App {
  library: Library;
  home: string;
  call<K extends OperationName>(name: K, args: unknown): Promise<OperationResults[K]>;
  /** The failure's message, for a call that must fail. */
  refused(name: OperationName, args: unknown): Promise<string>;
}

/** The app's back end on a library folder, as Electron main and browser mode make it. */
function openApp(home = tempDir()): App {
  if (!dirs.includes(home)) dirs.push(home);
  const library = openLibrary(home, 'browser', { team: { staticDir: staticDir() } });
  libraries.push(library);
  const dispatch = createDispatcher(library.services);
  const raw = async (name: OperationName, args: unknown) => dispatch(name, args);
  return {
    library,
    home,
    call: async (name, args) => {
      const r = await raw(name, args);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.result as never;
    },
    refused: async (name, args) => {
      const r = await raw(name, args);
      if (r.ok) throw new Error(`${name} was accepted: ${JSON.stringify(r.result)}`);
      return r.error.message;
    },
  };
}

async function addPlan(app: App): Promise<string> {
  const doc = syntheticPlan(3);
  return (await app.library.services['plans.create']({ title: '团队计划', year: doc.meta.year, doc })).id;
}

async function client(port: number, planId: string, token: string): Promise<TeamClient> {
  const c = await connectClient(port, planId, token);
  clients.push(c);
  return c;
}

/**
 * The reason of the first close the server sends this client, once the client's reconnection
 * (which the provider makes by itself) has been refused too: its reason is the second.
 */
async function closedWith(c: TeamClient): Promise<[string, string]> {
  const closed = new Promise<string>((resolve) => c.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
  const refused = new Promise<string>((resolve) => c.provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)));
  return [await closed, await refused];
}

/** A port on 127.0.0.1 that another program holds. */
async function takenPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as { port: number }).port;
}

describe('team.* services (设置 → 团队模式)', () => {
  it('starts, tells the address and who is connected, stops, and is started again at the next start when it was on', async () => {
    const app = openApp();
    const before = await app.call('team.status', {});
    expect(before).toMatchObject({ running: false, remembered: false, url: null, people: 0, port: 7370 });
    expect(before.addresses).toContain('127.0.0.1');

    const started = await app.call('team.start', { host: '127.0.0.1', port: 0 });
    expect(started.running).toBe(true);
    expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
    expect((await httpJson(started.port, 'GET', '/api/team/config')).body).toMatchObject({ team: true });
    expect((await app.library.services['settings.get']({ key: TEAM_SETTING_KEY })).value).toEqual({ enabled: true, host: '127.0.0.1', port: started.port });

    // One person with the plan open (two connections of the same account count once).
    const planId = await addPlan(app);
    const { generatedPassword } = await app.call('team.users.add', { name: '张三', unit: '市应急管理局', role: '起草' });
    const token = await login(started.port, '张三', generatedPassword!);
    await client(started.port, planId, token);
    await client(started.port, planId, token);
    expect((await app.call('team.status', {})).people).toBe(1);

    // The app quits: the server stops with it, and starts again on the same port next time.
    for (const c of clients.splice(0)) c.close();
    await app.library.team.stop();
    await expect(httpJson(started.port, 'GET', '/api/team/config')).rejects.toThrow();
    app.library.close();
    const again = openApp(app.home);
    await again.library.team.restore();
    const restored = await again.call('team.status', {});
    expect(restored).toMatchObject({ running: true, port: started.port, remembered: true, restoreError: null });
    expect((await httpJson(started.port, 'GET', '/api/team/config')).status).toBe(200);

    // Turned off: stopped and no longer started at the next start.
    const stopped = await again.call('team.stop', {});
    expect(stopped).toMatchObject({ running: false, remembered: false, port: started.port });
    await expect(httpJson(started.port, 'GET', '/api/team/config')).rejects.toThrow();
    await again.library.team.stop();
    again.library.close();
    const third = openApp(app.home);
    await third.library.team.restore();
    expect((await third.call('team.status', {})).running).toBe(false);
  });

  it('says in Chinese when the port is taken or the address is not this PC’s, and keeps the server off', async () => {
    const app = openApp();
    const port = await takenPort();
    expect(await app.refused('team.start', { host: '127.0.0.1', port })).toBe(`端口 ${port} 已被占用（可能是另一个程序或另一个 PlanDesk），请换一个端口。`);
    expect(await app.refused('team.start', { host: '203.0.113.9', port: 0 })).toBe('本机没有地址 203.0.113.9，请从列表中选择本机的地址。');
    expect(await app.refused('team.start', { host: 'localhost; rm -rf', port: 0 })).toContain('监听地址格式不正确');
    expect(await app.refused('team.start', { host: '127.0.0.1', port: 70000 })).toContain('端口应为 1–65535 的整数');
    expect(await app.refused('team.start', { host: '127.0.0.1', port: 1.5 })).toBe('参数不正确：port：应为整数');
    expect((await app.call('team.status', {})).running).toBe(false);
    expect((await app.library.services['settings.get']({ key: TEAM_SETTING_KEY })).value).toBeNull();

    // Remembered on a port that is taken at the next start: said in 设置, not a failed start.
    await app.library.services['settings.set']({ key: TEAM_SETTING_KEY, value: { enabled: true, host: '127.0.0.1', port } });
    await app.library.team.restore();
    expect((await app.call('team.status', {})).restoreError).toBe(
      `上次开启的团队模式未能自动开启：端口 ${port} 已被占用（可能是另一个程序或另一个 PlanDesk），请换一个端口。`,
    );
  });

  it('adds, lists, resets and removes accounts; bad arguments are refused in Chinese', async () => {
    const app = openApp();
    const { port } = await app.call('team.start', { host: '127.0.0.1', port: 0 });

    const added = await app.call('team.users.add', { name: ' 李四 ', unit: '市交通运输局', role: '审阅' });
    expect(added.account).toEqual({ name: '李四', unit: '市交通运输局', role: '审阅' });
    expect(added.generatedPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const chosen = await app.call('team.users.add', { name: '王五', unit: '市住建局', role: '只读', password: 'wangwu-2026' });
    expect(chosen.generatedPassword).toBeNull();
    expect((await app.call('team.users.list', {})).map((a) => [a.name, a.unit, a.role])).toEqual([
      ['李四', '市交通运输局', '审阅'],
      ['王五', '市住建局', '只读'],
    ]);
    const liToken = await login(port, '李四', added.generatedPassword!);
    await login(port, '王五', 'wangwu-2026');

    expect(await app.refused('team.users.add', { name: '李四', unit: '市应急管理局', role: '起草' })).toBe(
      '用户“李四”已存在，请换一个名字（例如加上单位简称）。',
    );
    expect(await app.refused('team.users.add', { name: '赵六', unit: '市应急管理局', role: '起草', password: 'short' })).toContain('密码至少 8 个字符');
    expect(await app.refused('team.users.add', { name: '  ', unit: '市应急管理局', role: '起草' })).toContain('请填写姓名');
    expect(await app.refused('team.users.add', { name: '赵六', unit: '', role: '起草' })).toContain('请填写单位');
    expect(await app.refused('team.users.add', { name: '赵六', unit: '市应急管理局', role: '管理员' })).toContain('角色应为起草、审阅、只读之一');
    expect(await app.refused('team.users.remove', { name: '没有这个人' })).toBe('没有账号“没有这个人”，可能已被删除。');
    expect(await app.refused('team.users.resetPassword', { name: '李四', password: '1234567' })).toContain('密码至少 8 个字符');

    // A reset: the old password and the old login no longer work, the new password does.
    const reset = await app.call('team.users.resetPassword', { name: '李四' });
    expect(reset.generatedPassword).not.toBe(added.generatedPassword);
    expect((await httpJson(port, 'GET', '/api/team/plans', undefined, { authorization: `Bearer ${liToken}` })).status).toBe(401);
    expect((await httpJson(port, 'POST', '/api/team/login', { name: '李四', password: added.generatedPassword, protocol: 1 })).status).toBe(401);
    await login(port, '李四', reset.generatedPassword!);

    // Removed: no login, not listed.
    await app.call('team.users.remove', { name: '王五' });
    expect((await httpJson(port, 'POST', '/api/team/login', { name: '王五', password: 'wangwu-2026', protocol: 1 })).status).toBe(401);
    expect((await app.call('team.users.list', {})).map((a) => a.name)).toEqual(['李四']);
  });
});

describe('sessions that end while a plan is open', () => {
  it('closes the connections of a deleted account, or of one whose password was reset, with the reason', async () => {
    const app = openApp();
    const { port } = await app.call('team.start', { host: '127.0.0.1', port: 0 });
    const planId = await addPlan(app);
    const a = await app.call('team.users.add', { name: '张三', unit: '市应急管理局', role: '起草' });
    const b = await app.call('team.users.add', { name: '李四', unit: '市应急管理局', role: '起草' });
    const zhang = await client(port, planId, await login(port, '张三', a.generatedPassword!));
    const liToken = await login(port, '李四', b.generatedPassword!);
    const li = await client(port, planId, liToken);

    const zhangClosed = closedWith(zhang);
    await app.call('team.users.remove', { name: '张三' });
    expect(await zhangClosed).toEqual([TEAM_MESSAGES.accountDeleted, TEAM_MESSAGES.notLoggedIn]);
    expect((await app.call('team.status', {})).people).toBe(1);

    const liClosed = closedWith(li);
    await app.call('team.users.resetPassword', { name: '李四' });
    expect(await liClosed).toEqual([TEAM_MESSAGES.passwordReset, TEAM_MESSAGES.notLoggedIn]);
    expect((await app.call('team.status', {})).people).toBe(0);
    // The old token opens nothing any more, over WebSocket or HTTP.
    await expect(connectClient(port, planId, liToken)).rejects.toThrow(TEAM_MESSAGES.notLoggedIn);
    expect((await httpJson(port, 'GET', `/api/team/plans/${planId}`, undefined, { authorization: `Bearer ${liToken}` })).status).toBe(401);
  });

  it('closes an open connection when its session expires (PLANDESK_TEAM_TOKEN_TTL_MS), and refuses its token', async () => {
    process.env.PLANDESK_TEAM_TOKEN_TTL_MS = '4000';
    const app = openApp();
    const { port } = await app.call('team.start', { host: '127.0.0.1', port: 0 });
    const planId = await addPlan(app);
    const { generatedPassword } = await app.call('team.users.add', { name: '张三', unit: '市应急管理局', role: '起草' });
    const token = await login(port, '张三', generatedPassword!);
    const zhang = await client(port, planId, token);
    const closed = closedWith(zhang);
    expect((await httpJson(port, 'GET', '/api/team/plans', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await closed).toEqual([TEAM_MESSAGES.sessionExpired, TEAM_MESSAGES.notLoggedIn]);
    expect((await httpJson(port, 'GET', '/api/team/plans', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
  });
});

describe('browser mode', () => {
  it('stops the team server with the browser-mode process and starts it again with the next one', async () => {
    const home = tempDir();
    dirs.push(home);
    const reachable = (port: number) =>
      httpJson(port, 'GET', '/api/team/config').then(
        () => true,
        () => false,
      );
    const first = await startServerProcess(home);
    const answer = (await apiCall(first, 'team.start', { host: '127.0.0.1', port: 0 })).body as { ok: boolean; result: { port: number } };
    expect(answer.ok).toBe(true);
    const { port } = answer.result;
    expect(await reachable(port)).toBe(true);
    await first.stop();
    expect(await reachable(port)).toBe(false);

    const second = await startServerProcess(home);
    try {
      await expect.poll(() => reachable(port)).toBe(true);
      expect(((await apiCall(second, 'team.status', {})).body as { result: { running: boolean } }).result.running).toBe(true);
    } finally {
      await second.stop();
    }
    expect(await reachable(port)).toBe(false);
  });
});
