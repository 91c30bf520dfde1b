// Opening the library database safely: refuse what is not ours or is newer than us, without
// changing a byte on disk; then WAL, foreign keys, and migrations (each in a transaction,
// after a backup of the file as it was).
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { BUSY_TIMEOUT_MS, writeTransaction } from './transaction';
import { classifyDbError, describeDbError, probeLocation, problemError } from './db-errors';

export interface OpenDbOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron has its own ABI). */
  nativeBinding?: string;
  /** How long a writer waits for another PlanDesk (ms; BUSY_TIMEOUT_MS unless a test says otherwise). */
  busyTimeoutMs?: number;
  /** For tests: the migrations to apply (defaults to all). */
  migrations?: readonly Migration[];
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function corrupt(path: string, why: string): AppError {
  return new AppError('db-corrupt', `无法打开资料库：${why}。文件位置：${path}。PlanDesk 没有修改这个文件；请从备份恢复，或把它移走后重新启动以新建资料库。`);
}

/** What the place says (read-only, no permission, full), else the error worded by `otherwise`. */
function placeOr(err: unknown, path: string, otherwise: () => AppError): AppError {
  if (err instanceof AppError) return err;
  return describeDbError(err, path, true) ?? otherwise();
}

function tooNew(path: string, version: number, latest: number): AppError {
  return new AppError(
    'db-too-new',
    `这个资料库由更新版本的 PlanDesk 创建（数据格式 ${version}，本程序支持到 ${latest}）。请升级 PlanDesk 后再打开。文件位置：${path}。文件未被修改。`,
  );
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/** Checks an existing file read-only. Returns its schema version. */
function inspectExisting(path: string, opts: OpenDbOptions, latest: number): number {
  let size: number;
  let header: Buffer;
  try {
    size = statSync(path).size;
    if (size === 0) return 0; // an empty file is a new database
    header = readHeader(path);
  } catch (err) {
    throw placeOr(err, path, () => new AppError('io', `无法读取资料库：${(err as Error).message}。文件位置：${path}。PlanDesk 没有修改这个文件。`));
  }
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw corrupt(path, '这不是一个 SQLite 数据库文件');
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  const walSize = existsSync(path + '-wal') ? statSync(path + '-wal').size : 0;
  if (pageCount > 0 && size < pageSize * pageCount && !existsSync(path + '-wal')) {
    throw corrupt(path, '文件不完整（可能被截断）');
  }
  // With nothing in a -wal file the header is the whole truth: a newer library is refused from
  // its header alone, since even a read-only SQLite connection to a WAL database creates
  // -wal and -shm files beside it.
  const headerVersion = header.readUInt32BE(60);
  if (walSize === 0 && headerVersion > latest) throw tooNew(path, headerVersion, latest);
  const sideBefore = SIDE_FILES.filter((s) => existsSync(path + s));
  let db: Database.Database | undefined;
  let refused = false;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(path, `数据库已损坏（${String(check)}）`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw tooNew(path, version, latest);
    if (version > 0) {
      const hasPlans = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plans'").get();
      if (!hasPlans) throw corrupt(path, '这不是 PlanDesk 的资料库');
    } else {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw corrupt(path, '这是别的程序的 SQLite 数据库，不是 PlanDesk 的资料库');
    }
    return version;
  } catch (err) {
    refused = true;
    if (err instanceof AppError) throw err;
    // Only SQLite's own word for damage is damage; a place that cannot be read or written is
    // said as such, and anything else is an error to report, not a reason to move the file.
    const problem = classifyDbError(err, path);
    if (problem === 'corrupt') throw corrupt(path, `数据库已损坏（${(err as Error).message}）`);
    throw placeOr(err, path, () => new AppError('io', `无法打开资料库：${(err as Error).message}。文件位置：${path}。PlanDesk 没有修改这个文件。`));
  } finally {
    db?.close();
    if (refused) removeCreatedSideFiles(path, sideBefore);
  }
}

/**
 * A refused file is left as it was found: the -wal/-shm files the read-only look created are
 * removed again, but only while the -wal is empty (nothing was ever written through them).
 */
function removeCreatedSideFiles(path: string, before: readonly string[]): void {
  try {
    if (existsSync(path + '-wal') && statSync(path + '-wal').size > 0) return;
    for (const s of SIDE_FILES) if (!before.includes(s) && existsSync(path + s)) unlinkSync(path + s);
  } catch {
    // best effort: the refusal is what matters
  }
}

export function openDatabase(path: string, opts: OpenDbOptions = {}): Database.Database {
  const steps = opts.migrations ?? migrations;
  const latest = steps.length ? steps[steps.length - 1]!.version : 0;
  let version = 0;
  if (existsSync(path)) {
    version = inspectExisting(path, opts, latest);
  } else {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw placeOr(err, path, () => new AppError('io', `无法创建资料库文件夹 ${dirname(path)}：${(err as Error).message}`));
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    throw placeOr(err, path, () => new AppError('io', `无法打开资料库 ${path}：${(err as Error).message}`));
  }
  try {
    // SQLite falls back to read-only when it may not write the file: say so now, not at the first save.
    if (db.readonly) {
      const place = probeLocation(path);
      throw problemError(place && place !== 'corrupt' ? place : 'readonly', path, true);
    }
    // First, so that every later step waits for another PlanDesk instead of failing at once.
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const pending = steps.filter((m) => m.version > version);
    if (pending.length && version > 0) backupBeforeMigration(db, path, version);
    for (const m of pending) {
      // Immediate, and the version read again under the write lock: two PlanDesks opening the
      // same library at once apply each step once (the second one finds it done).
      writeTransaction(db, () => {
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    return db;
  } catch (err) {
    db.close();
    throw placeOr(err, path, () => new AppError('io', `无法打开资料库 ${path}：${(err as Error).message}`));
  }
}

const BACKUP_TEMP = '.bak.tmp';

/**
 * The backup kept before migrating: written by VACUUM INTO under a temporary name, synced to disk,
 * then renamed, so that a kill or a power cut leaves either a complete `.bak` or none (and at
 * worst a `.bak.tmp`, removed at the next start).
 */
function backupBeforeMigration(db: Database.Database, path: string, version: number): void {
  removeStaleBackupTemps(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.v${version}-${stamp}.bak`;
  const temp = `${path}.v${version}-${stamp}${BACKUP_TEMP}`;
  try {
    db.exec(`VACUUM INTO '${temp.replace(/'/g, "''")}'`);
    fsyncPath(temp, 'r+');
    renameSync(temp, target);
    fsyncPath(dirname(path), 'r');
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch (err) {
    // Directories cannot be opened or synced on every system (Windows); the file sync is what counts.
    if (flags === 'r+') throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `.bak.tmp` files of this database left by a backup that never finished. */
function removeStaleBackupTemps(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.v`;
  for (const f of readdirSync(dir)) {
    if (f.startsWith(prefix) && f.endsWith(BACKUP_TEMP)) rmSync(join(dir, f), { force: true });
  }
}

export { LATEST_SCHEMA_VERSION };
