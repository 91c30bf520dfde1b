// Export options: one zod schema so the dialog, the CLI and the exporter validate alike.
import { z } from 'zod';
import { DEFAULT_FONTS, DEFAULT_LINE_PITCH_TWIPS, FontSettingsSchema, LinePitchSchema } from '../layout/gbt9704';

const isoDate = z.string().regex(/^\d{4}-\d{1,2}-\d{1,2}$/, { message: '日期应为 YYYY-MM-DD 格式' });
const line = z.string().trim().max(400, { message: '不能超过 400 个字' });

/** Values that replace what doc.meta / doc.notice say, for this export only. */
export const ExportOverridesSchema = z.object({
  /** 发文机关 (版头, 署名 default, 印发机关 default) */
  issuer: line.optional(),
  /** 发文机关标志 text, default issuer + "文件" */
  letterhead: line.optional(),
  docNumber: line.optional(),
  noticeTitle: line.optional(),
  /** 主送机关 */
  addressees: z.array(line).optional(),
  /** 署名 */
  signer: line.optional(),
  /** 成文日期, ISO */
  date: isoDate.optional(),
  /** 附注, e.g. （此件公开发布） */
  note: line.optional(),
  /** 抄送机关 */
  cc: z.array(line).optional(),
  /** 印发机关 (版记) */
  printer: line.optional(),
  /** 印发日期, ISO */
  printDate: isoDate.optional(),
});
export type ExportOverrides = z.infer<typeof ExportOverridesSchema>;

export const ExportFormSchema = z.enum(['plan', 'notice'], { message: '导出形式应为 plan（要点单独成文）或 notice（印发通知）' });
export type ExportForm = z.infer<typeof ExportFormSchema>;

export const ExportOptionsSchema = z.object({
  /** 'plan': the plan alone; 'notice': issued by a 印发通知 with 版头 and 版记. */
  form: ExportFormSchema.default('plan'),
  /** Notice form: the plan as 附件 (附件说明 + 附件 page) instead of running on. */
  attachment: z.boolean().default(false),
  /** 署名/日期 layout for a sealed document (date four characters in, 署名 centred over it). */
  sealed: z.boolean().default(false),
  /** A first page with the disclosure table (索引号, 主题分类, …). */
  includeDisclosureTable: z.boolean().default(false),
  /** Plan form: 署名 and date under the plan. */
  planSignature: z.boolean().default(false),
  /** Plan form: 主送 under the title (the addressees of doc.meta or the overrides). */
  planAddressees: z.boolean().default(false),
  fonts: FontSettingsSchema.default(DEFAULT_FONTS),
  linePitchTwips: LinePitchSchema.default(DEFAULT_LINE_PITCH_TWIPS),
  overrides: ExportOverridesSchema.default({}),
});
/** What callers pass (defaults may be left out). */
export type ExportOptionsInput = z.input<typeof ExportOptionsSchema>;
/** What the exporter works with (defaults filled in). */
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

export function defaultExportOptions(over: ExportOptionsInput = {}): ExportOptions {
  return ExportOptionsSchema.parse(over);
}
