import { describe, expect, it } from 'vitest';
import { runChecks, similarity } from '../../shared/checks/index';
import { bodyToBlocks } from '../../shared/plan/flat';
import { loadFixture, plan, task, withCode } from './checks-helpers';

const A = task(
  '推进森林消防专业队伍建设',
  '加快完成30人消防救援中队人员招录工作，加快组建森林消防专业队伍，逐步建成“保证重点、辐射周边”的森林火灾应急救援体系。',
);
// The same task reworded, as a second drafter would write it into another section.
const A2 = task('加快森林消防专业队伍建设', '尽快完成30人消防救援中队招录，组建森林消防专业队伍，逐步形成“保证重点、辐射周边”的森林火灾救援体系。');
// A different task of the same domain.
const B = task('加强应急队伍建设', '组建地震地质灾害工程救援队，加强综合性消防救援队伍、森林防灭火队伍建设，整合专业救援队伍成为新型综合性救援队伍。');
const C = task('提升生产安全事故应急救援能力', '加快预案修订工作，整合优化各类安全生产应急救援力量，强化应急救援人员配置、装备配备和应急演练。');

describe('task-duplicate', () => {
  it('matches a reworded copy and names both labels', () => {
    const inp = plan([A, B, A2]);
    const cs = withCode(runChecks(inp), 'task-duplicate');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ severity: 'warning', blockIndex: 4 });
    expect(cs[0]!.message).toMatch(/^任务 3 与任务 1 内容相似（\d+%），可能重复/);
  });

  it('does not match different tasks of the same domain', () => {
    expect(withCode(runChecks(plan([A, B, C])), 'task-duplicate')).toEqual([]);
    expect(similarity(`${A.title}。${A.text}`, `${B.title}。${B.text}`).dice).toBeLessThan(0.5);
  });

  it('matches a task copied into a longer one', () => {
    const longer = task('加强队伍建设', `${A.text}同时加强应急装备配备，开展联合演练，提升实战能力。`);
    expect(withCode(runChecks(plan([A, longer])), 'task-duplicate')).toHaveLength(1);
  });

  it('notes identical titles with different bodies as information', () => {
    const cs = withCode(
      runChecks(plan([task('加强宣传教育', '开展安全生产月活动。'), task('加强宣传教育', '推进安全文化示范企业创建，打造安全文化公园。')])),
      'task-duplicate',
    );
    expect(cs.map((c) => [c.severity, c.message.includes('标题相同')])).toEqual([['info', true]]);
  });

  it('finds no duplicates in the three sample plans (all their tasks differ)', () => {
    for (const name of ['tengzhou-2020', 'lucheng-2025', 'nanxun-2021'] as const) {
      expect(withCode(runChecks(loadFixture(name).input), 'task-duplicate'), name).toEqual([]);
    }
  });

  it('finds a task of one sample pasted into another sample, across 60 tasks', () => {
    const t = loadFixture('tengzhou-2020').input;
    const l = loadFixture('lucheng-2025');
    const lBlocks = bodyToBlocks(l.doc.body);
    const at = lBlocks.findIndex((b) => b.type === 'task' && b.title === '加强应急物资保障');
    const cs = withCode(runChecks({ ...t, blocks: [...t.blocks, lBlocks[at]!, ...lBlocks] }), 'task-duplicate');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.blockIndex).toBe(t.blocks.length + 1 + at);
    expect(cs[0]!.message).toMatch(/^任务（五）（七、提升应急准备下）与任务（五）（二、重点工作下）内容相似/);
  });
});
