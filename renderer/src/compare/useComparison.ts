// The comparison of the coverage view. The worker computes the raw comparison only when a
// document changes (one request at a time, newest answer wins); a person's decisions are
// applied here on the main thread with applyDecisions (cheap and pure), so a confirmation or a
// rejection shows within a frame, without another run of the engine.
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyDecisions, type Comparison, type Decision } from '../../../shared/compare/compare';
import type { PlanDocument } from '../../../shared/plan/schema';

export type ComparisonState =
  { state: 'idle' } | { state: 'running' } | { state: 'done'; comparison: Comparison; ms: number } | { state: 'error'; message: string };

/** The raw comparison of two documents, computed in the worker. */
export function useRawComparison(upper: PlanDocument | null, draft: PlanDocument | null): ComparisonState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [result, setResult] = useState<ComparisonState>({ state: 'idle' });
  useEffect(() => {
    worker.current = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (e: MessageEvent<{ requestId: number; ok: boolean; comparison?: Comparison; ms?: number; message?: string }>) => {
      if (e.data.requestId !== seq.current) return; // an older request
      setResult(e.data.ok ? { state: 'done', comparison: e.data.comparison!, ms: e.data.ms ?? 0 } : { state: 'error', message: e.data.message ?? '对照出错' });
    };
    worker.current.onerror = (e) => setResult({ state: 'error', message: `对照出错：${e.message}` });
    return () => worker.current?.terminate();
  }, []);
  useEffect(() => {
    if (!upper || !draft || !worker.current) return;
    seq.current++;
    setResult((r) => (r.state === 'done' ? r : { state: 'running' }));
    worker.current.postMessage({ requestId: seq.current, upper, draft });
  }, [upper, draft]);
  return result;
}

/** The comparison with the decisions applied; 'running' until both the comparison and the decisions are there. */
export function useComparison(upper: PlanDocument | null, draft: PlanDocument | null, decisions: Decision[] | null): ComparisonState {
  const raw = useRawComparison(upper, draft);
  return useMemo<ComparisonState>(() => {
    if (raw.state !== 'done') return raw;
    if (!decisions) return { state: 'running' };
    // Without the draft document: every draft task of the raw comparison is in a link or in
    // draftOnly, so applyDecisions finds them all there and skips re-reading the draft's tasks
    // (500 × 500 tasks, 40 decisions: about 0.6 ms instead of 9 ms).
    const t0 = performance.now();
    const comparison = applyDecisions(raw.comparison, decisions);
    return { state: 'done', comparison, ms: raw.ms + performance.now() - t0 };
  }, [raw, decisions]);
}
