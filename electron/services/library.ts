// The library services: plans, versions, units, settings, over one SQLite database.
// Every operation of shared/contract.ts is implemented here once; transports only dispatch.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type {
  AppInfo,
  OperationResults,
  PlanKind,
  PlanRecord,
  PlanStatus,
  PlanSummary,
  ServiceImpl,
  Services,
  VersionSummary,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { countTasks } from '../../shared/plan/outline';
import { assignIds } from '../../shared/plan/ids';
import { walkOutline } from '../../shared/plan/numbering';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';
import { buildOpinionRows, locateAnnotations, type OpinionDecision } from '../../shared/review/opinion-rows';
import { addComment, insertThread, planThreads, readThread as readThreadRow } from './review-threads';

interface PlanRow {
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

interface VersionRow {
  id: number;
  plan_id: string;
  revision: number;
  created_at: string;
  author: string;
  message: string;
  doc: string;
}

const SUMMARY_COLUMNS = 'id, title, year, kind, status, revision, task_count, created_at, updated_at, deleted_at';

function toSummary(r: Omit<PlanRow, 'doc'>): PlanSummary {
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

function toVersion(r: Omit<VersionRow, 'doc'>): VersionSummary {
  return { id: r.id, planId: r.plan_id, revision: r.revision, createdAt: r.created_at, author: r.author, message: r.message };
}

/** Documents read back from the database are validated like any other input. */
function readDoc(json: string): PlanDocument {
  return parsePlanDocument(JSON.parse(json));
}

function unitsOf(doc: PlanDocument): Map<string, { lead: number; support: number }> {
  const out = new Map<string, { lead: number; support: number }>();
  walkOutline(doc.body, (node) => {
    if (node.type !== 'task') return;
    for (const [list, role] of [[node.lead, 'lead'], [node.support, 'support']] as const) {
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

/** Like a LIKE pattern, but the user's % and _ are literal. */
function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export interface LibraryOptions {
  info: Omit<AppInfo, 'dbPath' | 'dataDir'> & { dataDir: string; dbPath: string };
  now?: () => Date;
  defaultAuthor?: string;
}

export type LibraryServices = Omit<ServiceImpl, `import.${string}` | `export.${string}` | `templates.${string}` | 'plans.fromTemplate' | 'rollover.preview' | 'review.analyse' | 'review.import' | 'app.saveDialog' | 'app.showInFolder'>;

export function createLibraryServices(db: Database, options: LibraryOptions): LibraryServices {
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
    insertVersion: db.prepare(
      'INSERT INTO versions (plan_id, revision, created_at, author, message, doc) VALUES (?, ?, ?, ?, ?, ?)',
    ),
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
    return { ...toSummary(row), doc: readDoc(row.doc) };
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

  const insertPlan = db.transaction(
    (input: { title: string; year: number; kind: PlanKind; doc: PlanDocument; author: string; message: string }) => {
      const id = randomUUID();
      const t = now();
      const json = JSON.stringify(input.doc);
      stmts.insertPlan.run({ id, title: input.title, year: input.year, kind: input.kind, task_count: countTasks(input.doc.body), doc: json, now: t });
      stmts.insertVersion.run(id, 1, t, input.author, input.message, json);
      indexUnits(id, input.doc);
      return requireRow(id);
    },
  );

  const impl: LibraryServices = {
    'app.info': () => ({ version: options.info.version, mode: options.info.mode, dataDir: options.info.dataDir, dbPath: options.info.dbPath }),

    'plans.list': ({ query, kind }) => {
      const rows = db
        .prepare<unknown[], Omit<PlanRow, 'doc'>>(
          `SELECT ${SUMMARY_COLUMNS} FROM plans
           WHERE deleted_at IS NULL AND kind = ? ${query?.trim() ? "AND title LIKE ? ESCAPE '\\'" : ''}
           ORDER BY updated_at DESC, title`,
        )
        .all(...[kind ?? 'plan', ...(query?.trim() ? [likePattern(query.trim())] : [])]);
      return rows.map(toSummary);
    },

    'plans.trash': () =>
      db
        .prepare<[], Omit<PlanRow, 'doc'>>(`SELECT ${SUMMARY_COLUMNS} FROM plans WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC`)
        .all()
        .map(toSummary),

    'plans.get': ({ id }) => toRecord(requireRow(id)),

    'plans.create': ({ title, year, kind, doc, author: who }) => {
      const base = assignIds(doc ?? emptyPlan(title, year));
      base.meta.title = title;
      base.meta.year = year;
      const row = insertPlan({ title, year, kind: kind ?? 'plan', doc: base, author: author(who), message: doc ? '导入' : '新建' });
      return toRecord(row);
    },

    'plans.save': db.transaction(({ id, baseRevision, doc: given, status, author: who, savePoint }) => {
      const row = requireLive(id);
      // The editor sends every node with its id; a document from elsewhere (CLI, v1 file) gets them here.
      const doc = assignIds(given);
      if (row.revision !== baseRevision) throw conflict(row);
      const json = JSON.stringify(doc);
      const t = now();
      const title = doc.meta.title.trim() || row.title;
      const res = stmts.updatePlan.run({ id, baseRevision, title, year: doc.meta.year, status: status ?? null, doc: json, task_count: countTasks(doc.body), now: t });
      if (res.changes !== 1) throw conflict(requireRow(id));
      if (savePoint !== undefined) stmts.insertVersion.run(id, row.revision + 1, t, author(who), savePoint || '保存点', json);
      indexUnits(id, doc);
      return toSummary(requireRow(id));
    }),

    'plans.delete': db.transaction(({ id }) => {
      const row = requireLive(id);
      const t = now();
      // Keep a snapshot so the plan can be recovered even if the row is purged later.
      stmts.insertVersion.run(id, row.revision, t, author(), '删除前', row.doc);
      db.prepare('UPDATE plans SET deleted_at = ? WHERE id = ?').run(t, id);
      return toSummary(requireRow(id));
    }),

    'plans.undelete': db.transaction(({ id }) => {
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

    'versions.restore': db.transaction(({ planId, versionId, baseRevision, author: who }) => {
      const row = requireLive(planId);
      if (row.revision !== baseRevision) throw conflict(row);
      const v = db.prepare<[number, string], VersionRow>('SELECT * FROM versions WHERE id = ? AND plan_id = ?').get(versionId, planId);
      if (!v) throw new AppError('not-found', '找不到这个保存点。');
      const t = now();
      // The state being replaced becomes a save point itself, so a restore can be undone.
      stmts.insertVersion.run(planId, row.revision, t, author(who), '恢复前自动保存', row.doc);
      const doc = readDoc(v.doc);
      stmts.updatePlan.run({ id: planId, baseRevision, title: doc.meta.title || row.title, year: doc.meta.year, status: null, doc: v.doc, task_count: countTasks(doc.body), now: t });
      stmts.insertVersion.run(planId, row.revision + 1, t, author(who), `恢复到 ${v.created_at.slice(0, 16).replace('T', ' ')} 的保存点`, v.doc);
      indexUnits(planId, doc);
      return toRecord(requireRow(planId));
    }),

    'compare.uppers.get': ({ draftId }) => {
      requireRow(draftId);
      const rows = db
        .prepare<[string], { upper_id: string }>(
          `SELECT u.upper_id FROM plan_uppers u JOIN plans p ON p.id = u.upper_id
           WHERE u.draft_id = ? AND p.deleted_at IS NULL ORDER BY u.added_at`,
        )
        .all(draftId);
      return { upperIds: rows.map((r) => r.upper_id) };
    },

    'compare.uppers.set': db.transaction(({ draftId, upperIds }) => {
      requireLive(draftId);
      for (const u of upperIds) {
        const row = requireRow(u);
        if (u === draftId) throw new AppError('invalid-args', '不能把计划自己作为上级文件。');
        if (row.deleted_at) throw new AppError('not-found', `上级文件“${row.title}”已在回收站中。`);
      }
      const t = now();
      db.prepare('DELETE FROM plan_uppers WHERE draft_id = ?').run(draftId);
      const ins = db.prepare('INSERT INTO plan_uppers (draft_id, upper_id, added_at) VALUES (?, ?, ?)');
      upperIds.forEach((u: string, i: number) => ins.run(draftId, u, `${t}#${String(i).padStart(3, '0')}`));
      return { upperIds };
    }),

    'compare.decisions.list': ({ draftId, upperId }) =>
      db
        .prepare<[string, string], { upper_key: string; draft_key: string; decision: 'confirmed' | 'rejected' | 'added'; author: string; decided_at: string }>(
          'SELECT upper_key, draft_key, decision, author, decided_at FROM link_decisions WHERE draft_id = ? AND upper_id = ? ORDER BY decided_at',
        )
        .all(draftId, upperId)
        .map((r) => ({ upperKey: r.upper_key, draftKey: r.draft_key, decision: r.decision, author: r.author, decidedAt: r.decided_at })),

    'compare.decisions.set': db.transaction(({ draftId, upperId, upperKey, draftKey, decision, author: who }) => {
      requireLive(draftId);
      requireRow(upperId);
      if (decision === null) {
        db.prepare('DELETE FROM link_decisions WHERE draft_id = ? AND upper_id = ? AND upper_key = ? AND draft_key = ?').run(draftId, upperId, upperKey, draftKey);
      } else {
        db.prepare(
          `INSERT INTO link_decisions (draft_id, upper_id, upper_key, draft_key, decision, author, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (draft_id, upper_id, upper_key, draft_key) DO UPDATE SET decision = excluded.decision, author = excluded.author, decided_at = excluded.decided_at`,
        ).run(draftId, upperId, upperKey, draftKey, decision, author(who), now());
      }
      return { ok: true as const };
    }),

    'review.threads.list': ({ planId }) => {
      requireRow(planId);
      return planThreads(db, planId);
    },

    'review.threads.create': db.transaction(({ planId, threadId, quote, body, author: who, unit }) => {
      const row = requireLive(planId);
      if (db.prepare('SELECT 1 FROM review_threads WHERE id = ?').get(threadId)) throw new AppError('invalid-args', '这条批注已经存在。');
      const t = now();
      insertThread(db, { id: threadId, planId, quote, status: 'open', round: row.status, source: 'app', createdAt: t, comments: [{ author: who, unit, body, createdAt: t }] });
      return readThread(threadId);
    }),

    'review.threads.reply': db.transaction(({ threadId, body, author: who, unit }) => {
      addComment(db, threadId, { author: who, unit, body, createdAt: now() });
      return readThread(threadId);
    }),

    'review.threads.setStatus': ({ threadId, status }) => {
      readThread(threadId);
      db.prepare('UPDATE review_threads SET status = ? WHERE id = ?').run(status, threadId);
      return readThread(threadId);
    },

    'review.opinions.list': ({ planId }) => {
      const row = requireRow(planId);
      const threads = planThreads(db, planId);
      const stored = db
        .prepare<[string], { source_id: string; kind: 'comment' | 'suggestion'; round: string; unit: string; task: string; content: string; decision: OpinionDecision | null; reason: string; node_id: string | null }>(
          'SELECT * FROM review_opinions WHERE plan_id = ? ORDER BY created_at, source_id',
        )
        .all(planId)
        .map((o) => ({ sourceId: o.source_id, kind: o.kind, round: o.round, unit: o.unit, task: o.task, content: o.content, decision: o.decision, reason: o.reason, nodeId: o.node_id }));
      return buildOpinionRows(readDoc(row.doc), threads, stored);
    },

    'review.opinions.set': db.transaction(({ planId, sourceId, decision, reason, snapshot }) => {
      const row = requireRow(planId);
      const t = now();
      // The node the opinion is about: where its mark is now, else what the caller saw.
      const nodeId = locateAnnotations(readDoc(row.doc).body).get(sourceId)?.nodeId ?? snapshot?.nodeId ?? null;
      db.prepare(
        `INSERT INTO review_opinions (plan_id, source_id, kind, round, unit, task, content, decision, reason, created_at, updated_at, node_id)
         VALUES (@planId, @sourceId, @kind, @round, @unit, @task, @content, @decision, @reason, @t, @t, @nodeId)
         ON CONFLICT (plan_id, source_id) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, updated_at = excluded.updated_at,
           node_id = COALESCE(excluded.node_id, node_id),
           kind = CASE WHEN @hasSnapshot THEN excluded.kind ELSE kind END,
           unit = CASE WHEN @hasSnapshot THEN excluded.unit ELSE unit END,
           task = CASE WHEN @hasSnapshot THEN excluded.task ELSE task END,
           content = CASE WHEN @hasSnapshot THEN excluded.content ELSE content END`,
      ).run({
        planId,
        sourceId,
        kind: snapshot?.kind ?? 'comment',
        round: row.status,
        unit: snapshot?.unit ?? '',
        task: snapshot?.task ?? '',
        content: snapshot?.content ?? '',
        decision,
        reason,
        t,
        nodeId,
        hasSnapshot: snapshot ? 1 : 0,
      });
      return { ok: true as const };
    }),

    'units.list': ({ query, limit }) => {
      const q = query?.trim();
      return db
        .prepare<unknown[], { name: string; uses: number; last_seen: string }>(
          `SELECT name, SUM(uses) AS uses, MAX(last_seen) AS last_seen FROM (
             SELECT u.name, u.lead_count + u.support_count AS uses, p.updated_at AS last_seen
               FROM plan_units u JOIN plans p ON p.id = u.plan_id
              WHERE p.deleted_at IS NULL AND p.kind = 'plan'
             UNION ALL
             SELECT name, 0, created_at FROM units
           ) ${q ? "WHERE name LIKE ? ESCAPE '\\'" : ''}
           GROUP BY name ORDER BY uses DESC, name LIMIT ?`,
        )
        .all(...(q ? [likePattern(q)] : []), limit ?? 200)
        .map((r) => ({ name: r.name, uses: r.uses, lastSeen: r.last_seen }));
    },

    'settings.get': ({ key }) => {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
      return { value: row ? (JSON.parse(row.value) as unknown) : null };
    },

    'settings.set': ({ key, value }) => {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
        key,
        JSON.stringify(value),
      );
      return { ok: true as const };
    },
  };
  return impl;
}

/**
 * Every operation answers with a promise, whether its body is synchronous (SQLite) or not,
 * so callers see one behaviour: errors arrive as rejections, never as synchronous throws.
 */
export function asServices(impl: ServiceImpl): Services {
  const services = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(impl)) {
    services[name] = async (args: unknown) => (fn as (a: unknown) => unknown)(args);
  }
  return services as unknown as Services;
}

export type { OperationResults };
