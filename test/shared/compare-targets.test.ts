// Target findings of a linked pair (shared/compare/targets.ts, measures.ts) and partial
// coverage (parts.ts): every kind the issue names, quoted side by side with a one-line reason,
// and no finding where the target is kept.
import { describe, expect, it } from 'vitest';
import { applyDecisions, compareUpperDraft } from '../../shared/compare';
import { issuerLevel, readCommitments } from '../../shared/compare/measures';
import { commitmentsOf, compareTargets, findingSeverity, type TargetFinding } from '../../shared/compare/targets';
import { plan } from '../helpers/coverage-pair';

const side = (text: string, lead: string[] = [], year = 2025, level: number | null = null) => ({
  c: commitmentsOf({ title: '', text, lead }, year, level, []),
  lead,
  label: '1.',
});
const find = (u: string, d: string, opts: { uLevel?: number; dLevel?: number } = {}): TargetFinding[] =>
  compareTargets(side(u, [], 2025, opts.uLevel ?? null), [side(d, [], 2025, opts.dLevel ?? null)]).findings;
const kinds = (u: string, d: string) => find(u, d).map((f) => `${f.kind}/${f.aspect}`);

describe('measures', () => {
  it('reads figures, ranges, frequencies, yearly counts and deadlines once each', () => {
    const c = readCommitments(
      '每年至少解决1-2项突出问题，每两年开展1次评估，全年组织专题学习不少于4次，2026年6月底前建成30处，30分钟内到达，事故起数控制在5起以内。',
      2025,
      null,
    );
    const m = c.measures.map((x) => [x.kind, x.text, x.lo ?? x.perYear ?? x.deadline, x.hi, x.lowerIsStronger]);
    expect(m).toContainEqual(['figure', '1-2项', 1, 2, false]);
    expect(m).toContainEqual(['frequency', '每两年开展1次', 0.5, undefined, false]);
    expect(m).toContainEqual(['frequency', '全年组织专题学习不少于4次', 4, undefined, false]);
    expect(m).toContainEqual(['deadline', '2026年6月底前', 18, undefined, true]);
    expect(m).toContainEqual(['figure', '30处', 30, 30, false]);
    expect(m).toContainEqual(['figure', '30分钟', 30, 30, true]);
    expect(m).toContainEqual(['figure', '5起', 5, 5, true]);
    // Dates, document numbers and ordinals are no figures.
    expect(readCommitments('按照皖安〔2024〕1号文件，第3季度，6月30日召开。', 2025, null).measures.filter((x) => x.kind === 'figure')).toEqual([]);
  });
  it('reads periods written other ways, and time points', () => {
    const per = (t: string) =>
      readCommitments(t, 2025, null)
        .measures.filter((x) => x.kind === 'frequency')
        .map((x) => x.perYear);
    expect(per('按季度开展联合检查')).toEqual([4]);
    expect(per('逐月调度进展')).toEqual([12]);
    expect(per('半年一次通报')).toEqual([2]);
    expect(per('一年两次考核')).toEqual([2]);
    expect(per('三个月一次督导')).toEqual([4]);
    expect(per('实行“一月一主题”')).toEqual([12]);
    expect(per('年度述职')).toEqual([1]);
    const when = (t: string) =>
      readCommitments(t, 2025, null)
        .measures.filter((x) => x.kind === 'deadline')
        .map((x) => x.deadline);
    expect(when('上半年完成排查')).toEqual([6]);
    expect(when('年内完成改造')).toEqual([12]);
    expect(when('第三季度末完成验收')).toEqual([9]);
    expect(when('次年3月底前汇总')).toEqual([15]);
    expect(when('年底汇总情况')).toEqual([12]);
  });
  it('knows the level of an issuer', () => {
    expect(issuerLevel('练市镇人民政府')).toBe(4);
    expect(issuerLevel('湖州市南浔区应急管理局')).toBe(3);
    expect(issuerLevel('滕州市住房和城乡建设局')).toBe(2);
    expect(issuerLevel('长治市潞城区人民政府')).toBe(3);
    expect(issuerLevel('', '店上镇2025年安全生产工作要点')).toBe(4);
    expect(issuerLevel('')).toBeNull();
  });
});

