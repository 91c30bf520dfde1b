import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { createDispatcher } from '../../electron/transport/dispatch';
import { startHttpHost, type HttpHost } from '../../electron/transport/http-host';
import { decodeWire, encodeWire } from '../../shared/wire';
import { tempDir, tempLibrary } from '../helpers/temp-library';

let lib: ReturnType<typeof tempLibrary>;
let host: HttpHost;

beforeAll(async () => {
  lib = tempLibrary();
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'a.js'), 'console.log(1)');
  host = await startHttpHost({ dispatch: createDispatcher(lib.services), staticDir });
});
afterAll(async () => {
  await host.close();
  lib.dispose();
});

/** Raw requests, so that Host and Origin can be set freely. */
function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (body: unknown, headers: Record<string, string> = {}) =>
  call('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-plandesk-token': host.token, ...headers },
    body: encodeWire(body),
  });

describe('browser-mode HTTP host', () => {
  it('listens on 127.0.0.1 with a random port and a token in the address fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP and no CORS headers', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await call('/assets/a.js')).status).toBe(200);
    expect((await call('/../../etc/os-release.txt')).status).toBe(404);
    expect((await call('/assets/%2e%2e/%2e%2e/x.js')).status).toBe(404);
  });

  it('runs an operation with the token', async () => {
    const res = await api({ name: 'plans.create', args: { title: '2026年全县安全生产工作要点', year: 2026 } });
    expect(res.status).toBe(200);
    const body = decodeWire(res.body) as { ok: boolean; result: { title: string } };
    expect(body.ok).toBe(true);
    expect(body.result.title).toBe('2026年全县安全生产工作要点');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a missing or wrong token, a foreign Host, a foreign Origin', async () => {
    expect((await api({ name: 'plans.list', args: {} }, { 'x-plandesk-token': 'nope' })).status).toBe(401);
    expect((await api({ name: 'plans.list', args: {} }, { host: 'attacker.example:1234' })).status).toBe(403);
    expect((await api({ name: 'plans.list', args: {} }, { origin: 'https://attacker.example' })).status).toBe(403);
    expect((await call('/api/invoke', { method: 'GET', headers: { 'x-plandesk-token': host.token } })).status).toBe(405);
  });

  it('validates every argument against the contract', async () => {
    const unknown = decodeWire((await api({ name: 'fs.readFile', args: {} })).body) as { ok: boolean; error: { code: string; message: string } };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const bad = decodeWire((await api({ name: 'plans.create', args: { title: '', year: 26 } })).body) as {
      ok: boolean;
      error: { message: string; details: string[] };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toContain('标题不能为空');
    expect(bad.error.details.join('\n')).toContain('year');
    const notJson = await call('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', 'x-plandesk-token': host.token }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('carries binary arguments intact', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const back = decodeWire(encodeWire({ a: bytes, b: 'x' })) as { a: Uint8Array; b: string };
    expect(Array.from(back.a)).toEqual([0, 1, 2, 250, 255]);
    expect(back.b).toBe('x');
  });

  it('accepts an Origin only when it is exactly this server on this port', async () => {
    const ok = (origin: string) => api({ name: 'plans.list', args: {} }, { origin }).then((r) => r.status);
    expect(await ok(`http://127.0.0.1:${host.port}`)).toBe(200);
    expect(await ok(`http://localhost:${host.port}`)).toBe(200);
    for (const origin of [
      `127.0.0.1:${host.port}`,
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port + 1}`,
      `http://127.0.0.1:${host.port}/`,
      `http://127.0.0.1:${host.port}.attacker.example`,
      'null',
      '',
    ]) {
      const res = await api({ name: 'plans.list', args: {} }, { origin });
      expect(res.status, origin).toBe(403);
      expect((decodeWire(res.body) as { error: { message: string } }).error.message).toBe('拒绝来自其他网站的请求');
    }
  });

  it('refuses a request without Origin that the browser says came from another site', async () => {
    expect((await api({ name: 'plans.list', args: {} }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api({ name: 'plans.list', args: {} }, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await api({ name: 'plans.list', args: {} }, { 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('answers a malformed body with 400 and a Chinese message that never echoes the bytes', async () => {
    const bodies: Array<string | Buffer> = [
      '{"name": <script>alert(1)</script>',
      Buffer.concat([Buffer.from('{"name":"plans.get","args":{"id":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('<b>x"}}')]),
      '"<script>"',
      '[1,2,3]',
      'null',
      '{"args":{}}',
    ];
    for (const body of bodies) {
      const res = await rawPost(host.port, body);
      expect(res.status, String(body)).toBe(400);
      const msg = (decodeWire(res.body) as { error: { message: string } }).error.message;
      expect(msg).toMatch(/[\u4e00-\u9fff]/);
      expect(msg).not.toMatch(/script|alert|\ufffd|<b>/);
    }
    const unknown = await api({ name: '<script>alert(1)</script>', args: {} });
    expect(unknown.status).toBe(422);
    expect(unknown.body).not.toContain('script');
  });

  it('says a field of the wrong type is wrong, not missing', async () => {
    const wrong = decodeWire((await api({ name: 'plans.get', args: { id: 1 } })).body) as { error: { message: string } };
    expect(wrong.error.message).toBe('参数不正确：id：应为文字');
    const missing = decodeWire((await api({ name: 'plans.get', args: {} })).body) as { error: { message: string } };
    expect(missing.error.message).toBe('参数不正确：id：缺少此项（应为文字）');
  });

  it('answers input nested past any real request with 400 in Chinese, not an internal error', async () => {
    for (const body of [
      `{"name":"settings.set","args":{"key":"k","value":${'['.repeat(3_000)}${']'.repeat(3_000)}}}`,
      `{"name":"settings.set","args":{"key":"k","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    ]) {
      const res = await rawPost(host.port, body);
      expect(res.status).toBe(400);
      expect((decodeWire(res.body) as { error: { code: string; message: string } }).error).toEqual({
        code: 'invalid-args',
        message: '请求内容嵌套层数过多，无法处理',
      });
    }
  });

  it('answers a body over the cap with 413 and a Chinese message, not a connection reset', async () => {
    const small = await startHttpHost({ dispatch: createDispatcher(lib.services), staticDir: tempDir(), maxBodyBytes: 1024 * 1024 });
    try {
      const big = encodeWire({ name: 'import.paste', args: { text: '安'.repeat(1024 * 1024) } });
      const res = await rawPost(small.port, big, small.token);
      expect(res.status).toBe(413);
      expect((decodeWire(res.body) as { error: { message: string } }).error.message).toContain('请求内容太大');
      // The server is still there for the next request.
      expect((await rawPost(small.port, encodeWire({ name: 'plans.list', args: {} }), small.token)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

function rawPost(port: number, body: string | Buffer, token = host.token) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', 'x-plandesk-token': token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
