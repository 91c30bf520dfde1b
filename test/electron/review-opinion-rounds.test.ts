// 征求意见汇总表: every row carries its round — a comment thread the round it was opened in, a
// pending suggestion the round the plan was in when it was made (from the round changes' save
// points), an answered one the same round.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';
import { roundSavePoint } from '../../shared/plan/status';
import { taskRunningText } from '../../shared/plan/running-text';
import { tempLibrary } from '../helpers/temp-library';
import { ins, p as para, r as run, wordFile } from './review-helpers';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.dispose());

function plan(marks: NonNullable<TaskNode['marks']>): PlanDocument {
  const d = emptyPlan('2026年全县安全生产工作要点', 2026);
  const task = {
    type: 'task',
    id: 'taskAaaaa1',
    level: 2,
    ordinal: 1,
    title: '加强危险化学品安全监管',
    text: '开展全覆盖检查，每季度通报一次。',
    lead: ['县应急局'],
    support: [],
    targets: [],
    children: [],
    marks,
  } as TaskNode;
  d.body = [{ type: 'heading', id: 'headSec001', level: 1, ordinal: 1, title: '重点工作', children: [task] } as never];
  return d;
}

describe('the round of every opinion', () => {
  it('draft-round notes and consultation-round opinions each show their own round, before and after an answer', async () => {
    const s = lib.services;
    // Our own note in the 草稿 round: a suggestion (made long ago) and a comment.
    const draftNote = {
      field: 'text' as const,
      from: 0,
      to: 2,
      type: 'deletion' as const,
      id: 'sug-draft',
      author: '李四',
      unit: '县安委办',
      time: '2000-01-01T00:00:00Z',
    };
    const p = await s['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026, doc: plan([draftNote]) });
    await s['review.threads.create']({ planId: p.id, threadId: 'th-draft', quote: '', body: '本办：此条再斟酌', author: '李四', unit: '县安委办' });
    // 进入征求意见稿, then a unit's suggestion (made later).
    const unitSug = {
      field: 'text' as const,
      from: 5,
      to: 5,
      type: 'insertion' as const,
      id: 'sug-unit',
      author: '王五',
      unit: '县住建局',
      time: '2999-01-01T00:00:00Z',
    };
    const saved = await s['plans.save']({
      id: p.id,
      baseRevision: p.revision,
      doc: plan([draftNote]),
      status: 'consultation',
      savePoint: roundSavePoint('consultation'),
    });
    const doc2 = plan([draftNote, unitSug]);
    (doc2.body[0] as { children: TaskNode[] }).children[0]!.text = '开展全覆盖检查，每月每季度通报一次。';
    await s['plans.save']({ id: p.id, baseRevision: saved.revision, doc: doc2 });
    await s['review.threads.create']({ planId: p.id, threadId: 'th-unit', quote: '', body: '建议明确检查频次', author: '王五', unit: '县住建局' });

    const byId = async () => new Map((await s['review.opinions.list']({ planId: p.id })).map((r) => [r.sourceId, r]));
    let rows = await byId();
    expect([...rows.values()].every((r) => r.round !== '')).toBe(true);
    expect(rows.get('sug-draft')!.round).toBe('draft');
    expect(rows.get('th-draft')!.round).toBe('draft');
    expect(rows.get('sug-unit')!.round).toBe('consultation');
    expect(rows.get('th-unit')!.round).toBe('consultation');

    // Answering the draft-round suggestion in the consultation round keeps its round.
    const r = rows.get('sug-draft')!;
    await s['review.opinions.set']({
      planId: p.id,
      sourceId: r.sourceId,
      decision: '不采纳',
      reason: '',
      snapshot: { kind: r.kind, unit: r.unit, task: r.task, content: r.content },
    });
    rows = await byId();
    expect(rows.get('sug-draft')!.round).toBe('draft');
    expect(rows.get('sug-draft')!.decision).toBe('不采纳');
  });

  it('a suggestion imported from a returned file belongs to the round it was imported in, whatever date the file records', async () => {
    const s = lib.services;
    const p = await s['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026, doc: plan([]) });
    const saved = await s['plans.save']({
      id: p.id,
      baseRevision: p.revision,
      doc: plan([]),
      status: 'consultation',
      savePoint: roundSavePoint('consultation'),
    });
    const task = (plan([]).body[0] as { children: TaskNode[] }).children[0]!;
    const line = `（一）${taskRunningText(task)}`;
    const cut = line.indexOf('，每季度');
    // The reviewer's clock says 2000: before the plan entered 征求意见稿.
    const bytes = new Uint8Array(
      await wordFile({
        body: para(run('重点工作')) + para(run(line.slice(0, cut)), ins(1, '县住建局', '，每月抽查一次', '2000-01-01T00:00:00Z'), run(line.slice(cut))),
      }),
    );
    const r = await s['review.import']({ planId: p.id, baseRevision: saved.revision, files: [{ fileName: '县住建局反馈.docx', bytes, unit: '县住建局' }] });
    expect(r.insertions).toBe(1);
    const rows = await s['review.opinions.list']({ planId: p.id });
    expect(rows.map((row) => [row.unit, row.round, row.content])).toEqual([['县住建局', 'consultation', '建议增加：每月抽查一次']]);
  });
});
