// The rollover rules on small hand-made plans: which year mentions are rewritten, which are
// flagged, deadlines against `now`, periods, campaigns, anniversaries, year warnings.
import { describe, expect, it } from 'vitest';
import { rolloverPlan, rewritePlanYear } from '../../shared/rollover/index';
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';

function taskNode(title: string, text: string, extra: Partial<TaskNode> = {}): TaskNode {
  return { type: 'task', level: 2, ordinal: 1, title, text, lead: ['县应急局'], support: [], targets: [], children: [], ...extra };
}
function planOf(year: number, ...texts: string[]): PlanDocument {
  const doc = emptyPlan(`${year}年全县安全生产工作要点`, year);
  doc.body.push({ type: 'heading', level: 1, ordinal: 1, title: '重点工作', children: texts.map((t, i) => taskNode(`任务${i + 1}`, t)) });
  return doc;
}
const roll = (doc: PlanDocument, to: number, now = new Date(to, 0, 5)) => rolloverPlan(doc, to, { now });
const texts = (doc: PlanDocument) => (doc.body[0] as { children: TaskNode[] }).children.map((t) => t.text);

describe('plan-year rewriting', () => {
  it('rewrites plan-year phrases and nothing else', () => {
    const r = roll(
      planOf(
        2023,
        '2023年是全面贯彻党的二十大精神的开局之年。到2023年底，隐患整改率达到100%。印发《2023年全县安全生产工作要点》。',
        '对照2023年全县安全生产工作要点逐项落实。较2022年下降10%。2023年全年开展检查。',
      ),
      2024,
    );
    expect(texts(r.doc)).toEqual([
      '2024年是全面贯彻党的二十大精神的开局之年。到2024年底，隐患整改率达到100%。印发《2024年全县安全生产工作要点》。',
      '对照2024年全县安全生产工作要点逐项落实。较2022年下降10%。2024年全年开展检查。',
    ]);
    expect(r.flags.filter((f) => f.kind === 'historical-year').map((f) => f.text)).toEqual(['2022年下降10%']);
  });

  it('keeps a source-year mention that is not the plan year and flags it', () => {
    const r = roll(planOf(2020, '总结2020年度考核情况。'), 2021);
    expect(texts(r.doc)[0]).toBe('总结2020年度考核情况。');
    expect(r.flags).toEqual([
      expect.objectContaining({
        kind: 'historical-year',
        text: '2020年度考核情况',
        path: 'body/0/children/0',
        anchor: '任务1',
        message: expect.stringContaining('原计划年度'),
      }),
    ]);
  });

  it('does not touch a year range ending in the source year, and flags it when over', () => {
    expect(rewritePlanYear('2018—2020年是攻坚期', 2020, 2021)).toBe('2018—2020年是攻坚期');
    const r = roll(planOf(2020, '落实2018—2020年专项规划。落实2021—2025年规划。'), 2021);
    expect(r.flags.map((f) => [f.kind, f.text])).toEqual([['stale-period', '2018—2020年专项规划']]);
  });

  it('leaves goals in the future alone', () => {
    const r = roll(planOf(2021, '到2025年，事故总量明显下降。'), 2022);
    expect(r.flags).toEqual([]);
    const late = roll(planOf(2021, '到2025年，事故总量明显下降。'), 2026);
    expect(late.flags.map((f) => f.kind)).toEqual(['historical-year']);
  });

  it('flags a yearless date that meant the source year, not recurring days', () => {
    const r = roll(planOf(2020, '学习3月5日的重要讲话精神。做好5月12日全国防灾减灾日宣传。'), 2021);
    expect(r.flags.map((f) => f.text)).toEqual(['3月5日的重要讲话精神']);
  });
});

describe('deadlines', () => {
  const doc = planOf(2020, '2020年底前完成评估，3月15日前报送方案，6月底前完成整治，年底前全面完成。');
  it('a deadline in the source year is past in the new plan; yearless ones are judged by now', () => {
    const jan = roll(doc, 2021, new Date(2021, 0, 5));
    expect(jan.flags.filter((f) => f.kind === 'past-deadline').map((f) => f.text)).toEqual(['2020年底前']);
    const apr = roll(doc, 2021, new Date(2021, 3, 1));
    expect(apr.flags.filter((f) => f.kind === 'past-deadline').map((f) => f.text)).toEqual(['2020年底前', '3月15日前']);
    const aug = roll(doc, 2021, new Date(2021, 7, 1));
    expect(aug.flags.filter((f) => f.kind === 'past-deadline').map((f) => f.text)).toEqual(['2020年底前', '3月15日前', '6月底前']);
    expect(texts(aug.doc)[0]).toContain('2020年底前');
  });
  it('a dated deadline in the new year is fine until it passes', () => {
    const d = planOf(2020, '2021年6月底前完成验收。');
    expect(roll(d, 2021, new Date(2021, 0, 5)).flags).toEqual([]);
    expect(roll(d, 2021, new Date(2021, 6, 1)).flags.map((f) => f.text)).toEqual(['2021年6月底前']);
  });
});

