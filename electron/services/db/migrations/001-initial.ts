import type { Migration } from './types';

/** Plans as validated JSON documents plus list columns; versions; units; settings. */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        year        INTEGER NOT NULL,
        kind        TEXT NOT NULL DEFAULT 'plan' CHECK (kind IN ('plan', 'upper', 'template')),
        status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'consultation', 'review', 'issued')),
        revision    INTEGER NOT NULL DEFAULT 1,
        task_count  INTEGER NOT NULL DEFAULT 0,
        doc         TEXT NOT NULL CHECK (json_valid(doc)),
        based_on    TEXT REFERENCES plans(id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      );
      CREATE INDEX plans_by_update ON plans (deleted_at, updated_at DESC);

      CREATE TABLE versions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        author      TEXT NOT NULL DEFAULT '',
        message     TEXT NOT NULL DEFAULT '',
        doc         TEXT NOT NULL CHECK (json_valid(doc))
      );
      CREATE INDEX versions_by_plan ON versions (plan_id, id DESC);

      -- Units as they occur in each plan; the dictionary is their union (see units.list).
      CREATE TABLE plan_units (
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        lead_count  INTEGER NOT NULL DEFAULT 0,
        support_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, name)
      );
      CREATE INDEX plan_units_by_name ON plan_units (name);

      -- Units a person added to the dictionary by hand.
      CREATE TABLE units (
        name        TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL
      );

      CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL CHECK (json_valid(value))
      );
    `);
  },
};
