// Review with reviewers outside PlanDesk (Word / WPS): types, matching returned opinions to
// the plan, and the same-plan check. Pure: no node:*, no DOM.
export type { ReviewComment, ReviewThread, ReviewReply, ReviewItem, ReviewTarget, ReviewMatch, SamePlanResult } from './types';
export { matchReviewItems, locateInText, approxFind, editDistance, PARAGRAPH_MIN } from './match';
export { samePlanCheck, SAME_PARAGRAPH, SAME_SHARE } from './same-plan';
export { renderPlan, renderNode, toField, type RenderedNode, type Segment } from './rendered';
