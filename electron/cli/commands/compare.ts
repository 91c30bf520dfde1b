// `plandesk compare --upper <file|id> --draft <file|id> [--json] [--paragraphs]`
import { AppError } from '../../../shared/errors';
import { compareUpperDraft, comparisonJson } from '../../../shared/compare';
import { findingLines, leftOutLine, linkReason, mergeNote, STATUS_LABEL } from '../../../shared/compare/coverage-table';
import { taskUnits } from '../../../shared/compare/units';
import { parseCommandArgs } from '../args';
import { loadPlan } from '../plan-source';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk compare --upper <上级文件 | 编号> --draft <本级草稿 | 编号> [--json] [--paragraphs]
对照上级文件检查本级草稿：上级每项任务的落实情况（已落实 / 部分落实 / 未落实）、对应的本级任务、相似度及依据、
部分落实时未见落实的内容、目标差异及理由（上级和本级的原文并列）和覆盖率。
文件可以是 .plan.json，也可以是能导入的任何文件（Word/WPS、PDF、OFD、.odt、RTF、网页、文本），按导入时的方法识别。
  --json        输出 JSON（coverage、upper、draftOnly；目标差异含 kind、aspect）
  --paragraphs  上级文件没有可识别的任务时，按段落对照`;

export const compareCommand: CliCommand = {
  name: 'compare',
  usage,
  async run(args, ctx) {
    const { values } = parseCommandArgs(
      args,
      { upper: { type: 'string' }, draft: { type: 'string' }, json: { type: 'boolean' }, paragraphs: { type: 'boolean' } },
      usage,
    );
    if (!values.upper || !values.draft) throw new AppError('invalid-args', '缺少 --upper 或 --draft（上级文件和本级草稿都要指定）。');
    const upper = await loadPlan(values.upper, ctx);
    const draft = await loadPlan(values.draft, ctx);
    if (!taskUnits(upper).length && !values.paragraphs) {
      ctx.err('上级文件中没有可识别的任务；可加 --paragraphs 按段落对照。');
      return EXIT_BAD_INPUT;
    }
    const c = compareUpperDraft(upper, draft, { paragraphs: values.paragraphs ? 'auto' : 'never' });
    if (values.json) {
      ctx.out(JSON.stringify(comparisonJson(c), null, 2));
      return EXIT_OK;
    }
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const n = (s: keyof typeof STATUS_LABEL) => c.upper.filter((u) => u.status === s).length;
    ctx.out(`对照上级文件：${upper.meta.title} → ${draft.meta.title}`);
    if (c.mode === 'paragraphs') ctx.out('（按段落对照）');
    ctx.out(`覆盖率 ${pct(c.coverage)}：已落实 ${n('covered')} 项，部分落实 ${n('partial')} 项，未落实 ${n('missing')} 项（共 ${c.upper.length} 项）`);
    for (const s of c.sections) if (s.section) ctx.out(`  ${s.section}：${pct(s.coverage)}（${s.covered}/${s.tasks} 已落实）`);
    ctx.out('');
    for (const u of c.upper) {
      ctx.out(`${u.label}${u.title}【${STATUS_LABEL[u.status]}】`);
      for (const l of u.links) {
        ctx.out(`    → ${l.label}${l.title}（相似度 ${l.score.toFixed(2)}）${mergeNote(l)}`);
        const reason = linkReason(l);
        if (reason) ctx.out(`      依据：${reason}`);
      }
      const left = leftOutLine(u);
      if (left) ctx.out(`    ${left}`);
      for (const f of u.targetFindings) {
        const [line, quotes] = findingLines(f);
        ctx.out(`    ！${line}`);
        ctx.out(`      ${quotes}`);
      }
    }
    if (c.draftOnly.length) {
      ctx.out('');
      ctx.out(`本级新增任务（上级文件中没有对应）${c.draftOnly.length} 项：`);
      for (const d of c.draftOnly) ctx.out(`    ${d.label}${d.title}`);
    }
    return EXIT_OK;
  },
};
