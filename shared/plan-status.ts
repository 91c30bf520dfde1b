// Review rounds and their names, apart from the contract so that a screen that only shows them
// (the library list) does not load zod and the plan schema with them.

/** Review rounds: 草稿 → 征求意见稿 → 送审稿 → 印发稿 */
export const PLAN_STATUSES = ['draft', 'consultation', 'review', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: '草稿',
  consultation: '征求意见稿',
  review: '送审稿',
  issued: '印发稿',
};
