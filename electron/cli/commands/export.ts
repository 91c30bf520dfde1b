// `plandesk export <plan.json | id> --out <file.docx> [--form plan|notice] [--attachment] [--table] [--fonts standard|common]`
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { ExportFormSchema, ExportOptionsSchema, type ExportOptionsInput } from '../../../shared/export/options';
import { FONT_SCHEME_SETTINGS_KEY, rememberFontScheme, rememberedFontScheme } from '../../../shared/export/font-scheme-memory';
import { resolveExport } from '../../../shared/export/resolve';
import { FONT_SCHEMES, FONT_SCHEME_NAMES, type FontScheme } from '../../../shared/layout/gbt9704';
import { exportToFile } from '../../export/to-file';
import { planExportReadiness } from '../../services/export-service';
import { parseCommandArgs } from '../args';
import { isPlanFile, loadPlan } from '../plan-source';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk export <计划文件.plan.json | 编号> --out <文件.docx> [选项]
按 GB/T 9704-2012 公文格式导出 DOCX。
  --out <文件>       输出文件（.docx），必填
  --form plan|notice 导出形式：plan 要点单独成文（默认）；notice 以印发通知印发（版头、版记）
  --attachment       印发通知时，要点作为附件（附件说明 + 附件页）；不加则接排在通知之后
  --sealed           加盖印章的署名、日期版式
  --disclosure       首页加政府信息公开属性表（索引号、主题分类等）
  --table            导出任务分工表（横向表格），而不是正文
  --line-pitch 579|560  行距（缇）：579 即 28.95 磅（默认），560 即 28 磅
  --fonts standard|common  字体方案：standard 标准（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312）；
                     common 通用（宋体加粗、仿宋、黑体、楷体，适用于没有 GB2312 字体的电脑）。
                     不加时，资料库中的计划沿用本发文机关上次的方案，否则为标准
印发通知缺少发文机关、文号等必要信息时不导出，并列出缺少的项目（退出码 2）。`;

export const exportCommand: CliCommand = {
  name: 'export',
  usage,
  async run(args, ctx) {
    const { positionals, values } = parseCommandArgs(
      args,
      {
        out: { type: 'string', short: 'o' },
        form: { type: 'string' },
        attachment: { type: 'boolean' },
        sealed: { type: 'boolean' },
        disclosure: { type: 'boolean' },
        table: { type: 'boolean' },
        'line-pitch': { type: 'string' },
        fonts: { type: 'string' },
      },
      usage,
    );
    const source = positionals[0];
    if (!source) throw new AppError('invalid-args', `缺少计划文件或编号。\n${usage}`);
    if (!values.out) throw new AppError('invalid-args', `缺少 --out <文件.docx>。\n${usage}`);
    const form = ExportFormSchema.safeParse(values.form ?? 'plan');
    if (!form.success) throw new AppError('invalid-args', `--form 应为 plan 或 notice，而不是“${values.form}”。`);
    const pitch = values['line-pitch'] === undefined ? 579 : Number(values['line-pitch']);
    if (pitch !== 579 && pitch !== 560) throw new AppError('invalid-args', '--line-pitch 应为 579 或 560。');
    const fontsArg = values.fonts;
    if (fontsArg !== undefined && !(FONT_SCHEME_NAMES as readonly string[]).includes(fontsArg)) {
      throw new AppError('invalid-args', `--fonts 应为 standard（标准）或 common（通用），而不是“${fontsArg}”。`);
    }
    const options: ExportOptionsInput = {
      form: form.data,
      attachment: values.attachment ?? false,
      sealed: values.sealed ?? false,
      includeDisclosureTable: values.disclosure ?? false,
      linePitchTwips: pitch,
    };
    const doc = await loadPlan(source, ctx);
    // 字体方案: as given, remembered for the office when the plan is in the library; else the
    // office's last one (library plans), else 标准.
    const fromLibrary = !isPlanFile(source, ctx.cwd);
    const office = resolveExport(doc, ExportOptionsSchema.parse(options)).issuer;
    const settings = fromLibrary ? await ctx.services() : null;
    const stored = settings ? (await settings['settings.get']({ key: FONT_SCHEME_SETTINGS_KEY })).value : null;
    const scheme = (fontsArg as FontScheme | undefined) ?? rememberedFontScheme(stored, office) ?? 'standard';
    options.fonts = FONT_SCHEMES[scheme];
    if (settings && fontsArg) await settings['settings.set']({ key: FONT_SCHEME_SETTINGS_KEY, value: rememberFontScheme(stored, office, scheme) });
    if (!values.table) {
      // The export operations' check (export-service.ts), printed as a list.
      const { missing, warnings } = planExportReadiness(doc, options);
      if (missing.length) {
        ctx.err(`无法导出：缺少以下信息——\n${missing.map((m) => `  - ${m}`).join('\n')}`);
        return EXIT_BAD_INPUT;
      }
      for (const w of warnings) ctx.err(`警告：${w}`);
    }
    const out = resolve(ctx.cwd, values.out);
    const result = await exportToFile(doc, out, options, values.table ? 'table' : 'plan');
    ctx.out(result.path);
    return EXIT_OK;
  },
};