describe('target findings', () => {
  it('weaker and stricter, for every aspect', () => {
    expect(kinds('检查覆盖率达到95%', '检查覆盖率达到85%')).toEqual(['weaker/figure']);
    expect(kinds('全年至少开展4次应急演练', '全年至少开展2次应急演练')).toEqual(['weaker/frequency']);
    expect(kinds('至少开展4次联合检查', '至少开展2次联合检查')).toEqual(['weaker/occurrences']);
    expect(kinds('每月召开1次调度会议', '每季度召开1次调度会议')).toEqual(['weaker/frequency']);
    expect(kinds('每季度召开1次调度会议', '每月召开1次调度会议')).toEqual(['stricter/frequency']);
    expect(kinds('3月底前完成全部整改', '6月底前完成全部整改')).toEqual(['weaker/deadline']);
    expect(kinds('6月底前完成全部整改', '3月底前完成全部整改')).toEqual(['stricter/deadline']);
    expect(kinds('较大事故起数控制在5起以内', '较大事故起数控制在8起以内')).toEqual(['weaker/figure']);
  });
  it('quotes both sides with a one-line reason', () => {
    const [f] = find('加快完成30人消防救援中队人员招录工作', '加快完成10人消防救援中队人员招录工作');
    expect(f).toMatchObject({ kind: 'weaker', upper: '加快完成30人消防救援中队人员招录工作', draft: '加快完成10人消防救援中队人员招录工作' });
    expect(f!.message).toBe('目标低于上级：上级“30人”，本级“10人”');
    expect(findingSeverity('weaker')).toBe('concern');
    expect(findingSeverity('stricter')).toBe('note');
  });
  it('a target kept the same is no finding', () => {
    expect(kinds('检查覆盖率达到100%，每季度召开1次会议，年底前完成', '检查覆盖率达到100%，每季度召开1次会议，年底前完成')).toEqual([]);
  });
  it('narrower scope, and a different level (the level substitution itself is none)', () => {
    expect(kinds('年底前每个村（社区）至少建成1处应急避难场所', '年底前重点村至少建成1处应急避难场所')).toEqual(['weaker/scope']);
    expect(kinds('组织企业全员开展岗位安全培训', '组织企业重点岗位人员开展岗位安全培训')).toEqual(['weaker/scope']);
    expect(find('建设区级应急物资储备库', '建设村级应急物资储备库', { uLevel: 3, dLevel: 4 }).map((f) => f.kind)).toEqual(['different']);
    expect(find('建设区级应急物资储备库', '建设镇级应急物资储备库', { uLevel: 3, dLevel: 4 })).toEqual([]);
  });
  it('a target left out of a clause the draft takes up is missing; a clause not taken up at all is not (that is coverage)', () => {
    expect(kinds('开展联合检查，检查覆盖率达到100%', '开展联合检查，检查覆盖率')).toEqual(['missing/figure']);
    expect(find('开展联合检查。组织培训不少于3期', '开展联合检查')).toEqual([]);
  });
  it('lead units compared level-neutrally', () => {
    const f = compareTargets(side('开展检查', ['市应急局']), [side('开展检查', ['县安委办'])]).findings;
    expect(f.map((x) => x.kind)).toEqual(['different']);
    expect(f[0]!.message).toContain('牵头单位不同');
    expect(compareTargets(side('开展检查', ['市应急管理局']), [side('开展检查', ['县应急局'])]).findings).toEqual([]);
  });
});

