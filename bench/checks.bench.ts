// 校对 speed: runChecks on a 400-task plan (the size issue 7 named). Was a timed unit test,
// which failed on a busy machine; speed is measured here, never asserted in a test.
import { runChecks, type CheckInput } from '../shared/checks/index';
import type { FlatBlock } from '../shared/plan/flat';
import { median, timeRuns } from './util';

function bigPlan(tasks: number): CheckInput {
  const blocks: FlatBlock[] = [
    { type: 'heading', level: 1, title: '重点工作' },
    { type: 'heading', level: 2, title: '压实责任' },
  ];
  for (let i = 0; i < tasks; i++) {
    blocks.push({
      type: 'task',
      level: 3,
      title: `任务${i}`,
      text: `第${i}项工作要求${'加强监管落实责任'.repeat(1 + (i % 5))}，编号${i * 7919}。`,
      lead: ['县应急局'],
      support: ['各乡镇'],
      unitsText: '县应急局牵头，各乡镇负责落实',
      targets: [],
    });
  }
  return {
    meta: { title: '2021年全县安全生产工作要点', year: 2021, addressees: [], cc: [] },
    blocks,
    numbering: { perLevel: ['restart', 'restart', 'continuous', 'restart'] },
  };
}

export default async function run(): Promise<Record<string, unknown>> {
  const input = bigPlan(400);
  const times = await timeRuns(() => runChecks(input), 10, 2);
  return {
    tasks: 400,
    findings: runChecks(input).length,
    medianMs: +median(times).toFixed(1),
    minMs: +Math.min(...times).toFixed(1),
    maxMs: +Math.max(...times).toFixed(1),
    goalMs: 1500,
    meetsGoal: median(times) < 1500,
  };
}
