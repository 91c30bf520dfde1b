// Plan rows as the library lists them. Free of zod and of the document schema, so that
// `plandesk list` can list the library without loading either (issue 17); the store and the
// plans operations use the same functions.
import type { Database } from 'better-sqlite3';
import type { PlanKind, PlanStatus, PlanSummary } from '../../../shared/contract';

export interface PlanRow {
  id: string;
  title: string;
  year: number;
  kind: PlanKind;
  status: PlanStatus;
  revision: number;
  task_count: number;
  doc: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export const SUMMARY_COLUMNS = 'id, title, year, kind, status, revision, task_count, created_at, updated_at, deleted_at';

export function toSummary(r: Omit<PlanRow, 'doc'>): PlanSummary {
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    kind: r.kind,
    status: r.status,
    revision: r.revision,
    taskCount: r.task_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Like a LIKE pattern, but the user's % and _ are literal. */
export function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** The `plans.list` operation: plans of one kind not in the trash, newest first, optionally by title. */
export function listPlans(db: Database, { query, kind }: { query?: string; kind?: PlanKind }): PlanSummary[] {
  const q = query?.trim();
  const rows = db
    .prepare<unknown[], Omit<PlanRow, 'doc'>>(
      `SELECT ${SUMMARY_COLUMNS} FROM plans
       WHERE deleted_at IS NULL AND kind = ? ${q ? "AND title LIKE ? ESCAPE '\\'" : ''}
       ORDER BY updated_at DESC, title`,
    )
    .all(...[kind ?? 'plan', ...(q ? [likePattern(q)] : [])]);
  return rows.map(toSummary);
}
