// Review: 批注 threads (list, create, reply, status) and the opinions table's stored decisions.
import { writeTransaction } from '../db/transaction';
import { AppError } from '../../../shared/errors';
import { roundOfSavePoint, type PlanStatus } from '../../../shared/plan/status';
import { buildOpinionRows, locateAnnotations, roundAt, type OpinionDecision, type RoundHistory } from '../../../shared/review/opinion-rows';
import { addComment, insertThread, planThreads } from '../review-threads';
import { readDoc, type LibraryOps, type PlanStore } from './store';

export function reviewOperations(store: PlanStore): LibraryOps<`review.threads.${string}` | `review.opinions.${string}`> {
  const { db, now, requireRow, requireLive, readThread } = store;
  /** When the plan entered each round: the save points a round change leaves (进入征求意见稿 …). */
  const roundHistory = (planId: string, current: string): RoundHistory => ({
    current: current as PlanStatus,
    changes: db
      .prepare<[string], { created_at: string; message: string }>(
        "SELECT created_at, message FROM versions WHERE plan_id = ? AND message LIKE '进入%' ORDER BY id",
      )
      .all(planId)
      .flatMap((v) => {
        const round = roundOfSavePoint(v.message);
        return round ? [{ at: v.created_at, round }] : [];
      }),
  });
  return {
    'review.threads.list': ({ planId }) => {
      requireRow(planId);
      return planThreads(db, planId);
    },

    'review.threads.create': writeTransaction(db, ({ planId, threadId, quote, body, author: who, unit }) => {
      const row = requireLive(planId);
      if (db.prepare('SELECT 1 FROM review_threads WHERE id = ?').get(threadId)) throw new AppError('invalid-args', '这条批注已经存在。');
      const t = now();
      insertThread(db, {
        id: threadId,
        planId,
        quote,
        status: 'open',
        round: row.status,
        source: 'app',
        createdAt: t,
        comments: [{ author: who, unit, body, createdAt: t }],
      });
      return readThread(threadId);
    }),

    'review.threads.reply': writeTransaction(db, ({ threadId, body, author: who, unit }) => {
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
        .prepare<
          [string],
          {
            source_id: string;
            kind: 'comment' | 'suggestion';
            round: string;
            unit: string;
            task: string;
            content: string;
            decision: OpinionDecision | null;
            reason: string;
            node_id: string | null;
          }
        >('SELECT * FROM review_opinions WHERE plan_id = ? ORDER BY created_at, source_id')
        .all(planId)
        .map((o) => ({
          sourceId: o.source_id,
          kind: o.kind,
          round: o.round,
          unit: o.unit,
          task: o.task,
          content: o.content,
          decision: o.decision,
          reason: o.reason,
          nodeId: o.node_id,
        }));
      return buildOpinionRows(readDoc(row.doc), threads, stored, roundHistory(planId, row.status));
    },

    'review.opinions.set': writeTransaction(db, ({ planId, sourceId, decision, reason, snapshot }) => {
      const row = requireRow(planId);
      const t = now();
      // The node the opinion is about: where its mark is now, else what the caller saw.
      const at = locateAnnotations(readDoc(row.doc).body).get(sourceId);
      const nodeId = at?.nodeId ?? snapshot?.nodeId ?? null;
      // Its round: the thread's, or the round the plan was in when the suggestion was made.
      const thread = db.prepare<[string], { round: string }>('SELECT round FROM review_threads WHERE id = ?').get(sourceId);
      const round = thread?.round ?? (at?.kind ? roundAt(roundHistory(planId, row.status), at.time) : row.status);
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
        round,
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
  };
}
