// Rollover flags in the checks panel: shown, dismissed for good, following a moved task,
// gone once the drafter edits the words or confirms the target.
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckInput } from '../../shared/checks/index';
import { bodyToBlocks, type FlatBlock } from '../../shared/plan/flat';
import { rolloverPlan } from '../../shared/rollover/index';
import { loadFixture, withCode } from './checks-helpers';

function rolled(name: 'tengzhou-2020' | 'lucheng-2025', to: number): CheckInput {
  const { doc } = loadFixture(name);
  const r = rolloverPlan(doc, to, { now: new Date(to, 0, 10) });
  return { meta: r.doc.meta, blocks: bodyToBlocks(r.doc.body), numbering: r.doc.numbering, flags: r.doc.flags ?? [] };
}
const rolloverChecks = (inp: CheckInput) => runChecks(inp).filter((c) => c.code.startsWith('rollover-'));
const DRILL = '认真做好5月份全国防汛抗旱演练';
const drillCheck = (inp: CheckInput) => withCode(runChecks(inp), 'rollover-dated-event').find((c) => c.message.includes('5月份全国防汛抗旱演练'));

describe('rollover flags as checks', () => {
  it('lists every flag of the rolled 滕州 plan with its task named', () => {
    const inp = rolled('tengzhou-2020', 2021);
    const cs = rolloverChecks(inp);
    expect(cs).toHaveLength(inp.flags!.length);
    const drill = drillCheck(inp)!;
    expect(drill.severity).toBe('warning');
    const block = inp.blocks[drill.blockIndex!] as Extract<FlatBlock, { type: 'task' }>;
    expect(block.title).toBe('提升生产安全事故应急救援能力');
    expect(block.text).toContain(DRILL);
    expect(drill.message).toMatch(/^任务 \d+：“5月份全国防汛抗旱演练”/);
    const opening = withCode(cs, 'rollover-stale-period').find((c) => c.blockIndex === 0);
    expect(opening?.message).toContain('段落“2021年是');
  });

  it('makes target flags info and drops them once the target is confirmed', () => {
    const inp = rolled('lucheng-2025', 2026);
    const targets = withCode(runChecks(inp), 'rollover-target-unconfirmed');
    expect(targets.length).toBe(inp.flags!.filter((f) => f.kind === 'target-unconfirmed').length);
    expect(targets.every((c) => c.severity === 'info')).toBe(true);
    const i = targets[0]!.blockIndex!;
    const b = inp.blocks[i] as Extract<FlatBlock, { type: 'task' }>;
    const confirmed = inp.blocks.slice();
    confirmed[i] = { ...b, targets: b.targets.map((t) => ({ ...t, unconfirmed: false })) };
    const after = withCode(runChecks({ ...inp, blocks: confirmed }), 'rollover-target-unconfirmed');
    expect(after.length).toBe(targets.length - b.targets.length);
    expect(after.some((c) => c.blockIndex === i)).toBe(false);
  });

  it('keeps a dismissed flag dismissed, also after the task moves', () => {
    const inp = rolled('tengzhou-2020', 2021);
    const drill = drillCheck(inp)!;
    const dismissed = runChecks({ ...inp, dismissed: [drill.id] });
    expect(dismissed.some((c) => c.id === drill.id)).toBe(false);
    expect(dismissed.filter((c) => c.code.startsWith('rollover-'))).toHaveLength(inp.flags!.length - 1);
    // Move the task to the top of the body.
    const blocks = inp.blocks.slice();
    const [moved] = blocks.splice(drill.blockIndex!, 1);
    blocks.splice(1, 0, moved!);
    const movedInp = { ...inp, blocks };
    expect(drillCheck(movedInp)!.blockIndex).toBe(1);
    expect(drillCheck({ ...movedInp, dismissed: [drill.id] })).toBeUndefined();
  });

  it('follows a moved task and disappears when its words are edited', () => {
    const inp = rolled('tengzhou-2020', 2021);
    const hist = withCode(runChecks(inp), 'rollover-historical-year')[0]!;
    const blocks = inp.blocks.slice();
    const [moved] = blocks.splice(hist.blockIndex!, 1);
    blocks.push(moved!);
    const after = withCode(runChecks({ ...inp, blocks }), 'rollover-historical-year');
    expect(after.map((c) => c.blockIndex)).toEqual([blocks.length - 1]);
    expect(after[0]!.id.split(':')[2]).toBe(hist.id.split(':')[2]);
    const edited = blocks.slice();
    const t = edited[edited.length - 1] as Extract<FlatBlock, { type: 'task' }>;
    edited[edited.length - 1] = { ...t, text: t.text.replace('2019年全国生产安全事故主要特点', '2020年全国生产安全事故主要特点') };
    expect(withCode(runChecks({ ...inp, blocks: edited }), 'rollover-historical-year')).toEqual([]);
    // Half-width punctuation fixed in between does not lose the flag.
    const punct = blocks.slice();
    punct[punct.length - 1] = { ...t, text: t.text.replace(/,/g, '，') };
    expect(withCode(runChecks({ ...inp, blocks: punct }), 'rollover-historical-year')).toHaveLength(1);
  });

  it('a flag follows its task by node id (title edited), goes with it (deleted), and notice flags show until dismissed', () => {
    const inp = rolled('tengzhou-2020', 2021);
    const drill = drillCheck(inp)!;
    const blocks = inp.blocks.slice();
    const b = blocks[drill.blockIndex!] as Extract<FlatBlock, { type: 'task' }>;
    expect(b.id).toBeTruthy();
    blocks[drill.blockIndex!] = { ...b, title: '提升应急救援能力' };
    expect(drillCheck({ ...inp, blocks })?.blockIndex).toBe(drill.blockIndex);
    // Deleted: the flag does not move to another block with the same words.
    const copy = { ...b, id: 'otherTask1', title: '另一项任务' };
    const gone = inp.blocks.filter((_, i) => i !== drill.blockIndex).concat([copy]);
    expect(drillCheck({ ...inp, blocks: gone })).toBeUndefined();
    const notice = { kind: 'dated-event' as const, text: '第81次常务会议', message: '引用的会议', path: 'notice' };
    const cs = withCode(runChecks({ ...inp, flags: [notice] }), 'rollover-dated-event');
    expect(cs).toEqual([expect.objectContaining({ blockIndex: null, field: 'meta', message: '通知正文：引用的会议' })]);
    expect(withCode(runChecks({ ...inp, flags: [notice], dismissed: [cs[0]!.id] }), 'rollover-dated-event')).toEqual([]);
  });

  it('adds nothing when there are no flags', () => {
    const { input } = loadFixture('tengzhou-2020');
    expect(rolloverChecks(input)).toEqual([]);
  });
});
