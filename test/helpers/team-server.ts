// Team mode in tests (issue 20): the real `plandesk serve --team` process on a free port of
// 127.0.0.1 over a library folder, logins over HTTP, and @hocuspocus/provider clients in Node
// (ws as their WebSocket).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeTeamAuth, TEAM_PROTOCOL } from '../../shared/team';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface TeamProcess {
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and the exit awaited. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to save anything more. */
  kill9(): Promise<void>;
}

export async function startTeamProcess(home: string, port = 0): Promise<TeamProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron', 'cli.ts'), 'serve', '--team', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, PLANDESK_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const found = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /团队模式服务器已启动，端口 (\d+)[^]*按 Ctrl\+C 停止/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`team server exited with ${code}:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };
  return { port: found, child, output: () => output, stop: () => end('SIGTERM'), kill9: () => end('SIGKILL') };
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

export function httpJson(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function login(port: number, name: string, password: string, protocol = TEAM_PROTOCOL): Promise<string> {
  const answer = await httpJson(port, 'POST', '/api/team/login', { name, password, protocol });
  if (answer.status !== 200) throw new Error(`login of ${name} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.token as string;
}

export interface TeamClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  body: Y.XmlFragment;
  /** Resolves when every local change has been acknowledged by the server. */
  acknowledged(): Promise<void>;
  /** Resolves when `test` holds for the client's document (checked at every change). */
  until(test: (c: TeamClient) => boolean): Promise<void>;
  close(): void;
}

/** A connection the server refused: its reason, and the document the client was left with. */
export class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly doc: Y.Doc,
  ) {
    super(reason);
  }
}

/** A client of one plan, connected and synced (or rejected with Refused). */
export function connectClient(port: number, planId: string, token: string, protocol = TEAM_PROTOCOL): Promise<TeamClient> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: planId, document: doc, token: encodeTeamAuth({ token, protocol }) });
  const client: TeamClient = {
    provider,
    doc,
    body: doc.getXmlFragment('body'),
    acknowledged: () =>
      new Promise((resolve) => {
        const check = () => {
          if (provider.unsyncedChanges === 0) {
            provider.off('unsyncedChanges', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
        check();
      }),
    until: (test) =>
      new Promise((resolve) => {
        const check = () => {
          if (test(client)) {
            doc.off('update', check);
            resolve();
          }
        };
        doc.on('update', check);
        check();
      }),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
  const connected = new Promise<TeamClient>((resolve, reject) => {
    provider.on('synced', () => resolve(client));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      client.close();
      reject(new Refused(reason, doc));
    });
  });
  // A provider given its own websocket is attached by hand (Hocuspocus provider 3).
  provider.attach();
  return connected;
}

/** Appends a paragraph to the body, in one transaction, as the editor's binding would. */
export function appendParagraph(client: TeamClient, text: string): void {
  client.doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('under', 0 as unknown as string);
    p.insert(0, [new Y.XmlText(text)]);
    client.body.insert(client.body.length, [p]);
  });
}

/** Inserts text at the start of the first task's body text. */
export function typeIntoFirstTask(client: TeamClient, text: string): void {
  const task = client.body.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'planTask')!;
  const body = task.get(1) as Y.XmlElement;
  const xt = body.get(0) as Y.XmlText;
  xt.insert(0, text);
}

export const bodyText = (c: TeamClient) => c.body.toString();

/** Resolves at the first SyncStatus message of the server that says an update was not applied. */
export function updateRefused(client: TeamClient): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = ({ event }: { event: MessageEvent }) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      let pos = 0;
      const varUint = () => {
        let n = 0;
        let shift = 0;
        for (;;) {
          const b = bytes[pos++]!;
          n += (b & 0x7f) * 2 ** shift;
          shift += 7;
          if (b < 0x80) return n;
        }
      };
      const nameLength = varUint();
      pos += nameLength; // the document name
      const type = varUint();
      if (type === SYNC_STATUS && varUint() === 0) {
        client.provider.off('message', onMessage);
        resolve();
      }
    };
    client.provider.on('message', onMessage);
  });
}

/** Hocuspocus's message type of an update's acknowledgement (1 applied, 0 refused). */
const SYNC_STATUS = 8;
