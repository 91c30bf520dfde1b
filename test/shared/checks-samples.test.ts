// The checks on the imported sample plans: the problems the issue names are found, nothing
// legitimate is flagged.
import { describe, expect, it } from 'vitest';
import { carryImportWarnings, runChecks, type CheckInput } from '../../shared/checks/index';
import { applyAndRecheck, applyFix, loadFixture, withCode } from './checks-helpers';

describe('滕州 2020 sample', () => {
  const { doc, input } = loadFixture('tengzhou-2020');
  const checks = runChecks({ ...input, carried: carryImportWarnings(doc) });
  const at = (label: string) => input.blocks.findIndex((b) => b.type === 'task' && b.title.startsWith(label));

  it("reports task 14's title without 。", () => {
    const cs = withCode(checks, 'title-run-on');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.blockIndex).toBe(at('加强安全生产法治建设'));
    expect(cs[0]!.message).toMatch(/^任务 14 的标题句没有以“。”结束/);
  });

  it("reports task 13's unclosed units parenthetical (carried from the import)", () => {
    const cs = withCode(checks, 'units-paren-unclosed');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.blockIndex).toBe(at('完善安全生产社会化管理机制'));
    expect(cs[0]!.message).toMatch(/^任务 13 的责任单位括号/);
    // Without the import's findings the repaired units look complete: nothing to report.
    expect(withCode(runChecks(input), 'units-paren-unclosed')).toEqual([]);
  });

  it('the carried finding follows the task when blocks move and goes when its units are edited', () => {
    const carried = carryImportWarnings(doc);
    const moved = [input.blocks[0]!, ...input.blocks.slice(1).reverse()];
    const i = moved.findIndex((b) => b.type === 'task' && b.title === '完善安全生产社会化管理机制');
    expect(withCode(runChecks({ ...input, blocks: moved, carried }), 'units-paren-unclosed').map((c) => c.blockIndex)).toEqual([i]);
    const j = at('完善安全生产社会化管理机制');
    const edited = input.blocks.slice();
    edited[j] = { ...(edited[j] as Extract<(typeof edited)[number], { type: 'task' }>), unitsText: '市安委会办公室牵头，各镇街负责落实' };
    expect(withCode(runChecks({ ...input, blocks: edited, carried }), 'units-paren-unclosed')).toEqual([]);
  });

  it('has no half-width punctuation finding: the import set the page punctuation in full width', () => {
    expect(withCode(checks, 'halfwidth-punct')).toEqual([]);
  });

  it('reports half-width punctuation typed later and fixes it', () => {
    const i = at('深入开展习近平总书记');
    const blocks = input.blocks.slice();
    const task = blocks[i] as Extract<(typeof blocks)[number], { type: 'task' }>;
    blocks[i] = { ...task, text: `${task.text}各镇街,各部门要落实(按季度)` };
    const typed = { ...input, blocks, carried: carryImportWarnings(doc) };
    const task1 = withCode(runChecks(typed), 'halfwidth-punct').find((c) => c.blockIndex === i)!;
    const { fixed } = applyAndRecheck(typed, task1);
    expect((fixed.blocks[i] as { text: string }).text).not.toMatch(/[,;:()]/);
  });

  it('fixing all punctuation leaves none, and nothing else changes', () => {
    let inp: CheckInput = { ...input, carried: carryImportWarnings(doc) };
    for (const c of withCode(runChecks(inp), 'halfwidth-punct')) inp = applyFix(inp, c.fix!);
    expect(withCode(runChecks(inp), 'halfwidth-punct')).toEqual([]);
    // The carried finding on task 13 survives its punctuation being fixed.
    const before = checks.filter((c) => c.code !== 'halfwidth-punct').map((c) => `${c.code}@${c.blockIndex}`);
    expect(before).toContain(`units-paren-unclosed@${at('完善安全生产社会化管理机制')}`);
    expect(runChecks(inp).map((c) => `${c.code}@${c.blockIndex}`)).toEqual(before);
  });

  it('reports the historical year 2019 as information only', () => {
    const cs = withCode(checks, 'year-mismatch');
    expect(cs.map((c) => [c.blockIndex, c.severity])).toEqual([[at('深入开展习近平总书记'), 'info']]);
    expect(cs[0]!.message).toContain('2019年');
  });

  it('does not flag “十三五” or “十四五” in a 2020 plan', () => {
    expect(withCode(checks, 'period-stale')).toEqual([]);
  });

  it('does flag “十三五” when the same text is rolled over into 2022', () => {
    const cs = withCode(runChecks({ ...input, meta: { ...input.meta, year: 2022 } }), 'period-stale');
    expect(cs.length).toBeGreaterThanOrEqual(2); // the opening paragraph and task 3
    expect(cs.every((c) => c.severity === 'warning')).toBe(true);
  });

  it('has a correct 文号, no empty section, no duplicate and no missing-unit flood', () => {
    for (const code of ['doc-number', 'section-empty', 'task-duplicate', 'units-missing', 'title-empty', 'task-empty']) {
      expect(withCode(checks, code), code).toEqual([]);
    }
    expect(withCode(checks, 'lead-missing').length).toBeLessThanOrEqual(1); // task 11: two units 负责落实, no 牵头
  });
});

describe('潞城 2025 sample (tasks name 负责 units under a stated default)', () => {
  const { input } = loadFixture('lucheng-2025');
  const checks = runChecks(input);

  it('raises no missing-lead or missing-unit finding', () => {
    expect(checks.filter((c) => /units|lead/.test(c.code))).toEqual([]);
  });

  it('names tasks by their （一） labels (here for half-width punctuation typed into task 24)', () => {
    expect(withCode(checks, 'halfwidth-punct')).toEqual([]);
    const blocks = input.blocks.slice();
    const level2 = blocks.map((b, k) => [b, k] as const).filter(([b]) => b.type !== 'paragraph' && b.level === 2);
    const i = level2[23]![1]; // （二十四）: level 2 runs on through the plan
    const task = blocks[i] as Extract<(typeof blocks)[number], { type: 'task' }>;
    blocks[i] = { ...task, text: `${task.text}各乡镇,各部门` };
    const cs = withCode(runChecks({ ...input, blocks }), 'halfwidth-punct');
    expect(cs.some((c) => c.message.startsWith('任务（二十四）中有'))).toBe(true);
  });

  it('has no title, year or period problem', () => {
    for (const code of ['title-run-on', 'year-mismatch', 'period-stale', 'doc-number', 'section-empty']) expect(withCode(checks, code), code).toEqual([]);
  });
});

describe('南浔 2021 sample (no units at all)', () => {
  it('says once that no task names units', () => {
    const cs = runChecks(loadFixture('nanxun-2021').input).filter((c) => /units|lead/.test(c.code));
    expect(cs.map((c) => [c.code, c.severity])).toEqual([['units-none', 'info']]);
  });
});
