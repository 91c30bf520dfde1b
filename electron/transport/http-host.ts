// Browser mode: the renderer and the services on 127.0.0.1. A random port and a per-launch
// token; every API request must carry the token, come with our own Host and (if any) Origin.
// No CORS headers are ever sent, so other sites cannot read responses.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { AppErrorCode } from '../../shared/errors';
import type { Dispatch, DispatchResult } from './dispatch';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentType, staticFilePath } from './static-files';

export const API_PATH = '/api/invoke';
export const TOKEN_HEADER = 'x-plandesk-token';
/** File imports travel as base64 inside JSON: 100 MB of file is ~134 MB of body. */
const MAX_BODY_BYTES = 160 * 1024 * 1024;

export interface HttpHost {
  url: string;
  /** The address to open, with the token in the fragment (never sent to the server). */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
  /** The largest request body accepted (tests set a small one). */
  maxBodyBytes?: number;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** A body over the cap: drained (not buffered) and answered 413, never a connection reset. */
class BodyTooLarge extends Error {
  constructor(readonly drained: boolean) {
    super('too-large');
  }
}

/**
 * Reads the request body up to `max` bytes. Past the cap the rest is read and thrown away so
 * that the client can read the 413 answer; past `drainLimit` bytes the socket is given up on.
 */
function readBody(req: IncomingMessage, max: number, drainLimit = Math.max(max * 4, 64 * 1024 * 1024)): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > drainLimit) {
      // Announced far too large: answer at once (the socket is closed after the answer).
      reject(new BodyTooLarge(false));
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        if (size > drainLimit) {
          req.removeAllListeners('data');
          req.removeAllListeners('end');
          reject(new BodyTooLarge(false));
        }
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => (over ? reject(new BodyTooLarge(true)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Deeper than any request PlanDesk makes (a plan is a tree of at most four levels). */
const MAX_JSON_DEPTH = 100;

/** The nesting depth of a decoded body, walked without recursion. */
function tooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== 'object' || v instanceof Uint8Array) continue;
    if (d >= max) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return false;
}

function apiError(code: AppErrorCode, message: string): string {
  return encodeWire({ ok: false, error: { code, message } });
}

/**
 * The HTTP status of an operation's answer: 200 with the result, 4xx for what the request
 * got wrong (the body says what in Chinese), 500 only for a fault of the server itself.
 */
function statusOf(result: DispatchResult): number {
  if (result.ok) return 200;
  switch (result.error.code) {
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    case 'internal':
    case 'io':
    case 'db-corrupt':
    case 'db-too-new':
      return 500;
    default:
      return 422;
  }
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own host names are served.
      if (!req.headers.host || !allowedHosts().has(req.headers.host)) {
        send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname === API_PATH) {
        await handleApi(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8');
        return;
      }
      await serveStatic(url.pathname, res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error', 'text/plain; charset=utf-8');
      else res.destroy(err as Error);
    }
  });

  const json = 'application/json; charset=utf-8';
  /** Only the page this server itself serves, on exactly this port. */
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, apiError('forbidden', '只接受 POST 请求'), json);
    const origin = req.headers.origin;
    // A request without Origin comes from a program that holds the token (browsers send Origin
    // on every POST); Sec-Fetch-Site, when sent, must say that the page is our own.
    const site = req.headers['sec-fetch-site'];
    if ((origin !== undefined && !allowedOrigins().has(origin)) || (site !== undefined && site !== 'same-origin')) {
      return send(res, 403, apiError('forbidden', '拒绝来自其他网站的请求'), json);
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) {
      return send(res, 401, apiError('forbidden', '访问令牌无效。请使用启动时显示的完整地址打开 PlanDesk。'), json);
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return send(res, 415, apiError('invalid-args', '请求格式不正确：应为 JSON'), json);
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const mb = Math.round(maxBody / 1024 / 1024);
        return send(res, 413, apiError('invalid-args', `请求内容太大（超过 ${mb} MB），无法处理`), json, { Connection: 'close' });
      }
      return send(res, 400, apiError('invalid-args', '请求内容没有完整收到，请重试'), json, { Connection: 'close' });
    }
    // Never echo the bytes received: the messages say what is wrong, not what was sent.
    let body: unknown;
    try {
      body = decodeWire(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (err) {
      const deep = err instanceof RangeError;
      return send(res, 400, apiError('invalid-args', deep ? '请求内容嵌套层数过多，无法处理' : '请求内容不是有效的 JSON（UTF-8 编码）'), json);
    }
    if (tooDeep(body)) return send(res, 400, apiError('invalid-args', '请求内容嵌套层数过多，无法处理'), json);
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { name?: unknown }).name !== 'string') {
      return send(res, 400, apiError('invalid-args', '请求格式不正确：缺少操作名称'), json);
    }
    const { name, args } = body as { name: string; args?: unknown };
    const result = await opts.dispatch(name, args);
    send(res, statusOf(result), encodeWire(result), json);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const file = staticFilePath(opts.staticDir, pathname);
    if (!file) return send(res, 404, 'Not Found', 'text/plain; charset=utf-8');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      return send(res, 404, 'Not Found', 'text/plain; charset=utf-8');
    }
    const data = await readFile(file);
    send(res, 200, data, contentType(file), {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
