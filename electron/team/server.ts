// The team server (issue 20): Hocuspocus over WebSocket with the library as its store, and a
// small HTTP API beside it (login, the list of plans). One Y.Doc per plan, named by the plan id.
//
// Durability: every update Hocuspocus applies is appended to the library from the Y.Doc's own
// 'update' event, synchronously (better-sqlite3), before Hocuspocus sends the client its
// acknowledgement (MessageReceiver: readUpdate, then writeSyncStatus). So an update a client
// saw acknowledged survives a kill of the server. The plan JSON (what every other feature reads)
// is derived from the Y.Doc in onStoreDocument, which Hocuspocus debounces.
//
// Sessions: each connection keeps the session it was opened with (token, account, end). Every
// few seconds, and at once when the app deletes an account or resets a password (checkSessions),
// the connections whose session no longer stands are closed with the reason (expired, account
// deleted, password reset) in Hocuspocus's close message, then their WebSocket; HTTP requests
// with such a token are refused (401) as they come.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Library } from '../services/open-library';
import { AppError } from '../../shared/errors';
import { TEAM_MESSAGES, TEAM_PROTOCOL, type TeamAuthPayload } from '../../shared/team';
import { checkLogin, createSession, endedSessionReason, sessionAccount, sessionOf, sessionTtlMs, type TeamAccount } from './accounts';
import { FailureLimiter } from './rate-limit';
import { fillYDoc, planWithYDocBody } from './plan-ydoc';
import { sharedRevision, YUpdateStore } from './yjs-store';
import { contentType, staticFilePath } from '../transport/static-files';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';
import { APP_VERSION } from '../version';

export interface TeamServerOptions {
  host: string;
  port: number;
  /** Rows of updates per plan before they are compacted into one. */
  compactAfter?: number;
  /** Hocuspocus's debounce of onStoreDocument (ms). */
  storeDebounceMs?: number;
  log?: (line: string) => void;
  /** The built renderer (dist/renderer), served to browsers on the LAN; none: the API alone. */
  staticDir?: string;
  /** How often open connections' sessions are checked (ms); default a quarter of the session's life, 250 ms–5 s. */
  sessionCheckMs?: number;
}

/** What index.html carries in team mode, so that the page knows it before its first request. */
export const TEAM_PAGE_MARKER = '<meta name="plandesk-team" content="1">';

export interface TeamServer {
  port: number;
  host: string;
  /** How many people (accounts) have a plan open now. */
  people(): number;
  /** Closes the connections whose session no longer stands (see the top of this file). */
  checkSessions(): void;
  close(): Promise<void>;
}

/** What a connection keeps of the session it was opened with (Hocuspocus's context). */
interface SessionContext {
  account: TeamAccount;
  token: string;
  expiresAt: string;
}

/** The WebSocket close code of an ended session (4000–4999: the application's own). */
const SESSION_ENDED_CODE = 4401;

/**
 * A refusal of a WebSocket connection: Hocuspocus sends `reason` to the client (the provider's
 * authenticationFailed event). The message is left empty so that Hocuspocus does not log every
 * refusal as a server error.
 */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super('');
  }
}

function parseAuth(token: string): TeamAuthPayload | null {
  try {
    const p = JSON.parse(token) as Partial<TeamAuthPayload>;
    return typeof p.token === 'string' ? { token: p.token, protocol: Number(p.protocol), ...(typeof p.app === 'string' ? { app: p.app } : {}) } : null;
  } catch {
    return null;
  }
}

