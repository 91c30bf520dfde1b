// A small upper/draft pair for the 对照表 tests (shared rows, DOCX, CLI): a partial task, a
// weaker figure with different lead units, a qualitative target made quantitative, an added figure.
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';

type T = { title: string; text: string; lead?: string[]; support?: string[] };

export function plan(issuer: string, tasks: T[]): PlanDocument {
  const doc = emptyPlan(`${issuer}2025年安全生产工作要点`, 2025);
  doc.meta.issuer = issuer;
  doc.body = [
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点工作',
      children: tasks.map(
        (t, i) => ({ type: 'task' as const, level: 2 as const, ordinal: i + 1, lead: [], support: [], targets: [], children: [], ...t }) as TaskNode,
      ),
    },
  ];
  return doc;
}

export const coverageUpper = plan('某区人民政府', [
  {
    title: '强化危险化学品安全监管',
    text: '开展危险化学品企业全覆盖执法检查，整治重大隐患。推进化工园区封闭化管理和智慧化平台建设。落实危险化学品运输车辆动态监控，严查违规运输行为。',
  },
  {
    title: '开展隐患排查治理',
    text: '组织重点企业开展隐患自查自改，重大隐患整改率达到95%，建立隐患排查治理台账。',
    lead: ['区应急局'],
    support: ['各镇（街道）'],
  },
  { title: '发挥安委办统筹协调作用', text: '健全安委会工作规则，定期召开会议研究解决重大问题，加强对成员单位的督导考核。' },
  { title: '开展安全宣传教育', text: '组织“安全生产月”活动，开展安全宣传进企业、进农村、进社区、进学校、进家庭。' },
]);
export const coverageDraft = plan('某镇人民政府', [
  { title: '检查危险化学品企业', text: '开展危险化学品企业全覆盖执法检查，整治重大隐患。' },
  {
    title: '开展隐患排查治理',
    text: '组织重点企业开展隐患自查自改，重大隐患整改率达到85%，建立隐患排查治理台账。',
    lead: ['镇安委办'],
    support: ['各村（社区）'],
  },
  { title: '发挥镇安委办统筹协调作用', text: '健全镇安委会工作规则，每月召开1次会议研究解决重大问题，加强对成员单位的督导考核。' },
  { title: '开展安全宣传教育', text: '组织“安全生产月”活动，开展安全宣传进企业、进农村、进社区、进学校、进家庭，全年开展宣讲不少于6场。' },
]);
