import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/checks/index';
import { heading, meta, plan, task, withCode } from './checks-helpers';

describe('runChecks: ids, dismissal, order', () => {
  const base = () => plan([task('任务甲', '加强监管,落实责任。'), task('任务乙', '严格执法,强化督查。')], { meta: meta({ docNumber: '县安发[2021]1号' }) });

  it('gives ids made of code, block index and a hash of the offending text', () => {
    const cs = runChecks(base());
    expect(cs.map((c) => c.id.split(':').slice(0, 2).join(':'))).toEqual(['doc-number:meta', 'halfwidth-punct:2', 'halfwidth-punct:3']);
    expect(new Set(cs.map((c) => c.id)).size).toBe(cs.length);
  });

  it('keeps ids stable across unrelated edits and changes them when the offending text changes', () => {
    const a = runChecks(base());
    const edited = base();
    edited.blocks[3] = { ...(edited.blocks[3] as ReturnType<typeof task>), title: '任务乙（改）' };
    expect(runChecks(edited).find((c) => c.blockIndex === 2)!.id).toBe(a.find((c) => c.blockIndex === 2)!.id);
    const changed = base();
    changed.blocks[2] = { ...(changed.blocks[2] as ReturnType<typeof task>), text: '加强执法,落实责任。' };
    expect(runChecks(changed).find((c) => c.blockIndex === 2)!.id).not.toBe(a.find((c) => c.blockIndex === 2)!.id);
  });

  it('leaves dismissed checks out, also after a block is inserted above', () => {
    const first = runChecks(base());
    const id = first.find((c) => c.blockIndex === 2)!.id;
    const after = runChecks({ ...base(), dismissed: [id] });
    expect(after.map((c) => c.id)).toEqual(first.filter((c) => c.id !== id).map((c) => c.id));
    const shifted = base();
    shifted.blocks.splice(2, 0, task('新任务', '正文。'));
    const cs = withCode(runChecks({ ...shifted, dismissed: [id] }), 'halfwidth-punct');
    expect(cs.map((c) => c.blockIndex)).toEqual([4]);
  });

  it('orders metadata first, then by block, errors before warnings', () => {
    const inp = plan([task('', '正文,内容。')]);
    const cs = runChecks(inp);
    expect(cs.map((c) => [c.blockIndex, c.severity, c.code])).toEqual([
      [2, 'error', 'title-empty'],
      [2, 'warning', 'halfwidth-punct'],
    ]);
  });

  it('returns nothing for a clean plan', () => {
    expect(runChecks(plan([task('加强监管', '落实责任。'), task('强化执法', '严格检查。')]))).toEqual([]);
    expect(runChecks({ meta: meta(), blocks: [], numbering: { perLevel: ['restart', 'restart', 'restart', 'restart'] } })).toEqual([]);
  });

  it('labels tasks by the plan numbering (continuous level 3 across sections)', () => {
    const inp = plan([task('任务甲'), heading(2, '第二部分'), task('任务乙', '正文,内容。')]);
    expect(withCode(runChecks(inp), 'halfwidth-punct')[0]!.message).toMatch(/^任务 2 中有/);
  });

  it('checks a 400-task plan (its speed is in bench/checks.bench.ts)', () => {
    const blocks: ReturnType<typeof task>[] = [];
    for (let i = 0; i < 400; i++) blocks.push(task(`任务${i}`, `第${i}项工作要求${'加强监管落实责任'.repeat(1 + (i % 5))}，编号${i * 7919}。`));
    const cs = runChecks(plan(blocks));
    // Distinct tasks, full-width text, units everywhere: nothing to report but possible near-duplicates.
    expect(cs.filter((c) => c.code !== 'task-duplicate' && c.code !== 'task-similar').map((c) => [c.code, c.message])).toEqual([]);
  });
});
