// Differences between two plans (last year's and this year's, or two versions of one draft):
// tasks added, removed, changed and moved, matched task by task — same title key first, then
// by the weighted similarity of ./similarity.ts — with an inline redline by word inside a
// changed task, and unit and target changes called out separately in Chinese.
//
// Redline: jsdiff diffWords with an Intl.Segmenter('zh', word) — jsdiff's own word mode splits
// on spaces and so treats a Chinese sentence as one “word”; diffChars marks single characters
// and shreds rewordings into unreadable confetti (安全【生产】【监管】…). Words (市应急局 →
// 县安委办, 加强 → 强化) read the way a reviewer marks a printout.
import { diffWords } from 'diff';
import type { PlanDocument, Target } from '../plan/schema';
import { buildModel, pairScore, scoreUpper, statsAt } from './similarity';
import { docPlaces, unitsOf, type CompareUnit } from './units';

export interface TaskRef {
  /** The node id (CompareUnit.key). */
  key: string;
  label: string;
  title: string;
  path: string;
  section: string;
}

export interface RedlinePart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface TaskChange {
  old: TaskRef;
  new: TaskRef;
  /** Similarity of the two versions (1 for an identical text). */
  score: number;
  /** Redlines, only for the fields that changed. */
  title?: RedlinePart[];
  text?: RedlinePart[];
  /** 牵头单位由市应急局改为市安委办 … */
  unitChanges: string[];
  /** 目标由“…”改为“…” / 新增目标“…” / 删去目标“…” */
  targetChanges: string[];
  /** The task sits in another top-level section, or out of its former order. */
  moved: boolean;
}

export interface PlanDiff {
  added: TaskRef[];
  removed: TaskRef[];
  /** Every matched pair that differs in text, units, targets or place. */
  changed: TaskChange[];
  /** The matched pairs whose place changed (also in `changed`, with moved: true). */
  moved: Array<{ old: TaskRef; new: TaskRef; from: string; to: string }>;
  unchanged: number;
}

export interface DiffOptions {
  /** Pairs scoring below this are not the same task (one removed, one added). Default 0.3. */
  matchMin?: number;
}

/** Minimum pair score for two versions to be one task (tuned like compare's thresholds). */
export const MATCH_MIN = 0.3;

const ref = (u: CompareUnit): TaskRef => ({ key: u.key, label: u.label, title: u.title, path: u.path, section: u.section });

let segmenter: Intl.Segmenter | null = null;

/** Inline redline by word (see the file comment for why words). */
export function redline(a: string, b: string): RedlinePart[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return diffWords(a, b, { intlSegmenter: segmenter }).map((p) => ({
    op: p.added ? 'insert' : p.removed ? 'delete' : 'equal',
    text: p.value,
  }));
}

function listChange(kind: string, a: string[], b: string[]): string[] {
  const sa = a.join('、');
  const sb = b.join('、');
  if (sa === sb) return [];
  if (!a.length) return [`新增${kind}：${sb}`];
  if (!b.length) return [`删去${kind}：${sa}`];
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  if (added.length && removed.length && a.length <= 2 && b.length <= 2) return [`${kind}由${sa}改为${sb}`];
  const out: string[] = [];
  if (added.length) out.push(`${kind}新增${added.join('、')}`);
  if (removed.length) out.push(`${kind}删去${removed.join('、')}`);
  if (!out.length) out.push(`${kind}顺序由${sa}改为${sb}`);
  return out;
}

function targetKey(t: Target): string {
  return t.text.replace(/\d+(?:\.\d+)?/g, '#').replace(/[一二两三四五六七八九十]+(?=[个项次处])/gu, '#');
}

function targetChanges(a: Target[], b: Target[]): string[] {
  const out: string[] = [];
  const rest = [...b];
  for (const t of a) {
    const same = rest.findIndex((x) => x.text === t.text);
    if (same >= 0) {
      rest.splice(same, 1);
      continue;
    }
    const like = rest.findIndex(
      (x) => targetKey(x) === targetKey(t) || (x.unit !== undefined && x.unit === t.unit && x.text.slice(0, 2) === t.text.slice(0, 2)),
    );
    if (like >= 0) {
      out.push(`目标由“${t.text}”改为“${rest[like]!.text}”`);
      rest.splice(like, 1);
    } else out.push(`删去目标“${t.text}”`);
  }
  for (const x of rest) out.push(`新增目标“${x.text}”`);
  return out;
}

