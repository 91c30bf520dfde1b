// The issue 15 evaluation set (test/fixtures/compare/pairs-eval.ts) through the current
// compare engine: link precision / recall, partial links, target changes found and false
// target findings, for the tuning half and the held-out half separately. Per-pair details are
// printed for the tuning half only — the held-out half is reported as totals, not looked into.
//   npm run bench -- compare-eval
import { compareUpperDraft } from '../shared/compare';
import { evalPairs, type Half } from '../test/fixtures/compare/pairs-eval';
import { countPair, emptyCounts, summarize } from '../test/fixtures/compare/eval-score';

export default async function compareEval(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const half of ['tuning', 'held-out'] as Half[]) {
    const acc = emptyCounts();
    for (const p of evalPairs(half)) countPair(acc, p, compareUpperDraft(p.upper, p.draft));
    out[half] = { ...summarize(acc), ...(half === 'tuning' ? { details: acc.details } : {}) };
  }
  return out;
}
