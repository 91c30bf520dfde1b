// Issue 14: a reviewer's opinion stays with the task it was about. When that task is deleted,
// the 汇总表 row says so; it never takes the label of the task that moved into its place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';
import { tempLibrary } from '../helpers/temp-library';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.dispose());

const A: TaskNode = {
  type: 'task',
  id: 'taskAaaaa1',
  level: 2,
  ordinal: 1,
  title: '加强危险化学品安全监管',
  text: '开展全覆盖检查。',
  lead: ['县应急局'],
  support: [],
  targets: [],
  children: [],
} as TaskNode;
const B: TaskNode = {
  type: 'task',
  id: 'taskBbbbb2',
  level: 2,
  ordinal: 2,
  title: '加强危险化学品安全执法',
  text: '开展执法检查。',
  lead: ['县应急局'],
  support: [],
  targets: [],
  children: [],
} as TaskNode;

function doc(tasks: TaskNode[]): PlanDocument {
  const d = emptyPlan('2026年全县安全生产工作要点', 2026);
  d.body = [{ type: 'heading', id: 'headSec001', level: 1, ordinal: 1, title: '重点工作', children: structuredClone(tasks) } as never];
  return d;
}

describe('review opinions point at their task by id', () => {
  it('an answered opinion on a deleted task does not take over the next task’s label', async () => {
    const s = lib.services;
    const withMark = doc([A, B]);
    (withMark.body[0] as { children: TaskNode[] }).children[0]!.marks = [{ field: 'text', from: 0, to: 4, type: 'comment', id: 'thread-A' }];
    const plan = await s['plans.create']({ title: withMark.meta.title, year: 2026, doc: withMark });
    await s['review.threads.create']({ planId: plan.id, threadId: 'thread-A', quote: '开展全覆', body: '建议明确检查频次', author: '王五', unit: '县教育局' });
    let rows = await s['review.opinions.list']({ planId: plan.id });
    const row = rows.find((r) => r.sourceId === 'thread-A')!;
    expect(row.task).toBe('（一）加强危险化学品安全监管');
    expect((row as { nodeId?: string }).nodeId).toBe('taskAaaaa1');
    await s['review.opinions.set']({
      planId: plan.id,
      sourceId: 'thread-A',
      decision: '采纳',
      reason: '',
      snapshot: { kind: row.kind, unit: row.unit, task: row.task, content: row.content, nodeId: 'taskAaaaa1' } as never,
    });

    // Task A is deleted: B is now task （一）.
    await s['plans.save']({ id: plan.id, baseRevision: plan.revision, doc: doc([{ ...B, ordinal: 1 }]) });
    rows = await s['review.opinions.list']({ planId: plan.id });
    const after = rows.find((r) => r.sourceId === 'thread-A')!;
    expect((after as { nodeId?: string }).nodeId).toBe('taskAaaaa1');
    expect(after.task).toContain('已删除');
    expect(after.task).not.toMatch(/^（一）/);
  });
});
