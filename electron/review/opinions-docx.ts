// 征求意见汇总表: every opinion of a review round in one landscape table in the official
// layout (the task-table exporter's landscapeTableDocx).
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { landscapeTableDocx } from '../export/task-table-docx';

import type { PlanDocument } from '../../shared/plan/schema';
import type { OpinionDecision } from '../../shared/review/opinion-rows';

export type { OpinionDecision };

/** A row as the table prints it (shared/review/opinion-rows.ts builds the full rows). */
export interface OpinionRow {
  /** 提出单位 */
  unit: string;
  /** 涉及任务: label + title, or '' for the plan as a whole. */
  task: string;
  /** 意见内容 */
  content: string;
  /** 处理情况; empty while undecided. */
  decision?: OpinionDecision;
  /** 理由 */
  reason?: string;
}

export const OPINION_HEADERS = ['序号', '提出单位', '涉及任务', '意见内容', '处理情况', '理由'];
const SHARES = [0.06, 0.14, 0.2, 0.32, 0.1, 0.18];

export interface OpinionsTableInput {
  /** The plan's title; the table is titled "<title>征求意见汇总表". */
  planTitle: string;
  issuer?: string;
  year?: number;
  rows: readonly OpinionRow[];
  exportOptions?: ExportOptionsInput | ExportOptions;
}

export async function exportOpinionsDocx(input: OpinionsTableInput): Promise<Uint8Array> {
  const options = ExportOptionsSchema.parse(input.exportOptions ?? {});
  const title = `${input.planTitle}征求意见汇总表`;
  return landscapeTableDocx({
    title,
    subject: input.planTitle,
    creator: input.issuer ?? '',
    keywords: ['征求意见汇总表', ...(input.year ? [String(input.year)] : [])],
    description: `${input.planTitle}征求意见及处理情况`,
    headers: OPINION_HEADERS,
    shares: SHARES,
    aligns: ['center', 'left', 'left', 'justify', 'center', 'justify'],
    rows: input.rows.map((r, i) => ({ kind: 'row' as const, cells: [String(i + 1), r.unit, r.task, r.content, r.decision ?? '', r.reason ?? ''] })),
    fonts: options.fonts,
    linePitchTwips: options.linePitchTwips,
  });
}

/** A stored opinion as review.opinions.list gives it (an undecided one may say null). */
export type ListedOpinion = Omit<OpinionRow, 'decision'> & { decision?: OpinionDecision | null };

/**
 * The 汇总表 of a plan, titled and attributed from the plan's metadata. The export.opinions
 * operation and `plandesk opinions` both write it through here.
 */
export function planOpinionsDocx(doc: PlanDocument, rows: readonly ListedOpinion[]): Promise<Uint8Array> {
  return exportOpinionsDocx({
    planTitle: doc.meta.title,
    ...(doc.meta.issuer ? { issuer: doc.meta.issuer } : {}),
    year: doc.meta.year,
    rows: rows.map((r) => ({
      unit: r.unit,
      task: r.task,
      content: r.content,
      ...(r.decision ? { decision: r.decision } : {}),
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
    })),
  });
}
