// Where commands read a plan from: a *.plan.json file (validated), or an id in the library.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { PlanDocument } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';
import type { CliContext } from './types';

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
    throw new AppError('invalid-plan', `${file} 不是有效的 JSON：${(err as Error).message}`);
  }
  return parsePlanDocument(json);
}

/** A plan source is a file when it looks like one or exists; otherwise a library id. */
export function isPlanFile(source: string, cwd: string): boolean {
  return /\.json$/i.test(source) || existsSync(resolve(cwd, source));
}

export async function loadPlan(source: string, ctx: CliContext): Promise<PlanDocument> {
  if (isPlanFile(source, ctx.cwd)) return readPlanFile(source, ctx.cwd);
  return (await ctx.services()['plans.get']({ id: source })).doc;
}
