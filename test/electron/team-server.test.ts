// Team mode server (issue 20), as colleagues on the LAN meet it: the real `plandesk serve --team`
// process on a free port, accounts made with `plandesk team add-user`, logins over HTTP and
// several @hocuspocus/provider clients at once over WebSocket, against a real library file.
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary } from '../../electron/services/open-library';
import { TEAM_MESSAGES, TEAM_PROTOCOL } from '../../shared/team';
import type { PlanDocument } from '../../shared/plan/schema';
import { cli, useCliHome } from '../helpers/cli';
import { syntheticPlan } from '../helpers/sample-plans';
import {
  appendParagraph,
  bodyText,
  connectClient,
  httpJson,
  login,
  Refused,
  startTeamProcess,
  typeIntoFirstTask,
  updateRefused,
  type TeamClient,
  type TeamProcess,
} from '../helpers/team-server';

const home = useCliHome();
const running: TeamProcess[] = [];
const clients: TeamClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const p of running.splice(0)) await p.stop();
  rmSync(home(), { recursive: true, force: true });
});

async function serve(): Promise<TeamProcess> {
  const p = await startTeamProcess(home());
  running.push(p);
  return p;
}

async function client(port: number, planId: string, token: string): Promise<TeamClient> {
  const c = await connectClient(port, planId, token);
  clients.push(c);
  return c;
}

/** A plan in the library; returns its id. */
async function addPlan(): Promise<string> {
  const lib = openLibrary(home(), 'cli');
  try {
    const doc = syntheticPlan(4);
    return (await lib.services['plans.create']({ title: doc.meta.title || '团队计划', year: doc.meta.year, doc })).id;
  } finally {
    lib.close();
  }
}

async function planDoc(id: string): Promise<PlanDocument> {
  const lib = openLibrary(home(), 'cli');
  try {
    return (await lib.services['plans.get']({ id })).doc;
  } finally {
    lib.close();
  }
}

/** Adds an account with `plandesk team add-user` and returns the password it printed. */
async function addUser(name: string, role: string): Promise<string> {
  const r = await cli('team', 'add-user', name, '--unit', '市应急管理局', '--role', role);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`已添加账号：${name}（市应急管理局，${role}）`);
  return /密码：(\S+)/.exec(r.out)![1]!;
}

function paragraphTexts(doc: PlanDocument): string[] {
  const out: string[] = [];
  const walk = (nodes: PlanDocument['body']) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') out.push(n.text);
      else walk(n.children);
    }
  };
  walk(doc.body);
  return out;
}

