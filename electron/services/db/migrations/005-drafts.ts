import type { Migration } from './types';

/**
 * The draft journal: the editor's unsaved changes to a plan, kept in the library so that any
 * later start finds them (browser mode gets a new port, hence a new origin and an empty
 * localStorage, at every start). One row per plan: the revision the changes were made on, when
 * they were journaled and the whole document. Offered only while the plan is at that revision.
 */
export const migration005: Migration = {
  version: 5,
  name: 'draft journal',
  up(db) {
    db.exec(`
      CREATE TABLE plan_drafts (
        plan_id     TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL,
        saved_at    TEXT NOT NULL,
        doc         TEXT NOT NULL
      );
    `);
  },
};
