// Starts the real browser-mode server (a separate Node process, from source) on a library
// folder; the port is the one the process prints, the token from its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWire, encodeWire } from '../../shared/wire';
import { tempDir } from './temp-library';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface ServerProcess {
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(home: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(staticDir, 'assets'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'helpers', 'browser-server.ts'), staticDir], {
    cwd: root,
    env: { ...process.env, PLANDESK_HOME: home, PLANDESK_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), token: m[2]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    token,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * A POST to /api/invoke with the page's token and our own Origin, of any body (the fuzzer sends
 * malformed ones); the answer parsed when it is JSON.
 */
export function rawPost(
  server: Pick<ServerProcess, 'port' | 'token'>,
  body: string | Buffer,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/invoke',
        method: 'POST',
        headers: { 'content-type': contentType, 'x-plandesk-token': server.token, origin: `http://127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let parsed: unknown = null;
          try {
            parsed = decodeWire(text);
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode!, body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One API call as the page makes it (token, JSON, our own Origin). */
export function apiCall(server: Pick<ServerProcess, 'port' | 'token'>, name: unknown, args: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  return rawPost(server, encodeWire({ name, args }), 'application/json', headers);
}

/**
 * One browser-mode server process for a test file, on an empty library in a temp folder: started
 * before the file's tests, stopped and removed after them. Read `server` and `home` inside tests.
 */
export function useServerProcess(): { server: ServerProcess; home: string } {
  const ctx = {} as { server: ServerProcess; home: string };
  beforeAll(async () => {
    ctx.home = tempDir();
    ctx.server = await startServerProcess(ctx.home);
  });
  afterAll(async () => {
    await ctx.server?.stop();
    rmSync(ctx.home, { recursive: true, force: true });
  });
  return ctx;
}
