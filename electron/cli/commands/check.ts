// `plandesk check <file | id> [--json]`: the 校对 findings of a plan (shared/checks, the same
// list the editor's panel shows when the plan is opened), each with its place and proposed fix.
// Exit code 0 when no finding is an error, 1 when some are, 2 for bad input.
import { AppError } from '../../../shared/errors';
import { checkPlan, type PlacedCheck } from '../../../shared/checks/index';
import type { PlanDocument } from '../../../shared/plan/schema';
import { parseCommandArgs } from '../args';
import { isPlanFile, readImportable, readPlanFile } from '../plan-source';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliContext } from '../types';

const usage = `用法：plandesk check <文件.plan.json | 可导入的文件 | 编号> [--json]
校对一份计划：列出没有牵头单位的任务、半角标点、文号不规范、标题句缺少句号、责任单位括号不完整、
年份不一致、过时的规划期、内容相近的任务、空的章节等，注明位置（任务编号和标题）和建议的修改。
其他文件（Word/WPS、PDF、OFD、.odt、RTF、网页、文本）先按“导入”的方式识别再校对；编号指资料库中的计划（已忽略的提示不再列出）。
  --json  以 JSON 输出（findings：code、severity、message、place、fix）
退出码：没有“错误”级别的问题为 0，有为 1；文件或参数不正确为 2。`;

const SEVERITY: Record<PlacedCheck['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** A .json file is a plan file; another existing file is imported; anything else is a library id. */
async function loadForCheck(source: string, ctx: CliContext): Promise<{ doc: PlanDocument; from: string }> {
  if (/\.json$/i.test(source)) return { doc: await readPlanFile(source, ctx.cwd), from: source };
  if (isPlanFile(source, ctx.cwd)) return { doc: (await readImportable(source, ctx.cwd)).doc, from: `${source}，按导入识别` };
  return { doc: (await (await ctx.services())['plans.get']({ id: source })).doc, from: `资料库 ${source}` };
}

function placeText(c: PlacedCheck): string {
  const p = c.place;
  if (p.kind === 'meta') return '文件信息';
  if (p.kind === 'paragraph') return `段落“${p.excerpt}”`;
  return `${p.kind === 'task' ? '任务' : '标题'} ${p.label}“${p.excerpt}”`;
}

/** What the fix writes, in one line: its label and the changed text (clipped). */
function fixText(c: PlacedCheck): string | null {
  if (!c.fix) return null;
  const patch = c.fix.patch as Record<string, unknown>;
  const values = 'meta' in patch ? Object.values(patch.meta as Record<string, unknown>) : Object.values(patch);
  const shown = values
    .map((v) => (Array.isArray(v) ? v.join('、') : typeof v === 'string' ? v : ''))
    .filter(Boolean)
    .map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v));
  return shown.length && !c.fix.label.includes(shown[0]!) ? `${c.fix.label}：${shown.join(' | ')}` : c.fix.label;
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const source = positionals[0];
    if (!source) throw new AppError('invalid-args', '缺少计划，用法：plandesk check <文件 | 编号> [--json]');
    if (positionals.length > 1) throw new AppError('invalid-args', '一次只能校对一份计划');
    const { doc, from } = await loadForCheck(source, ctx);
    const findings = checkPlan(doc);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const c of findings) counts[c.severity]++;
    if (values.json) {
      ctx.out(
        JSON.stringify(
          {
            title: doc.meta.title,
            counts,
            findings: findings.map((c) => ({
              id: c.id,
              code: c.code,
              severity: c.severity,
              message: c.message,
              place: { ...c.place, blockIndex: c.blockIndex, ...(c.field ? { field: c.field } : {}) },
              ...(c.fix ? { fix: { label: c.fix.label, patch: c.fix.patch } } : {}),
            })),
          },
          null,
          2,
        ),
      );
    } else {
      ctx.out(`校对：${doc.meta.title}（${from}）`);
      if (!findings.length) ctx.out('没有发现问题。');
      else {
        ctx.out(`共 ${findings.length} 处：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`);
        for (const c of findings) {
          ctx.out(`[${SEVERITY[c.severity]}] ${placeText(c)}：${c.message}`);
          const fix = fixText(c);
          if (fix) ctx.out(`    建议修改：${fix}`);
        }
      }
    }
    return counts.error ? EXIT_FAILURE : EXIT_OK;
  },
};
