// The review rounds of a plan and their Chinese names. Kept apart from shared/contract.ts (which
// builds zod schemas when loaded) so that light readers — `plandesk list`, the library screen — need not load zod.

/** Review rounds: 草稿 → 征求意见稿 → 送审稿 → 印发稿 */
export const PLAN_STATUSES = ['draft', 'consultation', 'review', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: '草稿',
  consultation: '征求意见稿',
  review: '送审稿',
  issued: '印发稿',
};

/** The save point a round change leaves in the history: 进入征求意见稿. */
export function roundSavePoint(status: PlanStatus): string {
  return `进入${STATUS_LABELS[status]}`;
}

/** The round a save point entered, or null when it is no round change. */
export function roundOfSavePoint(message: string): PlanStatus | null {
  return PLAN_STATUSES.find((s) => message === roundSavePoint(s)) ?? null;
}
