// A healthy library in a place PlanDesk cannot write (issue 16, defect 4): a read-only folder, a
// read-only filesystem, a full disk. The message says what is wrong and what to do, and never
// calls the database damaged or tells the user to move it.
//
// Real conditions wherever this machine allows them: as root (CI here), a folder the library
// cannot write is made by running the opener as `nobody` (root ignores permissions), and a
// read-only filesystem and a full disk are small tmpfs mounts; without root, chmod makes the
// read-only folder and the mount tests are skipped (the classifier is then only tested on codes).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyDbError, describeDbError } from '../../electron/services/db/db-errors';
import { openLibrary } from '../../electron/services/open-library';
import { AppError } from '../../shared/errors';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';
import { runWriter } from '../helpers/spawn-writer';
import { tempDir } from '../helpers/temp-library';

const isRoot = process.getuid?.() === 0;

function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canMount = (() => {
  if (!isRoot) return false;
  const dir = tempDir();
  if (!tryMount(dir, '1m')) return false;
  execFileSync('umount', [dir]);
  return true;
})();

const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) {
    try {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
});

function mountTmpfs(size: string): string {
  const dir = tempDir();
  if (!tryMount(dir, size)) throw new Error('mount failed');
  mounts.push(dir);
  return dir;
}

/** The healthy-library rules every one of these messages keeps. */
function expectHealthyMessage(err: unknown, code: string, words: RegExp, path: string) {
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(words);
  expect(e.message).toContain(path);
  expect(e.message).not.toMatch(/损坏|移走|截断/);
  expect(e.message).toMatch(/请/); // says what to do
}

function bigPlan(title: string, tasks: number, chars: number): PlanDocument {
  const doc = emptyPlan(title, 2026);
  for (let t = 1; t <= tasks; t++) {
    doc.body.push({
      type: 'task',
      level: 1,
      ordinal: t,
      title: `任务${t}`,
      text: `落实责任${t}`.repeat(chars / 6),
      lead: [],
      support: [],
      targets: [],
      children: [],
    });
  }
  return doc;
}

async function seed(dir: string): Promise<string> {
  const lib = openLibrary(dir, 'cli');
  const rec = await lib.services['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
  lib.close();
  return rec.id;
}

describe('a healthy library in a place that cannot be written', () => {
  it('a read-only folder: 无权限, the database untouched', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib');
    await seed(lib);
    const dbPath = join(lib, 'plandesk.db');
    const before = readFileSync(dbPath);
    let out: string;
    if (isRoot) {
      // root writes anywhere: open as `nobody`, for whom the folder (root's, 0755) is read-only.
      chmodSync(dir, 0o755);
      chmodSync(lib, 0o755);
      chmodSync(dbPath, 0o644);
      out = (await runWriter(['open', lib], { uid: 65534, gid: 65534 })).out;
    } else {
      chmodSync(dbPath, 0o444);
      chmodSync(lib, 0o555);
      out = (await runWriter(['open', lib])).out;
      chmodSync(lib, 0o755);
    }
    const shape = JSON.parse(out.trim()) as { code: string; message: string };
    expectHealthyMessage(Object.assign(new AppError(shape.code as never, shape.message)), 'db-denied', /没有权限/, dbPath);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(lib)).toEqual(['plandesk.db']);
  });

  it('a read-only database file in a writable folder: 无权限 or 只读, never 损坏', async () => {
    if (isRoot) return; // root writes a 0444 file anyway
    const dir = tempDir();
    await seed(dir);
    chmodSync(join(dir, 'plandesk.db'), 0o444);
    const err = (() => {
      try {
        openLibrary(dir, 'cli').close();
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(['db-denied', 'db-readonly']).toContain((err as AppError).code);
  });

  it.skipIf(!canMount)('a read-only filesystem: 只读, the database untouched', async () => {
    // (A mount cannot turn read-only under an open file, so this is the opening; a save that
    // meets SQLITE_READONLY is worded by the same classifier, tested on codes below.)
    const mnt = mountTmpfs('4m');
    await seed(mnt);
    const dbPath = join(mnt, 'plandesk.db');
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    const before = readFileSync(dbPath);
    const err = (() => {
      try {
        openLibrary(mnt, 'cli').close();
      } catch (e) {
        return e;
      }
    })();
    expectHealthyMessage(err, 'db-readonly', /只读/, dbPath);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(mnt)).toEqual(['plandesk.db']);
  });

  it.skipIf(!canMount)('a full disk: 磁盘已满; nothing lost, and saving works again once there is room', async () => {
    const mnt = mountTmpfs('2m');
    const id = await seed(mnt);
    const dbPath = join(mnt, 'plandesk.db');
    const lib = openLibrary(mnt, 'cli');
    const first = await lib.services['plans.get']({ id });
    const saved = await lib.services['plans.save']({ id, baseRevision: first.revision, doc: bigPlan('2026年全县安全生产工作要点', 20, 600) });
    // Fill the disk.
    const filler = join(mnt, 'filler.bin');
    let size = 0;
    const chunk = Buffer.alloc(16 * 1024, 1);
    for (;;) {
      try {
        writeFileSync(filler, chunk, { flag: 'a' });
        size += chunk.length;
      } catch {
        break;
      }
    }
    expect(size).toBeGreaterThan(0);
    const err = await lib.services['plans.save']({ id, baseRevision: saved.revision, doc: bigPlan('2026年全县安全生产工作要点', 300, 600) }).catch(
      (e: unknown) => e,
    );
    expectHealthyMessage(err, 'db-full', /磁盘已满/, dbPath);
    expect((await lib.services['plans.get']({ id })).revision).toBe(saved.revision);
    // A new library on the full disk.
    const fresh = join(mnt, 'new');
    const openErr = (() => {
      try {
        openLibrary(fresh, 'cli').close();
      } catch (e) {
        return e;
      }
    })();
    expectHealthyMessage(openErr, 'db-full', /磁盘已满/, join(fresh, 'plandesk.db'));
    rmSync(filler);
    const again = await lib.services['plans.save']({ id, baseRevision: saved.revision, doc: bigPlan('2026年全县安全生产工作要点', 30, 600) });
    expect(again.revision).toBe(saved.revision + 1);
    expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
    lib.close();
    expect(existsSync(dbPath)).toBe(true);
  });
});

describe('the classifier on codes (what the mounts cannot show without root)', () => {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'plandesk.db');
  it.each([
    ['SQLITE_FULL', 'full', 'db-full', /磁盘已满/],
    ['ENOSPC', 'full', 'db-full', /磁盘已满/],
    ['EROFS', 'readonly', 'db-readonly', /只读/],
    ['EACCES', 'denied', 'db-denied', /没有权限/],
    ['SQLITE_BUSY', 'busy', 'db-busy', /被另一程序占用/],
    ['SQLITE_READONLY', 'readonly', 'db-readonly', /只读/],
  ])('%s → %s', (code, problem, appCode, words) => {
    const err = Object.assign(new Error('x'), { code });
    expect(classifyDbError(err, path)).toBe(problem);
    expectHealthyMessage(describeDbError(err, path), appCode, words, path);
  });
  it('damage stays damage', () => {
    expect(classifyDbError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), path)).toBe('corrupt');
    expect(describeDbError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }), path)).toBeNull();
  });
});
