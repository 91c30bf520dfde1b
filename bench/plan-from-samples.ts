// A large plan made from the real sample tasks (the three imported fixtures), for benchmarks:
// the tasks are cycled through sections until the plan has the requested number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renumber, walkOutline } from '../shared/plan/numbering';
import { parsePlanDocument } from '../shared/validation';
import type { BodyNode, HeadingNode, PlanDocument, TaskNode } from '../shared/plan/schema';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'test', 'fixtures', 'plans');

export function sampleTasks(): TaskNode[] {
  const out: TaskNode[] = [];
  for (const f of ['tengzhou-2020.plan.json', 'lucheng-2025.plan.json', 'nanxun-2021.plan.json']) {
    const doc = parsePlanDocument(JSON.parse(readFileSync(join(fixtures, f), 'utf8')));
    walkOutline(doc.body, (n) => {
      if (n.type === 'task') out.push({ ...n, level: 3, children: [] });
    });
  }
  return out;
}

export function planFromSamples(taskCount = 400): PlanDocument {
  const pool = sampleTasks();
  const body: BodyNode[] = [{ type: 'paragraph', text: '为深入贯彻落实党中央、国务院关于安全生产工作的决策部署，现提出如下工作要点。' }];
  let made = 0;
  for (let s = 1; made < taskCount; s++) {
    const section: HeadingNode = { type: 'heading', level: 1, ordinal: s, title: `第${s}部分重点工作`, children: [] };
    body.push(section);
    for (let h = 1; h <= 5 && made < taskCount; h++) {
      const sub: HeadingNode = { type: 'heading', level: 2, ordinal: h, title: `强化第${h}方面安全生产工作`, children: [] };
      section.children.push(sub);
      for (let t = 0; t < 10 && made < taskCount; t++) {
        const src = pool[made % pool.length]!;
        sub.children.push({ ...structuredClone(src), title: made < pool.length ? src.title : `${src.title}（${Math.floor(made / pool.length) + 1}）` });
        made++;
      }
    }
  }
  const numbering = { perLevel: ['restart', 'restart', 'continuous', 'restart'] } as PlanDocument['numbering'];
  return parsePlanDocument({
    format: 'plandesk/plan',
    version: 1,
    meta: { title: '2026年全市安全生产工作要点（基准测试）', year: 2026, addressees: [], cc: [] },
    numbering,
    body: renumber(body, numbering),
    warnings: [],
  });
}
