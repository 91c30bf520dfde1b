// Runs the comparison off the UI thread: the coverage view stays responsive on long plans.
import { applyDecisions, compareUpperDraft, type Decision } from '../../../shared/compare/compare';
import type { PlanDocument } from '../../../shared/plan/schema';

interface Request {
  requestId: number;
  upper: PlanDocument;
  draft: PlanDocument;
  decisions: Decision[];
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  const { requestId, upper, draft, decisions } = e.data;
  try {
    const t0 = performance.now();
    const comparison = applyDecisions(compareUpperDraft(upper, draft), decisions, draft);
    scope.postMessage({ requestId, ok: true, comparison, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ requestId, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
