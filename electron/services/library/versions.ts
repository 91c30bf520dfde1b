// Versions (save points): list, get, restore (the replaced state is kept as a save point).
import { writeTransaction } from '../db/transaction';
import { AppError } from '../../../shared/errors';
import { countTasks } from '../../../shared/plan/outline';
import { readDoc, toVersion, type VersionRow, type LibraryOps, type PlanStore } from './store';

export function versionOperations(store: PlanStore): LibraryOps<`versions.${string}`> {
  const { db, now, author, stmts, requireRow, requireLive, toRecord, indexUnits, conflict } = store;
  return {
    'versions.list': ({ planId }) => {
      requireRow(planId);
      return db
        .prepare<[string], Omit<VersionRow, 'doc'>>(
          'SELECT id, plan_id, revision, created_at, author, message FROM versions WHERE plan_id = ? ORDER BY id DESC',
        )
        .all(planId)
        .map(toVersion);
    },

    'versions.get': ({ versionId }) => {
      const row = db.prepare<[number], VersionRow>('SELECT * FROM versions WHERE id = ?').get(versionId);
      if (!row) throw new AppError('not-found', '找不到这个保存点。');
      return { version: toVersion(row), doc: readDoc(row.doc) };
    },

    'versions.restore': writeTransaction(db, ({ planId, versionId, baseRevision, author: who }) => {
      const row = requireLive(planId);
      if (row.revision !== baseRevision) throw conflict(row);
      const v = db.prepare<[number, string], VersionRow>('SELECT * FROM versions WHERE id = ? AND plan_id = ?').get(versionId, planId);
      if (!v) throw new AppError('not-found', '找不到这个保存点。');
      const t = now();
      // The state being replaced becomes a save point itself, so a restore can be undone.
      stmts.insertVersion.run(planId, row.revision, t, author(who), '恢复前自动保存', row.doc);
      const doc = readDoc(v.doc);
      stmts.updatePlan.run({
        id: planId,
        baseRevision,
        title: doc.meta.title || row.title,
        year: doc.meta.year,
        status: null,
        doc: v.doc,
        task_count: countTasks(doc.body),
        now: t,
      });
      stmts.insertVersion.run(planId, row.revision + 1, t, author(who), `恢复到 ${v.created_at.slice(0, 16).replace('T', ' ')} 的保存点`, v.doc);
      indexUnits(planId, doc);
      return toRecord(requireRow(planId));
    }),
  };
}
