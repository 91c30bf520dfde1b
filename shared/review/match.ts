// Where each opinion of a returned file lands in the plan, even when the reviewer also edited
// the words around it: (1) the node whose running text is most like the item's paragraph
// (Han bigram Dice, the same measure as the duplicate check), (2) the anchor by exact search
// in that text, the occurrence whose surroundings best agree with the item's before/after,
// (3) failing that, by approximate search (Sellers' edit-distance substring search) for the
// end of `before` and the start of `after`, then for the anchor itself. Nothing found → the
// item is detached (target null), never dropped.
import { bigrams, common } from '../checks/duplicates';
import type { PlanDocument } from '../plan/schema';
import { renderPlan, type RenderedNode } from './rendered';
import type { ReviewItem, ReviewMatch, ReviewTarget } from './types';

/** A node counts as the item's paragraph from this Dice on. */
export const PARAGRAPH_MIN = 0.3;
/** How many of the most similar nodes are tried. */
const CANDIDATES = 3;
/** Context compared on each side of an anchor, in characters. */
const CONTEXT = 12;
/** An approximate match may differ in at most this share of its characters. */
const APPROX_MAX = 0.34;

export function dice(a: readonly number[], b: readonly number[]): number {
  if (!a.length || !b.length) return 0;
  return (2 * common(a, b)) / (a.length + b.length);
}

/**
 * How much a returned paragraph is like a node: Dice, or — for a paragraph cut short or a
 * node that grew — how much of the smaller is contained in the larger, slightly discounted.
 */
function likeness(a: readonly number[], b: readonly number[]): number {
  const small = Math.min(a.length, b.length);
  if (!small) return 0;
  const c = common(a, b);
  const d = (2 * c) / (a.length + b.length);
  return small >= 8 ? Math.max(d, 0.8 * (c / small)) : d;
}

/** Levenshtein distance (short strings only: context windows and anchors). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function ratio(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n ? 1 - editDistance(a, b) / n : 1;
}

/**
 * The substring of `t` closest to `p` in edit distance (Sellers 1980): a DP over p × t where
 * a match may start anywhere; the start is found by the same DP run backwards from the end.
 */
export function approxFind(p: string, t: string): { start: number; end: number; dist: number } | null {
  const m = p.length;
  if (!m || !t.length) return null;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let best = Infinity;
  let bestEnd = -1;
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    // Ties at the next position extend the match (城镇燃 and 城镇燃起 both differ from 城镇燃气 by one).
    if (cur[m]! < best || (cur[m]! === best && j === bestEnd + 1)) {
      best = cur[m]!;
      bestEnd = j;
    }
    prev = cur;
  }
  // Backwards, anchored at bestEnd: reversed pattern against the reversed prefix.
  const rp = [...p].reverse().join('');
  const rt = t.slice(0, bestEnd).split('').reverse().join('');
  prev = Array.from({ length: m + 1 }, (_, i) => i);
  let bestLen = 0;
  let bestD = prev[m]!;
  for (let j = 1; j <= rt.length; j++) {
    const cur = [j];
    for (let i = 1; i <= m; i++) cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (rp[i - 1] === rt[j - 1] ? 0 : 1));
    if (cur[m]! < bestD || (cur[m]! === bestD && j <= m)) {
      bestD = cur[m]!;
      bestLen = j;
    }
    prev = cur;
    if (j > 2 * m + 2) break;
  }
  return { start: bestEnd - bestLen, end: bestEnd, dist: best };
}

function allIndexes(t: string, p: string): number[] {
  const out: number[] = [];
  if (!p) return out;
  for (let i = t.indexOf(p); i >= 0; i = t.indexOf(p, i + 1)) out.push(i);
  return out;
}

/** How well the text around [s, e) of t agrees with the item's before/after (0–1). */
function contextScore(t: string, s: number, e: number, before: string, after: string): number {
  const b = before.slice(-CONTEXT);
  const a = after.slice(0, CONTEXT);
  // A side without context (the anchor starts or ends its paragraph) agrees when t does too.
  const sides: Array<[number, number]> = [
    b ? [ratio(b, t.slice(Math.max(0, s - b.length), s)), b.length] : [s === 0 ? 1 : 0.5, 2],
    a ? [ratio(a, t.slice(e, e + a.length)), a.length] : [e === t.length ? 1 : 0.5, 2],
  ];
  return sides.reduce((x, [r, w]) => x + r * w, 0) / sides.reduce((x, [, w]) => x + w, 0);
}

interface Located {
  start: number;
  end: number;
  score: number;
}

