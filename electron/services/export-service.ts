// Export operations over plans in the library: the metadata check the dialog shows, the DOCX
// bytes (browser mode downloads them), or an atomic write to a path (Electron, CLI).
import type { ServiceImpl } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { ExportOptionsSchema, type ExportOptionsInput } from '../../shared/export/options';
import { exportWarnings, missingForExport } from '../../shared/export/resolve';
import { proposeExportFileName } from '../../shared/export/file-name';
import type { PlanDocument } from '../../shared/plan/schema';
import { exportPlanDocx, exportTaskTableDocx, exportToFile } from '../export';

type ExportOps = 'export.check' | 'export.render' | 'export.toFile';

export function createExportServices(getDoc: (planId: string) => Promise<PlanDocument>): Pick<ServiceImpl, ExportOps> {
  const prepare = async (planId: string, optionsIn: ExportOptionsInput | undefined, kind: 'plan' | 'table') => {
    const doc = await getDoc(planId);
    const options = ExportOptionsSchema.parse(optionsIn ?? {});
    const missing = kind === 'plan' ? missingForExport(doc, options) : doc.meta.title.trim() ? [] : ['计划标题'];
    if (missing.length) throw new AppError('invalid-args', `无法导出，缺少：${missing.join('；')}`, missing);
    return { doc, options, warnings: kind === 'plan' ? exportWarnings(doc, options) : [] };
  };
  return {
    'export.check': async ({ planId, options, kind }) => {
      const doc = await getDoc(planId);
      const k = kind ?? 'plan';
      return {
        missing: k === 'plan' ? missingForExport(doc, options ?? {}) : [],
        warnings: k === 'plan' ? exportWarnings(doc, options ?? {}) : [],
        fileName: proposeExportFileName(doc.meta.title, k),
      };
    },
    'export.render': async ({ planId, options, kind }) => {
      const k = kind ?? 'plan';
      const { doc, options: o, warnings } = await prepare(planId, options, k);
      const bytes = k === 'table' ? await exportTaskTableDocx(doc, o) : await exportPlanDocx(doc, o);
      return { fileName: proposeExportFileName(doc.meta.title, k), bytes, warnings };
    },
    'export.toFile': async ({ planId, options, kind, path }) => {
      const k = kind ?? 'plan';
      const { doc, options: o, warnings } = await prepare(planId, options, k);
      const r = await exportToFile(doc, path, o, k);
      return { ...r, warnings };
    },
  };
}
