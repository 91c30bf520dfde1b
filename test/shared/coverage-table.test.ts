// The 对照表 rows and the short texts the coverage view, the DOCX and the CLI share
// (shared/compare/coverage-table.ts), on the real output of compareUpperDraft for a small pair.
import { describe, expect, it } from 'vitest';
import { compareUpperDraft } from '../../shared/compare';
import {
  coverageTableRows,
  findingBadge,
  findingLines,
  findingQuotes,
  findingReason,
  findingTitle,
  highlightPhrases,
  leftOutLine,
  linkReason,
  linkReasonPieces,
  mergeNote,
  partialParts,
  splitNote,
} from '../../shared/compare/coverage-table';
import type { FindingAspect, FindingKind, TargetFinding } from '../../shared/compare/targets';
import type { HeadingNode, TaskNode } from '../../shared/plan/schema';
import type { Link, UpperResult } from '../../shared/compare/compare';
import { coverageDraft, coverageUpper, plan } from '../helpers/coverage-pair';

const upper = coverageUpper;
const draft = coverageDraft;
const c = compareUpperDraft(upper, draft);
const by = (t: string) => c.upper.find((u) => u.title === t)!;
const rows = coverageTableRows(c);
const row = (t: string) => rows.find((r) => r.upper.endsWith(t))!;

describe('finding titles and reasons', () => {
  const f = (kind: FindingKind, aspect: FindingAspect, message = ''): TargetFinding => ({ kind, aspect, upper: '', draft: '', message });
  it('title by kind, and by aspect where that says more', () => {
    expect(findingTitle(f('weaker', 'figure'))).toBe('目标低于上级');
    expect(findingTitle(f('weaker', 'deadline'))).toBe('完成时限晚于上级');
    expect(findingTitle(f('weaker', 'frequency'))).toBe('频次低于上级');
    expect(findingTitle(f('weaker', 'scope'))).toBe('范围窄于上级');
    expect(findingTitle(f('stricter', 'frequency'))).toBe('频次高于上级');
    expect(findingTitle(f('quantified', 'frequency'))).toBe('定性改为定量');
    expect(findingTitle(f('added', 'figure'))).toBe('新增量化要求');
    expect(findingTitle(f('missing', 'figure'))).toBe('未写明上级目标');
    expect(findingTitle(f('different', 'units'))).toBe('牵头单位不同');
    expect(findingTitle(f('different', 'scope'))).toBe('范围与上级不同');
    expect(findingTitle(f('different', 'figure'))).toBe('不一致');
  });
  it('badges: 需关注 for what calls for a decision, 提示 for the rest', () => {
    expect(findingBadge({ kind: 'weaker' })).toEqual({ severity: 'concern', label: '需关注' });
    expect(findingBadge({ kind: 'different' }).label).toBe('需关注');
    expect(findingBadge({ kind: 'quantified' })).toEqual({ severity: 'note', label: '提示' });
  });
  it('the reason drops a lead-in that repeats the title; quotes say when a side has nothing', () => {
    expect(findingReason(f('weaker', 'figure', '目标低于上级：上级“95%”，本级“85%”'))).toBe('上级“95%”，本级“85%”');
    expect(findingReason(f('different', 'units', '牵头单位不同：上级为区应急局，本级为镇安办'))).toBe('上级为区应急局，本级为镇安办');
    expect(findingReason(f('added', 'figure', '本级新增量化要求“6场”，上级未提'))).toBe('本级新增量化要求“6场”，上级未提');
    expect(findingQuotes({ upper: '', draft: '全年开展宣讲不少于6场' })).toBe('上级：未提／本级：“全年开展宣讲不少于6场”');
    expect(findingQuotes({ upper: '检查5次', draft: '', draftLabel: '（二）' })).toBe('上级：“检查5次”／本级（二）：未写明');
  });
});

