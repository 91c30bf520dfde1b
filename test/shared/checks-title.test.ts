import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/checks/index';
import { applyAndRecheck, plan, task, withCode } from './checks-helpers';

const LONG = '加强安全生产法治建设立足全国第一批应急管理政策法规标准基层联系点，积极配合开展相关试点工作，对现行规范性文件进行清理和修订';

describe('title-run-on', () => {
  it('reports a long title that ran into its body, without a fix when there is no 。 to split at', () => {
    const inp = plan([task('任务甲'), task(LONG, '统筹执法力量。')]);
    const cs = withCode(runChecks(inp), 'title-run-on');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'warning', blockIndex: 3, field: 'title' });
    expect(cs[0]!.message).toMatch(/^任务 2 的标题句没有以“。”结束/);
    expect(cs[0]!.fix).toBeUndefined();
  });

  it('reports a shorter title with commas and no body', () => {
    const inp = plan([task('加强应急队伍建设，整合优化各类救援力量，强化装备配备', '')]);
    expect(withCode(runChecks(inp), 'title-run-on')).toHaveLength(1);
  });

  it('splits at the first 。 inside the title', () => {
    const inp = plan([task('加强安全生产考核。加大考核比重，完善考核指标。', '')]);
    const cs = withCode(runChecks(inp), 'title-run-on');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.fix!.label).toBe('在“。”处分开标题与正文');
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.blocks[2]).toMatchObject({ title: '加强安全生产考核', text: '加大考核比重，完善考核指标。' });
  });

  it('splits at a ； and keeps the existing body after the moved part', () => {
    const inp = plan([task('强化宣传；开展安全生产月活动', '普及安全常识。')]);
    const cs = withCode(runChecks(inp), 'title-run-on');
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.blocks[2]).toMatchObject({ title: '强化宣传', text: '开展安全生产月活动普及安全常识。' });
  });

  it('accepts ordinary titles, long-ish ones and a final 。', () => {
    const inp = plan([
      task('深入开展习近平总书记关于安全生产重要论述的宣贯教育活动'),
      task('加强安全生产考核。'),
      task('落实“第一议题”'),
      task('实施应急责任强化年，全面防范安全风险'),
    ]);
    expect(withCode(runChecks(inp), 'title-run-on')).toEqual([]);
  });
});

describe('title-empty / task-empty', () => {
  it('reports a task without a title as an error', () => {
    const cs = withCode(runChecks(plan([task('  ', '正文。')])), 'title-empty');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'error', field: 'title', blockIndex: 2 });
  });

  it('reports a task with only a title, and not also as units-missing', () => {
    const inp = plan([task('任务甲'), task('任务乙', '', { lead: [], support: [], unitsText: undefined })]);
    const all = runChecks(inp);
    expect(withCode(all, 'task-empty').map((c) => c.blockIndex)).toEqual([3]);
    expect(withCode(all, 'units-missing')).toEqual([]);
  });

  it('accepts a task with units but no body, and one with a body but no units', () => {
    const inp = plan([task('任务甲', ''), task('任务乙', '正文。', { lead: [], support: [], unitsText: undefined })]);
    expect(withCode(runChecks(inp), 'task-empty')).toEqual([]);
    expect(withCode(runChecks(inp), 'title-empty')).toEqual([]);
  });
});
