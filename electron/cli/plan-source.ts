// Where commands read a plan from: a *.plan.json file (validated), any file the importer reads
// (.docx, .doc/.wps, PDF, OFD, .odt, RTF, web page, text: analysed as on import), or an id in
// the library.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportResult } from '../../shared/import/analyze';
import type { PlanDocument } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';
import type { CliContext } from './types';
import { describeJsonError } from '../../shared/text/json-error';

export async function readPlanFile(file: string, cwd: string): Promise<PlanDocument> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('bad-file', `无法读取文件 ${path}。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('invalid-plan', `${file} 不是有效的 JSON：${describeJsonError(text.replace(/^\uFEFF/, ''), err)}`);
  }
  return parsePlanDocument(json);
}

/** A plan source is a file when it looks like one or exists; otherwise a library id. */
export function isPlanFile(source: string, cwd: string): boolean {
  return /\.json$/i.test(source) || existsSync(resolve(cwd, source));
}

/** A plan file, or any importable document (read and analysed as `plandesk import` does). */
export async function readAnyPlanFile(file: string, cwd: string): Promise<PlanDocument> {
  if (/\.json$/i.test(file)) return readPlanFile(file, cwd);
  return parsePlanDocument((await readImportable(file, cwd)).doc);
}

export async function loadPlan(source: string, ctx: CliContext): Promise<PlanDocument> {
  if (isPlanFile(source, ctx.cwd)) return readAnyPlanFile(source, ctx.cwd);
  return (await (await ctx.services())['plans.get']({ id: source })).doc;
}

/** Reads any importable document through the importer (the `import` command's reading). */
export async function readImportable(file: string, cwd: string): Promise<ImportResult> {
  // The readers (Word, PDF, OFD, …) only when a file is to be read: not for a .plan.json (issue 17).
  const { MAX_DOCX_BYTES, readImportFile } = await import('../import/read-file');
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new AppError('bad-file', `${path} 是文件夹，不是文件。`);
    // Refuse absurd sizes before reading them into memory (the reader checks the exact limits).
    if (st.size > MAX_DOCX_BYTES)
      throw new AppError('bad-file', `文件过大（${(st.size / 1024 / 1024).toFixed(0)} MB），最大 ${MAX_DOCX_BYTES / 1024 / 1024} MB。`);
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('bad-file', `无法读取文件 ${path}。`);
  }
  return readImportFile(basename(path), bytes);
}
