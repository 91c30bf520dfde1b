import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction; user_version is set by the runner. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
