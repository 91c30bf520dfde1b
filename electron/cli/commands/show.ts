import { AppError } from '../../../shared/errors';
import { flattenOutline } from '../../../shared/plan/outline';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk show <编号> [--json]
显示一份计划。--json 输出交换格式（*.plan.json）。`;

export const showCommand: CliCommand = {
  name: 'show',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const id = positionals[0];
    if (!id) throw new AppError('invalid-args', `缺少计划编号。\n${usage}`);
    const record = await (await ctx.services())['plans.get']({ id });
    if (values.json) {
      ctx.out(JSON.stringify(record.doc, null, 2));
      return EXIT_OK;
    }
    ctx.out(`${record.title}（${record.year}年，${record.taskCount} 项任务）`);
    for (const item of flattenOutline(record.doc.body)) {
      ctx.out(`${'  '.repeat(item.level - 1)}${item.label}${item.title}`);
    }
    return EXIT_OK;
  },
};
