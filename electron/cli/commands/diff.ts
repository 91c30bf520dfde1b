// `plandesk diff <old> <new> [--json]`
import { AppError } from '../../../shared/errors';
import { diffPlans, type RedlinePart } from '../../../shared/compare';
import { parseCommandArgs } from '../args';
import { loadPlan } from '../plan-source';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk diff <旧计划 | 编号> <新计划 | 编号> [--json]
逐项比较两份计划（如往年与今年、两个版本）：新增、删除、修改、移动的任务，修改处按词标出（[-删去-]{+新增+}），责任单位和目标的变化单独列出。
计划可以是 .plan.json 文件、能导入的任何文件（Word/WPS、PDF、OFD、.odt、RTF、网页、文本）或资料库中的编号。
  --json  输出 JSON`;

function mark(parts: RedlinePart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

export const diffCommand: CliCommand = {
  name: 'diff',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    if (positionals.length !== 2) throw new AppError('invalid-args', '需要两份计划：plandesk diff <旧计划> <新计划>。');
    const a = await loadPlan(positionals[0]!, ctx);
    const b = await loadPlan(positionals[1]!, ctx);
    const d = diffPlans(a, b);
    if (values.json) {
      ctx.out(JSON.stringify(d, null, 2));
      return EXIT_OK;
    }
    ctx.out(`比较：${a.meta.title} → ${b.meta.title}`);
    ctx.out(
      `新增 ${d.added.length} 项，删除 ${d.removed.length} 项，修改 ${d.changed.filter((c) => c.title || c.text || c.unitChanges.length || c.targetChanges.length).length} 项，移动 ${d.moved.length} 项，未变 ${d.unchanged} 项`,
    );
    for (const t of d.added) ctx.out(`＋ 新增 ${t.label}${t.title}`);
    for (const t of d.removed) ctx.out(`－ 删除 ${t.label}${t.title}`);
    for (const c of d.changed) {
      ctx.out(
        `～ ${c.old.label}${c.old.title}${c.old.label !== c.new.label ? ` → ${c.new.label}` : ''}${c.moved ? `（移动：${c.old.section || '—'} → ${c.new.section || '—'}）` : ''}`,
      );
      if (c.title) ctx.out(`    标题：${mark(c.title)}`);
      if (c.text) ctx.out(`    正文：${mark(c.text)}`);
      for (const u of c.unitChanges) ctx.out(`    ${u}`);
      for (const t of c.targetChanges) ctx.out(`    ${t}`);
    }
    return EXIT_OK;
  },
};
