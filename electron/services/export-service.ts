// Export operations over plans in the library: the metadata check the dialog shows, the DOCX
// bytes (browser mode downloads them), or an atomic write to a path (Electron, CLI).
import { isAbsolute } from 'node:path';
import type { ServiceImpl } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { exportWarnings, missingForExport, resolveExport } from '../../shared/export/resolve';
import { proposeExportFileName } from '../../shared/export/file-name';
import type { PlanDocument } from '../../shared/plan/schema';
import { exportPlanDocx, exportTaskTableDocx, exportToFile } from '../export';
import { landscapeTableDocx } from '../export/task-table-docx';
import { DEFAULT_FONTS, DEFAULT_LINE_PITCH_TWIPS } from '../../shared/layout/gbt9704';

/** The columns of the 对照表 (export.coverageTable). */
export const COVERAGE_TABLE_HEADERS = ['序号', '上级任务', '本级落实任务及依据', '落实状态', '目标差异及理由'];

type ExportOps = 'export.check' | 'export.render' | 'export.toFile' | 'export.coverageTable';

/**
 * What stands in the way of exporting a plan as a document (the 要点 or the 印发通知), and what
 * to warn about: the check the export dialog shows, export.render/toFile make, and
 * `plandesk export` prints.
 */
export function planExportReadiness(doc: PlanDocument, options: ExportOptionsInput | ExportOptions): { missing: string[]; warnings: string[] } {
  return { missing: missingForExport(doc, options), warnings: exportWarnings(doc, options) };
}

export function createExportServices(getDoc: (planId: string) => Promise<PlanDocument>): Pick<ServiceImpl, ExportOps> {
  const prepare = async (planId: string, optionsIn: ExportOptionsInput | undefined, kind: 'plan' | 'table') => {
    const doc = await getDoc(planId);
    const options = ExportOptionsSchema.parse(optionsIn ?? {});
    const ready = kind === 'plan' ? planExportReadiness(doc, options) : { missing: doc.meta.title.trim() ? [] : ['计划标题'], warnings: [] };
    if (ready.missing.length) throw new AppError('invalid-args', `无法导出，缺少：${ready.missing.join('；')}`, ready.missing);
    return { doc, options, warnings: ready.warnings };
  };
  return {
    'export.check': async ({ planId, options, kind }) => {
      const doc = await getDoc(planId);
      const k = kind ?? 'plan';
      return {
        ...(k === 'plan' ? planExportReadiness(doc, options ?? {}) : { missing: [], warnings: [] }),
        fileName: proposeExportFileName(doc.meta.title, k),
        office: resolveExport(doc, ExportOptionsSchema.parse(options ?? {})).issuer,
      };
    },
    'export.render': async ({ planId, options, kind }) => {
      const k = kind ?? 'plan';
      const { doc, options: o, warnings } = await prepare(planId, options, k);
      const bytes = k === 'table' ? await exportTaskTableDocx(doc, o) : await exportPlanDocx(doc, o);
      return { fileName: proposeExportFileName(doc.meta.title, k), bytes, warnings };
    },
    /** 对照表 for the review meeting: 上级任务 / 本级落实任务及依据 / 状态 / 目标差异及理由 (rows from coverageTableRows). */
    'export.coverageTable': async ({ title, rows }) => ({
      fileName: proposeExportFileName(title),
      bytes: await landscapeTableDocx({
        title,
        rowsMaySplit: true,
        subject: title,
        creator: '',
        keywords: ['对照表', '上级文件'],
        description: title,
        headers: COVERAGE_TABLE_HEADERS,
        shares: [0.05, 0.25, 0.33, 0.09, 0.28],
        aligns: ['center', 'left', 'left', 'center', 'left'],
        rows: rows.map((r, i) => ({ kind: 'row' as const, cells: [String(i + 1), r.upper, r.draft || '—', r.status, r.targets] })),
        fonts: DEFAULT_FONTS,
        linePitchTwips: DEFAULT_LINE_PITCH_TWIPS,
      }),
    }),
    /**
     * Electron: the path the save dialog returned. Only an absolute path to a .docx file is
     * written; a relative one would land beside wherever the process happened to start.
     * Browser mode never reaches this (electron/browser.ts refuses it: the page downloads).
     */
    'export.toFile': async ({ planId, options, kind, path }) => {
      if (!isAbsolute(path) || path.includes('\0')) throw new AppError('invalid-args', '保存位置应为完整的文件路径（以 .docx 结尾）');
      const k = kind ?? 'plan';
      const { doc, options: o, warnings } = await prepare(planId, options, k);
      const r = await exportToFile(doc, path, o, k);
      return { ...r, warnings };
    },
  };
}
