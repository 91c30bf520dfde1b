// One returned Word/WPS file read against a plan: its comments and tracked changes matched to
// the plan's tasks, and whether the file is this plan at all. The review.analyse operation and
// `plandesk review-import` both use it, each presenting the matches its own way.
import { matchReviewItems, samePlanCheck, type ReviewMatch, type SamePlanResult } from '../../shared/review';
import type { PlanDocument } from '../../shared/plan/schema';
import { readReturnedDocx, type ReturnedDocx } from './read-returned-docx';

export interface ReturnedAnalysis {
  returned: ReturnedDocx;
  samePlan: SamePlanResult;
  matches: ReviewMatch[];
}

export async function analyseReturnedFile(doc: PlanDocument, fileName: string, bytes: Uint8Array): Promise<ReturnedAnalysis> {
  const returned = await readReturnedDocx(fileName, bytes);
  return { returned, samePlan: samePlanCheck(doc, returned.paragraphs), matches: matchReviewItems(doc, returned.items) };
}
