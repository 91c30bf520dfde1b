// ../shared/corpus scored as a whole (issue 12's bar): outline F1 ≥ 0.97, units ≥ 0.95,
// metadata ≥ 0.95. The per-part figures (tuning / held-out) are printed by
// `npm run bench -- import-corpus`.
import { describe, expect, it } from 'vitest';
import { aggregate, corpusNames, scoreCorpus } from '../helpers/corpus-score';

describe('import on the real-page corpus', () => {
  const scores = scoreCorpus('all');
  const all = aggregate(scores);

  it('reads all 21 pages', () => {
    expect(corpusNames()).toHaveLength(21);
  });
  it('finds the outline a careful reader finds (F1 ≥ 0.97)', () => {
    expect(
      all.outline.f1,
      JSON.stringify(scores.filter((s) => s.missedItems.length || s.extraItems.length).map((s) => [s.name, s.missedItems, s.extraItems])),
    ).toBeGreaterThanOrEqual(0.97);
  });
  it('reads the responsible units (≥ 0.95)', () => {
    expect(all.units).toBeGreaterThanOrEqual(0.95);
  });
  it('reads the metadata fields (≥ 0.95)', () => {
    expect(all.meta, JSON.stringify(scores.flatMap((s) => s.meta.wrong.map((w) => [s.name, w])))).toBeGreaterThanOrEqual(0.95);
  });
});
