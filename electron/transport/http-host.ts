// Browser mode: the renderer and the services on 127.0.0.1. A random port and a per-launch
// token; every API request must carry the token, come with our own Host and (if any) Origin.
// No CORS headers are ever sent, so other sites cannot read responses.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Dispatch } from './dispatch';
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
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

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = 'application/json; charset=utf-8';
    if (req.method !== 'POST') return send(res, 405, encodeWire({ ok: false, error: { code: 'forbidden', message: '只接受 POST 请求' } }), json);
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, encodeWire({ ok: false, error: { code: 'forbidden', message: '拒绝来自其他网站的请求' } }), json);
    }
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) {
      return send(res, 401, encodeWire({ ok: false, error: { code: 'forbidden', message: '访问令牌无效。请使用启动时显示的完整地址打开 PlanDesk。' } }), json);
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, encodeWire({ ok: false, error: { code: 'invalid-args', message: '请求格式不正确' } }), json);
    }
    let body: unknown;
    try {
      body = decodeWire(await readBody(req));
    } catch (err) {
      const tooLarge = (err as Error).message === 'too-large';
      return send(
        res,
        tooLarge ? 413 : 400,
        encodeWire({ ok: false, error: { code: 'invalid-args', message: tooLarge ? '文件太大，无法处理' : '请求内容不是有效的 JSON' } }),
        json,
      );
    }
    const { name, args } = (body ?? {}) as { name?: unknown; args?: unknown };
    const result = await opts.dispatch(name, args);
    send(res, 200, encodeWire(result), json);
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
