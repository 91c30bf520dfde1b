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
});
