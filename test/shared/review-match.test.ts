// Matching returned opinions to the plan (pure): exact, approximate, detached; same-plan check.
import { describe, expect, it } from 'vitest';
import { emptyPlan, type PlanDocument } from '../../shared/plan/schema';
import { approxFind, locateInText, matchReviewItems } from '../../shared/review/match';
import { samePlanCheck } from '../../shared/review/same-plan';
import type { ReviewItem } from '../../shared/review/types';

function plan(): PlanDocument {
  const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
  doc.body = [
    { type: 'paragraph', text: '2026年是“十五五”开局之年，全县上下要统筹发展和安全。' },
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点任务',
      children: [
        {
          type: 'task',
          level: 2,
          ordinal: 1,
          title: '强化企业主体责任',
          text: '督促企业主要负责人履行第一责任人职责，健全全员安全生产责任制。',
          lead: ['县应急局'],
          support: [],
          targets: [],
          children: [],
        },
        {
          type: 'task',
          level: 2,
          ordinal: 2,
          title: '开展隐患排查治理',
          text: '聚焦危险化学品、城镇燃气、建筑施工等重点行业，开展拉网式排查。',
          lead: ['县安委办'],
          support: ['各乡镇'],
          targets: [],
          children: [],
        },
      ],
    },
  ];
  return doc;
}

const item = (over: Partial<ReviewItem>): ReviewItem => ({
  kind: 'comment',
  author: '张三',
  text: '意见',
  anchorText: '',
  before: '',
  after: '',
  paragraphText: '',
  ...over,
});

describe('matchReviewItems', () => {
  const doc = plan();
  const t2 = '（二）开展隐患排查治理。聚焦危险化学品、城镇燃气、建筑施工等重点行业，开展拉网式排查。（县安委办牵头，各乡镇负责落实）';

  it('finds the exact anchor, preferring the occurrence whose context agrees', () => {
    const text = '聚焦危险化学品、城镇燃气、建筑施工等重点行业，开展拉网式排查。';
    const [m] = matchReviewItems(doc, [
      item({ anchorText: '开展', before: '（二）开展隐患排查治理。聚焦危险化学品、城镇燃气、建筑施工等重点行业，', after: '拉网式排查。', paragraphText: t2 }),
    ]);
    expect(m!.target).toEqual({ path: 'body/1/children/1', field: 'text', from: text.indexOf('开展拉网'), to: text.indexOf('开展拉网') + 2 });
  });

  it('finds the anchor when the reviewer changed the words around it', () => {
    const edited = '（二）全面开展隐患排查整治。聚焦危化品、城镇燃气、建筑施工等重点行业，开展拉网式排查。（县安委办牵头，各乡镇负责落实）';
    const [m] = matchReviewItems(doc, [
      item({ anchorText: '城镇燃气', before: '（二）全面开展隐患排查整治。聚焦危化品、', after: '、建筑施工', paragraphText: edited }),
    ]);
    expect(m!.target).toEqual({ path: 'body/1/children/1', field: 'text', from: 8, to: 12 });
  });

  it('finds the range by its context when the commented words themselves were changed', () => {
    // Plan: 督促企业主要负责人履行第一责任人职责 → the reviewer wrote 督促企业法定代表人履行第一责任人职责.
    const edited = '（一）强化企业主体责任。督促企业法定代表人履行第一责任人职责，健全全员安全生产责任制。（县应急局负责）';
    const [m] = matchReviewItems(doc, [
      item({ anchorText: '法定代表人', before: '（一）强化企业主体责任。督促企业', after: '履行第一责任人职责，', paragraphText: edited }),
    ]);
    expect(m!.target).toEqual({ path: 'body/1/children/0', field: 'text', from: 4, to: 9 });
  });

  it('places an insertion that is not in the plan as a point', () => {
    const [m] = matchReviewItems(doc, [
      item({
        kind: 'insertion',
        text: '重大',
        anchorText: '重大',
        before: '（二）开展隐患排查治理。聚焦危险化学品、城镇燃气、建筑施工等',
        after: '重点行业，开展拉网式排查。',
        paragraphText: t2,
      }),
    ]);
    expect(m!.target).toEqual({ path: 'body/1/children/1', field: 'text', from: 18, to: 18 });
  });

  it('maps a title anchor (after the label) to the title field', () => {
    const [m] = matchReviewItems(doc, [
      item({
        anchorText: '（一）强化',
        before: '',
        after: '企业主体责任。',
        paragraphText: '（一）强化企业主体责任。督促企业主要负责人履行第一责任人职责，健全全员安全生产责任制。（县应急局负责）',
      }),
    ]);
    expect(m!.target).toEqual({ path: 'body/1/children/0', field: 'title', from: 0, to: 2 });
  });

  it('detaches what is no longer in the plan, never drops it', () => {
    const items = [
      item({
        anchorText: '道路交通安全',
        before: '（三）加强',
        after: '综合治理。',
        paragraphText: '（三）加强道路交通安全综合治理。严查“两客一危”车辆违法行为。',
      }),
      item({ anchorText: '', paragraphText: '' }),
    ];
    const m = matchReviewItems(doc, items);
    expect(m).toHaveLength(2);
    expect(m.map((x) => x.target)).toEqual([null, null]);
    expect(m[0]!.item).toBe(items[0]);
  });

  it('approxFind finds the closest substring', () => {
    expect(approxFind('城镇燃气', '聚焦危化品、城镇燃起、建筑')).toMatchObject({ start: 6, end: 10, dist: 1 });
    expect(locateInText('甲乙丙丁', item({ anchorText: '戊己庚辛', before: '', after: '' }))).toBeNull();
  });
});

describe('samePlanCheck', () => {
  const doc = plan();
  it('recognises the plan, also edited', () => {
    const paras = [
      '征求意见稿',
      '2026年全县安全生产工作要点',
      '2026年是“十五五”开局之年，全县上下要统筹发展和安全。',
      '一、重点任务',
      '（一）强化企业主体责任。督促企业主要负责人切实履行第一责任人职责，健全全员安全生产责任制。（县应急局负责）',
    ];
    expect(samePlanCheck(doc, paras)).toMatchObject({ same: true });
  });
  it('warns in Chinese when title and text differ', () => {
    const r = samePlanCheck(doc, ['2025年全市防汛抗旱工作要点', '做好汛期值班值守，落实24小时领导带班制度。', '加强水库塘坝巡查，及时消除险情隐患。']);
    expect(r.same).toBe(false);
    expect(r.similarity).toBeLessThan(0.5);
    expect(r.message).toContain('标题不同');
  });
});
