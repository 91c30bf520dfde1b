import { AppError } from '../../../shared/errors';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';
import { createTemplateServices, instantiateFromTemplate, type TemplateDeps } from '../../services/templates-service';
import { cliTemplateDeps } from './templates';

const usage = `用法：plandesk new --template <编号或名称> --year 年份 --issuer 发文机关 [--place 地区] [--save]
用模板新建一份计划：填入年份、发文机关和地区（不填时从发文机关推出，如“滕州市安全生产委员会”→ 滕州市）。
--save 存入资料库并输出新计划的编号；不加 --save 时输出交换格式（.plan.json）。
模板可写编号（plandesk templates 列出）、名称、或内置模板的文件名（如 county-yaodian）。`;

/** The id of the one template that <name|id> means; a clear error when none or several fit. */
async function resolveTemplateId(deps: TemplateDeps, wanted: string): Promise<string> {
  const { templates } = await createTemplateServices(deps)['templates.list']();
  const w = wanted.trim();
  const exact = templates.filter((t) => t.id === w || t.name === w || t.id === `bundled:${w}` || t.id === `bundled:${w}.plan.json`);
  if (exact.length === 1) return exact[0]!.id;
  const matches = exact.length ? exact : templates.filter((t) => t.name.includes(w) || t.id.includes(w));
  if (matches.length === 1) return matches[0]!.id;
  if (!matches.length) throw new AppError('not-found', `找不到模板“${w}”。运行 plandesk templates 查看可用模板。`);
  throw new AppError('invalid-args', `“${w}”对应多个模板，请写编号：\n${matches.map((t) => `  ${t.id}  ${t.name}`).join('\n')}`);
}

export const newCommand: CliCommand = {
  name: 'new',
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs(
      args,
      { template: { type: 'string' }, year: { type: 'string' }, issuer: { type: 'string' }, place: { type: 'string' }, save: { type: 'boolean' } },
      usage,
    );
    if (!values.template) throw new AppError('invalid-args', `缺少 --template。\n${usage}`);
    if (!values.year || !/^\d{4}$/.test(values.year.trim())) throw new AppError('invalid-args', `--year 应为四位年份，如 --year 2026。\n${usage}`);
    if (!values.issuer?.trim()) throw new AppError('invalid-args', `缺少 --issuer（发文机关）。\n${usage}`);
    const deps = await cliTemplateDeps(ctx);
    const templateId = await resolveTemplateId(deps, values.template);
    const input = {
      templateId,
      year: Number(values.year.trim()),
      issuer: values.issuer.trim(),
      ...(values.place?.trim() ? { place: values.place.trim() } : {}),
    };
    const { doc, unknown } = await instantiateFromTemplate(deps, input);
    for (const line of unknown) ctx.err(`注意：${line}`);
    if (values.save) {
      const record = await createTemplateServices(deps)['plans.fromTemplate'](input);
      ctx.out(record.id);
    } else {
      ctx.out(JSON.stringify(doc, null, 2));
    }
    return EXIT_OK;
  },
};
