// 对照上级文件: which upper documents a draft is compared with, and the link decisions.
import { writeTransaction } from '../db/transaction';
import { AppError } from '../../../shared/errors';
import { type LibraryOps, type PlanStore } from './store';

export function compareOperations(store: PlanStore): LibraryOps<`compare.${string}`> {
  const { db, now, author, requireRow, requireLive } = store;
  return {
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

    'compare.uppers.set': writeTransaction(db, ({ draftId, upperIds }) => {
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

    'compare.decisions.set': writeTransaction(db, ({ draftId, upperId, upperKey, draftKey, decision, author: who }) => {
      requireLive(draftId);
      requireRow(upperId);
      if (decision === null) {
        db.prepare('DELETE FROM link_decisions WHERE draft_id = ? AND upper_id = ? AND upper_key = ? AND draft_key = ?').run(
          draftId,
          upperId,
          upperKey,
          draftKey,
        );
      } else {
        db.prepare(
          `INSERT INTO link_decisions (draft_id, upper_id, upper_key, draft_key, decision, author, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (draft_id, upper_id, upper_key, draft_key) DO UPDATE SET decision = excluded.decision, author = excluded.author, decided_at = excluded.decided_at`,
        ).run(draftId, upperId, upperKey, draftKey, decision, author(who), now());
      }
      return { ok: true as const };
    }),
  };
}