describe('plandesk serve --team', () => {
  for (const n of [2, 3]) {
    it(`${n} clients editing one plan at once converge, and the plan JSON follows`, async () => {
      const planId = await addPlan();
      const names = ['甲', '乙', '丙'].slice(0, n);
      const passwords = await Promise.all(names.map((name, i) => addUser(name, i === 2 ? '审阅' : '起草')));
      const server = await serve();
      const tokens = await Promise.all(names.map((name, i) => login(server.port, name, passwords[i]!)));
      const cs = await Promise.all(tokens.map((t) => client(server.port, planId, t)));
      // Everyone edits at once, without waiting for the others: new paragraphs and typing into the same task.
      cs.forEach((c, i) => {
        appendParagraph(c, `第${i + 1}位同事新增的段落`);
        typeIntoFirstTask(c, `〔${i + 1}〕`);
      });
      await Promise.all(cs.map((c) => c.acknowledged()));
      const all = (c: TeamClient) => names.every((_, i) => bodyText(c).includes(`第${i + 1}位同事新增的段落`) && bodyText(c).includes(`〔${i + 1}〕`));
      await Promise.all(cs.map((c) => c.until(all)));
      const texts = cs.map(bodyText);
      for (const t of texts) expect(t).toBe(texts[0]);
      // Stopping the server derives the plan JSON from the shared document.
      for (const c of clients.splice(0)) c.close();
      await server.stop();
      const doc = await planDoc(planId);
      expect(paragraphTexts(doc)).toEqual(expect.arrayContaining(names.map((_, i) => `第${i + 1}位同事新增的段落`)));
      expect(JSON.stringify(doc.body)).toMatch(/〔\d〕〔\d〕/);
      expect(server.output()).toContain('团队模式服务器已停止');
    });
  }

  it('without a valid login nothing is given: HTTP 401, the WebSocket refused, an old client told to upgrade', async () => {
    const planId = await addPlan();
    const password = await addUser('甲', '起草');
    const server = await serve();
    expect(server.output()).toMatch(/请同事在浏览器中打开：http:\/\/127\.0\.0\.1:\d+/);

    const noToken = await httpJson(server.port, 'GET', '/api/team/plans');
    expect(noToken).toEqual({ status: 401, body: { error: TEAM_MESSAGES.notLoggedIn } });
    const badToken = await httpJson(server.port, 'GET', '/api/team/plans', undefined, { authorization: 'Bearer forged-token-0000' });
    expect(badToken.status).toBe(401);
    const wrong = await httpJson(server.port, 'POST', '/api/team/login', { name: '甲', password: password + 'x', protocol: TEAM_PROTOCOL });
    expect(wrong).toEqual({ status: 401, body: { error: TEAM_MESSAGES.badLogin } });
    const old = await httpJson(server.port, 'POST', '/api/team/login', { name: '甲', password, protocol: 0 });
    expect(old.status).toBe(426);
    expect(old.body.error).toContain('版本过旧');

    for (const [token, protocol, reason] of [
      ['伪造的令牌', TEAM_PROTOCOL, TEAM_MESSAGES.notLoggedIn],
      [await login(server.port, '甲', password), TEAM_PROTOCOL - 1, TEAM_MESSAGES.oldClient(TEAM_PROTOCOL - 1)],
    ] as const) {
      const refused = await connectClient(server.port, planId, token, protocol).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(Refused);
      expect((refused as Refused).reason).toBe(reason);
      expect((refused as Refused).doc.getXmlFragment('body').length).toBe(0);
    }

    // The same login works, and lists the plans.
    const token = await login(server.port, '甲', password);
    const ok = await httpJson(server.port, 'GET', '/api/team/plans', undefined, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.body.plans).toEqual([expect.objectContaining({ id: planId })]);
    const c = await client(server.port, planId, token);
    expect(c.body.length).toBeGreaterThan(0);
  });

  it('a 只读 client reads the plan but its edits are not applied', async () => {
    const planId = await addPlan();
    const reader = await addUser('丁', '只读');
    const writer = await addUser('甲', '起草');
    const server = await serve();
    const r = await client(server.port, planId, await login(server.port, '丁', reader));
    const w = await client(server.port, planId, await login(server.port, '甲', writer));
    expect(bodyText(r)).toBe(bodyText(w));
    const refused = updateRefused(r);
    appendParagraph(r, '只读用户试图加入的段落');
    await refused;
    appendParagraph(w, '起草人新增的段落');
    await w.acknowledged();
    await r.until((c) => bodyText(c).includes('起草人新增的段落'));
    const fresh = await client(server.port, planId, await login(server.port, '甲', writer));
    expect(bodyText(fresh)).toContain('起草人新增的段落');
    expect(bodyText(fresh)).not.toContain('只读用户试图加入的段落');
    expect(bodyText(w)).not.toContain('只读用户试图加入的段落');
    for (const c of clients.splice(0)) c.close();
    await server.stop();
    const texts = paragraphTexts(await planDoc(planId));
    expect(texts).toContain('起草人新增的段落');
    expect(texts).not.toContain('只读用户试图加入的段落');
  });

  it('kill -9 right after the acknowledgements: every acknowledged update is there after a restart', async () => {
    const planId = await addPlan();
    const pw = await Promise.all([addUser('甲', '起草'), addUser('乙', '起草')]);
    const server = await serve();
    const cs = await Promise.all([
      client(server.port, planId, await login(server.port, '甲', pw[0]!)),
      client(server.port, planId, await login(server.port, '乙', pw[1]!)),
    ]);
    // 2 × 130 separate updates: more than the server keeps before compacting them (200).
    const per = 130;
    for (let k = 0; k < per; k++) cs.forEach((c, i) => appendParagraph(c, `同事${i + 1}的第${k + 1}段`));
    await Promise.all(cs.map((c) => c.acknowledged()));
    // The signal is sent at once; the clients are closed before they notice (no reconnecting).
    const dead = server.kill9();
    for (const c of clients.splice(0)) c.close();
    await dead;
    running.splice(0);
    // The updates were compacted on the way (one snapshot row, then the updates after it).
    const raw = new Database(join(home(), 'plandesk.db'), { readonly: true });
    const rows = (raw.prepare('SELECT count(*) AS n FROM plan_yupdates WHERE plan_id = ?').get(planId) as { n: number }).n;
    raw.close();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(2 * per);

    const again = await serve();
    const after = await client(again.port, planId, await login(again.port, '甲', pw[0]!));
    for (let i = 1; i <= 2; i++) for (let k = 1; k <= per; k++) expect(bodyText(after)).toContain(`同事${i}的第${k}段`);
  });

  it('a save by a single-user PlanDesk during a team session is not overwritten by the team server', async () => {
    const planId = await addPlan();
    const password = await addUser('甲', '起草');
    const server = await serve();
    const c = await client(server.port, planId, await login(server.port, '甲', password));
    appendParagraph(c, '团队编辑的段落');
    await c.acknowledged();
    // Meanwhile the desktop app saves the plan (same library file, another process's connection).
    const lib = openLibrary(home(), 'cli');
    let saved: PlanDocument;
    try {
      const rec = await lib.services['plans.get']({ id: planId });
      saved = { ...rec.doc, body: [...rec.doc.body, { type: 'paragraph', text: '单机版保存的段落' }] };
      await lib.services['plans.save']({ id: planId, baseRevision: rec.revision, doc: saved });
    } finally {
      lib.close();
    }
    for (const x of clients.splice(0)) x.close();
    await server.stop();
    const texts = paragraphTexts(await planDoc(planId));
    expect(texts).toContain('单机版保存的段落');
    expect(texts).not.toContain('团队编辑的段落');
  });

  it('login failures are limited: the sixth attempt within a minute is refused with 429', async () => {
    await addPlan();
    const password = await addUser('甲', '起草');
    const other = await addUser('乙', '起草');
    const server = await serve();
    for (let i = 0; i < 5; i++) {
      const a = await httpJson(server.port, 'POST', '/api/team/login', { name: '甲', password: `错误密码${i}`, protocol: TEAM_PROTOCOL });
      expect(a.status).toBe(401);
    }
    const blocked = await httpJson(server.port, 'POST', '/api/team/login', { name: '甲', password, protocol: TEAM_PROTOCOL });
    expect(blocked).toEqual({ status: 429, body: { error: TEAM_MESSAGES.tooManyFailures } });
    // Another account from the same address is not locked out.
    expect(await login(server.port, '乙', other)).toMatch(/\S{20,}/);
  });
});
