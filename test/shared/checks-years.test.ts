import { describe, expect, it } from 'vitest';
import { periodOf, periodYears, runChecks } from '../../shared/checks/index';
import { input, meta, para, plan, task, withCode } from './checks-helpers';

describe('planning periods', () => {
  it.each([
    [2016, 13],
    [2020, 13],
    [2021, 14],
    [2025, 14],
    [2026, 15],
    [2030, 15],
    [2031, 16],
    [2006, 11],
  ])('%i is in the %i-th five-year plan', (y, n) => {
    expect(periodOf(y)).toBe(n);
  });

  it('gives the years of a period', () => {
    expect(periodYears(14)).toEqual([2021, 2025]);
    expect(periodYears(15)).toEqual([2026, 2030]);
  });
});

describe('period-stale', () => {
  const text = (y: number, s: string) => runChecks(plan([task('任务甲', s)], { meta: meta({ year: y, title: `${y}年要点` }) }));

  it('flags “十三五” in a 2022 plan as a warning', () => {
    const cs = withCode(text(2022, '巩固“十三五”规划成果。'), 'period-stale');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'warning', blockIndex: 2, field: 'text' });
    expect(cs[0]!.message).toContain('“十四五”时期（2021—2025年）');
  });

  it('is only information in the first year of the new period (looking back is normal)', () => {
    expect(withCode(text(2021, '“十三五”圆满收官。'), 'period-stale').map((c) => c.severity)).toEqual(['info']);
  });

  it('flags “十四五” in a 2026 plan, “十三五规划” without quotes too', () => {
    expect(withCode(text(2027, '落实“十四五”安全生产规划。'), 'period-stale')).toHaveLength(1);
    expect(withCode(text(2023, '落实十三五规划要求。'), 'period-stale')).toHaveLength(1);
  });

  it('does not flag the current or the next period, or numerals that are no period', () => {
    expect(withCode(text(2020, '打好“十三五”收官之战，谋划“十四五”规划。'), 'period-stale')).toEqual([]);
    expect(withCode(text(2025, '编制“十五五”规划，落实“十四五”目标。'), 'period-stale')).toEqual([]);
    expect(withCode(text(2025, '检查十五个重点单位，三五成群。'), 'period-stale')).toEqual([]);
  });
});

describe('year-mismatch', () => {
  it('reports another year as information that says it may be a legitimate reference', () => {
    const cs = withCode(runChecks(plan([task('任务甲', '贯彻“2019年全国生产安全事故主要特点”批示精神。')], { meta: meta({ year: 2020 }) })), 'year-mismatch');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'info', blockIndex: 2, field: 'text' });
    expect(cs[0]!.message).toContain('2019年');
    expect(cs[0]!.message).toContain('可忽略');
  });

  it('accepts the plan year and ranges that include it', () => {
    const inp = input([para('2021年是开局之年。'), para('落实2021—2025年规划，2021-2023年三年行动。')]);
    expect(withCode(runChecks(inp), 'year-mismatch')).toEqual([]);
  });

  it('reports both ends of a range that misses the plan year, once per block', () => {
    const cs = withCode(runChecks(input([para('总结2018—2020年工作，2018年情况。')])), 'year-mismatch');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.message).toContain('2018年、2020年');
  });

  it('looks at titles and names the field', () => {
    const cs = withCode(runChecks(plan([task('开展2020年度考核', '正文。')])), 'year-mismatch');
    expect(cs[0]!.field).toBe('title');
  });
});