describe('on a real comparison', () => {
  it('a weaker figure: 【title】reason, then both clauses quoted', () => {
    const u = by('开展隐患排查治理');
    const weaker = u.targetFindings.find((x) => x.kind === 'weaker')!;
    expect(weaker).toBeDefined();
    const [line, quotes] = findingLines(weaker);
    expect(line).toBe('【目标低于上级】上级“95%”，本级“85%”');
    expect(quotes).toMatch(/^上级：“.*95%.*”／本级：“.*85%.*”$/u);
    expect(row('开展隐患排查治理').targets.split('\n')).toEqual(expect.arrayContaining([line, quotes]));
    // Different lead units are a concern of their own.
    const lead = u.targetFindings.find((x) => x.kind === 'different')!;
    expect(findingLines(lead)[0]).toBe('【牵头单位不同】上级为区应急局，本级为镇安委办');
    expect(findingBadge(lead).label).toBe('需关注');
  });
  it('a qualitative target made quantitative and an added figure are 提示 with their reasons', () => {
    expect(row('发挥安委办统筹协调作用').targets).toContain('【定性改为定量】');
    expect(row('开展安全宣传教育').targets).toContain('【新增量化要求】');
    expect(row('开展安全宣传教育').targets).toContain('上级：未提／本级：“');
  });
  it('a partial task: status, the link and its reason, and the parts left out', () => {
    const u = by('强化危险化学品安全监管');
    expect(u.status).toBe('partial');
    const p = partialParts(u)!;
    expect(p.taken.map((x) => x.text)).toEqual(['开展危险化学品企业全覆盖执法检查，整治重大隐患。']);
    expect(p.left).toHaveLength(2);
    const r = row('强化危险化学品安全监管');
    expect(r.status).toBe('部分落实');
    const lines = r.draft.split('\n');
    expect(lines[0]).toBe('（一）检查危险化学品企业');
    expect(lines[1]).toMatch(/^依据：共同表述：“[^”]+”/u);
    expect(lines.at(-1)).toBe(leftOutLine(u));
    expect(lines.at(-1)).toBe('未见落实：“推进化工园区封闭化管理和智慧化平台建设”“落实危险化学品运输车辆动态监控，严查违规运输行为”');
  });
  it('a link explains itself: phrases (at most three), units both name, targets answering each other', () => {
    const l = by('开展隐患排查治理').links[0]!;
    const pieces = linkReasonPieces(l);
    expect(pieces.map((x) => x.kind)).toEqual(['phrases', 'units', 'targets']);
    expect(pieces[0]!.items.length).toBeLessThanOrEqual(3);
    const reason = linkReason(l);
    expect(reason).toMatch(/^共同表述：(“[^”]+”){1,3}；责任单位一致：各村（社区）；目标对应：95%→85%$/u);
    expect(row('开展隐患排查治理').draft.split('\n')).toEqual(['（二）开展隐患排查治理', `依据：${reason}`]);
  });
  it('a missing task has no draft lines and no findings', () => {
    const missing = compareUpperDraft(upper, plan('某镇人民政府', [(draft.body[0] as HeadingNode).children[0] as TaskNode]));
    const r = coverageTableRows(missing).find((x) => x.upper.endsWith('开展安全宣传教育'))!;
    expect(r).toEqual({ upper: '（四）开展安全宣传教育', draft: '', status: '未落实', targets: '' });
  });
});

describe('splits, merges and decisions', () => {
  const link = (label: string, title: string, extra: Partial<Link> = {}): Link => ({
    label,
    title,
    score: 0.5,
    key: label,
    id: label,
    path: '',
    sharedPhrases: ['隐患排查治理'],
    explain: { phrases: ['隐患排查治理', '“打非治违”高压态势', '整治', '建立安全生产举报奖励制度并及时兑现奖励资金'], units: [], targets: [] },
    ...extra,
  });
  const u: UpperResult = {
    label: '2.',
    title: '开展隐患排查治理',
    status: 'covered',
    targetFindings: [],
    key: 'u',
    id: 'u',
    path: '',
    section: '',
    links: [link('（一）', '排查隐患', { alsoAnswers: ['5.持续开展“打非治违”'] }), link('（二）', '治理隐患', { decision: 'confirmed' })],
  };
  it('a split says how many draft tasks share it; a merge names the other upper tasks', () => {
    expect(splitNote(u)).toBe('由 2 项本级任务共同落实');
    expect(mergeNote(u.links[0]!)).toBe('（同时落实：5.持续开展“打非治违”）');
    const [r] = coverageTableRows({ upper: [u] });
    expect(r!.draft.split('\n')).toEqual([
      '由 2 项本级任务共同落实：',
      '（一）排查隐患（同时落实：5.持续开展“打非治违”）',
      '依据：共同表述：“隐患排查治理”“‘打非治违’高压态势”“建立安全生产举报奖励制度并及时…”',
      '（二）治理隐患（已确认）',
      '依据：共同表述：“隐患排查治理”“‘打非治违’高压态势”“建立安全生产举报奖励制度并及时…”',
    ]);
  });
  it('phrases: the piece of a differing number is cut, inner quotes become single, unpaired ones go', () => {
    expect(linkReason({ sharedPhrases: ['5%，建立隐患排查治理台账', '每年至少解决1', '2020年全县'] })).toBe(
      '共同表述：“建立隐患排查治理台账”“每年至少解决”“2020年全县”',
    );
    expect(highlightPhrases({ sharedPhrases: ['5%，建立隐患排查治理台账', '1', '整治'] })).toEqual(['建立隐患排查治理台账', '整治']);
    expect(linkReason({ sharedPhrases: ['“打非治违”高压态势', '全生产法宣传周”'] })).toBe('共同表述：“‘打非治违’高压态势”“全生产法宣传周”');
  });
  it('a link a person added without evidence says so', () => {
    expect(linkReason({ sharedPhrases: [], decision: 'added' })).toBe('人工关联');
    expect(linkReason({ sharedPhrases: [] })).toBe('');
  });
});
