// Migration 006 (team mode, issue 20): a library of schema 5 with plans gets the tables of team
// mode empty, its plans untouched; the tables keep their rules (roles, a plan's updates go with it).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db/open-db';
import { migrations } from '../../electron/services/db/migrations';
import { openLibrary, type Library } from '../../electron/services/open-library';
import { addAccount } from '../../electron/team/accounts';
import { syntheticPlan } from '../helpers/sample-plans';
import { tempDir } from '../helpers/temp-library';

let lib: Library | null = null;
afterEach(() => lib?.close());

describe('migration 006 (team mode)', () => {
  it('adds the team tables to a schema-5 library without touching its plans', async () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    openDatabase(path, { migrations: migrations.filter((m) => m.version <= 5) }).close();
    const v5 = new Database(path);
    expect(v5.pragma('user_version', { simple: true })).toBe(5);
    const doc = syntheticPlan(2);
    const now = new Date().toISOString();
    v5.prepare(
      `INSERT INTO plans (id, title, year, kind, status, revision, created_at, updated_at, doc, task_count)
       VALUES ('p1', '旧计划', 2025, 'plan', 'draft', 3, ?, ?, ?, 2)`,
    ).run(now, now, JSON.stringify(doc));
    v5.close();

    lib = openLibrary(dir, 'cli');
    expect(lib.db.pragma('user_version', { simple: true })).toBe(6);
    const rec = await lib.services['plans.get']({ id: 'p1' });
    expect(rec.revision).toBe(3);
    for (const t of ['plan_yupdates', 'plan_yshare', 'team_accounts', 'team_sessions']) {
      expect(lib.db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    // Only the three roles; a plan's updates are deleted with the plan.
    expect(() => addAccount(lib!.db, { name: '甲', unit: '市应急局', role: '管理员', password: 'password1' })).toThrow(/角色/);
    expect(() =>
      lib!.db.prepare("INSERT INTO team_accounts (name, unit, role, password_hash, created_at) VALUES ('乙', 'u', '管理员', 'x', 'now')").run(),
    ).toThrow(/CHECK/);
    lib.db.prepare("INSERT INTO plan_yupdates (plan_id, data, created_at) VALUES ('p1', x'00', 'now')").run();
    lib.db.prepare("DELETE FROM plans WHERE id = 'p1'").run();
    expect(lib.db.prepare('SELECT count(*) AS n FROM plan_yupdates').get()).toEqual({ n: 0 });
  });
});
