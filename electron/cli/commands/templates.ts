import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand, type CliContext } from '../types';
import { createTemplateServices, findTemplatesDir, type TemplateDeps } from '../../services/templates-service';
import { join } from 'node:path';

const usage = `用法：plandesk templates [--json]
列出可用的模板：随软件提供的内置模板、资料库中“另存为模板”保存的模板，以及有问题、
暂不能使用的模板文件和原因。--json 以 JSON 输出。
内置模板文件夹可用环境变量 PLANDESK_TEMPLATES 指定。`;

/** The template services over the CLI's library and the bundled templates folder. */
export async function cliTemplateDeps(ctx: CliContext): Promise<TemplateDeps> {
  const library = await ctx.services();
  return { templatesDir: findTemplatesDir(process.env, [ctx.cwd]) ?? join(ctx.cwd, 'templates'), library };
}

export const templatesCommand: CliCommand = {
  name: 'templates',
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const result = await createTemplateServices(await cliTemplateDeps(ctx))['templates.list']();
    if (values.json) {
      ctx.out(JSON.stringify(result, null, 2));
      return EXIT_OK;
    }
    const bundled = result.templates.filter((t) => t.source === 'bundled');
    const user = result.templates.filter((t) => t.source === 'user');
    ctx.out('内置模板：');
    if (!bundled.length) ctx.out('  （没有）');
    for (const t of bundled) ctx.out(`  ${t.id}  ${t.name}${t.description ? `\n      ${t.description}` : ''}`);
    ctx.out('我的模板：');
    if (!user.length) ctx.out('  （没有。可在软件中把一份计划“另存为模板”。）');
    for (const t of user) ctx.out(`  ${t.id}  ${t.name}${t.year ? `（${t.year}年）` : ''}`);
    if (result.broken.length) {
      ctx.out('有问题的模板文件（暂不能使用）：');
      for (const b of result.broken) ctx.out(`  ${b.file}：${b.reason}`);
    }
    ctx.out('用模板新建：plandesk new --template <编号或名称> --year 年份 --issuer 发文机关 [--place 地区] [--save]');
    return EXIT_OK;
  },
};
