import type { Migration } from './types';

/**
 * Review (征求意见): comment threads anchored in a plan (the anchors are marks in the plan
 * document; the threads live here), their comments, and the office's answer to every opinion
 * for the 征求意见汇总表.
 */
export const migration003: Migration = {
  version: 3,
  name: 'review threads and opinions',
  up(db) {
    db.exec(`
      CREATE TABLE review_threads (
        id          TEXT PRIMARY KEY,
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        quote       TEXT NOT NULL DEFAULT '',
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        round       TEXT NOT NULL DEFAULT 'draft',
        source      TEXT NOT NULL DEFAULT 'app',
        created_at  TEXT NOT NULL
      );
      CREATE INDEX review_threads_by_plan ON review_threads (plan_id, created_at);

      CREATE TABLE review_comments (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        thread_id   TEXT NOT NULL REFERENCES review_threads(id) ON DELETE CASCADE,
        author      TEXT NOT NULL DEFAULT '',
        unit        TEXT NOT NULL DEFAULT '',
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
      CREATE INDEX review_comments_by_thread ON review_comments (thread_id, id);

      -- One row per opinion the office answered (a comment thread or a suggestion, by its id),
      -- with a snapshot of the opinion so that decided suggestions stay in the table.
      CREATE TABLE review_opinions (
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        source_id   TEXT NOT NULL,
        kind        TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'suggestion')),
        round       TEXT NOT NULL DEFAULT 'draft',
        unit        TEXT NOT NULL DEFAULT '',
        task        TEXT NOT NULL DEFAULT '',
        content     TEXT NOT NULL DEFAULT '',
        decision    TEXT CHECK (decision IN ('采纳', '部分采纳', '不采纳')),
        reason      TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (plan_id, source_id)
      );
    `);
  },
};
