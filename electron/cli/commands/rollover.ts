// `plandesk rollover <plan.json | id> --year 2021 [--json | --save]`: 基于往年要点 on the command
// line. Prints a Chinese summary (default), the new draft in the exchange format with its
// "flags" and "basedOn" (--json), or stores it in the library and prints the new id (--save).
import { AppError } from '../../../shared/errors';
import { FLAG_KINDS, FLAG_KIND_LABELS, rolloverPlan, type RolloverResult } from '../../../shared/rollover/index';
import { parsePlanDocument } from '../../../shared/validation';
import { parseCommandArgs } from '../args';
import { isPlanFile, readAnyPlanFile } from '../plan-source';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk rollover <文件.plan.json | 编号> --year <年份> [--json | --save]
以往年要点为基础生成新年度的草稿：按新年度改标题和当年的年份表述，保留全部任务、责任单位和目标（目标标为待确认），
清空文号、索引号、成文和发布日期，并列出需要人工核对的地方（往年年份、过时的规划期表述、一次性活动、已过的时限）。
  --year  新计划的年度（必填）
  --json  以 JSON（计划交换格式，含 flags 和 basedOn）输出
  --save  存入资料库并输出新计划的编号`;

function summary(r: RolloverResult, source: string): string {
  const { doc, summary: s } = r;
  const lines = [`基于：${doc.basedOn?.title ?? source}（${doc.basedOn?.year ?? ''}年）`, `新草稿：${doc.meta.title}（${doc.meta.year}年）`];
  for (const w of r.warnings) lines.push(`注意：${w}`);
  lines.push(`沿用 ${s.tasks} 项任务，${s.carriedUnits} 个责任单位。`);
  lines.push(`需要核对 ${r.flags.length} 处：${FLAG_KINDS.map((k) => `${FLAG_KIND_LABELS[k]} ${s.flagsByKind[k]}`).join('，')}`);
  for (const f of r.flags) lines.push(`  - [${FLAG_KIND_LABELS[f.kind]}] ${f.anchor ? `“${f.anchor}”：` : ''}${f.message}（位置：${f.path}）`);
  return lines.join('\n');
}

export const rolloverCommand: CliCommand = {
  name: 'rollover',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { year: { type: 'string' }, json: { type: 'boolean' }, save: { type: 'boolean' } }, usage);
    const source = positionals[0];
    if (!source) throw new AppError('invalid-args', '缺少往年要点：请给出 .plan.json 文件或资料库中的编号');
    if (positionals.length > 1) throw new AppError('invalid-args', '一次只能基于一份要点生成草稿');
    if (values.year === undefined) throw new AppError('invalid-args', '缺少 --year：请给出新计划的年度，例如 --year 2021');
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1949 || Number(values.year) > 2100) {
      throw new AppError('invalid-args', `年份“${values.year}”无效：应为 1949–2100 之间的四位数字`);
    }
    if (values.json && values.save) throw new AppError('invalid-args', '--json 和 --save 只能选一个');
    // A plan in the library is rolled over by the operation the 新建 dialog uses (rollover.preview).
    const year = Number(values.year);
    const result = isPlanFile(source, ctx.cwd)
      ? rolloverPlan(await readAnyPlanFile(source, ctx.cwd), year, {})
      : await (await ctx.services())['rollover.preview']({ id: source, year });
    if (values.save) {
      const next = parsePlanDocument(result.doc);
      const record = await (await ctx.services())['plans.create']({ title: next.meta.title || '未命名计划', year: next.meta.year, doc: next });
      for (const w of result.warnings) ctx.err(`注意：${w}`);
      ctx.out(record.id);
      return EXIT_OK;
    }
    if (values.json) {
      for (const w of result.warnings) ctx.err(`注意：${w}`);
      ctx.out(JSON.stringify(result.doc, null, 2));
      return EXIT_OK;
    }
    ctx.out(summary(result, source));
    return EXIT_OK;
  },
};
