// The draft journal (migration 005): the editor's changes that the library does not have yet,
// one per plan, written in one statement (atomic). A draft is tied to the revision it was made
// on: an older draft never replaces a newer one, and a draft for a revision the plan has left
// is neither stored nor given back, so it can never be offered over newer saved content.
import type { PlanDocument } from '../../../shared/plan/schema';
import { readDoc, type LibraryOps, type PlanStore } from './store';

export function draftOperations(store: PlanStore): LibraryOps<`drafts.${string}`> {
  const { db, now, requireRow } = store;
  const put = db.prepare(
    `INSERT INTO plan_drafts (plan_id, revision, saved_at, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT(plan_id) DO UPDATE SET revision = excluded.revision, saved_at = excluded.saved_at, doc = excluded.doc
     WHERE excluded.revision >= plan_drafts.revision`,
  );
  const get = db.prepare<[string], { revision: number; saved_at: string; doc: string }>('SELECT revision, saved_at, doc FROM plan_drafts WHERE plan_id = ?');
  const clear = db.prepare('DELETE FROM plan_drafts WHERE plan_id = ? AND revision < ?');

  return {
    'drafts.put': db.transaction(({ planId, revision, doc }: { planId: string; revision: number; doc: PlanDocument }) => {
      const row = requireRow(planId);
      if (revision !== row.revision) return { stored: false };
      put.run(planId, revision, now(), JSON.stringify(doc));
      return { stored: true };
    }),

    'drafts.get': ({ planId }) => {
      const row = requireRow(planId);
      const d = get.get(planId);
      if (!d || d.revision !== row.revision) return { draft: null };
      try {
        return { draft: { revision: d.revision, savedAt: d.saved_at, doc: readDoc(d.doc) } };
      } catch {
        // A draft that no longer reads as a plan is not worth an error on opening the plan.
        return { draft: null };
      }
    },

    'drafts.clear': ({ planId, belowRevision }) => {
      requireRow(planId);
      clear.run(planId, belowRevision);
      return { ok: true as const };
    },
  };
}
