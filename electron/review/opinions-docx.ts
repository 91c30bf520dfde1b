// 征求意见汇总表: every opinion of a review round in one landscape table in the official
// layout (the task-table exporter's landscapeTableDocx).
import { ExportOptionsSchema, type ExportOptions, type ExportOptionsInput } from '../../shared/export/options';
import { landscapeTableDocx } from '../export/task-table-docx';

import type { PlanDocument } from '../../shared/plan/schema';
import { STATUS_LABELS, type PlanStatus } from '../../shared/plan/status';
import { filterOpinions, type OpinionDecision, type OpinionFilter } from '../../shared/review/opinion-rows';

export type { OpinionDecision };

/** A row as the table prints it (shared/review/opinion-rows.ts builds the full rows). */
export interface OpinionRow {
  /** 轮次, as printed (征求意见稿); empty when unknown. */
  round?: string;
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

export const OPINION_HEADERS = ['序号', '轮次', '提出单位', '涉及任务', '意见内容', '处理情况', '理由'];
const SHARES = [0.05, 0.09, 0.13, 0.18, 0.29, 0.09, 0.17];

export interface OpinionsTableInput {
  /** The plan's title; the table is titled "<title>征求意见汇总表" (+ `titleSuffix`). */
  planTitle: string;
  /** Says which part of the table this is (a filtered export): "（征求意见稿，县住建局）". */
  titleSuffix?: string;
  issuer?: string;
  year?: number;
  rows: readonly OpinionRow[];
  exportOptions?: ExportOptionsInput | ExportOptions;
}

export async function exportOpinionsDocx(input: OpinionsTableInput): Promise<Uint8Array> {
  const options = ExportOptionsSchema.parse(input.exportOptions ?? {});
  const title = `${input.planTitle}征求意见汇总表${input.titleSuffix ?? ''}`;
  return landscapeTableDocx({
    title,
    subject: input.planTitle,
    creator: input.issuer ?? '',
    keywords: ['征求意见汇总表', ...(input.year ? [String(input.year)] : [])],
    description: `${input.planTitle}征求意见及处理情况`,
    headers: OPINION_HEADERS,
    shares: SHARES,
    aligns: ['center', 'center', 'left', 'left', 'justify', 'center', 'justify'],
    rows: input.rows.map((r, i) => ({
      kind: 'row' as const,
      cells: [String(i + 1), r.round ?? '', r.unit, r.task, r.content, r.decision ?? '', r.reason ?? ''],
    })),
    fonts: options.fonts,
    linePitchTwips: options.linePitchTwips,
  });
}

/** A stored opinion as review.opinions.list gives it (an undecided one may say null). */
export type ListedOpinion = Omit<OpinionRow, 'decision' | 'round'> & { decision?: OpinionDecision | null; round?: string };

/** The round as the table prints it: 征求意见稿 for 'consultation'; an unknown code as it is. */
function roundLabel(round: string | undefined): string {
  return round ? (STATUS_LABELS[round as PlanStatus] ?? round) : '';
}

/** What a filtered table adds to its title and file name: "（征求意见稿，县住建局）", or nothing. */
export function opinionFilterSuffix(f: OpinionFilter): string {
  const parts = [roundLabel(f.round), f.unit ?? ''].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/**
 * The 汇总表 of a plan, titled and attributed from the plan's metadata, with the rows a filter
 * keeps (the screen's, when exported from there; numbered anew from 1). The export.opinions
 * operation and `plandesk opinions` both write it through here.
 */
export function planOpinionsDocx(doc: PlanDocument, rows: readonly ListedOpinion[], filter: OpinionFilter = {}): Promise<Uint8Array> {
  return exportOpinionsDocx({
    planTitle: doc.meta.title,
    titleSuffix: opinionFilterSuffix(filter),
    ...(doc.meta.issuer ? { issuer: doc.meta.issuer } : {}),
    year: doc.meta.year,
    rows: filterOpinions(
      rows.map((r) => ({ ...r, round: r.round ?? '' })),
      filter,
    ).map(({ row: r }) => ({
      round: roundLabel(r.round),
      unit: r.unit,
      task: r.task,
      content: r.content,
      ...(r.decision ? { decision: r.decision } : {}),
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
    })),
  });
}
