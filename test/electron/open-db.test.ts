import Database from 'better-sqlite3';
import { readFileSync, truncateSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/services/db/open-db';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/services/db/migrations';
import { migration001 } from '../../electron/services/db/migrations/001-initial';
import type { Migration } from '../../electron/services/db/migrations/types';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp-library';

function expectRefusal(path: string, code: string, text: RegExp) {
  const before = readFileSync(path);
  let error: unknown;
  try {
    openDatabase(path).close();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(text);
  expect((error as AppError).message).toContain(path); // tells the user where the file is
  expect(readFileSync(path).equals(before)).toBe(true); // nothing changed on disk
}

describe('opening the library database', () => {
  it('creates a new database at the latest schema version', () => {
    const path = join(tempDir(), 'plandesk.db');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file that is not SQLite, changing nothing', () => {
    const path = join(tempDir(), 'plandesk.db');
    writeFileSync(path, '这不是数据库'.repeat(100));
    expectRefusal(path, 'db-corrupt', /不是一个 SQLite 数据库文件/);
  });

  it('refuses a truncated database, changing nothing', () => {
    const path = join(tempDir(), 'plandesk.db');
    const db = openDatabase(path);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, JSON.stringify('x'.repeat(200)));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectRefusal(path, 'db-corrupt', /不完整|损坏/);
  });

  it('refuses a database written by a newer PlanDesk, changing nothing', () => {
    const path = join(tempDir(), 'plandesk.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    expectRefusal(path, 'db-too-new', /更新版本的 PlanDesk/);
  });

  it("refuses another program's SQLite database", () => {
    const path = join(tempDir(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    expectRefusal(path, 'db-corrupt', /别的程序/);
  });

  it('applies pending migrations in order, each in a transaction, after a backup', () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    openDatabase(path, { migrations: [migration001] }).close();
    const step2: Migration = { version: 2, name: 'test step', up: (db) => db.exec('ALTER TABLE plans ADD COLUMN extra TEXT') };
    const failing: Migration = { version: 3, name: 'broken', up: (db) => db.exec('ALTER TABLE nope ADD COLUMN x') };
    expect(() => openDatabase(path, { migrations: [migration001, step2, failing] })).toThrow();
    // Step 2 committed, step 3 rolled back entirely.
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
    expect(readdirSync(dir).some((f) => /\.v1-.*\.bak$/.test(f))).toBe(true);
  });
});

describe('migration 001', () => {
  it('creates the tables with their constraints', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migration001.up(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['plans', 'versions', 'plan_units', 'units', 'settings']));
    expect(() =>
      db.prepare("INSERT INTO plans (id, title, year, kind, doc, created_at, updated_at) VALUES ('a', 't', 2026, 'bogus', '{}', '', '')").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO plans (id, title, year, doc, created_at, updated_at) VALUES ('a', 't', 2026, 'not json', '', '')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO versions (plan_id, revision, created_at, doc) VALUES ('missing', 1, '', '{}')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('is the last step in the list (the list is ordered and complete)', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });
});

describe('migration 002', () => {
  it('adds the upper-document tables to a version-1 database, keeping its plans', () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    const v1 = openDatabase(path, { migrations: [migration001] });
    v1.prepare("INSERT INTO plans (id, title, year, doc, created_at, updated_at) VALUES ('a', '计划', 2026, '{}', '', '')").run();
    v1.close();
    const db = openDatabase(path, { migrations: migrations.filter((m) => m.version <= 2) });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT title FROM plans').get()).toEqual({ title: '计划' });
    db.prepare("INSERT INTO plans (id, title, year, doc, created_at, updated_at) VALUES ('u', '上级', 2026, '{}', '', '')").run();
    db.prepare("INSERT INTO plan_uppers (draft_id, upper_id, added_at) VALUES ('a', 'u', 't')").run();
    db.prepare(
      "INSERT INTO link_decisions (draft_id, upper_id, upper_key, draft_key, decision, decided_at) VALUES ('a', 'u', 'k1', 'k2', 'confirmed', 't')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO link_decisions (draft_id, upper_id, upper_key, draft_key, decision, decided_at) VALUES ('a', 'u', 'k1', 'k3', 'maybe', 't')")
        .run(),
    ).toThrow(/CHECK/);
    // Deleting a plan for good removes its links.
    db.prepare("DELETE FROM plans WHERE id = 'u'").run();
    expect(db.prepare('SELECT count(*) AS n FROM link_decisions').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 003', () => {
  it('adds review threads, comments and opinions to a version-2 database', () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    const v2 = openDatabase(path, { migrations: migrations.filter((m) => m.version <= 2) });
    v2.prepare("INSERT INTO plans (id, title, year, doc, created_at, updated_at) VALUES ('a', '计划', 2026, '{}', '', '')").run();
    v2.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.prepare("INSERT INTO review_threads (id, plan_id, created_at) VALUES ('t1', 'a', 'x')").run();
    db.prepare("INSERT INTO review_comments (thread_id, body, created_at) VALUES ('t1', '意见', 'x')").run();
    expect(() => db.prepare("INSERT INTO review_threads (id, plan_id, status, created_at) VALUES ('t2', 'a', 'maybe', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO review_opinions (plan_id, source_id, decision, updated_at) VALUES ('a', 't1', '同意', 'x')").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM plans WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM review_comments').get()).toEqual({ n: 0 });
    db.close();
  });
});
