// Comment threads in the library: the one place that writes and reads review_threads and
// review_comments (used by the app's own comments and by returned-file imports).
import type { Database } from 'better-sqlite3';
import type { PlanStatus, ReviewComment, ReviewThreadRecord } from '../../shared/contract';
import { AppError } from '../../shared/errors';

/** A thread as the contract returns it, before its comments have ids. */
export type NewThread = Omit<ReviewThreadRecord, 'comments'> & { comments: Array<Omit<ReviewComment, 'id'>> };

export function insertThread(db: Database, t: NewThread): void {
  if (db.prepare('SELECT 1 FROM review_threads WHERE id = ?').get(t.id)) throw new AppError('invalid-args', '这条批注已经存在。');
  db.prepare('INSERT INTO review_threads (id, plan_id, quote, status, round, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    t.id,
    t.planId,
    t.quote,
    t.status,
    t.round,
    t.source,
    t.createdAt,
  );
  const ins = db.prepare('INSERT INTO review_comments (thread_id, author, unit, body, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const c of t.comments) ins.run(t.id, c.author, c.unit, c.body, c.createdAt);
}

export function addComment(db: Database, threadId: string, c: { author: string; unit: string; body: string; createdAt: string }): void {
  readThread(db, threadId);
  db.prepare('INSERT INTO review_comments (thread_id, author, unit, body, created_at) VALUES (?, ?, ?, ?, ?)').run(
    threadId,
    c.author,
    c.unit,
    c.body,
    c.createdAt,
  );
}

export function readThread(db: Database, threadId: string): ReviewThreadRecord {
  const t = db
    .prepare<
      [string],
      { id: string; plan_id: string; quote: string; status: 'open' | 'resolved'; round: PlanStatus; source: 'app' | 'docx'; created_at: string }
    >('SELECT * FROM review_threads WHERE id = ?')
    .get(threadId);
  if (!t) throw new AppError('not-found', '找不到这条批注。');
  const comments = db
    .prepare<[string], { id: number; author: string; unit: string; body: string; created_at: string }>(
      'SELECT * FROM review_comments WHERE thread_id = ? ORDER BY id',
    )
    .all(threadId)
    .map((c) => ({ id: c.id, author: c.author, unit: c.unit, body: c.body, createdAt: c.created_at }));
  return { id: t.id, planId: t.plan_id, quote: t.quote, status: t.status, round: t.round, source: t.source, createdAt: t.created_at, comments };
}

export function planThreads(db: Database, planId: string): ReviewThreadRecord[] {
  return db
    .prepare<[string], { id: string }>('SELECT id FROM review_threads WHERE plan_id = ? ORDER BY created_at, id')
    .all(planId)
    .map((r) => readThread(db, r.id));
}