describe('compareUpperDraft: findings on drafts, partial coverage, explanations', () => {
  const upper = plan('某区人民政府', [
    { title: '发挥安委办统筹协调作用', text: '健全安委会工作规则，定期召开会议研究解决重大问题，加强对成员单位的督导考核。' },
    { title: '开展安全宣传教育', text: '组织“安全生产月”活动，开展安全宣传进企业、进农村、进社区、进学校、进家庭。' },
    {
      title: '强化危险化学品安全监管',
      text: '开展危险化学品企业全覆盖执法检查，整治重大隐患。推进化工园区封闭化管理和智慧化平台建设。落实危险化学品运输车辆动态监控，严查违规运输行为。',
    },
  ]);
  const draft = plan('某镇人民政府', [
    { title: '发挥镇安委办统筹协调作用', text: '健全镇安委会工作规则，每月召开1次会议研究解决重大问题，加强对成员单位的督导考核。' },
    { title: '开展安全宣传教育', text: '组织“安全生产月”活动，开展安全宣传进企业、进农村、进社区、进学校、进家庭，全年开展宣讲不少于6场。' },
    { title: '检查危险化学品企业', text: '开展危险化学品企业全覆盖执法检查，整治重大隐患。' },
  ]);
  const c = compareUpperDraft(upper, draft);
  const by = (t: string) => c.upper.find((u) => u.title === t)!;
  it('a qualitative upper target made quantitative', () => {
    const f = by('发挥安委办统筹协调作用').targetFindings;
    expect(f.map((x) => x.kind)).toEqual(['quantified']);
    expect(f[0]!.upper).toContain('定期召开会议');
    expect(f[0]!.draft).toContain('每月召开1次会议');
    expect(f[0]!.message).toContain('定期');
  });
  it('a figure the draft adds where the upper has none', () => {
    const f = by('开展安全宣传教育').targetFindings;
    expect(f.map((x) => x.kind)).toEqual(['added']);
    expect(f[0]!.upper).toBe('');
    expect(f[0]!.message).toContain('全年开展宣讲不少于6场');
  });
  it("the issue's examples of quantified targets, rewritten in place", () => {
    const pair = (u: string, d: string) => {
      const x = compareUpperDraft(plan('某区人民政府', [{ title: '强化安全检查', text: u }]), plan('某镇人民政府', [{ title: '强化安全检查', text: d }]));
      return x.upper[0]!.targetFindings.map((f) => [f.kind, f.upper, f.draft]);
    };
    expect(pair('聚焦危险化学品和燃气企业，加强检查，严格隐患整改闭环管理。', '聚焦危险化学品和燃气企业，每月至少检查1次，严格隐患整改闭环管理。')).toEqual([
      ['quantified', '加强检查', '每月至少检查1次'],
    ]);
    expect(pair('推动企业投保安全生产责任保险，提高覆盖面，发挥事故预防作用。', '推动企业投保安全生产责任保险，覆盖率达到80%，发挥事故预防作用。')).toEqual([
      ['quantified', '提高覆盖面', '覆盖率达到80%'],
    ]);
  });
  it('partial coverage: the sentences taken up and those left out', () => {
    const u = by('强化危险化学品安全监管');
    expect(u.status).toBe('partial');
    expect(u.parts!.filter((p) => p.covered).map((p) => p.text)).toEqual(['开展危险化学品企业全覆盖执法检查，整治重大隐患。']);
    expect(u.parts!.filter((p) => !p.covered)).toHaveLength(2);
    expect(by('开展安全宣传教育').status).toBe('covered');
  });
  it('decisions: confirming a partial answer keeps it partial; a link a person adds covers; rejecting the only link leaves nothing', () => {
    const u = by('强化危险化学品安全监管');
    const l = u.links[0]!;
    const confirmed = applyDecisions(c, [{ upperKey: u.key, draftKey: l.key, decision: 'confirmed' }], draft);
    expect(confirmed.upper.find((x) => x.key === u.key)).toMatchObject({ status: 'partial', parts: u.parts });
    const other = by('开展安全宣传教育').links[0]!;
    const added = applyDecisions(c, [{ upperKey: u.key, draftKey: other.key, decision: 'added' }], draft);
    const a = added.upper.find((x) => x.key === u.key)!;
    expect(a.status).toBe('covered');
    expect(a.parts).toBeUndefined();
    // The added draft task now answers two upper tasks: a merge, said on both links.
    expect(a.links.find((x) => x.key === other.key)!.alsoAnswers).toEqual([by('开展安全宣传教育').label + '开展安全宣传教育']);
    const rejected = applyDecisions(c, [{ upperKey: u.key, draftKey: l.key, decision: 'rejected' }], draft);
    expect(rejected.upper.find((x) => x.key === u.key)).toMatchObject({ status: 'missing', targetFindings: [] });
  });
  it('every link explains itself: shared phrases, units, targets', () => {
    const l = by('开展安全宣传教育').links[0]!;
    expect(l.explain!.phrases.join('')).toContain('安全生产月');
    expect(l.explain!.targets).toEqual([]);
  });
});
