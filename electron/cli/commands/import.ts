// `plandesk import <file> [--json] [--summary] [--save]`: reads a plan in any importable format and
// prints the exchange format (with warnings) as JSON, or a short Chinese summary.
// Output choice: --json forces JSON, --summary forces the summary; otherwise JSON when stdout
// is not a terminal (pipes, scripts) and the summary when a person is looking at a terminal.
import { confirmWarnings } from '../../../shared/checks/carried';
import { AppError } from '../../../shared/errors';
import { parsePlanDocument } from '../../../shared/validation';
import { formatLabel, walkOutline } from '../../../shared/plan/numbering';
import { readImportable } from '../plan-source';
import type { ImportResult } from '../../../shared/import/analyze';
import { ORIGIN_LABELS, type FieldOrigin } from '../../../shared/import/origins';
import { parseCommandArgs } from '../args';
import { EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk import <文件> [--json] [--summary] [--save [--year <年份>] [--title <标题>]]
读取工作要点（Word/WPS 文档 .docx/.doc/.wps、PDF、OFD、OpenDocument .odt、RTF、网页 .html/.htm、文本 .txt），
识别元数据、通知、层级结构、责任单位和量化目标。
  --json     以 JSON（计划交换格式，含警告）输出到标准输出（输出被重定向时默认如此）
  --summary  输出中文摘要（在终端中运行时默认如此），并说明标题、年度、主送机关从何处识别
  --save     存入资料库并输出新计划的编号；原文中找不到年份时必须用 --year 给出
  --year     计划年度（四位数字），覆盖识别结果
  --title    计划标题，覆盖识别结果
文件无法读取时退出码为 2，不保存任何内容。`;

function from(o: FieldOrigin): string {
  return `来自${ORIGIN_LABELS[o.source]}${o.excerpt ? `“${o.excerpt.length > 40 ? `${o.excerpt.slice(0, 40)}…` : o.excerpt}”` : ''}`;
}

function summary(r: ImportResult, file: string): string {
  const { doc, stats, origins } = r;
  const lines = [
    `文件：${file}`,
    `标题：${doc.meta.title}（${from(origins.title)}）`,
    origins.year.source === 'none' ? '年度：未识别（保存时请用 --year 给出）' : `年度：${doc.meta.year}（${from(origins.year)}）`,
  ];
  if (doc.meta.addressees.length) lines.push(`主送机关：${doc.meta.addressees.join('、')}（${from(origins.addressees)}）`);
  if (doc.meta.issuer) lines.push(`发文机关：${doc.meta.issuer}`);
  if (doc.meta.docNumber) lines.push(`文号：${doc.meta.docNumber}`);
  if (doc.meta.writtenDate) lines.push(`成文日期：${doc.meta.writtenDate}`);
  lines.push(`识别结果：${stats.headings} 个标题，${stats.tasks} 项任务，${stats.paragraphs} 个段落，${stats.units.length} 个责任单位，${stats.chars} 字`);
  const outline: string[] = [];
  walkOutline(doc.body, (n) => {
    if (n.type === 'heading' && n.level <= 2) outline.push(`${'  '.repeat(n.level - 1)}${formatLabel(n.level, n.ordinal)}${n.title}`);
  });
  if (outline.length) lines.push('结构：', ...outline.map((l) => `  ${l}`));
  if (doc.warnings.length) {
    lines.push(`需要核对（${doc.warnings.length} 处）：`);
    for (const w of doc.warnings) lines.push(`  - ${w.message}${w.path ? `（位置：${w.path}）` : ''}`);
  } else {
    lines.push('没有需要核对的问题。');
  }
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, summary: { type: 'boolean' }, save: { type: 'boolean' }, year: { type: 'string' }, title: { type: 'string' } },
      usage,
    );
    const file = positionals[0];
    if (!file) throw new AppError('invalid-args', '缺少文件名，用法：plandesk import <文件> [--json] [--save]');
    if (positionals.length > 1) throw new AppError('invalid-args', '一次只能导入一个文件');
    const result = await readImportable(file, ctx.cwd);
    if (values.year !== undefined && !/^\d{4}$/.test(String(values.year))) {
      throw new AppError('invalid-args', `--year 应为四位数字，例如 2026，而不是“${String(values.year)}”`);
    }
    if (values.save) {
      if (values.year === undefined && result.origins.year.source === 'none') {
        throw new AppError('invalid-args', `未能从“${file}”中识别出计划年度（标题、正文、文号和日期中都没有），未保存。请用 --year 给出年度，例如 --year 2026`);
      }
      const doc = parsePlanDocument(result.doc);
      if (values.year !== undefined) {
        doc.meta.year = Number(values.year);
        doc.warnings = confirmWarnings(doc.warnings, ['year']); // given by a person
      }
      if (typeof values.title === 'string' && values.title.trim()) doc.meta.title = values.title.trim();
      const record = await (await ctx.services())['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
      ctx.out(record.id);
      return EXIT_OK;
    }
    const asJson = values.json === true || (values.summary !== true && !process.stdout.isTTY);
    ctx.out(asJson ? JSON.stringify(result.doc, null, 2) : summary(result, file));
    return EXIT_OK;
  },
};