/** Longest increasing subsequence (indices into xs), to tell moved tasks from ones merely shifted. */
function lis(xs: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  xs.forEach((x, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (xs[tails[m]!]! < x) lo = m + 1;
      else hi = m;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k]!;
  }
  return keep;
}

export function diffPlans(oldDoc: PlanDocument, newDoc: PlanDocument, opts: DiffOptions = {}): PlanDiff {
  const A = unitsOf(oldDoc, 'tasks');
  const B = unitsOf(newDoc, 'tasks');
  const matchMin = opts.matchMin ?? MATCH_MIN;
  const pairOfA = new Map<number, { j: number; score: number }>();
  const usedB = new Set<number>();
  // 1. The same node id: a version of the same plan, or a plan rolled over from the other
  //    (rollover keeps ids). 2. Among the rest, the same title key (plans whose ids differ,
  //    e.g. imported separately; repeated titles pair in order: #2 with #2).
  const pairBy = (keyOf: (u: CompareUnit) => string | undefined) => {
    const bBy = new Map<string, number>();
    B.forEach((b, j) => {
      const k = keyOf(b);
      if (k !== undefined && !usedB.has(j) && !bBy.has(k)) bBy.set(k, j);
    });
    A.forEach((a, i) => {
      const k = keyOf(a);
      const j = k === undefined || pairOfA.has(i) ? undefined : bBy.get(k);
      if (j !== undefined && !usedB.has(j)) {
        pairOfA.set(i, { j, score: -1 });
        usedB.add(j);
      }
    });
  };
  pairBy((u) => u.nodeId);
  pairBy((u) => u.textKey);
  // 2. The rest by similarity, best pairs first.
  const restA = A.map((_, i) => i).filter((i) => !pairOfA.has(i));
  const restB = B.map((_, j) => j).filter((j) => !usedB.has(j));
  if (restA.length && restB.length) {
    const model = buildModel(
      restA.map((i) => A[i]!),
      restB.map((j) => B[j]!),
      docPlaces(oldDoc),
      docPlaces(newDoc),
    );
    const cands: Array<{ i: number; j: number; score: number }> = [];
    restA.forEach((i, x) => {
      const r = scoreUpper(model, x);
      restB.forEach((j, y) => {
        if (r.dot[y]! <= 0) return;
        const score = pairScore(statsAt(model, x, y, r));
        if (score >= matchMin) cands.push({ i, j, score });
      });
    });
    cands.sort((p, q) => q.score - p.score);
    for (const c of cands) {
      if (pairOfA.has(c.i) || usedB.has(c.j)) continue;
      pairOfA.set(c.i, { j: c.j, score: c.score });
      usedB.add(c.j);
    }
  }
  const matched = [...pairOfA.entries()].sort((p, q) => p[0] - q[0]);
  const inOrder = lis(matched.map(([, m]) => m.j));
  const changed: TaskChange[] = [];
  const moved: PlanDiff['moved'] = [];
  let unchanged = 0;
  matched.forEach(([i, m], k) => {
    const a = A[i]!;
    const b = B[m.j]!;
    const sectionMoved = a.section !== b.section;
    const isMoved = sectionMoved || !inOrder.has(k);
    const c: TaskChange = {
      old: ref(a),
      new: ref(b),
      score: m.score < 0 ? (a.text === b.text ? 1 : 0.99) : Math.round(m.score * 1000) / 1000,
      unitChanges: [...listChange('牵头单位', a.lead, b.lead), ...listChange('配合单位', a.support, b.support)],
      targetChanges: targetChanges(a.targets, b.targets),
      moved: isMoved,
    };
    if (a.title !== b.title) c.title = redline(a.title, b.title);
    if (a.text !== b.text) c.text = redline(a.text, b.text);
    if (isMoved) moved.push({ old: c.old, new: c.new, from: a.section, to: b.section });
    if (c.title || c.text || c.unitChanges.length || c.targetChanges.length || isMoved) changed.push(c);
    else unchanged++;
  });
  return {
    added: B.filter((_, j) => !usedB.has(j)).map(ref),
    removed: A.filter((_, i) => !pairOfA.has(i)).map(ref),
    changed,
    moved,
    unchanged,
  };
}
