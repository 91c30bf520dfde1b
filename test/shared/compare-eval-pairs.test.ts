// The issue 15 evaluation set (test/fixtures/compare/pairs-eval.ts) loads and is consistent:
// every labelled upper title exists in the upper plan, every draft title a label names exists in
// the draft, every labelled target fragment occurs in its upper task, the halves follow the fixed
// split rule, and the set meets the size (≥ 80 links, ≥ 20 target changes). No threshold
// on the engine here: the figures are measured by `npm run bench -- compare-eval`.
import { describe, expect, it } from 'vitest';
import { walkOutline } from '../../shared/plan/numbering';
import type { PlanDocument } from '../../shared/plan/schema';
import { available, EVAL_PAIR_SPECS, evalPairs, halfOf } from '../fixtures/compare/pairs-eval';

/** Title and text of each task: where a labelled target fragment (`upperText`) must occur. */
function taskTexts(doc: PlanDocument): Map<string, string> {
  const out = new Map<string, string>();
  walkOutline(doc.body, (n) => {
    if (n.type === 'task') out.set(n.title, n.title + n.text);
  });
  return out;
}

function taskTitles(doc: PlanDocument): string[] {
  const out: string[] = [];
  walkOutline(doc.body, (n) => {
    if (n.type === 'task') out.push(n.title);
  });
  return out;
}

const pairs = evalPairs();
const all = EVAL_PAIR_SPECS.every(available);

describe('compare: evaluation set (issue 15)', () => {
  it('pair names are unique and the halves alternate', () => {
    expect(new Set(EVAL_PAIR_SPECS.map((s) => s.name)).size).toBe(EVAL_PAIR_SPECS.length);
    EVAL_PAIR_SPECS.forEach((s, i) => expect(halfOf(i)).toBe(s.half ?? (i % 2 === 0 ? 'tuning' : 'held-out')));
    expect(EVAL_PAIR_SPECS.slice(0, 16).every((s) => !s.half)).toBe(true);
    expect(evalPairs('tuning').length + evalPairs('held-out').length).toBe(pairs.length);
  });

  for (const p of pairs) {
    it(`${p.name} (${p.half}): labels name existing upper and draft tasks`, () => {
      const upper = new Set(taskTitles(p.upper));
      const texts = taskTexts(p.upper);
      const draft = taskTitles(p.draft);
      expect(new Set(draft).size, 'draft titles unique').toBe(draft.length);
      for (const l of p.links) {
        expect(upper.has(l.upper), l.upper).toBe(true);
        for (const d of [...l.draft, ...(l.partial ?? [])]) expect(draft, d).toContain(d);
        for (const d of l.partial ?? []) expect(l.draft).toContain(d);
      }
      for (const t of p.changes) {
        expect(upper.has(t.upper), t.upper).toBe(true);
        expect(
          p.links.some((l) => l.upper === t.upper),
          `${t.upper} is linked`,
        ).toBe(true);
        expect(texts.get(t.upper) ?? '', `${t.upper}: the labelled target “${t.upperText}” is in the upper task`).toContain(t.upperText);
      }
    });
  }

  it.skipIf(!all)('the whole set: ≥ 80 labelled links and ≥ 20 target changes, every kind present', () => {
    const links = pairs.reduce((n, p) => n + p.links.reduce((k, l) => k + l.draft.length, 0), 0);
    const changes = pairs.flatMap((p) => p.changes);
    expect(links).toBeGreaterThanOrEqual(80);
    expect(changes.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(changes.map((c) => c.change));
    for (const k of [
      'weaker-figure',
      'fewer-occurrences',
      'lower-frequency',
      'stricter',
      'later-deadline',
      'narrower-scope',
      'quantified',
      'added-figure',
      'dropped',
      'unchanged',
    ])
      expect(kinds.has(k as never), k).toBe(true);
    expect(pairs.some((p) => p.links.some((l) => l.partial?.length))).toBe(true);
  });
});
