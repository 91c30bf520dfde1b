// `plandesk opinions <plan id> --out table.docx`: the 征求意见汇总表 of a plan as DOCX, its rows
// from the library (review.opinions.list), written as the export.opinions operation writes it
// (review/opinions-docx.ts planOpinionsDocx).
import { extname, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { PLAN_STATUSES, STATUS_LABELS } from '../../../shared/plan/status';
import { UNSIGNED_UNIT } from '../../../shared/review/opinion-rows';
import { writeFileAtomic } from '../../fs/atomic-write';
import { planOpinionsDocx, type ListedOpinion } from '../../review/opinions-docx';
import { parseCommandArgs } from '../args';
import { loadPlan } from '../plan-source';
import { EXIT_FAILURE, EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk opinions <编号> --out <文件.docx> [--unit <提出单位>] [--round <轮次>]
导出征求意见汇总表（序号、轮次、提出单位、涉及任务、意见内容、处理情况、理由），横向表格，公文格式。
  --out <文件>     输出文件（.docx），必填
  --unit <单位>    只导出这个单位提出的意见（未署名的意见：${UNSIGNED_UNIT}）
  --round <轮次>   只导出这一轮的意见：${PLAN_STATUSES.map((s) => STATUS_LABELS[s]).join('、')}`;

type ListOpinions = (req: { planId: string }) => Promise<ListedOpinion[]> | ListedOpinion[];

export const opinionsCommand: CliCommand = {
  name: 'opinions',
  usage,
  async run(args, ctx) {
    const { positionals, values } = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, unit: { type: 'string' }, round: { type: 'string' } }, usage);
    const planId = positionals[0];
    if (!planId) throw new AppError('invalid-args', `缺少计划编号。\n${usage}`);
    if (!values.out) throw new AppError('invalid-args', `缺少 --out <文件.docx>。\n${usage}`);
    if (extname(values.out).toLowerCase() !== '.docx') throw new AppError('invalid-args', `输出文件应以 .docx 结尾：${values.out}`);
    const round = values.round === undefined ? undefined : PLAN_STATUSES.find((s) => s === values.round || STATUS_LABELS[s] === values.round);
    if (values.round !== undefined && !round) throw new AppError('invalid-args', `没有“${values.round}”这一轮次。\n${usage}`);
    // The operation comes with the review tables; until then say so instead of failing oddly.
    const services = (await ctx.services()) as unknown as Record<string, unknown>;
    const list = services['review.opinions.list'] as ListOpinions | undefined;
    if (typeof list !== 'function') {
      ctx.err('此版本的资料库还不能保存征求意见，暂时无法导出征求意见汇总表。');
      return EXIT_FAILURE;
    }
    const doc = await loadPlan(planId, ctx);
    const rows = await list({ planId });
    const bytes = await planOpinionsDocx(doc, rows, { ...(values.unit ? { unit: values.unit } : {}), ...(round ? { round } : {}) });
    const out = resolve(ctx.cwd, values.out);
    await writeFileAtomic(out, bytes);
    ctx.out(out);
    return EXIT_OK;
  },
};
