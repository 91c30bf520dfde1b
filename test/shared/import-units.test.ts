// Every responsible-units form the issue lists, and a few more, parsed on their own and
// inside a plan.
import { describe, expect, it } from 'vitest';
import { extractUnits, parseUnits, splitUnitNames } from '../../shared/import/units';
import { analyzePlanText } from '../../shared/import/analyze';
import type { TaskNode } from '../../shared/plan/schema';
import { walkOutline } from '../../shared/plan/numbering';

function units(task: string, rule?: 'comma-lead' | 'first-lead') {
  const ex = extractUnits(task);
  if (!ex) return null;
  return { ...parseUnits(ex.unitsText, rule), unitsText: ex.unitsText, incomplete: ex.incomplete, body: ex.body };
}

describe('units forms', () => {
  it('X牵头，Y、Z负责落实', () => {
    expect(units('压实责任。（市安委会办公室牵头，市安委会成员单位、各镇街负责落实）')).toMatchObject({
      lead: ['市安委会办公室'],
      support: ['市安委会成员单位', '各镇街'],
      unitsText: '市安委会办公室牵头，市安委会成员单位、各镇街负责落实',
      incomplete: false,
      body: '压实责任。',
    });
  });
  it('two leads', () => {
    expect(units('加强能力建设。（市委编办、市安委会办公室牵头，市安委会成员单位负责落实）')).toMatchObject({
      lead: ['市委编办', '市安委会办公室'],
      support: ['市安委会成员单位'],
    });
  });
  it('负责落实 only → support', () => {
    expect(units('做好工作。（各专业安全生产委员会、各镇街负责落实）')).toMatchObject({ lead: [], support: ['各专业安全生产委员会', '各镇街'] });
    expect(units('做好工作。（市安委会办公室负责落实）')).toMatchObject({ lead: [], support: ['市安委会办公室'] });
  });
  it('等单位分工负责, keeping 和 inside a unit name', () => {
    expect(units('推进治理。（区林业局、区自然资源局、区住房和城乡建设局、区人力资源和社会保障局等单位分工负责）')).toMatchObject({
      support: ['区林业局', '区自然资源局', '区住房和城乡建设局', '区人力资源和社会保障局'],
    });
  });
  it('指导督促落实', () => {
    expect(units('落实员工责任。（区级负有安全生产监管职责的部门指导督促落实）')).toMatchObject({ support: ['区级负有安全生产监管职责的部门'] });
  });
  it('牵头单位：… 。配合单位：…', () => {
    expect(units('开展宣传。（牵头单位：省安委办。配合单位：省委宣传部、省教育厅）')).toMatchObject({
      lead: ['省安委办'],
      support: ['省委宣传部', '省教育厅'],
    });
  });
  it('牵头责任单位：…，协同配合单位：…', () => {
    expect(units('开展宣传。（牵头责任单位：省安委办，协同配合单位：省公安厅、省交通运输厅）')).toMatchObject({
      lead: ['省安委办'],
      support: ['省公安厅', '省交通运输厅'],
    });
  });
  it('〔〕 with nested brackets in unit names', () => {
    expect(units('抓好队伍。〔市委组织部牵头，各镇（街道）、市安委会有关成员单位分工负责〕')).toMatchObject({
      lead: ['市委组织部'],
      support: ['各镇（街道）', '市安委会有关成员单位'],
      incomplete: false,
    });
  });
  it('a rule stated once: 逗号前为牵头单位，下同', () => {
    const first = units('强化执法。〔责任单位：各区（市）县政府、市应急局，市公安局、市交通运输局（逗号前为牵头单位，下同）〕');
    expect(first).toMatchObject({
      lead: ['各区（市）县政府', '市应急局'],
      support: ['市公安局', '市交通运输局'],
      rule: 'comma-lead',
    });
    expect(first?.note).toContain('逗号前为牵头单位');
    // A later task under the same rule.
    expect(units('开展演练。〔责任单位：市应急局，市消防救援支队、市卫健委〕', 'comma-lead')).toMatchObject({
      lead: ['市应急局'],
      support: ['市消防救援支队', '市卫健委'],
    });
    // Without the rule, 责任单位 lists everyone as responsible (support).
    expect(units('开展演练。〔责任单位：市应急局，市消防救援支队〕')).toMatchObject({ lead: [], support: ['市应急局', '市消防救援支队'] });
  });
  it('a default for later tasks → note', () => {
    expect(units('落实议题。（区安委办和各乡镇、街道负责。以下任务各乡镇、街道根据职能负责落实，不再一一列出）')).toMatchObject({
      support: ['区安委办', '各乡镇', '街道'],
      note: '以下任务各乡镇、街道根据职能负责落实，不再一一列出',
    });
  });
  it('lost opening bracket', () => {
    expect(units('完善机制。推进落实。市安委会办公室牵头,能源安委会、各镇街负责落实)')).toMatchObject({
      lead: ['市安委会办公室'],
      support: ['能源安委会', '各镇街'],
      incomplete: true,
      body: '完善机制。推进落实。',
    });
  });
  it('lost closing bracket', () => {
    expect(units('完善机制。（市应急局牵头，各镇街负责落实')).toMatchObject({ lead: ['市应急局'], support: ['各镇街'], incomplete: true });
  });
  it('half-width brackets and commas, 配合', () => {
    expect(units('加强监管。(市应急局牵头,市公安局,市交通运输局配合)')).toMatchObject({
      lead: ['市应急局'],
      support: ['市公安局', '市交通运输局'],
    });
  });
  it('由…牵头 and 会同', () => {
    expect(units('加强监管。（由市应急局牵头，各县区负责）')).toMatchObject({ lead: ['市应急局'], support: ['各县区'] });
    expect(units('加强监管。（市应急局会同市公安局负责）')).toMatchObject({ lead: ['市应急局'], support: ['市公安局'] });
  });
  it('a parenthetical that is not about units is left alone', () => {
    expect(units('推行“2+3+N”(两个转变、三道防线、N项基础)工作机制')).toBeNull();
    expect(units('落实“三同时”制度（以下简称“三同时”）。')).toBeNull();
    expect(units('没有括号的任务。')).toBeNull();
  });
  it('splitUnitNames: 、 ， , ； 和 及, dedupe, trailing 等', () => {
    expect(splitUnitNames('市应急局、市公安局，市交通局,市水利局；市气象局和市消防救援支队及市工业和信息化局等')).toEqual([
      '市应急局',
      '市公安局',
      '市交通局',
      '市水利局',
      '市气象局',
      '市消防救援支队',
      '市工业和信息化局',
    ]);
    expect(splitUnitNames('市应急局、市应急局')).toEqual(['市应急局']);
  });
});

