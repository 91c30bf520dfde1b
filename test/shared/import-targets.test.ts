import { describe, expect, it } from 'vitest';
import { findTargets } from '../../shared/import/targets';

describe('findTargets', () => {
  it.each([
    ['应急物资储备库建设覆盖率达到100%。', { text: '应急物资储备库建设覆盖率达到100%', value: 100, unit: '%' }],
    ['区级应急物资储备库(点)建设覆盖率达到100%。', { text: '覆盖率达到100%', value: 100, unit: '%' }],
    ['确保区、镇两级基层执法装备规范配备率达100%，', { text: '基层执法装备规范配备率达100%', value: 100, unit: '%' }],
    ['死亡人数同比下降超20%，', { text: '下降超20%', value: 20, unit: '%' }],
    ['小微园区社会化覆盖率达80%以上。', { text: '小微园区社会化覆盖率达80%以上', value: 80, unit: '%' }],
    ['直接经济损失占GDP比例控制在1%以内。', { text: '控制在1%以内', value: 1, unit: '%' }],
    ['针对突出问题，至少解决10项具体问题。', { text: '至少解决10项具体问题', value: 10, unit: '项' }],
    ['全年培训从业人员15万人次以上。', { text: '15万人次以上', value: 15, unit: '万人次' }],
    ['每半年至少召开1次专题会议。', { text: '每半年至少召开1次专题会议', value: 1, unit: '次' }],
    ['每个县安排专项资金不少于20万元。', { text: '每个县安排专项资金不少于20万元', value: 20, unit: '万元' }],
    ['安排专项资金不少于20万元。', { text: '不少于20万元', value: 20, unit: '万元' }],
    ['每个乡镇突出创新一项以上具体举措。', { text: '每个乡镇突出创新一项以上具体举措', value: 1, unit: '项' }],
    ['年底前力争每个村至少建成1处应急避难场所。', { text: '每个村至少建成1处应急避难场所', value: 1, unit: '处', deadline: '年底前' }],
  ])('%s', (input, want) => {
    expect(findTargets(input)).toEqual([want]);
  });

  it('deadlines alone', () => {
    expect(findTargets('3月15日前完成隐患排查整治。')).toEqual([{ text: '3月15日前完成隐患排查整治', deadline: '3月15日前' }]);
    expect(findTargets('确保2021年底全面建成应急指挥平台。')).toEqual([{ text: '2021年底全面建成应急指挥平台', deadline: '2021年底' }]);
    expect(findTargets('年底前出台实施方案')).toEqual([{ text: '年底前出台实施方案', deadline: '年底前' }]);
  });

  it('slogans are text only', () => {
    expect(findTargets('努力实现“五个下降”，确保安全。')).toEqual([{ text: '五个下降' }]);
  });

  it('figures that are not targets', () => {
    expect(findTargets('严格落实主要负责人的11项职责。')).toEqual([]);
    expect(findTargets('1年内发生2起以上较大事故的，约谈属地政府。')).toEqual([]);
    expect(findTargets('进一步加强“十四五”规划编制，年底汇总情况。')).toEqual([]);
    expect(findTargets('持续深化“最多跑一次”改革，依法做到“五到位”。')).toEqual([]);
    expect(findTargets('')).toEqual([]);
  });
});
