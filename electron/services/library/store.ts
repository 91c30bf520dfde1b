// The library's shared store: plan rows and their conversions, the prepared statements and the
// helpers every domain module uses (finding a plan, conflicts, indexing units, inserting a plan
// with its first version). The operations themselves live in the domain modules beside this file.
import { writeTransaction } from '../db/transaction';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { AppInfo, PlanKind, PlanRecord, ServiceImpl, VersionSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { countTasks } from '../../../shared/plan/outline';
import { walkOutline } from '../../../shared/plan/numbering';
import type { PlanDocument } from '../../../shared/plan/schema';
import { parsePlanDocument } from '../../../shared/validation';
import { readThread as readThreadRow } from '../review-threads';
import { toSummary, type PlanRow } from './summaries';

export { SUMMARY_COLUMNS, likePattern, toSummary, type PlanRow } from './summaries';

export interface VersionRow {
  id: number;
  plan_id: string;
  revision: number;
  created_at: string;
  author: string;
  message: string;
  doc: string;
}

export function toVersion(r: Omit<VersionRow, 'doc'>): VersionSummary {
  return { id: r.id, planId: r.plan_id, revision: r.revision, createdAt: r.created_at, author: r.author, message: r.message };
}

/**
 * Documents read back from the database are validated like any other input. Before issue 16 an
 * autosave could store a document whose meta.title was empty (the row kept the last title):
 * such a document is read with a title again, so that a plan saved then still opens.
 */
export function readDoc(json: string): PlanDocument {
  const raw = JSON.parse(json) as { meta?: { title?: unknown } };
  if (raw.meta && (typeof raw.meta.title !== 'string' || !raw.meta.title.trim())) raw.meta.title = UNTITLED;
  return parsePlanDocument(raw);
}

const UNTITLED = '未命名计划';

function unitsOf(doc: PlanDocument): Map<string, { lead: number; support: number }> {
  const out = new Map<string, { lead: number; support: number }>();
  walkOutline(doc.body, (node) => {
    if (node.type !== 'task') return;
    for (const [list, role] of [
      [node.lead, 'lead'],
      [node.support, 'support'],
    ] as const) {
      for (const raw of list) {
        const name = raw.trim();
        if (!name) continue;
        const e = out.get(name) ?? { lead: 0, support: 0 };
        e[role]++;
        out.set(name, e);
      }
    }
  });
  return out;
}

export interface LibraryOptions {
  info: Omit<AppInfo, 'dbPath' | 'dataDir'> & { dataDir: string; dbPath: string };
  now?: () => Date;
  defaultAuthor?: string;
}

export type LibraryServices = Omit<
  ServiceImpl,
  | `import.${string}`
  | `export.${string}`
  | `templates.${string}`
  | 'plans.fromTemplate'
  | 'rollover.preview'
  | 'review.analyse'
  | 'review.import'
  | 'app.saveDialog'
  | 'app.showInFolder'
  | `team.${string}`
>;

/** The operations of LibraryServices whose names match P (one domain module's share). */
export type LibraryOps<P extends string> = Pick<LibraryServices, Extract<keyof LibraryServices, P>>;

export type PlanStore = ReturnType<typeof createPlanStore>;

export function createPlanStore(db: Database, options: LibraryOptions) {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const author = (a?: string) => a?.trim() || options.defaultAuthor || '';

  const stmts = {
    getRow: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
    insertPlan: db.prepare(
      `INSERT INTO plans (id, title, year, kind, status, revision, task_count, doc, created_at, updated_at)
       VALUES (@id, @title, @year, @kind, 'draft', 1, @task_count, @doc, @now, @now)`,
    ),
    updatePlan: db.prepare(
      `UPDATE plans SET title = @title, year = @year, status = COALESCE(@status, status), doc = @doc,
         task_count = @task_count, revision = revision + 1, updated_at = @now
       WHERE id = @id AND revision = @baseRevision AND deleted_at IS NULL`,
    ),
    insertVersion: db.prepare('INSERT INTO versions (plan_id, revision, created_at, author, message, doc) VALUES (?, ?, ?, ?, ?, ?)'),
    deleteUnits: db.prepare('DELETE FROM plan_units WHERE plan_id = ?'),
    insertUnit: db.prepare('INSERT INTO plan_units (plan_id, name, lead_count, support_count) VALUES (?, ?, ?, ?)'),
  };

  function requireRow(id: string): PlanRow {
    const row = stmts.getRow.get(id);
    if (!row) throw new AppError('not-found', '找不到这份计划，可能已被删除。');
    return row;
  }

  function requireLive(id: string): PlanRow {
    const row = requireRow(id);
    if (row.deleted_at) throw new AppError('not-found', `计划“${row.title}”已在回收站中，请先恢复。`);
    return row;
  }

  function toRecord(row: PlanRow): PlanRecord {
    const doc = readDoc(row.doc);
    if (doc.meta.title === UNTITLED && row.title.trim()) doc.meta.title = row.title;
    return { ...toSummary(row), doc };
  }

  function indexUnits(planId: string, doc: PlanDocument): void {
    stmts.deleteUnits.run(planId);
    for (const [name, c] of unitsOf(doc)) stmts.insertUnit.run(planId, name, c.lead, c.support);
  }

  const readThread = (threadId: string) => readThreadRow(db, threadId);

  function conflict(row: PlanRow): AppError {
    return new AppError(
      'conflict',
      `“${row.title}”已在别处（另一个窗口或另一位同事）保存过新的内容（第 ${row.revision} 版）。为避免覆盖，本次保存没有执行；请重新打开这份计划后再修改。`,
    );
  }

  const insertPlan = writeTransaction(db, (input: { title: string; year: number; kind: PlanKind; doc: PlanDocument; author: string; message: string }) => {
    const id = randomUUID();
    const t = now();
    const json = JSON.stringify(input.doc);
    stmts.insertPlan.run({ id, title: input.title, year: input.year, kind: input.kind, task_count: countTasks(input.doc.body), doc: json, now: t });
    stmts.insertVersion.run(id, 1, t, input.author, input.message, json);
    indexUnits(id, input.doc);
    return requireRow(id);
  });

  return { db, options, now, author, stmts, requireRow, requireLive, toRecord, indexUnits, readThread, conflict, insertPlan };
}