/** The anchor of `item` in rendered text t, or null. */
export function locateInText(t: string, item: Pick<ReviewItem, 'kind' | 'anchorText' | 'before' | 'after'>): Located | null {
  const anchor = item.anchorText.split('\n')[0] ?? '';
  // A range spanning paragraphs has no `after` in its first paragraph: it runs to the end.
  const spans = item.anchorText.includes('\n');
  // (2) Exact occurrences, the best by context.
  let best: Located | null = null;
  const hits = allIndexes(t, anchor);
  for (const s of hits) {
    const e = s + anchor.length;
    const c = spans ? ratio(item.before.slice(-CONTEXT), t.slice(Math.max(0, s - CONTEXT), s)) : contextScore(t, s, e, item.before, item.after);
    if (!best || c > best.score) best = { start: s, end: e, score: c };
  }
  if (best) {
    const unique = hits.length === 1 && anchor.length >= 4 && item.kind !== 'insertion';
    if (best.score >= 0.5 || unique) return { ...best, score: 0.6 + 0.4 * best.score };
  }
  // (3) Approximate: the end of `before` and the start of `after`.
  const b = item.before.slice(-CONTEXT);
  const a = item.after.slice(0, CONTEXT);
  const fb = b ? approxFind(b, t) : { start: 0, end: 0, dist: 0 };
  const fa = a ? approxFind(a, t) : null;
  const okB = fb && fb.dist <= Math.floor(b.length * APPROX_MAX) && (b.length >= 2 || fb.start === 0);
  const okA = fa && fa.dist <= Math.floor(a.length * APPROX_MAX) && a.length >= 2;
  const inserted = item.kind === 'insertion';
  const want = inserted ? 0 : anchor.length;
  const fits = (s: number, e: number) => e >= s && Math.abs(e - s - want) <= Math.max(4, want);
  if (okB && okA && fits(fb.end, inserted ? fb.end : fa.start)) {
    const s = fb.end;
    const e = inserted ? s : fa.start;
    return { start: s, end: e, score: 0.5 * (1 - fb.dist / Math.max(1, b.length)) + 0.3 * (1 - fa.dist / Math.max(1, a.length)) };
  }
  if (anchor.length >= 2 && !inserted) {
    const fx = approxFind(anchor, t);
    if (fx && fx.dist <= Math.floor(anchor.length * APPROX_MAX)) return { start: fx.start, end: fx.end, score: 0.6 * (1 - fx.dist / anchor.length) };
  }
  if (okB && (inserted || !anchor) && b.length >= 4) return { start: fb.end, end: fb.end, score: 0.4 };
  if (okA && (inserted || !anchor) && a.length >= 4) return { start: fa.start, end: fa.start, score: 0.35 };
  return null;
}

/** Rendered [s, e) of node r → a field range; null when it covers no field character. */
export function toTarget(r: RenderedNode, s: number, e: number): ReviewTarget | null {
  const segs = r.segs.filter((g) => g.field);
  if (!segs.length) return null;
  if (s === e) {
    // A point: inside a field, or at the end of one (text inserted at the end of the title).
    const seg = segs.find((g) => s > g.start && s <= g.end) ?? segs.find((g) => s === g.start) ?? segs.find((g) => g.start >= s);
    if (!seg) {
      const last = segs[segs.length - 1]!;
      const off = last.fieldStart + (last.end - last.start);
      return { path: r.path, field: last.field!, from: off, to: off };
    }
    const off = seg.fieldStart + Math.min(Math.max(0, s - seg.start), seg.end - seg.start);
    return { path: r.path, field: seg.field!, from: off, to: off };
  }
  // The start moves forward out of the label or an added 。 to the first field character.
  const seg = segs.find((g) => s < g.end && e > g.start);
  if (!seg) return null;
  const from = seg.fieldStart + Math.max(0, s - seg.start);
  const to = seg.fieldStart + Math.min(seg.end, e) - seg.start;
  return { path: r.path, field: seg.field!, from, to };
}

export function matchReviewItems(doc: PlanDocument, items: readonly ReviewItem[]): ReviewMatch[] {
  const nodes = renderPlan(doc);
  const dict = new Map<string, number>();
  const grams = nodes.map((n) => bigrams(n.text, dict));
  const ranked = new Map<string, Array<{ i: number; sim: number }>>();
  const rank = (paragraph: string) => {
    let r = ranked.get(paragraph);
    if (!r) {
      const g = bigrams(paragraph, dict);
      const clean = paragraph.replace(/\s/g, '');
      r = nodes
        .map((n, i) => ({ i, sim: clean && n.text.replace(/\s/g, '') === clean ? 1 : likeness(g, grams[i]!) }))
        .filter((x) => x.sim >= PARAGRAPH_MIN)
        .sort((a, b) => b.sim - a.sim)
        .slice(0, CANDIDATES);
      ranked.set(paragraph, r);
    }
    return r;
  };
  return items.map((item) => {
    if (item.unplaced) return { item, target: null, score: 0 };
    let best: { target: ReviewTarget; score: number } | null = null;
    for (const { i, sim } of rank(item.paragraphText)) {
      const node = nodes[i]!;
      const loc = locateInText(node.text, item);
      if (!loc) continue;
      const target = toTarget(node, loc.start, loc.end);
      if (!target) continue;
      const score = 0.5 * sim + 0.5 * loc.score;
      if (!best || score > best.score) best = { target, score };
    }
    if (!best) {
      // The paragraph was rewritten beyond recognition: a long enough anchor found in exactly
      // one node still places the item.
      const anchor = item.anchorText.split('\n')[0] ?? '';
      if (anchor.length >= 6 && item.kind !== 'insertion') {
        const found = nodes.filter((n) => n.text.includes(anchor));
        if (found.length === 1) {
          const s = found[0]!.text.indexOf(anchor);
          const target = toTarget(found[0]!, s, s + anchor.length);
          if (target) best = { target, score: 0.4 };
        }
      }
    }
    return best ? { item, target: best.target, score: Math.round(best.score * 1000) / 1000 } : { item, target: null, score: 0 };
  });
}