const MAX_BODY = 16 * 1024;

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new AppError('invalid-args', '请求太大。'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        resolve(v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
      } catch {
        reject(new AppError('invalid-args', '请求内容不是有效的 JSON。'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
}

/** The machine's LAN IPv4 addresses, to tell colleagues. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export async function startTeamServer(library: Library, opts: TeamServerOptions): Promise<TeamServer> {
  const { db, services } = library;
  const log = opts.log ?? (() => {});
  const store = new YUpdateStore(db, opts.compactAfter ?? 200);
  const limiter = new FailureLimiter(5, 60_000);

  const planExists = (id: string) => Boolean(db.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted_at IS NULL').get(id));

  const hocuspocus = new Hocuspocus({
    name: 'plandesk-team',
    quiet: true,
    debounce: opts.storeDebounceMs ?? 2000,
    maxDebounce: 10_000,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const auth = parseAuth(token);
      if (!auth) throw new Refusal(TEAM_MESSAGES.notLoggedIn);
      if (auth.protocol !== TEAM_PROTOCOL) throw new Refusal(TEAM_MESSAGES.oldClient(Number.isFinite(auth.protocol) ? auth.protocol : undefined));
      const session = sessionOf(db, auth.token);
      if (!session) throw new Refusal(TEAM_MESSAGES.notLoggedIn);
      if (!planExists(documentName)) throw new Refusal(TEAM_MESSAGES.noPlan);
      if (session.account.role === '只读') connectionConfig.readOnly = true;
      const context: SessionContext = { account: session.account, token: auth.token, expiresAt: session.expiresAt };
      return context;
    },
    async onLoadDocument({ document, documentName }) {
      const record = await services['plans.get']({ id: documentName });
      const rows = store.updates(documentName);
      if (rows.length && sharedRevision(db, documentName) === record.revision) {
        Y.applyUpdate(document, Y.mergeUpdates(rows));
      } else {
        // Never shared, or saved since by a single-user PlanDesk: shared afresh from the plan JSON.
        fillYDoc(document, record.doc);
        store.compact(documentName, document, record.revision);
      }
      attachStore(document, documentName);
    },
    async onStoreDocument({ document, documentName }) {
      await derivePlan(document, documentName);
    },
  });

  function attachStore(document: Document, planId: string): void {
    // Synchronous, before Hocuspocus acknowledges the update (see the top of this file). An
    // error here (disk full) reaches Hocuspocus before the acknowledgement: the client keeps the
    // update as unsynced and sends it again.
    document.on('update', (update: Uint8Array) => {
      const rows = store.append(planId, update);
      if (rows > store.compactAfter) store.compact(planId, document);
    });
  }

  // One derivation at a time per plan (the debounced store and the one at close may meet).
  const deriving = new Map<string, Promise<void>>();
  function derivePlan(document: Y.Doc, planId: string): Promise<void> {
    const next = (deriving.get(planId) ?? Promise.resolve()).then(() => deriveNow(document, planId));
    deriving.set(planId, next);
    return next;
  }

  async function deriveNow(document: Y.Doc, planId: string): Promise<void> {
    try {
      const record = await services['plans.get']({ id: planId });
      // Saved by someone else (a single-user PlanDesk) since the shared state was taken from it or
      // written to it: that save is not overwritten; the shared state is reset at the next load.
      if (sharedRevision(db, planId) !== record.revision) {
        log(`计划“${record.title}”在团队编辑期间被单机版 PlanDesk 修改过，团队编辑的内容未写回计划，以免覆盖那次修改。`);
        return;
      }
      const next = planWithYDocBody(record.doc, document);
      if (JSON.stringify(next.body) === JSON.stringify(record.doc.body)) return;
      // The revision is recorded with the state in one transaction: the stored state agrees with it.
      const summary = await services['plans.save']({ id: planId, baseRevision: record.revision, doc: next, author: '团队编辑' });
      store.compact(planId, document, summary.revision);
    } catch (err) {
      log(`计划 ${planId} 的团队编辑内容未能写回计划：${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (Number(body.protocol) !== TEAM_PROTOCOL) {
      send(res, 426, { error: TEAM_MESSAGES.oldClient(Number.isFinite(Number(body.protocol)) ? Number(body.protocol) : undefined) });
      return;
    }
    const key = `${name}\u0000${req.socket.remoteAddress ?? ''}`;
    if (limiter.blocked(key)) {
      send(res, 429, { error: TEAM_MESSAGES.tooManyFailures });
      return;
    }
    const account = name && password ? checkLogin(db, name, password) : null;
    if (!account) {
      limiter.fail(key);
      send(res, 401, { error: TEAM_MESSAGES.badLogin });
      return;
    }
    limiter.succeed(key);
    const session = createSession(db, account);
    send(res, 200, { token: session.token, expiresAt: session.expiresAt, account: publicAccount(account) });
  }

  const publicAccount = (a: TeamAccount) => ({ name: a.name, unit: a.unit, role: a.role });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/api/team/login') return login(req, res);
    if (req.method === 'GET' && url.pathname === '/api/team/plans') {
      const account = sessionAccount(db, bearer(req));
      if (!account) return send(res, 401, { error: TEAM_MESSAGES.notLoggedIn });
      const plans = await services['plans.list']({});
      return send(res, 200, { account: publicAccount(account), plans: plans.map((p) => ({ id: p.id, title: p.title, year: p.year, revision: p.revision })) });
    }
    if (req.method === 'GET' && url.pathname === '/api/team/config') {
      return send(res, 200, { team: true, protocol: TEAM_PROTOCOL, app: APP_VERSION });
    }
    const one = /^\/api\/team\/plans\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const account = sessionAccount(db, bearer(req));
      if (!account) return send(res, 401, { error: TEAM_MESSAGES.notLoggedIn });
      if (!planExists(one[1]!)) return send(res, 404, { error: TEAM_MESSAGES.noPlan });
      const record = await services['plans.get']({ id: one[1]! });
      return send(res, 200, { id: record.id, title: record.title, year: record.year, numbering: record.doc.numbering });
    }
    if (req.method === 'GET' && opts.staticDir && !url.pathname.startsWith('/api/')) return serveStatic(req, url.pathname, res);
    send(res, 404, { error: '没有这个地址。' });
  }

  async function serveStatic(req: IncomingMessage, pathname: string, res: ServerResponse): Promise<void> {
    const file = staticFilePath(opts.staticDir!, pathname);
    let data: Buffer;
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not a file');
      data = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    if (file.endsWith('index.html')) data = Buffer.from(data.toString('utf8').replace('<head>', `<head>${TEAM_PAGE_MARKER}`), 'utf8');
    // The page's WebSocket goes back to the address it was loaded from.
    const host = (req.headers.host ?? '').replace(/[^\w.:[\]-]/g, '');
    const csp = host ? CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ws://${host} wss://${host}`) : CONTENT_SECURITY_POLICY;
    res.writeHead(200, { 'content-type': contentType(file), 'content-security-policy': csp, 'x-frame-options': 'DENY', 'cache-control': 'no-cache' });
    res.end(data);
  }

  const connections = () => [...hocuspocus.documents.values()].flatMap((d) => d.getConnections());
  const sessionOfConnection = (c: { context: unknown }) => ((c.context as Partial<SessionContext> | undefined)?.token ? (c.context as SessionContext) : null);

  function checkSessions(): void {
    const now = Date.now();
    for (const connection of connections()) {
      const context = sessionOfConnection(connection);
      if (!context || sessionAccount(db, context.token, now)) continue;
      const reason = endedSessionReason(db, context.account.id, context.expiresAt, now);
      log(`${context.account.name} 的登录已结束（${reason}），其连接已关闭。`);
      // The reason reaches the page in Hocuspocus's close message; closing the socket then ends
      // every document of that connection, and a reconnection is refused (onAuthenticate).
      connection.close({ code: SESSION_ENDED_CODE, reason });
      connection.webSocket.close(SESSION_ENDED_CODE, 'session ended');
    }
  }
  const checkEvery = opts.sessionCheckMs ?? Math.min(5000, Math.max(250, Math.floor(sessionTtlMs() / 4)));
  const sessionTimer = setInterval(checkSessions, checkEvery);
  sessionTimer.unref();

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, err instanceof AppError && err.code === 'invalid-args' ? 400 : 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(opts.port, opts.host, () => resolve());
    });
  } catch (err) {
    clearInterval(sessionTimer);
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    host: opts.host,
    people: () => new Set(connections().flatMap((c) => sessionOfConnection(c)?.account.id ?? [])).size,
    checkSessions,
    async close() {
      clearInterval(sessionTimer);
      // Hocuspocus stores every loaded document (onStoreDocument) as it closes the connections.
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.values()].map((d) => derivePlan(d, d.name)));
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
