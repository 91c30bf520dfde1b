import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';
import { tempLibrary } from '../helpers/temp-library';

let lib: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.dispose());

function withTask(doc: PlanDocument, lead: string[], support: string[]): PlanDocument {
  doc.body.push({
    type: 'heading',
    level: 1,
    ordinal: 1,
    title: '重点工作',
    children: [{ type: 'task', level: 3, ordinal: 1, title: '加强安全生产考核', text: '', lead, support, targets: [], children: [] }],
  });
  return doc;
}

async function expectAppError(p: unknown, code: string): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    return err as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('library services on a real SQLite file', () => {
  it('creates, lists, gets and searches plans', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
    await s['plans.create']({ title: '2026年应急管理工作要点', year: 2026 });
    expect(a.revision).toBe(1);
    expect(a.doc.meta.title).toBe('2026年全县安全生产工作要点');
    expect((await s['plans.list']({})).map((p) => p.title)).toHaveLength(2);
    expect((await s['plans.list']({ query: '应急' })).map((p) => p.title)).toEqual(['2026年应急管理工作要点']);
    expect(await s['plans.list']({ query: '%' })).toHaveLength(0); // LIKE wildcards are literal
    const got = await s['plans.get']({ id: a.id });
    expect(got.doc).toEqual(a.doc);
    const versions = await s['versions.list']({ planId: a.id });
    expect(versions.map((v) => v.message)).toEqual(['新建']);
  });

  it('saves with the revision it started from and refuses a stale save', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '计划', year: 2026 });
    const doc = withTask(structuredClone(a.doc), ['县应急局'], ['各乡镇']);
    const saved = await s['plans.save']({ id: a.id, baseRevision: 1, doc });
    expect(saved.revision).toBe(2);
    expect(saved.taskCount).toBe(1);
    // A second window still at revision 1 must not overwrite.
    const err = await expectAppError(s['plans.save']({ id: a.id, baseRevision: 1, doc: a.doc }), 'conflict');
    expect(err.message).toContain('为避免覆盖');
    expect((await s['plans.get']({ id: a.id })).taskCount).toBe(1);
  });

  it('keeps the previous state when a save fails half-way', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '计划', year: 2026 });
    // Make the units index fail after the plan row was updated: the transaction must roll back.
    lib.db.exec("CREATE TRIGGER boom BEFORE INSERT ON plan_units BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const doc = withTask(structuredClone(a.doc), ['县应急局'], []);
    await expect(Promise.resolve().then(() => s['plans.save']({ id: a.id, baseRevision: 1, doc, savePoint: 'x' }))).rejects.toThrow();
    const after = await s['plans.get']({ id: a.id });
    expect(after.revision).toBe(1);
    expect(after.taskCount).toBe(0);
    expect(await s['versions.list']({ planId: a.id })).toHaveLength(1);
  });

  it('makes save points and restores one, and the restore is itself undoable', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '计划', year: 2026 });
    const v2doc = withTask(structuredClone(a.doc), ['县应急局'], []);
    await s['plans.save']({ id: a.id, baseRevision: 1, doc: v2doc, savePoint: '初稿', author: '张三' });
    const v3doc = structuredClone(v2doc);
    v3doc.meta.title = '计划（修改）';
    await s['plans.save']({ id: a.id, baseRevision: 2, doc: v3doc }); // autosave: no version
    const versions = await s['versions.list']({ planId: a.id });
    expect(versions.map((v) => [v.message, v.author])).toEqual([
      ['初稿', '张三'],
      ['新建', ''],
    ]);
    const restored = await s['versions.restore']({ planId: a.id, versionId: versions[1]!.id, baseRevision: 3 });
    expect(restored.taskCount).toBe(0);
    expect(restored.title).toBe('计划');
    const after = await s['versions.list']({ planId: a.id });
    expect(after[1]!.message).toBe('恢复前自动保存');
    const undo = await s['versions.get']({ versionId: after[1]!.id });
    expect(undo.doc.meta.title).toBe('计划（修改）');
  });

  it('deletes to the trash with a snapshot, and undeletes', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '计划', year: 2026 });
    await s['plans.delete']({ id: a.id });
    expect(await s['plans.list']({})).toHaveLength(0);
    expect((await s['plans.trash']({})).map((p) => p.id)).toEqual([a.id]);
    expect((await s['versions.list']({ planId: a.id }))[0]!.message).toBe('删除前');
    await expectAppError(
      Promise.resolve().then(() => s['plans.save']({ id: a.id, baseRevision: 1, doc: a.doc })),
      'not-found',
    );
    await s['plans.undelete']({ id: a.id });
    expect(await s['plans.list']({})).toHaveLength(1);
  });

  it('duplicates a plan under a new title', async () => {
    const s = lib.services;
    const a = await s['plans.create']({ title: '计划', year: 2026, doc: withTask(emptyPlan('x', 2026), ['县应急局'], []) });
    const copy = await s['plans.duplicate']({ id: a.id });
    expect(copy.title).toBe('计划（副本）');
    expect(copy.doc.meta.title).toBe('计划（副本）');
    expect(copy.taskCount).toBe(1);
    expect(copy.id).not.toBe(a.id);
  });

  it('builds the units dictionary from the plans, most used first', async () => {
    const s = lib.services;
    await s['plans.create']({ title: 'A', year: 2026, doc: withTask(emptyPlan('A', 2026), ['县应急局'], ['各乡镇']) });
    await s['plans.create']({ title: 'B', year: 2026, doc: withTask(emptyPlan('B', 2026), ['县应急局'], []) });
    const units = await s['units.list']({});
    expect(units[0]).toMatchObject({ name: '县应急局', uses: 2 });
    expect(units.map((u) => u.name)).toContain('各乡镇');
    expect((await s['units.list']({ query: '乡镇' })).map((u) => u.name)).toEqual(['各乡镇']);
  });

  it('stores settings as JSON', async () => {
    const s = lib.services;
    expect(await s['settings.get']({ key: 'user' })).toEqual({ value: null });
    await s['settings.set']({ key: 'user', value: { name: '李四', unit: '县应急局' } });
    expect(await s['settings.get']({ key: 'user' })).toEqual({ value: { name: '李四', unit: '县应急局' } });
  });

  it('uses WAL and foreign keys', () => {
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('upper documents and link decisions', () => {
  it('remembers which upper documents a draft is checked against and the decisions on links', async () => {
    const s = lib.services;
    const draft = await s['plans.create']({ title: '2026年全县安全生产工作要点', year: 2026 });
    const upper = await s['plans.create']({ title: '2026年全市安全生产工作要点', year: 2026, kind: 'upper' });
    expect((await s['plans.list']({ kind: 'upper' })).map((p) => p.id)).toEqual([upper.id]);
    await s['compare.uppers.set']({ draftId: draft.id, upperIds: [upper.id] });
    expect(await s['compare.uppers.get']({ draftId: draft.id })).toEqual({ upperIds: [upper.id] });
    await s['compare.decisions.set']({ draftId: draft.id, upperId: upper.id, upperKey: 'u1', draftKey: 'd1', decision: 'confirmed', author: '张三' });
    await s['compare.decisions.set']({ draftId: draft.id, upperId: upper.id, upperKey: 'u1', draftKey: 'd1', decision: 'rejected' });
    await s['compare.decisions.set']({ draftId: draft.id, upperId: upper.id, upperKey: 'u2', draftKey: 'd3', decision: 'added' });
    const list = await s['compare.decisions.list']({ draftId: draft.id, upperId: upper.id });
    expect(list.map((d) => [d.upperKey, d.draftKey, d.decision])).toEqual([
      ['u1', 'd1', 'rejected'],
      ['u2', 'd3', 'added'],
    ]);
    await s['compare.decisions.set']({ draftId: draft.id, upperId: upper.id, upperKey: 'u2', draftKey: 'd3', decision: null });
    expect(await s['compare.decisions.list']({ draftId: draft.id, upperId: upper.id })).toHaveLength(1);
    await expectAppError(s['compare.uppers.set']({ draftId: draft.id, upperIds: [draft.id] }), 'invalid-args');
  });
});

describe('review threads', () => {
  it('creates a thread with its first comment, replies, resolves and reopens', async () => {
    const s = lib.services;
    const plan = await s['plans.create']({ title: '计划', year: 2026 });
    const t = await s['review.threads.create']({
      planId: plan.id,
      threadId: 'thread-0001',
      quote: '加强考核',
      body: '建议明确考核比重',
      author: '王五',
      unit: '县委组织部',
    });
    expect(t).toMatchObject({
      status: 'open',
      round: 'draft',
      quote: '加强考核',
      comments: [{ author: '王五', unit: '县委组织部', body: '建议明确考核比重' }],
    });
    await s['review.threads.reply']({ threadId: t.id, body: '已采纳', author: '赵六', unit: '县安委办' });
    await s['review.threads.setStatus']({ threadId: t.id, status: 'resolved' });
    const [listed] = await s['review.threads.list']({ planId: plan.id });
    expect(listed!.status).toBe('resolved');
    expect(listed!.comments.map((c) => c.body)).toEqual(['建议明确考核比重', '已采纳']);
    await s['review.threads.setStatus']({ threadId: t.id, status: 'open' });
    expect((await s['review.threads.list']({ planId: plan.id }))[0]!.status).toBe('open');
    await expectAppError(s['review.threads.create']({ planId: plan.id, threadId: 'thread-0001', quote: '', body: 'x', author: 'a', unit: '' }), 'invalid-args');
    await expectAppError(s['review.threads.reply']({ threadId: 'nope', body: 'x', author: 'a', unit: '' }), 'not-found');
  });
});

describe('opinions table', () => {
  it('lists comment threads and pending suggestions with their tasks, keeps decided suggestions by snapshot', async () => {
    const s = lib.services;
    const doc = emptyPlan('计划', 2026);
    doc.body.push({
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点工作',
      children: [
        {
          type: 'task',
          level: 3,
          ordinal: 1,
          title: '加强安全生产考核',
          text: '加大考核比重。',
          lead: ['县安委办'],
          support: [],
          targets: [],
          children: [],
          marks: [
            { field: 'title', from: 2, to: 8, type: 'comment', id: 'thread-0001' },
            { field: 'text', from: 0, to: 2, type: 'insertion', id: 's1', author: '李四', unit: '县教育局' },
          ],
        },
      ],
    });
    const plan = await s['plans.create']({ title: '计划', year: 2026, doc });
    await s['review.threads.create']({
      planId: plan.id,
      threadId: 'thread-0001',
      quote: '安全生产考核',
      body: '建议明确比重',
      author: '王五',
      unit: '县委组织部',
    });
    let rows = await s['review.opinions.list']({ planId: plan.id });
    expect(rows.map((r) => [r.kind, r.unit, r.task, r.content])).toEqual([
      ['comment', '县委组织部', '1.加强安全生产考核', '建议明确比重'],
      ['suggestion', '县教育局', '1.加强安全生产考核', '建议增加：加大'],
    ]);
    await s['review.opinions.set']({ planId: plan.id, sourceId: 'thread-0001', decision: '部分采纳', reason: '比重由考核办定' });
    // The suggestion is accepted and leaves the plan; its row stays from the snapshot.
    await s['review.opinions.set']({
      planId: plan.id,
      sourceId: 's1',
      decision: '采纳',
      reason: '',
      snapshot: { kind: 'suggestion', unit: '县教育局', task: '1.加强安全生产考核', content: '建议增加：加大' },
    });
    const next = structuredClone(plan.doc);
    (next.body[0] as { children: Array<{ marks?: unknown }> }).children[0]!.marks = [{ field: 'title', from: 2, to: 8, type: 'comment', id: 'thread-0001' }];
    await s['plans.save']({ id: plan.id, baseRevision: plan.revision, doc: next });
    rows = await s['review.opinions.list']({ planId: plan.id });
    expect(rows.map((r) => [r.kind, r.decision, r.reason, r.live])).toEqual([
      ['comment', '部分采纳', '比重由考核办定', true],
      ['suggestion', '采纳', '', false],
    ]);
  });
});
