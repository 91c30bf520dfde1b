// The issue 15 evaluation set (test/fixtures/compare/pairs-eval.ts) through the current
// compare engine: link precision / recall, partial coverage, target changes found and false
// target findings, for the tuning half and the held-out half separately. The held-out half is
// also given in two parts: the pairs e1–e7 (their totals were looked at once while tuning went
// on) and the pairs added later, e9 and e11 (never looked at before the figure was taken).
// Per-pair details are printed for the tuning half only — the held-out half is reported as
// totals, not looked into.
//   npm run bench -- compare-eval
import { compareUpperDraft } from '../shared/compare';
import { EVAL_PAIR_SPECS, evalPairs, type EvalPair } from '../test/fixtures/compare/pairs-eval';
import { countPair, emptyCounts, summarize } from '../test/fixtures/compare/eval-score';

/** Pairs appended after the first held-out figure was taken (index ≥ 8). */
const FIRST_SET = 8;

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
    'held-out e1–e7': score(
      heldOut.filter((p) => index.get(p.name)! < FIRST_SET),
      false,
    ),
    'held-out fresh (e9, e11)': score(
      heldOut.filter((p) => index.get(p.name)! >= FIRST_SET),
      false,
    ),
  };
}
