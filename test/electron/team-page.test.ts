// The team server serving the page (issue 20): index.html marked as the team page, the CSP that
// lets the page open its WebSocket back to the server, the config and plan endpoints the page
// reads, and no file outside the renderer folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../electron/services/open-library';
import { addAccount, createSession } from '../../electron/team/accounts';
import { startTeamServer, TEAM_PAGE_MARKER, type TeamServer } from '../../electron/team/server';
import { TEAM_PROTOCOL } from '../../shared/team';
import { syntheticPlan } from '../helpers/sample-plans';
import { tempDir } from '../helpers/temp-library';

let home = '';
let staticDir = '';
let library: Library;
let server: TeamServer;

beforeEach(async () => {
  home = tempDir();
  staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(home, 'secret.txt'), 'secret');
  library = openLibrary(home, 'cli');
  server = await startTeamServer(library, { host: '127.0.0.1', port: 0, staticDir });
});

afterEach(async () => {
  await server.close();
  library.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the team server serves the page', () => {
  it('marks index.html as the team page, for the address the page is opened at, with a CSP for its WebSocket', async () => {
    for (const path of ['/', '/index.html']) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.text).toContain(`<head>${TEAM_PAGE_MARKER}<title>`);
      expect(r.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port}`);
    }
    const js = await get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.text).not.toContain(TEAM_PAGE_MARKER);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.text).not.toContain('secret');
    }
  });

  it('tells the page it is in team mode; a plan’s numbering only to a logged-in account', async () => {
    const config = await get('/api/team/config');
    expect(JSON.parse(config.text)).toMatchObject({ team: true, protocol: TEAM_PROTOCOL });
    const doc = syntheticPlan(3);
    const { id } = await library.services['plans.create']({ title: '团队计划', year: 2026, doc });
    expect((await get(`/api/team/plans/${id}`)).status).toBe(401);
    const account = addAccount(library.db, { name: '张三', unit: '市应急管理局', role: '起草', password: 'tuandui-2026' });
    const { token } = createSession(library.db, account);
    const auth = { authorization: `Bearer ${token}` };
    const info = await get(`/api/team/plans/${id}`, auth);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.text)).toEqual({ id, title: '团队计划', year: 2026, numbering: doc.numbering });
    expect((await get('/api/team/plans/no-such-plan', auth)).status).toBe(404);
  });
});
