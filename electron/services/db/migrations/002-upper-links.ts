import type { Migration } from './types';

/**
 * Checking a draft against higher-level documents (上级文件): which documents a draft is
 * checked against, and the links a person confirmed, rejected or added by hand. Keys are the
 * comparison engine's task keys (shared/compare), which survive edits of either document.
 */
export const migration002: Migration = {
  version: 2,
  name: 'upper-document links',
  up(db) {
    db.exec(`
      CREATE TABLE plan_uppers (
        draft_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        upper_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        added_at    TEXT NOT NULL,
        PRIMARY KEY (draft_id, upper_id)
      );

      CREATE TABLE link_decisions (
        draft_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        upper_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        upper_key   TEXT NOT NULL,
        draft_key   TEXT NOT NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'added')),
        author      TEXT NOT NULL DEFAULT '',
        decided_at  TEXT NOT NULL,
        PRIMARY KEY (draft_id, upper_id, upper_key, draft_key)
      );
    `);
  },
};
