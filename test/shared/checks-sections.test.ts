import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/checks/index';
import { heading, input, para, task, withCode } from './checks-helpers';

const empty = (blocks: Parameters<typeof input>[0]) => withCode(runChecks(input(blocks)), 'section-empty').map((c) => c.blockIndex);

describe('section-empty', () => {
  it('reports a heading followed directly by one of the same level', () => {
    expect(empty([heading(1, '总体要求'), heading(1, '重点工作'), task('任务甲')])).toEqual([0]);
  });

  it('reports a heading at the end of the plan, and names it', () => {
    const cs = withCode(runChecks(input([heading(1, '重点工作'), task('任务甲'), heading(2, '保障措施')])), 'section-empty');
    expect(cs.map((c) => c.blockIndex)).toEqual([2]);
    expect(cs[0]!.message).toBe('标题“（一）保障措施”下没有任何任务或段落');
    expect(cs[0]!.severity).toBe('warning');
  });

  it('reports a sub-heading cut off by a higher one, and a parent holding only empty sub-headings', () => {
    expect(empty([heading(1, '一'), heading(2, '甲'), heading(1, '二'), para('内容', 1)])).toEqual([0, 1]);
  });

  it('counts tasks and paragraphs at any depth, and a heading with its own text', () => {
    expect(
      empty([
        heading(1, '总体要求'),
        para('以……为指导', 1),
        heading(1, '重点工作'),
        heading(2, '甲'),
        task('任务甲'),
        heading(1, '目标', { text: '事故总量下降。' }),
      ]),
    ).toEqual([]);
  });

  it('does not count an empty paragraph or one that belongs to an enclosing heading', () => {
    expect(empty([heading(1, '一'), heading(2, '甲'), para('属于一级标题', 1), heading(2, '乙'), para('   ', 2), task('任务')])).toEqual([1]);
  });
});
