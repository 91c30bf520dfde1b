// Runs the comparison off the UI thread: the coverage view stays responsive on long plans. Only
// the raw comparison: decisions are applied on the main thread (useComparison.ts).
import { compareUpperDraft } from '../../../shared/compare/compare';
import type { PlanDocument } from '../../../shared/plan/schema';

interface Request {
  requestId: number;
  upper: PlanDocument;
  draft: PlanDocument;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  const { requestId, upper, draft } = e.data;
  try {
    const t0 = performance.now();
    const comparison = compareUpperDraft(upper, draft);
    scope.postMessage({ requestId, ok: true, comparison, ms: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ requestId, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
