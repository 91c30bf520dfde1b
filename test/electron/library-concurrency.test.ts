// Two PlanDesks writing to one library at once (the desktop app and the CLI, or two servers):
// every save waits its turn (immediate transactions, busy timeout), none fails with
// "database is locked"; a genuine conflict (a stale baseRevision) is reported in Chinese.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/services/open-library';
import { AppError } from '../../shared/errors';
import { emptyPlan } from '../../shared/plan/schema';
import { runWriter } from '../helpers/spawn-writer';
import { tempDir } from '../helpers/temp-library';

describe('two processes saving to one library', () => {
  it('hundreds of concurrent saves from two processes: none fails', async () => {
    const dir = tempDir();
    const lib = openLibrary(dir, 'cli');
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const doc = emptyPlan(`2026年安全生产工作要点${n}`, 2026);
      // A plan of a realistic size, so that each save's transaction takes a while.
      for (let t = 1; t <= 150; t++) {
        doc.body.push({
          type: 'task',
          level: 1,
          ordinal: t,
          title: `压实安全生产责任${t}`,
          text: '严格落实'.repeat(30),
          lead: [`县应急局${t % 9}`],
          support: ['各乡镇'],
          targets: [],
          children: [],
        });
      }
      ids.push((await lib.services['plans.create']({ title: doc.meta.title, year: 2026, doc })).id);
    }
    lib.close();
    const count = '300';
    const results = await Promise.all([runWriter(['saves', dir, ids[0]!, count]), runWriter(['saves', dir, ids[1]!, count])]);
    for (const r of results) {
      expect(r.code, r.err).toBe(0);
      const summary = JSON.parse(r.out.trim().split('\n').pop()!) as { ok: number; failed: number; errors: string[] };
      expect(summary.errors).toEqual([]);
      expect(summary).toMatchObject({ ok: 300, failed: 0 });
    }
    const again = openLibrary(dir, 'cli');
    for (const id of ids) expect((await again.services['plans.get']({ id })).revision).toBe(301);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  }, 120_000);

  it('two processes opening a new library at once both succeed', async () => {
    for (let run = 0; run < 3; run++) {
      const dir = join(tempDir(), 'new');
      const results = await Promise.all([runWriter(['open', dir]), runWriter(['open', dir]), runWriter(['open', dir])]);
      for (const r of results) expect(r.out.trim(), r.err).toBe('ok');
    }
  }, 120_000);

  it('a stale baseRevision is a conflict, told in Chinese', async () => {
    const dir = tempDir();
    const a = openLibrary(dir, 'cli');
    const b = openLibrary(dir, 'cli');
    const rec = await a.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
    await a.services['plans.save']({ id: rec.id, baseRevision: rec.revision, doc: rec.doc });
    const err = await b.services['plans.save']({ id: rec.id, baseRevision: rec.revision, doc: rec.doc }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    expect((err as AppError).message).toMatch(/已在别处.*保存过新的内容.*本次保存没有执行/);
    a.close();
    b.close();
  });

  it('a writer that holds the library too long: 被另一程序占用, then the save goes through', async () => {
    const dir = tempDir();
    const lib = openLibrary(dir, 'cli', { busyTimeoutMs: 300 });
    const rec = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
    // Another program holds the write lock (a second connection in a transaction it does not end).
    const other = new Database(lib.dbPath);
    other.exec('BEGIN IMMEDIATE');
    const err = await lib.services['plans.save']({ id: rec.id, baseRevision: rec.revision, doc: rec.doc }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db-busy');
    expect((err as AppError).message).toMatch(/被另一程序占用.*等待 0.3 秒后仍未结束.*本次操作没有执行.*请稍后再试/);
    expect((err as AppError).message).not.toMatch(/损坏|移走|database is locked/);
    other.exec('COMMIT');
    other.close();
    const saved = await lib.services['plans.save']({ id: rec.id, baseRevision: rec.revision, doc: rec.doc });
    expect(saved.revision).toBe(rec.revision + 1);
    lib.close();
  });
});