describe('planning periods', () => {
  it('flags “十四五” in a 2026 plan and accepts it in 2025', () => {
    const d = planOf(2025, '编制“十四五”应急体系规划中期评估报告。');
    expect(roll(d, 2026).flags.map((f) => [f.kind, f.text])).toEqual([['stale-period', '“十四五”']]);
    expect(roll(planOf(2024, '落实“十四五”规划。'), 2025).flags).toEqual([]);
  });
  it('checks 收官 / 开局 against the new year', () => {
    const d = planOf(2024, '打好“十四五”规划收官之战。');
    expect(roll(d, 2025).flags).toEqual([]);
    expect(roll(d, 2026).flags[0]).toMatchObject({ kind: 'stale-period', text: '“十四五”规划收官之战', message: expect.stringContaining('2025 年') });
  });
  it("takes an unknown campaign's years from the text", () => {
    const d = planOf(2024, '深入实施城镇燃气安全整治三年行动（2023—2025年）。');
    expect(roll(d, 2025).flags[0]!.message).toContain('最后一年');
    expect(roll(d, 2026).flags[0]).toMatchObject({ text: '城镇燃气安全整治三年行动', message: expect.stringContaining('已于 2025 年结束') });
    expect(roll(planOf(2022, '深化安全生产专项整治三年行动。'), 2023).flags[0]!.message).toContain('已于 2022 年结束');
  });
});

describe('events', () => {
  it('computes anniversaries from their base year', () => {
    const d = planOf(2020, '迎接建党一百周年。庆祝新中国成立75周年。纪念建区30周年。');
    const r = roll(d, 2021);
    expect(r.flags.map((f) => f.text)).toEqual(['新中国成立75周年', '建区30周年']);
    expect(roll(d, 2024).flags.map((f) => f.text)).toEqual(['建党一百周年', '建区30周年']);
  });
  it('flags month-specific one-offs but not the annual 安全生产月', () => {
    const r = roll(planOf(2022, '组织好9月份全省危化品应急演练。6月份全国安全生产月活动。承办全省应急管理现场推进会。'), 2023);
    expect(r.flags.map((f) => f.text)).toEqual(['9月份全省危化品应急演练', '全省应急管理现场推进会']);
  });
});

describe('the new document', () => {
  it('marks targets unconfirmed and flags each, in tasks and headings', () => {
    const d = planOf(2022, '培训覆盖率达到100%。');
    const t = (d.body[0] as { children: TaskNode[] }).children[0]!;
    t.targets = [{ text: '培训覆盖率达到100%', value: 100, unit: '%' }];
    (d.body[0] as { targets?: unknown[] }).targets = [{ text: '事故起数下降10%' }];
    d.dismissedChecks = ['x:1:y'];
    d.flags = [{ kind: 'dated-event', text: 'old', message: 'old', path: 'body/0' }];
    const r = roll(d, 2023);
    expect(r.flags.filter((f) => f.kind === 'target-unconfirmed').map((f) => [f.text, f.path, f.anchor])).toEqual([
      ['事故起数下降10%', 'body/0', '重点工作'],
      ['培训覆盖率达到100%', 'body/0/children/0', '任务1'],
    ]);
    expect(r.doc.flags).toEqual(r.flags);
    expect(r.doc.dismissedChecks).toBeUndefined();
    expect(t.targets[0]!.unconfirmed).toBeUndefined(); // the source is not changed
  });

  it('warns for a year before the source or more than 3 years ahead, and still rolls', () => {
    const d = planOf(2022, '正文。');
    expect(roll(d, 2021).warnings).toEqual([expect.stringContaining('早于原计划年度')]);
    expect(roll(d, 2025).warnings).toEqual([]);
    const far = roll(d, 2026);
    expect(far.warnings).toEqual([expect.stringContaining('晚 4 年')]);
    expect(far.doc.meta.title).toBe('2026年全县安全生产工作要点');
  });

  it('summary counts flags per kind', () => {
    const r = roll(planOf(2020, '2020年底前完成。迎接建党一百周年。'), 2022);
    expect(r.summary.flagsByKind).toEqual({ 'historical-year': 0, 'stale-period': 0, 'dated-event': 1, 'past-deadline': 1, 'target-unconfirmed': 0 });
    expect(r.summary.tasks).toBe(1);
    expect(r.summary.carriedUnits).toBe(1);
  });
});

describe('the new title', () => {
  const titled = (title: string, year = 2021) => {
    const d = planOf(year, '正文。');
    d.meta.title = title;
    return roll(d, year + 1).doc.meta.title;
  };

  it('replaces the plan year, or another year the title names', () => {
    expect(titled('2021年全县安全生产工作要点')).toBe('2022年全县安全生产工作要点');
    expect(titled('滕州市2020年度安全生产工作要点', 2021)).toBe('滕州市2022年度安全生产工作要点');
    // A period is not the plan year.
    expect(titled('“十四五”（2021—2025年）安全生产规划实施要点')).toBe('“十四五”（2021—2025年）安全生产规划实施要点（2022年）');
  });

  it('puts the new year into a title that has none, where Chinese titles put it', () => {
    expect(titled('全县安全生产工作要点')).toBe('2022年全县安全生产工作要点');
    expect(titled('滕州市安全生产工作要点')).toBe('滕州市2022年安全生产工作要点');
    expect(titled('某县人民政府关于做好安全生产工作的通知')).toBe('某县人民政府关于做好2022年安全生产工作的通知');
    expect(titled('关于印发《全镇安全生产工作要点》的通知')).toBe('关于印发《2022年全镇安全生产工作要点》的通知');
    expect(titled('安全生产工作要点')).toBe('安全生产工作要点（2022年）');
  });

  it('never gives the new plan the old title unchanged', () => {
    for (const t of ['全县安全生产工作要点', '工作要点', '某某街道应急管理工作安排', '关于做好安全生产工作的通知']) expect(titled(t)).not.toBe(t);
  });
});
