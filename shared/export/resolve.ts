// What an export will print, from doc.meta, doc.notice and the per-export overrides, and what
// is missing for the chosen form. The dialog and the CLI show `missingForExport` verbatim.
import { countPendingSuggestions } from '../plan/pending-suggestions';
import type { PlanDocument } from '../plan/schema';
import { checkDocNumber } from '../text/doc-number';
import { docNumberExample } from './doc-number-example';
import type { ExportOptions, ExportOptionsInput } from './options';
import { ExportOptionsSchema } from './options';
import { gb2312Warnings } from './gb2312-check';

export interface ResolvedExport {
  title: string;
  /**
   * The plan is itself a notice (e.g. "…关于做好2025年安全生产工作的通知", with no separate
   * transmittal notice): in the notice form its body is the notice text, not an attachment.
   */
  selfNotice: boolean;
  issuer: string;
  letterhead: string;
  docNumber: string;
  noticeTitle: string;
  addressees: string[];
  noticeParagraphs: string[];
  signer: string;
  /** ISO 成文日期 or "" */
  date: string;
  note: string;
  cc: string[];
  printer: string;
  /** ISO 印发日期 or "" */
  printDate: string;
}

const nonEmpty = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.trim()).filter(Boolean);

export function resolveExport(doc: PlanDocument, options: ExportOptions): ResolvedExport {
  const o = options.overrides;
  const m = doc.meta;
  const n = doc.notice;
  const title = m.title.trim();
  const givenNoticeTitle = (o.noticeTitle ?? n?.title ?? m.noticeTitle ?? '').trim();
  const selfNotice = givenNoticeTitle ? givenNoticeTitle === title && !n?.paragraphs.length : /通知$/.test(title);
  const issuer = (o.issuer ?? m.issuer ?? n?.signer ?? '').trim();
  const noticeTitle = (
    o.noticeTitle ??
    n?.title ??
    m.noticeTitle ??
    (selfNotice ? title : issuer && title ? `${issuer}关于印发《${title}》的通知` : '')
  ).trim();
  const addressees = nonEmpty(o.addressees ?? (n?.addressees.length ? n.addressees : m.addressees));
  const paragraphs = nonEmpty(n?.paragraphs);
  const date = (o.date ?? n?.date ?? m.writtenDate ?? '').trim();
  const note = (o.note ?? n?.note ?? (m.disclosure === '主动公开' ? '此件公开发布' : '')).trim().replace(/^[（(]+|[）)]+$/g, '');
  return {
    title,
    selfNotice,
    issuer,
    letterhead: (o.letterhead ?? (issuer ? `${issuer}文件` : '')).trim(),
    docNumber: (o.docNumber ?? m.docNumber ?? '').trim(),
    noticeTitle,
    addressees,
    noticeParagraphs: paragraphs.length ? paragraphs : title && !selfNotice ? [`现将《${title}》印发给你们，请认真贯彻落实。`] : [],
    signer: (o.signer ?? n?.signer ?? issuer).trim(),
    date,
    note: note ? `（${note}）` : '',
    cc: nonEmpty(o.cc ?? m.cc),
    printer: (o.printer ?? (m.issuer ? `${m.issuer.replace(/安全生产委员会$/, '安全生产委员会办公室')}` : issuer)).trim(),
    printDate: (o.printDate ?? m.publishDate ?? date).trim(),
  };
}

/**
 * What a form needs and the document lacks, one Chinese line each (empty = ready).
 * Plan form: a title. Notice form: also 发文机关, 发文字号, 主送机关, 成文日期.
 */
export function missingForExport(doc: PlanDocument, options: ExportOptionsInput | ExportOptions = {}): string[] {
  const opts = ExportOptionsSchema.parse(options);
  const r = resolveExport(doc, opts);
  const missing: string[] = [];
  if (!r.title) missing.push('计划标题（meta.title）');
  if (opts.form === 'notice') {
    if (!r.issuer) missing.push('发文机关（meta.issuer）');
    if (!r.docNumber) missing.push(`发文字号/文号（meta.docNumber），如“${docNumberExample(r.issuer, doc.meta.year)}”`);
    if (!r.noticeTitle) missing.push('通知标题（notice.title 或 meta.noticeTitle）');
    if (!r.addressees.length) missing.push('主送机关（notice.addressees 或 meta.addressees）');
    if (!r.date) missing.push('成文日期（notice.date 或 meta.writtenDate）');
  } else if (opts.planSignature) {
    if (!r.signer) missing.push('署名（meta.issuer 或 notice.signer）');
    if (!r.date) missing.push('成文日期（meta.writtenDate）');
  }
  if (opts.planAddressees && opts.form === 'plan' && !r.addressees.length) missing.push('主送机关（meta.addressees）');
  if (opts.includeDisclosureTable) {
    if (!doc.meta.indexNumber?.trim()) missing.push('索引号（meta.indexNumber）');
    if (!doc.meta.category?.trim()) missing.push('主题分类（meta.category）');
  }
  return missing;
}

/**
 * Warnings that do not stop an export: pending suggestions, a 文号 that breaks the rules (with
 * the corrected form), characters a GB2312-only font cannot show (./gb2312-check.ts).
 */
export function exportWarnings(doc: PlanDocument, options: ExportOptionsInput | ExportOptions = {}): string[] {
  const opts = ExportOptionsSchema.parse(options);
  const r = resolveExport(doc, opts);
  const warnings: string[] = [];
  const pending = countPendingSuggestions(doc.body);
  if (pending) warnings.push(`有 ${pending} 处修订尚未接受或拒绝，导出的是修订前的文字。请先在“修订”面板中处理。`);
  if (r.docNumber) {
    const check = checkDocNumber(r.docNumber);
    if (!check.ok) {
      warnings.push(`文号“${r.docNumber}”不合规范：${check.problems.join('；')}${check.corrected ? `。建议改为“${check.corrected}”` : ''}`);
    }
  }
  warnings.push(...gb2312Warnings(doc, r, opts));
  return warnings;
}