describe('units inside a plan', () => {
  const text = [
    '2024年全市安全生产工作要点',
    '一、重点任务',
    '1.强化执法检查。开展执法。〔责任单位：各区（市）县政府、市应急局，市公安局（逗号前为牵头单位，下同）〕',
    '2.开展应急演练。组织演练。〔责任单位：市应急局，市消防救援支队〕',
    '3.完善举报机制。鼓励举报。市应急局牵头,各区县负责落实)',
    '4.加强宣传教育。普及常识。',
  ].join('\n');
  const { doc, stats } = analyzePlanText(text);
  const tasks: Array<[TaskNode, string]> = [];
  walkOutline(doc.body, (n, p) => {
    if (n.type === 'task') tasks.push([n, p]);
  });

  it('carries the 下同 rule to later tasks', () => {
    expect(tasks.map(([t]) => [t.lead, t.support])).toEqual([
      [['各区（市）县政府', '市应急局'], ['市公安局']],
      [['市应急局'], ['市消防救援支队']],
      [['市应急局'], ['各区县']],
      [[], []],
    ]);
    expect(tasks[0]![0].unitsNote).toBe('逗号前为牵头单位，下同');
  });
  it('warns at the task with the broken bracket and at the task without units', () => {
    expect(doc.warnings).toContainEqual({
      code: 'units-paren-unclosed',
      message: '第3项责任单位括号不完整',
      path: tasks[2]![1],
      nodeId: tasks[2]![0].id,
      value: expect.any(String),
    });
    expect(doc.warnings).toContainEqual({ code: 'units-missing', message: '第4项未识别到责任单位', path: tasks[3]![1], nodeId: tasks[3]![0].id });
  });
  it('builds the units dictionary', () => {
    expect(stats.units).toEqual(['各区（市）县政府', '市应急局', '市公安局', '市消防救援支队', '各区县']);
  });
});
