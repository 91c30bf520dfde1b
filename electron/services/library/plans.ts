// Plans: list, trash, get, create, save (optimistic revision check), delete/undelete, duplicate; and app.info.
import { writeTransaction } from '../db/transaction';
import { parsePlanDocument } from '../../../shared/validation';
import { emptyPlan } from '../../../shared/plan/schema';
import { countTasks } from '../../../shared/plan/outline';
import { listPlans } from './summaries';
import { SUMMARY_COLUMNS, readDoc, toSummary, type PlanRow, type LibraryOps, type PlanStore } from './store';

export function planOperations(store: PlanStore): LibraryOps<'app.info' | `plans.${string}`> {
  const { db, options, now, author, stmts, requireRow, requireLive, toRecord, indexUnits, conflict, insertPlan } = store;
  return {
    'app.info': () => ({ version: options.info.version, mode: options.info.mode, dataDir: options.info.dataDir, dbPath: options.info.dbPath }),

    'plans.list': ({ query, kind }) => listPlans(db, { query, kind }),

    'plans.trash': () =>
      db.prepare<[], Omit<PlanRow, 'doc'>>(`SELECT ${SUMMARY_COLUMNS} FROM plans WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC`).all().map(toSummary),

    'plans.get': ({ id }) => toRecord(requireRow(id)),

    'plans.create': ({ title, year, kind, doc, author: who }) => {
      // Validated here too (the limits of shared/plan/schema.ts), whoever calls: the dispatcher has
      // parsed the arguments, the CLI, templates and review import may not have.
      // The title and year given win over the document's.
      const given = doc ?? emptyPlan(title, year);
      const base = parsePlanDocument({ ...given, meta: { ...given.meta, title, year } });
      const row = insertPlan({ title, year, kind: kind ?? 'plan', doc: base, author: author(who), message: doc ? '导入' : '新建' });
      return toRecord(row);
    },

    'plans.save': writeTransaction(db, ({ id, baseRevision, doc: given, status, author: who, savePoint }) => {
      const row = requireLive(id);
      // Validated with the same limits as every other way in; the editor sends every node with its
      // id, a document from elsewhere (CLI, v1 file) gets them here.
      const doc = parsePlanDocument(given);
      if (row.revision !== baseRevision) throw conflict(row);
      const json = JSON.stringify(doc);
      const t = now();
      const title = doc.meta.title.trim();
      const res = stmts.updatePlan.run({
        id,
        baseRevision,
        title,
        year: doc.meta.year,
        status: status ?? null,
        doc: json,
        task_count: countTasks(doc.body),
        now: t,
      });
      if (res.changes !== 1) throw conflict(requireRow(id));
      if (savePoint !== undefined) stmts.insertVersion.run(id, row.revision + 1, t, author(who), savePoint || '保存点', json);
      indexUnits(id, doc);
      return toSummary(requireRow(id));
    }),

    'plans.delete': writeTransaction(db, ({ id }) => {
      const row = requireLive(id);
      const t = now();
      // Keep a snapshot so the plan can be recovered even if the row is purged later.
      stmts.insertVersion.run(id, row.revision, t, author(), '删除前', row.doc);
      db.prepare('UPDATE plans SET deleted_at = ? WHERE id = ?').run(t, id);
      return toSummary(requireRow(id));
    }),

    'plans.undelete': writeTransaction(db, ({ id }) => {
      const row = requireRow(id);
      if (!row.deleted_at) return toSummary(row);
      db.prepare('UPDATE plans SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now(), id);
      return toSummary(requireRow(id));
    }),

    'plans.duplicate': ({ id, title }) => {
      const src = requireLive(id);
      const doc = readDoc(src.doc);
      const newTitle = title ?? `${src.title}（副本）`;
      doc.meta.title = newTitle;
      return toRecord(insertPlan({ title: newTitle, year: src.year, kind: src.kind, doc, author: author(), message: `复制自“${src.title}”` }));
    },
  };
}
