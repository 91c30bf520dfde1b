// Opening the library database safely: refuse what is not ours or is newer than us, without
// changing a byte on disk; then WAL, foreign keys, and migrations (each in a transaction,
// after a backup of the file as it was).
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { BUSY_TIMEOUT_MS, writeTransaction } from './transaction';

export interface OpenDbOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron has its own ABI). */
  nativeBinding?: string;
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

/** Checks an existing file read-only. Returns its schema version. */
function inspectExisting(path: string, opts: OpenDbOptions, latest: number): number {
  const size = statSync(path).size;
  if (size === 0) return 0; // an empty file is a new database
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    throw corrupt(path, '这不是一个 SQLite 数据库文件');
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  if (pageCount > 0 && size < pageSize * pageCount && !existsSync(path + '-wal')) {
    throw corrupt(path, '文件不完整（可能被截断）');
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corrupt(path, `数据库已损坏（${String(check)}）`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new AppError(
        'db-too-new',
        `这个资料库由更新版本的 PlanDesk 创建（数据格式 ${version}，本程序支持到 ${latest}）。请升级 PlanDesk 后再打开。文件位置：${path}。文件未被修改。`,
      );
    }
    if (version > 0) {
      const hasPlans = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plans'").get();
      if (!hasPlans) throw corrupt(path, '这不是 PlanDesk 的资料库');
    } else {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw corrupt(path, '这是别的程序的 SQLite 数据库，不是 PlanDesk 的资料库');
    }
    return version;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt(path, `数据库已损坏（${(err as Error).message}）`);
  } finally {
    db?.close();
  }
}

export function openDatabase(path: string, opts: OpenDbOptions = {}): Database.Database {
  const steps = opts.migrations ?? migrations;
  const latest = steps.length ? steps[steps.length - 1]!.version : 0;
  let version = 0;
  if (existsSync(path)) {
    version = inspectExisting(path, opts, latest);
  } else {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    // First, so that every later step waits for another PlanDesk instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
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
    if (err instanceof AppError) throw err;
    throw new AppError('io', `无法打开资料库 ${path}：${(err as Error).message}`);
  }
}

function backupBeforeMigration(db: Database.Database, path: string, version: number): void {
  // db.backup() is async; a plain file copy after a checkpoint is consistent because we hold
  // the only connection and no write is in flight.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  db.exec(`VACUUM INTO '${`${path}.v${version}-${stamp}.bak`.replace(/'/g, "''")}'`);
}

export { LATEST_SCHEMA_VERSION };
