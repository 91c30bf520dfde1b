// The Yjs state of each plan in the library (migration 006): every update the server applies is
// appended in its own transaction before the server acknowledges it; when more than `compactAfter`
// rows have gathered, they are replaced (in one transaction) by one row holding the whole state.
import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import { writeTransaction } from '../services/db/transaction';

export class YUpdateStore {
  constructor(
    private readonly db: Database,
    readonly compactAfter = 200,
  ) {}

  /** The stored updates of a plan, oldest first (empty when the plan was never shared). */
  updates(planId: string): Uint8Array[] {
    const rows = this.db.prepare('SELECT data FROM plan_yupdates WHERE plan_id = ? ORDER BY seq').all(planId) as Array<{ data: Buffer }>;
    return rows.map((r) => new Uint8Array(r.data));
  }

  count(planId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM plan_yupdates WHERE plan_id = ?').get(planId) as { n: number }).n;
  }

  /** Appends one update; returns the number of rows the plan now has. */
  append(planId: string, update: Uint8Array): number {
    return writeTransaction(this.db, () => {
      this.db.prepare('INSERT INTO plan_yupdates (plan_id, data, created_at) VALUES (?, ?, ?)').run(planId, Buffer.from(update), new Date().toISOString());
      return this.count(planId);
    })();
  }

  /**
   * Replaces every row of the plan by the document's whole state (which contains them all); with
   * a revision, also records that the state agrees with that plan revision (same transaction).
   */
  compact(planId: string, doc: Y.Doc, revision?: number): void {
    const state = Y.encodeStateAsUpdate(doc);
    writeTransaction(this.db, () => {
      this.db.prepare('DELETE FROM plan_yupdates WHERE plan_id = ?').run(planId);
      this.db.prepare('INSERT INTO plan_yupdates (plan_id, data, created_at) VALUES (?, ?, ?)').run(planId, Buffer.from(state), new Date().toISOString());
      if (revision !== undefined) setSharedRevision(this.db, planId, revision);
    })();
  }
}

/** The plan revision the stored Yjs state agrees with (null when the plan was never shared). */
export function sharedRevision(db: Database, planId: string): number | null {
  const row = db.prepare('SELECT revision FROM plan_yshare WHERE plan_id = ?').get(planId) as { revision: number } | undefined;
  return row ? row.revision : null;
}

export function setSharedRevision(db: Database, planId: string, revision: number): void {
  db.prepare('INSERT INTO plan_yshare (plan_id, revision) VALUES (?, ?) ON CONFLICT(plan_id) DO UPDATE SET revision = excluded.revision').run(planId, revision);
}
