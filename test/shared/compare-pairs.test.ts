// The labelled realistic pairs (test/fixtures/compare/pairs.ts): precision and recall of the
// proposed links ≥ 0.9 on each, every labelled target change found. The figures are in the
// test names (and printed as JSON by `npx tsx test/fixtures/compare/write-pairs.ts --no-write`).
import { describe, expect, it } from 'vitest';
import { compareUpperDraft } from '../../shared/compare';
import { builtPairs, evaluatePair } from '../fixtures/compare/pairs';

const results = builtPairs().map((p) => ({ p, e: evaluatePair(p, compareUpperDraft(p.upper, p.draft)) }));

describe('compare: labelled pairs', () => {
  for (const { p, e } of results) {
    it(`${p.name}: precision ${e.precision}, recall ${e.recall} (${e.proposed} proposed / ${e.labelled} labelled links), target changes ${e.targetChangesFound}/${e.targetChanges}, coverage ${e.coverage}`, () => {
      expect(e.falseLinks, 'false links').toEqual(e.precision >= 0.9 ? e.falseLinks : []);
      expect(e.precision).toBeGreaterThanOrEqual(0.9);
      expect(e.recall).toBeGreaterThanOrEqual(0.9);
      expect(e.missedTargetChanges).toEqual([]);
    });
  }
  it('decoys and local tasks are left unlinked (draftOnly)', () => {
    for (const { p } of results) {
      const c = compareUpperDraft(p.upper, p.draft);
      const linkedDrafts = new Set(p.links.flatMap((l) => l.draft));
      const only = c.draftOnly.map((d) => d.title).sort();
      const expected: string[] = [];
      for (const s of p.draft.body)
        if (s.type === 'heading') for (const t of s.children) if (t.type === 'task' && !linkedDrafts.has(t.title)) expected.push(t.title);
      expect(only).toEqual(expected.sort());
    }
  });
  it('JSON figures for the README', () => {
    console.log(
      JSON.stringify(
        results.map((r) => r.e),
        null,
        2,
      ),
    );
  });
});
