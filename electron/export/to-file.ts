// Writing an export to disk: validated options, the bytes built in memory, then one atomic
// write (temp file + rename), so a failure never leaves a half-written file.
import { extname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PlanDocument } from '../../shared/plan/schema';
import { ExportOptionsSchema, type ExportOptionsInput } from '../../shared/export/options';
import { parseOrThrow } from '../../shared/validation';
import { writeFileAtomic } from '../fs/atomic-write';
import { exportPlanDocx } from './plan-docx';
import { exportTaskTableDocx } from './task-table-docx';

export type ExportKind = 'plan' | 'table';

export interface ExportResult {
  path: string;
  bytes: number;
}

export async function exportToFile(doc: PlanDocument, target: string, optionsIn: ExportOptionsInput = {}, kind: ExportKind = 'plan'): Promise<ExportResult> {
  const options = parseOrThrow(ExportOptionsSchema, optionsIn, 'invalid-args', '导出选项');
  if (extname(target).toLowerCase() !== '.docx') {
    throw new AppError('invalid-args', `输出文件应以 .docx 结尾：${target}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = kind === 'table' ? await exportTaskTableDocx(doc, options) : await exportPlanDocx(doc, options);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('internal', `生成 DOCX 时出错：${err instanceof Error ? err.message : String(err)}`);
  }
  await writeFileAtomic(target, bytes);
  return { path: target, bytes: bytes.length };
}
