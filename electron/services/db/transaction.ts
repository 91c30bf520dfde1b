// Write transactions for the library. Every transaction that writes begins IMMEDIATE: it takes
// the write lock at BEGIN, waiting (busy_timeout) while another PlanDesk — the desktop app,
// the CLI, a second server — holds it. A DEFERRED transaction would read first and then try
// to upgrade to a writer; when another process has committed in between, SQLite cannot wait
// (the snapshot is stale) and answers SQLITE_BUSY at once: "database is locked".
import type { Database } from 'better-sqlite3';

/** `db.transaction(fn)`, begun with BEGIN IMMEDIATE. */
export function writeTransaction<A extends unknown[], R>(db: Database, fn: (...args: A) => R): (...args: A) => R {
  return db.transaction(fn).immediate;
}

/** How long a writer waits for another one before giving up (ms). */
export const BUSY_TIMEOUT_MS = 15_000;
