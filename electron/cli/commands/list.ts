// `plandesk list`: reads the library's database directly (the `plans.list` query itself, from
// summaries.ts), so neither the services nor zod are loaded (issue 17).
import { STATUS_LABELS } from '../../../shared/plan/status';
import { listPlans } from '../../services/library/summaries';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk list [--json] [--search 关键词]
列出资料库中的计划（不含回收站）。--json 以 JSON 输出。`;

export const listCommand: CliCommand = {
  name: 'list',
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, search: { type: 'string' } }, usage);
    const plans = listPlans(await ctx.database(), values.search ? { query: values.search } : {});
    if (values.json) {
      ctx.out(JSON.stringify(plans, null, 2));
      return EXIT_OK;
    }
    if (!plans.length) {
      ctx.out('资料库中还没有计划。可用 plandesk save <文件.plan.json> 保存一份。');
      return EXIT_OK;
    }
    for (const p of plans) {
      ctx.out(`${p.id}  ${p.year}  ${STATUS_LABELS[p.status]}  ${p.updatedAt.slice(0, 16).replace('T', ' ')}  ${p.title}（${p.taskCount} 项任务）`);
    }
    return EXIT_OK;
  },
};
