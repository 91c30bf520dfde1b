import type { Migration } from './types';

/**
 * Team mode (issue 20): the shared editing state of each plan as Yjs updates, appended one row
 * per update in the order the server applied them and compacted now and then into one snapshot
 * row (the state as one update); plan_yshare, the plan revision those updates agree with (a
 * plan saved since by a single-user PlanDesk is shared afresh from its JSON); the team's accounts (scrypt password hashes) and their login
 * sessions (only a SHA-256 of each token is kept).
 */
export const migration006: Migration = {
  version: 6,
  name: 'team mode',
  up(db) {
    db.exec(`
      CREATE TABLE plan_yupdates (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        data        BLOB NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX plan_yupdates_plan ON plan_yupdates(plan_id, seq);
      CREATE TABLE plan_yshare (
        plan_id     TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL
      );
      CREATE TABLE team_accounts (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        name          TEXT NOT NULL UNIQUE,
        unit          TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('起草', '审阅', '只读')),
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );
      CREATE TABLE team_sessions (
        token_hash  TEXT PRIMARY KEY,
        account_id  INTEGER NOT NULL REFERENCES team_accounts(id) ON DELETE CASCADE,
        expires_at  TEXT NOT NULL
      );
    `);
  },
};
