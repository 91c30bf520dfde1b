// Exporting a 400-task plan as an official DOCX (goal: median < 1 s), and pandoc turning the
// same plan written as Markdown into DOCX in the same run, for comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPlanDocx } from '../electron/export/plan-docx';
import { syntheticPlan } from '../test/helpers/sample-plans';
import { PANDOC, pandocArgs, toMarkdown } from './plan-markdown';
import { median, timeRuns } from './util';

export default async function run(): Promise<Record<string, unknown>> {
  const doc = syntheticPlan(400);
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-export-'));
  try {
    const plan = await timeRuns(() => exportPlanDocx(doc, { form: 'plan' }), 15, 3);
    const notice = await timeRuns(() => exportPlanDocx(doc, { form: 'notice', attachment: true, includeDisclosureTable: true }), 15, 3);
    const bytes = (await exportPlanDocx(doc, { form: 'plan' })).length;
    const md = join(dir, 'plan.md');
    writeFileSync(md, toMarkdown(doc));
    let pandocMs: number | null = null;
    let pandocError: string | undefined;
    try {
      const times = await timeRuns(() => execFileSync(PANDOC, pandocArgs(md, join(dir, 'pandoc.docx'))), 7, 1);
      pandocMs = median(times);
    } catch (err) {
      pandocError = (err as Error).message;
    }
    const planMs = median(plan);
    return {
      tasks: 400,
      docxBytes: bytes,
      exportPlanMedianMs: Math.round(planMs * 10) / 10,
      exportNoticeMedianMs: Math.round(median(notice) * 10) / 10,
      goalMs: 1000,
      meetsGoal: planMs < 1000,
      pandocMedianMs: pandocMs === null ? null : Math.round(pandocMs * 10) / 10,
      ...(pandocError ? { pandocError } : {}),
      pandocOverExportRatio: pandocMs === null ? null : Math.round((pandocMs / planMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
