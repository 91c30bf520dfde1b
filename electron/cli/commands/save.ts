import { AppError } from '../../../shared/errors';
import { parseCommandArgs } from '../args';
import { readPlanFile } from '../plan-source';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk save <文件.plan.json>
校验并保存到资料库，输出新计划的编号。文件不合格时不保存任何内容。`;

export const saveCommand: CliCommand = {
  name: 'save',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    const file = positionals[0];
    if (!file) throw new AppError('invalid-args', `缺少文件名。\n${usage}`);
    const doc = await readPlanFile(file, ctx.cwd);
    const record = await (await ctx.services())['plans.create']({ title: doc.meta.title || '未命名计划', year: doc.meta.year, doc });
    ctx.out(record.id);
    return EXIT_OK;
  },
};
