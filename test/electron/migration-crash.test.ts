// Migrations and kill -9, and a library from a newer PlanDesk (issue 16, defect 10): the backup
// taken before a migration is either complete or absent (written to a temporary name, synced,
// renamed), stale temporaries are cleared; a newer library is refused without a byte or a file
// added beside it.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { openDatabase } from '../../electron/services/db/open-db';
import { openLibrary } from '../../electron/services/open-library';
import { AppError } from '../../shared/errors';
import { spawnWriter } from '../helpers/spawn-writer';
import { tempDir } from '../helpers/temp-library';

const FIXTURE = resolve(__dirname, '../fixtures/library-release/plandesk-b16908d.sqlite');

/** The release fixture (schema 3) made heavy, so that its backup takes a while to write. */
function heavyOldLibrary(): string {
  const dir = tempDir();
  const path = join(dir, 'plandesk.db');
  copyFileSync(FIXTURE, path);
  const db = new Database(path);
  db.exec('CREATE TABLE ballast (b BLOB)');
  const insert = db.prepare('INSERT INTO ballast VALUES (randomblob(65536))');
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run();
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
  return dir;
}

function killDuringOpen(dir: string, delayMs: number): Promise<void> {
  return new Promise((done) => {
    const child = spawnWriter(['migrate', dir]);
    let armed = false;
    child.stdout!.on('data', (d: Buffer) => {
      if (!armed && d.toString().includes('opening')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('close', () => done());
  });
}

function checkBackups(dir: string): void {
  for (const f of readdirSync(dir)) {
    if (!/\.bak$/.test(f)) continue;
    const path = join(dir, f);
    expect(statSync(path).size, `${f} is empty`).toBeGreaterThan(0);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  }
}

describe('kill -9 during a migration', () => {
  it('leaves no empty or partial backup, and the next start migrates and clears temporaries', async () => {
    const dir = heavyOldLibrary();
    // Measure one uninterrupted migration of a copy, to spread the kills over it.
    const probe = tempDir();
    copyFileSync(join(dir, 'plandesk.db'), join(probe, 'plandesk.db'));
    const t0 = performance.now();
    openDatabase(join(probe, 'plandesk.db')).close();
    const took = performance.now() - t0;
    for (let run = 0; run < 6; run++) {
      await killDuringOpen(dir, 20 + ((run + 0.5) / 6) * took * 1.5);
      checkBackups(dir);
    }
    const lib = openLibrary(dir, 'cli');
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    lib.close();
    checkBackups(dir);
    expect(readdirSync(dir).filter((f) => /\.tmp$/.test(f))).toEqual([]);
    expect(readdirSync(dir).filter((f) => /\.bak$/.test(f)).length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

describe('a library from a newer PlanDesk', () => {
  it('is refused with nothing created beside it and not a byte changed', () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE plans (id TEXT)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(readdirSync(dir)).toEqual(['plandesk.db']);
    const before = readFileSync(path);
    let err: unknown;
    try {
      openLibrary(dir, 'cli').close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db-too-new');
    expect((err as AppError).message).toMatch(/文件未被修改/);
    expect(readdirSync(dir)).toEqual(['plandesk.db']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a damaged file is refused without leaving -wal/-shm files the look created', () => {
    const dir = tempDir();
    const path = join(dir, 'plandesk.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE plans (id TEXT, t TEXT)');
    db.pragma('user_version = 1');
    db.close();
    const bytes = readFileSync(path);
    bytes.fill(0x41, 4096, 4096 + 8); // an impossible page header on the table's page
    writeFileSync(path, bytes);
    expect(() => openLibrary(dir, 'cli').close()).toThrow(AppError);
    expect(readdirSync(dir)).toEqual(['plandesk.db']);
  });
});
