// Import accuracy on ../shared/corpus (issue 12): outline precision/recall/F1, units and
// metadata accuracy for the whole corpus, the tuning part and the held-out part (every third
// page, never looked at while tuning). `npm run bench -- import-corpus`; add `-v` through the
// PLANDESK_CORPUS_VERBOSE=1 environment variable to list each page's misses.
import { aggregate, scoreCorpus } from '../test/helpers/corpus-score';

export default async function run(): Promise<Record<string, unknown>> {
  const scores = scoreCorpus('all');
  const out: Record<string, unknown> = {
    all: aggregate(scores),
    tuning: aggregate(scores.filter((s) => !s.heldOut)),
    heldOut: aggregate(scores.filter((s) => s.heldOut)),
    heldOutPages: scores.filter((s) => s.heldOut).map((s) => s.name),
  };
  if (process.env.PLANDESK_CORPUS_VERBOSE) {
    out.pages = scores.map((s) => ({
      name: s.name,
      heldOut: s.heldOut,
      outline: s.outline,
      units: s.units,
      meta: `${s.meta.right}/${s.meta.fields}`,
      wrong: s.meta.wrong,
      missed: s.missedItems,
      extra: s.extraItems,
    }));
  }
  return out;
}
