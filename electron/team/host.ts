// Team mode started from the app (issue 20: 设置 → 团队模式 → 在本机开启): the team.* services
// of the contract, over the same startTeamServer and accounts as `plandesk serve --team` and
// `plandesk team add-user`. One host per open library, in the process that holds it (Electron
// main, or the browser-mode server process). Whether the server was on, and on which address and
// port, is remembered in the library's settings; restore() starts it again at the next start, and
// stop() ends it when the app quits.
import { AppError } from '../../shared/errors';
import type { ServiceImpl, TeamStatus } from '../../shared/contract';
import { TEAM_DEFAULT_PORT } from '../../shared/team';
import type { Library } from '../services/open-library';
import { addAccount, generatePassword, listAccounts, removeAccount, setPassword } from './accounts';
import { lanAddresses, startTeamServer, type TeamServer } from './server';

/** The settings key of the remembered team server. */
export const TEAM_SETTING_KEY = 'team.server';

/** Listening on this address, only this PC can connect (仅本机). */
export const LOCAL_ONLY_HOST = '127.0.0.1';

interface RememberedTeamServer {
  enabled: boolean;
  host: string;
  port: number;
}

export type TeamServiceImpl = Pick<ServiceImpl, Extract<keyof ServiceImpl, `team.${string}`>>;

export interface TeamHostOptions {
  /** The built renderer, served to colleagues' browsers. */
  staticDir?: string;
  log?: (line: string) => void;
}

export interface TeamHost {
  services: TeamServiceImpl;
  /** Starts the server again when it was on at the last quit; a failure is kept for team.status. */
  restore(): Promise<void>;
  /** Stops the server (the app quits); what is remembered stays as it is. */
  stop(): Promise<void>;
}

/** A failure to listen, in Chinese; null for other errors. */
export function describeListenError(err: unknown, host: string, port: number): AppError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return new AppError('io', `端口 ${port} 已被占用（可能是另一个程序或另一个 PlanDesk），请换一个端口。`);
  if (code === 'EADDRNOTAVAIL') return new AppError('invalid-args', `本机没有地址 ${host}，请换一个监听地址。`);
  if (code === 'EACCES') return new AppError('io', `没有权限使用端口 ${port}（1024 以下的端口需要管理员权限），请换一个端口。`);
  return null;
}

function parseRemembered(value: unknown): RememberedTeamServer | null {
  const v = value as Partial<RememberedTeamServer> | null;
  if (!v || typeof v !== 'object' || typeof v.host !== 'string' || !Number.isInteger(v.port)) return null;
  return { enabled: v.enabled === true, host: v.host, port: v.port! };
}

export function createTeamHost(getLibrary: () => Library, opts: TeamHostOptions = {}): TeamHost {
  const log = opts.log ?? (() => {});
  let server: TeamServer | null = null;
  /** Why the remembered server could not be started again at this start (shown in 设置). */
  let restoreError: string | null = null;
  // One start or stop at a time: a second click waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const db = () => getLibrary().db;
  const remembered = async () => parseRemembered((await getLibrary().services['settings.get']({ key: TEAM_SETTING_KEY })).value);
  const remember = (value: RememberedTeamServer) => getLibrary().services['settings.set']({ key: TEAM_SETTING_KEY, value: { ...value } });
  const addresses = () => [...lanAddresses(), LOCAL_ONLY_HOST];

  async function status(): Promise<TeamStatus> {
    const saved = await remembered();
    return {
      running: !!server,
      host: server?.host ?? saved?.host ?? null,
      port: server?.port ?? saved?.port ?? TEAM_DEFAULT_PORT,
      url: server ? `http://${server.host}:${server.port}` : null,
      people: server?.people() ?? 0,
      remembered: saved?.enabled ?? false,
      addresses: addresses(),
      restoreError,
    };
  }

  async function listen(host: string, port: number): Promise<TeamServer> {
    if (!addresses().includes(host)) throw new AppError('invalid-args', `本机没有地址 ${host}，请从列表中选择本机的地址。`);
    if (!opts.staticDir) throw new AppError('internal', '找不到界面文件，无法为同事提供团队编辑页面；请先运行 npm run build。');
    try {
      return await startTeamServer(getLibrary(), { host, port, staticDir: opts.staticDir, log });
    } catch (err) {
      throw describeListenError(err, host, port) ?? err;
    }
  }

  async function start(host: string, port: number): Promise<TeamStatus> {
    if (server && server.host === host && (port === 0 || server.port === port)) return status();
    const next = await listen(host, port).then(async (started) => {
      // Another address or port: the old server stops once the new one listens.
      await server?.close();
      return started;
    });
    server = next;
    restoreError = null;
    await remember({ enabled: true, host, port: next.port });
    log(`团队模式服务器已在 http://${host}:${next.port} 开启。`);
    return status();
  }

  async function stop(): Promise<void> {
    const running = server;
    server = null;
    await running?.close();
  }

  const afterAccountChange = () => server?.checkSessions();

  return {
    services: {
      'team.status': () => status(),
      'team.start': ({ host, port }) => serial(() => start(host, port)),
      'team.stop': () =>
        serial(async () => {
          await stop();
          const saved = await remembered();
          await remember({ enabled: false, host: saved?.host ?? LOCAL_ONLY_HOST, port: saved?.port ?? TEAM_DEFAULT_PORT });
          return status();
        }),
      'team.users.list': () => listAccounts(db()),
      'team.users.add': ({ name, unit, role, password }) => {
        const chosen = password ?? generatePassword();
        const account = addAccount(db(), { name, unit, role, password: chosen });
        return { account: { name: account.name, unit: account.unit, role: account.role }, generatedPassword: password ? null : chosen };
      },
      'team.users.resetPassword': ({ name, password }) => {
        const chosen = password ?? generatePassword();
        setPassword(db(), name, chosen);
        afterAccountChange();
        return { generatedPassword: password ? null : chosen };
      },
      'team.users.remove': ({ name }) => {
        removeAccount(db(), name);
        afterAccountChange();
        return { ok: true as const };
      },
    },
    restore: () =>
      serial(async () => {
        const saved = await remembered();
        if (!saved?.enabled || server) return;
        try {
          await start(saved.host, saved.port);
        } catch (err) {
          restoreError = `上次开启的团队模式未能自动开启：${err instanceof Error ? err.message : String(err)}`;
          log(restoreError);
        }
      }),
    stop: () => serial(stop),
  };
}
