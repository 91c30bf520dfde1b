import { describe, expect, it } from 'vitest';
import { applyDecisions, compareUpperDraft, comparisonJson, diffPlans, normalizeLevels, normalizeUnit, placeNames } from '../../shared/compare';
import { buildModel } from '../../shared/compare/similarity';
import { emptyPlan, type PlanDocument, type TaskNode } from '../../shared/plan/schema';
import { loadSample } from '../fixtures/compare/pairs';

function plan(title: string, issuer: string, tasks: Array<Partial<TaskNode> & { title: string }>, sections = ['重点工作']): PlanDocument {
  const doc = emptyPlan(title, 2025);
  doc.meta.issuer = issuer;
  const per = Math.ceil(tasks.length / sections.length);
  let ord = 0;
  doc.body = sections.map((s, si) => ({
    type: 'heading' as const,
    level: 1 as const,
    ordinal: si + 1,
    title: s,
    children: tasks
      .slice(si * per, si * per + per)
      .map((t) => ({ type: 'task' as const, level: 2 as const, ordinal: ++ord, text: '', lead: [], support: [], targets: [], children: [], ...t })),
  }));
  return doc;
}

describe('normalisation by level', () => {
  it('makes 市/县/区/镇 unit names and 各镇街/各乡镇/各村（社区） the same', () => {
    expect(normalizeLevels('市应急局')).toBe(normalizeLevels('县应急局'));
    expect(normalizeLevels('全市')).toBe(normalizeLevels('全县'));
    expect(normalizeLevels('各镇街负责落实')).toBe(normalizeLevels('各乡镇负责落实'));
    expect(normalizeLevels('各乡镇(街道)')).toBe(normalizeLevels('各村（社区）'));
    expect(normalizeLevels('市市场监管局')).toBe(normalizeLevels('区市场监管局'));
    // 城市 / 市场 / 区域 are words, not levels.
    expect(normalizeLevels('城市安全')).toBe('城市安全');
    expect(normalizeLevels('市场主体')).toBe('市场主体');
    expect(normalizeUnit('市应急管理局')).toBe(normalizeUnit('县应急局'));
    expect(normalizeUnit('市安委会办公室')).toBe(normalizeUnit('县安委办'));
  });
  it('reads the place names of the issuer', () => {
    expect(placeNames('滕州市安全生产委员会', '')).toContain('滕州');
    expect(placeNames('长治市潞城区人民政府', '')).toEqual(expect.arrayContaining(['长治', '潞城']));
    expect(placeNames('石梁镇人民政府', '')).toContain('石梁');
  });
  it('市→县 substitutions do not lower the score', () => {
    const up = plan('2025年全市要点', '青州市安全生产委员会', [
      { title: '加强全市危险化学品安全监管', text: '市应急局会同各镇街开展危险化学品企业全覆盖检查。' },
    ]);
    const dr = plan('2025年全县要点', '临朐县安全生产委员会', [
      { title: '加强全县危险化学品安全监管', text: '县应急局会同各乡镇开展危险化学品企业全覆盖检查。' },
    ]);
    const c = compareUpperDraft(up, dr);
    expect(c.upper[0]!.links[0]!.score).toBeGreaterThanOrEqual(0.99);
  });
});

describe('weights', () => {
  it('learns near-zero weights for what every task says, high for specific words', () => {
    const tasks = [
      '加强安全生产工作，推进危险化学品整治',
      '加强安全生产工作，推进燃气管道改造',
      '加强安全生产工作，推进森林防火',
      '加强安全生产工作，推进电动自行车治理',
    ].map((t) => ({ title: t.slice(0, 8), text: t }));
    const m = buildModel(tasks, tasks, [], []);
    const w = (f: string) => m.featureWeight[m.featureNames.indexOf(f)] ?? 0;
    expect(w('w:安全')).toBeLessThan(0.05);
    expect(w('w:森林')).toBeGreaterThan(1);
  });
});

