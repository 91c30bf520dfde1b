import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/checks/index';
import { applyAndRecheck, plan, task, withCode } from './checks-helpers';

const none = { lead: [], support: [], unitsText: undefined };

describe('units-missing / lead-missing / units-none', () => {
  it('warns about a task without units when the other tasks name theirs', () => {
    const inp = plan([task('任务甲'), task('任务乙', '正文。', none), task('任务丙')]);
    const cs = withCode(runChecks(inp), 'units-missing');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'warning', blockIndex: 3, field: 'units' });
    expect(cs[0]!.message).toBe('任务 2 没有责任单位（牵头单位或负责单位）');
  });

  it('is only information when most tasks of the plan have no units yet', () => {
    const inp = plan([task('任务甲'), task('任务乙', '正文。', none), task('任务丙', '正文。', none)]);
    const cs = withCode(runChecks(inp), 'units-missing');
    expect(cs.map((c) => c.severity)).toEqual(['info', 'info']);
  });

  it('gives one reminder, not a flood, when no task names a unit', () => {
    const inp = plan([task('任务甲', '正文。', none), task('任务乙', '正文。', none), task('任务丙', '正文。', none)]);
    const cs = runChecks(inp).filter((c) => /units/.test(c.code));
    expect(cs.map((c) => [c.code, c.severity])).toEqual([['units-none', 'info']]);
  });

  it('respects a default stated by an earlier task (以下任务……不再一一列出)', () => {
    const inp = plan([
      task('任务甲', '正文。', {
        lead: [],
        support: ['各乡镇'],
        unitsText: '各乡镇负责。以下任务各乡镇负责落实，不再一一列出',
        unitsNote: '以下任务各乡镇负责落实，不再一一列出',
      }),
      task('任务乙'),
      task('任务丙', '正文。', none),
    ]);
    expect(withCode(runChecks(inp), 'units-missing')).toEqual([]);
  });

  it('accepts tasks that name only 负责 units in a plan written that way', () => {
    const only = (u: string[]) => ({ lead: [], support: u, unitsText: `${u.join('、')}负责` });
    const inp = plan([task('任务甲', '正文。', only(['县应急局', '县公安局'])), task('任务乙', '正文。', only(['县住建局']))]);
    expect(runChecks(inp).filter((c) => /units|lead/.test(c.code))).toEqual([]);
  });

  it('notes a multi-unit task without a lead in a plan that uses 牵头', () => {
    const inp = plan([
      task('任务甲'),
      task('任务乙'),
      task('任务丙', '正文。', { lead: [], support: ['县公安局', '各乡镇'], unitsText: '县公安局、各乡镇负责落实' }),
    ]);
    const cs = withCode(runChecks(inp), 'lead-missing');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'info', blockIndex: 4 });
    expect(cs[0]!.message).toContain('任务 3 ');
    // A single 负责 unit is the responsible unit: nothing to say.
    const one = plan([task('任务甲'), task('任务乙', '正文。', { lead: [], support: ['县公安局'], unitsText: '县公安局负责落实' })]);
    expect(withCode(runChecks(one), 'lead-missing')).toEqual([]);
  });
});

describe('units-paren-unclosed / units-in-text', () => {
  it('reports unbalanced brackets in the units text and strips a stray end bracket', () => {
    const inp = plan([task('任务甲', '正文。', { unitsText: '县应急局牵头，各乡镇负责落实）' })]);
    const cs = withCode(runChecks(inp), 'units-paren-unclosed');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'error', field: 'units', blockIndex: 2 });
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect((fixed.blocks[2] as { unitsText: string }).unitsText).toBe('县应急局牵头，各乡镇负责落实');
  });

  it('offers no fix when the missing bracket is inside', () => {
    const inp = plan([task('任务甲', '正文。', { unitsText: '县应急局牵头，各乡（镇负责落实' })]);
    const cs = withCode(runChecks(inp), 'units-paren-unclosed');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.fix).toBeUndefined();
  });

  it('leaves balanced units alone, nested brackets included', () => {
    const inp = plan([task('任务甲', '正文。', { unitsText: '县应急局牵头，各乡（镇）负责落实' })]);
    expect(withCode(runChecks(inp), 'units-paren-unclosed')).toEqual([]);
  });

  it('finds a units tail in the body that lost its opening bracket and moves it into the units', () => {
    const inp = plan([task('任务甲'), task('任务乙', '正文内容。县应急局牵头，各乡镇负责落实）', { lead: [], support: [], unitsText: undefined })]);
    const cs = withCode(runChecks(inp), 'units-paren-unclosed');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ field: 'text', blockIndex: 3 });
    expect(withCode(runChecks(inp), 'units-missing')).toEqual([]);
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.blocks[3]).toMatchObject({ text: '正文内容。', unitsText: '县应急局牵头，各乡镇负责落实', lead: ['县应急局'], support: ['各乡镇'] });
  });

  it('finds a complete parenthetical typed into the body', () => {
    const inp = plan([task('任务甲'), task('任务乙', '正文内容。（县公安局牵头，各乡镇配合）', { lead: [], support: [], unitsText: undefined })]);
    const cs = withCode(runChecks(inp), 'units-in-text');
    expect(cs).toHaveLength(1);
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.blocks[3]).toMatchObject({ text: '正文内容。', lead: ['县公安局'], support: ['各乡镇'] });
  });

  it('does not take an aside in the body for units', () => {
    const inp = plan([task('任务甲', '开展专项整治（含“回头看”）。')]);
    expect(runChecks(inp).filter((c) => c.code.startsWith('units'))).toEqual([]);
  });
});

describe('units-duplicate', () => {
  it('reports a unit named twice and removes the repeat', () => {
    const inp = plan([task('任务甲', '正文。', { lead: ['县应急局'], support: ['各乡镇', '县应急局', '各乡镇'] })]);
    const cs = withCode(runChecks(inp), 'units-duplicate');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.message).toContain('“县应急局”“各乡镇”');
    const { fixed } = applyAndRecheck(inp, cs[0]!);
    expect(fixed.blocks[2]).toMatchObject({ lead: ['县应急局'], support: ['各乡镇'] });
  });

  it('is silent for distinct units', () => {
    expect(withCode(runChecks(plan([task('任务甲')])), 'units-duplicate')).toEqual([]);
  });
});
