// Talks to the comparison worker: one request at a time per view, newest answer wins.
import { useEffect, useRef, useState } from 'react';
import type { Comparison, Decision } from '../../../shared/compare/compare';
import type { PlanDocument } from '../../../shared/plan/schema';

export type ComparisonState =
  { state: 'idle' } | { state: 'running' } | { state: 'done'; comparison: Comparison; ms: number } | { state: 'error'; message: string };

export function useComparison(upper: PlanDocument | null, draft: PlanDocument | null, decisions: Decision[] | null): ComparisonState {
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
    if (!upper || !draft || !decisions || !worker.current) return;
    seq.current++;
    setResult((r) => (r.state === 'done' ? r : { state: 'running' }));
    worker.current.postMessage({ requestId: seq.current, upper, draft, decisions });
  }, [upper, draft, decisions]);
  return result;
}