describe('precision against decoys', () => {
  it('a draft task sharing vocabulary with an upper task without answering it is not linked', () => {
    const up = plan('上级', '某市安全生产委员会', [
      { title: '推进森林消防专业队伍建设', text: '加快组建森林消防专业队伍，逐步建成森林火灾应急救援体系。' },
      { title: '加强道路交通安全整治', text: '严查超限超载、酒驾醉驾等突出违法行为。' },
    ]);
    const dr = plan('本级', '某县安全生产委员会', [
      { title: '加强道路交通安全整治', text: '严查超限超载、酒驾醉驾等突出违法行为。' },
      { title: '开展森林公园旅游步道建设', text: '建设森林公园游客服务中心和旅游步道，发展生态旅游。' },
    ]);
    const c = compareUpperDraft(up, dr);
    expect(c.upper[0]!.status).toBe('missing');
    expect(c.draftOnly.map((d) => d.title)).toEqual(['开展森林公园旅游步道建设']);
  });
});

describe('self-comparison and odd input', () => {
  for (const name of ['tengzhou-2020', 'lucheng-2025', 'nanxun-2021']) {
    it(`${name} against itself: coverage 1, no findings, nothing draft-only`, () => {
      const d = loadSample(name);
      const c = compareUpperDraft(d, d);
      expect(c.coverage).toBe(1);
      expect(c.upper.flatMap((u) => u.targetFindings)).toEqual([]);
      expect(c.draftOnly).toEqual([]);
      expect(c.upper.every((u) => u.links[0]!.title === u.title)).toBe(true);
    });
  }
  it('empty documents and empty tasks do not crash', () => {
    const e = emptyPlan('空', 2025);
    const c = compareUpperDraft(e, e);
    expect(c.coverage).toBe(1);
    expect(c.upperHasTasks).toBe(false);
    const withEmpty = plan('x', 'y', [{ title: '' }, { title: '  ' }]);
    expect(() => compareUpperDraft(withEmpty, withEmpty)).not.toThrow();
    expect(() => diffPlans(withEmpty, e)).not.toThrow();
  });
  it('English text and very long tasks work', () => {
    const en = plan('Plan', 'Safety Committee', [
      { title: 'Strengthen fire safety inspections', text: 'Inspect all warehouses twice a year.' },
      { title: 'Improve road safety', text: 'Reduce accidents.' },
    ]);
    const c = compareUpperDraft(en, en);
    expect(c.coverage).toBe(1);
    const long = plan('长', '某市', [{ title: '很长的任务', text: '加强危险化学品安全监管，'.repeat(3000) }]);
    const t0 = performance.now();
    expect(compareUpperDraft(long, long).coverage).toBe(1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
  it('an upper document without tasks: paragraphs as pseudo-tasks when asked', () => {
    const up = emptyPlan('上级通知', 2025);
    up.body = [
      { type: 'paragraph', text: '各地要深入开展燃气安全专项整治，全面排查餐饮场所燃气管道隐患。' },
      { type: 'paragraph', text: '要加强汛期地质灾害监测预警，落实转移避险责任人。' },
    ];
    const dr = plan('本级', '某县', [{ title: '开展燃气安全专项整治', text: '排查全县餐饮场所燃气管道和报警装置。' }]);
    expect(compareUpperDraft(up, dr, { paragraphs: 'never' }).upper).toEqual([]);
    const c = compareUpperDraft(up, dr);
    expect(c.mode).toBe('paragraphs');
    expect(c.upper[0]!.status).not.toBe('missing');
    expect(c.upper[1]!.status).toBe('missing');
  });
  it('JSON has exactly the shape of the issue', () => {
    const d = loadSample('lucheng-2025');
    const j = comparisonJson(compareUpperDraft(d, d));
    expect(Object.keys(j)).toEqual(['coverage', 'upper', 'draftOnly']);
    expect(Object.keys(j.upper[0]!)).toEqual(['label', 'title', 'status', 'links', 'targetFindings']);
    expect(Object.keys(j.upper[0]!.links[0]!)).toEqual(['label', 'title', 'score']);
  });
});

describe('diffPlans', () => {
  const old = plan(
    '2024',
    '某县',
    [
      {
        title: '加强危险化学品安全监管',
        text: '开展危险化学品企业全覆盖检查，覆盖率达到90%。',
        lead: ['县应急局'],
        targets: [{ text: '覆盖率达到90%', value: 90, unit: '%' }],
      },
      { title: '推进森林防火', text: '建设森林防火通道。' },
      { title: '开展安全宣传', text: '组织安全生产月活动。' },
      { title: '加强燃气安全', text: '排查燃气管道。' },
    ],
    ['一', '二'],
  );
  const neu = plan(
    '2025',
    '某县',
    [
      { title: '开展安全宣传', text: '组织安全生产月活动。' },
      {
        title: '加强危险化学品安全监管',
        text: '开展危险化学品企业全覆盖检查，覆盖率达到100%。',
        lead: ['县安委办'],
        targets: [{ text: '覆盖率达到100%', value: 100, unit: '%' }],
      },
      { title: '推进电动自行车安全治理', text: '整治电动自行车违规充电。' },
      { title: '强化森林防火工作', text: '建设森林防火通道和取水点。' },
    ],
    ['一', '二'],
  );
  const d = diffPlans(old, neu);
  it('matches task by task: added, removed, changed, moved', () => {
    expect(d.added.map((t) => t.title)).toEqual(['推进电动自行车安全治理']);
    expect(d.removed.map((t) => t.title)).toEqual(['加强燃气安全']);
    const hz = d.changed.find((c) => c.old.title === '加强危险化学品安全监管')!;
    expect(hz.unitChanges).toEqual(['牵头单位由县应急局改为县安委办']);
    expect(hz.targetChanges).toEqual(['目标由“覆盖率达到90%”改为“覆盖率达到100%”']);
    expect(hz.text!.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['90', '100']);
    const fire = d.changed.find((c) => c.old.title === '推进森林防火')!;
    expect(fire.new.title).toBe('强化森林防火工作');
    expect(d.moved.map((m) => m.old.title)).toContain('开展安全宣传');
  });
  it('a plan against itself: nothing changed', () => {
    const s = loadSample('nanxun-2021');
    const x = diffPlans(s, s);
    expect([x.added.length, x.removed.length, x.changed.length]).toEqual([0, 0, 0]);
  });
});

describe('decisions', () => {
  // Node ids (issue 14): an edited task keeps its id, which is what decisions point at.
  const up = plan('上级', '某市', [
    { id: 'upFire0001', title: '推进森林消防专业队伍建设', text: '加快组建森林消防专业队伍。' },
    { id: 'upRoad0002', title: '加强道路交通安全整治', text: '严查超限超载、酒驾醉驾。' },
  ]);
  const dr = plan('本级', '某县', [
    { id: 'drFire0001', title: '推进森林消防专业队伍建设', text: '加快组建森林消防专业队伍。' },
    { id: 'drHouse002', title: '开展农村自建房排查', text: '逐户排查农村经营性自建房。' },
  ]);
  it('reject removes, add links, and both survive edits of titles in either document', () => {
    const c = compareUpperDraft(up, dr);
    const fireU = c.upper[0]!.key;
    const roadU = c.upper[1]!.key;
    const fireD = c.upper[0]!.links[0]!.key;
    const houseD = c.draftOnly[0]!.key;
    const decisions = [
      { upperKey: fireU, draftKey: fireD, decision: 'rejected' as const },
      { upperKey: roadU, draftKey: houseD, decision: 'added' as const },
    ];
    const a = applyDecisions(c, decisions, dr);
    expect(a.upper[0]!.status).toBe('missing');
    expect(a.upper[1]!.links.map((l) => l.title)).toEqual(['开展农村自建房排查']);
    expect(a.upper[1]!.status).toBe('covered');
    // Edit both documents: titles reworded slightly, tasks reordered.
    const up2 = plan('上级', '某市', [
      { id: 'upRoad0002', title: '加强道路交通安全专项整治', text: '严查超限超载、酒驾醉驾。' },
      { id: 'upFire0001', title: '推进森林消防专业队伍建设工作', text: '加快组建森林消防专业队伍。' },
    ]);
    const dr2 = plan('本级', '某县', [
      { id: 'drHouse002', title: '开展农村自建房安全排查', text: '逐户排查农村经营性自建房。' },
      { id: 'drFire0001', title: '推进森林消防专业队伍建设', text: '加快组建森林消防专业队伍。' },
    ]);
    const b = applyDecisions(compareUpperDraft(up2, dr2), decisions, dr2);
    const road = b.upper.find((u) => u.title.startsWith('加强道路'))!;
    const fire = b.upper.find((u) => u.title.startsWith('推进森林'))!;
    expect(road.links.map((l) => l.title)).toEqual(['开展农村自建房安全排查']);
    expect(fire.links).toEqual([]);
    expect(b.draftOnly.map((d) => d.title)).toEqual(['推进森林消防专业队伍建设']);
  });
});
