// The issue 15 evaluation set (test/fixtures/compare/pairs-eval.ts) through the current
// compare engine: link precision / recall, partial coverage, target changes found and false
// target findings, for the tuning half and the held-out half separately. The held-out half is
// also given by when its pairs were written: e1–e7 (their totals were looked at twice while
// tuning went on), e9/e11 (totals looked at once), e13/e15 (added last, measured once at the
// end). Per-pair details are printed for the tuning half only — the held-out half is reported
// as totals, not looked into.
//   npm run bench -- compare-eval
import { compareUpperDraft } from '../shared/compare';
import { EVAL_PAIR_SPECS, evalPairs, type EvalPair } from '../test/fixtures/compare/pairs-eval';
import { countPair, emptyCounts, summarize } from '../test/fixtures/compare/eval-score';

/** Held-out pairs by the batch they were written in (index in EVAL_PAIR_SPECS). */
const BATCHES: Array<[string, number, number]> = [
  ['held-out e1–e7', 0, 8],
  ['held-out e9, e11', 8, 12],
  ['held-out e13, e15', 12, Infinity],
];

function score(pairs: EvalPair[], details: boolean): Record<string, unknown> {
  const acc = emptyCounts();
  for (const p of pairs) countPair(acc, p, compareUpperDraft(p.upper, p.draft));
  return { ...summarize(acc), ...(details ? { details: acc.details } : {}) };
}

export default async function compareEval(): Promise<Record<string, unknown>> {
  const index = new Map(EVAL_PAIR_SPECS.map((s, i) => [s.name, i]));
  const heldOut = evalPairs('held-out');
  return {
    tuning: score(evalPairs('tuning'), true),
    'held-out': score(heldOut, false),
    ...Object.fromEntries(
      BATCHES.map(([name, from, to]) => [
        name,
        score(
          heldOut.filter((p) => index.get(p.name)! >= from && index.get(p.name)! < to),
          false,
        ),
      ]),
    ),
  };
}
