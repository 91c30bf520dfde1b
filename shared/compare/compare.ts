// Checking a draft against a document of the level above: for every upper task, the draft
// tasks that answer it (ranked, scored, shared phrases), a status, target findings, coverage
// per top-level section and overall; and applying a person's decisions on top.
import type { PlanDocument } from '../plan/schema';
import { buildModel, pairScore, scoreUpper, statsAt } from './similarity';
import { sharedPhrases } from './phrases';
import { compareTargets, type TargetFinding } from './targets';
import { docPlaces, titleKey, unitsOf, type CompareUnit, type UnitMode } from './units';
import { taskSentences } from '../plan/running-text';

/**
 * Thresholds (pair score, ./similarity.ts pairScore), tuned on test/fixtures/compare:
 * - LINK_MIN: a draft task is proposed for an upper task at this score or above …
 * - MUTUAL_MIN: … or, for a heavy rewording, at this lower score when the pair is mutual:
 *   the draft task is the upper task's best match (within NEAR of it) and the upper task is
 *   the draft task's best match (within NEAR). Decoys fail this: they trail the upper task's
 *   real answer, or an upper task they truly answer.
 * - RELATIVE: a link must also reach this share of the upper task's best link and of the
 *   draft task's own best score (a draft task that plainly answers one upper task is not
 *   also proposed for another it merely shares words with) — unless it clears STRONG, where
 *   merges and splits live.
 * - Status: 'covered' when the best link reaches COVERED, or the linked draft tasks together
 *   contain at least COVERED_UNION of the upper task's weight; 'partial' for any other
 *   link; 'missing' without links.
 */
export const LINK_MIN = 0.2;
export const MUTUAL_MIN = 0.11;
export const NEAR = 0.8;
export const RELATIVE = 0.55;
export const STRONG = 0.42;
export const COVERED = 0.3;
export const COVERED_UNION = 0.55;
/** At most this many links proposed per upper task. */
export const MAX_LINKS = 4;

export type Status = 'covered' | 'partial' | 'missing';

export interface Link {
  label: string;
  title: string;
  score: number;
  /** Internal: the draft task's stable key, its position id and path. */
  key: string;
  id: string;
  path: string;
  /** Phrases both tasks contain (as written in the draft), for highlighting. */
  sharedPhrases: string[];
  /** Set when a person decided: 'confirmed' or 'added' (rejected links are removed). */
  decision?: 'confirmed' | 'added';
}

export interface UpperResult {
  label: string;
  title: string;
  status: Status;
  links: Link[];
  targetFindings: TargetFinding[];
  key: string;
  id: string;
  path: string;
  section: string;
}

export interface SectionCoverage {
  section: string;
  tasks: number;
  covered: number;
  partial: number;
  missing: number;
  coverage: number;
}

export interface Comparison {
  /** Share of upper tasks covered; a partial one counts half. 1 when the upper has no tasks. */
  coverage: number;
  upper: UpperResult[];
  draftOnly: Array<{ label: string; title: string; key: string; id: string; path: string }>;
  sections: SectionCoverage[];
  /** 'tasks', or 'paragraphs' when paragraphs were compared as pseudo-tasks. */
  mode: UnitMode;
  /** False when the upper document has no recognisable tasks (see CompareOptions.paragraphs). */
  upperHasTasks: boolean;
  draftHasTasks: boolean;
}

export interface CompareOptions {
  /**
   * 'auto' (default): a document without tasks is compared by its paragraphs (pseudo-tasks);
   * 'never': tasks only (an upper document without tasks gives an empty comparison);
   * 'always': paragraphs of both documents.
   */
  paragraphs?: 'auto' | 'never' | 'always';
  linkMin?: number;
  maxLinks?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function hasTasks(units: CompareUnit[]): boolean {
  return units.length > 0;
}

/** For every task of `upper`, the tasks of `draft` that answer it. Pure; no I/O. */
export function compareUpperDraft(upper: PlanDocument, draft: PlanDocument, opts: CompareOptions = {}): Comparison {
  const mode = opts.paragraphs ?? 'auto';
  const upperTasks = unitsOf(upper, 'tasks');
  const draftTasks = unitsOf(draft, 'tasks');
  const upperHasTasks = hasTasks(upperTasks);
  const draftHasTasks = hasTasks(draftTasks);
  const usePara = mode === 'always' || (mode === 'auto' && (!upperHasTasks || !draftHasTasks));
  const U = usePara && (mode === 'always' || !upperHasTasks) ? unitsOf(upper, 'paragraphs') : upperTasks;
  const D = usePara && (mode === 'always' || !draftHasTasks) ? unitsOf(draft, 'paragraphs') : draftTasks;
  const up = docPlaces(upper);
  const dp = docPlaces(draft);
  const linkMin = opts.linkMin ?? LINK_MIN;
  const maxLinks = opts.maxLinks ?? MAX_LINKS;

  const model = buildModel(U, D, up, dp);
  // All pair scores ≥ linkMin (sparse), and each draft task's best score.
  const cands: Array<Array<{ j: number; score: number; upperIn: number }>> = [];
  const draftBest = new Float64Array(D.length);
  const bufs = { dot: new Float64Array(D.length), upIn: new Float64Array(D.length), drIn: new Float64Array(D.length) };
  for (let i = 0; i < U.length; i++) {
    const r = scoreUpper(model, i, bufs);
    const list: Array<{ j: number; score: number; upperIn: number }> = [];
    for (let j = 0; j < D.length; j++) {
      if (r.dot[j]! <= 0) continue;
      const st = statsAt(model, i, j, r);
      const score = pairScore(st);
      if (score > draftBest[j]!) draftBest[j] = score;
      if (score >= Math.min(linkMin, MUTUAL_MIN)) list.push({ j, score, upperIn: st.upperIn });
    }
    list.sort((a, b) => b.score - a.score);
    cands.push(list);
  }

  const linkedDraft = new Set<number>();
  const results: UpperResult[] = U.map((u, i) => {
    const list = cands[i]!;
    const best = list[0]?.score ?? 0;
    const chosen = list
      .filter((c) => {
        if (c.score >= STRONG) return c.score >= best * RELATIVE * 0.75;
        if (c.score < best * RELATIVE || c.score < draftBest[c.j]! * RELATIVE) return false;
        if (c.score >= linkMin) return true;
        // Below LINK_MIN: only a mutual (near-)best pair.
        return c.score >= MUTUAL_MIN && c.score >= best * NEAR && c.score >= draftBest[c.j]! * NEAR;
      })
      .slice(0, maxLinks);
    const links: Link[] = chosen.map((c) => {
      linkedDraft.add(c.j);
      const d = D[c.j]!;
      return {
        label: d.label,
        title: d.title,
        score: round(c.score),
        key: d.key,
        id: d.id,
        path: d.path,
        sharedPhrases: sharedPhrases(taskSentences(u), taskSentences(d), { upper: up, draft: dp }),
      };
    });
    const union = unionContainment(
      model,
      i,
      chosen.map((c) => c.j),
    );
    const status: Status = !links.length ? 'missing' : best >= COVERED || union >= COVERED_UNION ? 'covered' : 'partial';
    const targetFindings = links.length
      ? compareTargets(
          u,
          chosen.map((c) => D[c.j]!),
          { upperYear: upper.meta.year, draftYear: draft.meta.year, upperPlaces: up, draftPlaces: dp },
        )
      : [];
    return { label: u.label, title: u.title, status, links, targetFindings, key: u.key, id: u.id, path: u.path, section: u.section };
  });

  const draftOnly = D.filter((_d, j) => !linkedDraft.has(j)).map((d) => ({ label: d.label, title: d.title, key: d.key, id: d.id, path: d.path }));
  return finish({ upper: results, draftOnly, mode: U.some((x) => x.pseudo) || D.some((x) => x.pseudo) ? 'paragraphs' : 'tasks', upperHasTasks, draftHasTasks });
}

/** Share of upper task i's weight present in at least one of the draft tasks js. */
function unionContainment(model: ReturnType<typeof buildModel>, i: number, js: number[]): number {
  const u = model.upper[i]!;
  if (!js.length || u.sum <= 0) return 0;
  const ds = js.map((j) => model.draft[j]!);
  let got = 0;
  for (let k = 0; k < u.ids.length; k++) {
    const id = u.ids[k]!;
    if (ds.some((d) => binaryHas(d.ids, id))) got += u.w[k]!;
  }
  return got / u.sum;
}

function binaryHas(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = a[m]!;
    if (v === x) return true;
    if (v < x) lo = m + 1;
    else hi = m - 1;
  }
  return false;
}

function finish(c: Omit<Comparison, 'coverage' | 'sections'>): Comparison {
  const bySection = new Map<string, SectionCoverage>();
  for (const u of c.upper) {
    let s = bySection.get(u.section);
    if (!s) bySection.set(u.section, (s = { section: u.section, tasks: 0, covered: 0, partial: 0, missing: 0, coverage: 0 }));
    s.tasks++;
    s[u.status]++;
  }
  const cov = (covered: number, partial: number, n: number) => (n ? round((covered + partial * 0.5) / n) : 1);
  const sections = [...bySection.values()].map((s) => ({ ...s, coverage: cov(s.covered, s.partial, s.tasks) }));
  const covered = c.upper.filter((u) => u.status === 'covered').length;
  const partial = c.upper.filter((u) => u.status === 'partial').length;
  return { coverage: cov(covered, partial, c.upper.length), ...c, sections };
}

// ——— Decisions ———

export interface Decision {
  upperKey: string;
  draftKey: string;
  decision: 'confirmed' | 'rejected' | 'added';
}

/**
 * Finds the key in `keys` a stored key refers to. Keys are node ids: the same id or nothing —
 * a decision whose task is gone is ignored, never handed to a task that merely looks like it
 * (issue 14). A stored key that is not an id (a notice paragraph's text key, or a decision
 * saved before ids that migration 004 could not place) is matched only exactly, too.
 */
export function resolveKey(stored: string, keys: readonly string[]): string | null {
  return keys.includes(stored) ? stored : null;
}

/**
 * The comparison with a person's decisions applied: 'rejected' removes a link, 'confirmed'
 * marks it, 'added' creates it (score 1 when it was not proposed). Keys are node ids
 * (CompareUnit.key), so decisions survive edits and moves in either document and die with
 * their task: decisions whose tasks are gone are ignored. Status and coverage are recomputed: a confirmed or added link covers.
 * `draft` is needed to add links to draft tasks that were not proposed.
 */
export function applyDecisions(comparison: Comparison, decisions: readonly Decision[], draft?: PlanDocument): Comparison {
  const upperKeys = comparison.upper.map((u) => u.key);
  const draftIndex = new Map<string, { label: string; title: string; key: string; id: string; path: string }>();
  for (const u of comparison.upper) for (const l of u.links) draftIndex.set(l.key, { label: l.label, title: l.title, key: l.key, id: l.id, path: l.path });
  for (const d of comparison.draftOnly) draftIndex.set(d.key, d);
  if (draft)
    for (const d of unitsOf(draft, comparison.mode === 'paragraphs' && !comparison.draftHasTasks ? 'paragraphs' : 'tasks'))
      if (!draftIndex.has(d.key)) draftIndex.set(d.key, d);
  const draftKeys = [...draftIndex.keys()];
  const upper = comparison.upper.map((u) => ({ ...u, links: u.links.map((l) => ({ ...l })) }));
  for (const dec of decisions) {
    const uk = resolveKey(dec.upperKey, upperKeys);
    const dk = resolveKey(dec.draftKey, draftKeys);
    if (!uk || !dk) continue;
    const u = upper.find((x) => x.key === uk)!;
    const at = u.links.findIndex((l) => l.key === dk);
    if (dec.decision === 'rejected') {
      if (at >= 0) u.links.splice(at, 1);
    } else if (at >= 0) {
      u.links[at]!.decision = dec.decision === 'added' ? 'added' : 'confirmed';
    } else {
      const d = draftIndex.get(dk)!;
      u.links.push({
        label: d.label,
        title: d.title,
        score: 1,
        key: d.key,
        id: d.id,
        path: d.path,
        sharedPhrases: [],
        decision: dec.decision === 'added' ? 'added' : 'confirmed',
      });
    }
  }
  const linked = new Set<string>();
  for (const u of upper) {
    for (const l of u.links) linked.add(l.key);
    if (!u.links.length) {
      u.status = 'missing';
      u.targetFindings = [];
    } else if (u.links.some((l) => l.decision)) u.status = 'covered';
    else if (u.status === 'missing') u.status = 'partial';
  }
  const draftOnly = draftKeys.filter((k) => !linked.has(k)).map((k) => draftIndex.get(k)!);
  const { coverage: _c, sections: _s, ...rest } = comparison;
  return finish({ ...rest, upper, draftOnly });
}

/** The public JSON shape of the CLI (issue 7): internal fields left out. */
export function comparisonJson(c: Comparison) {
  return {
    coverage: c.coverage,
    upper: c.upper.map((u) => ({
      label: u.label,
      title: u.title,
      status: u.status,
      links: u.links.map((l) => ({ label: l.label, title: l.title, score: l.score })),
      targetFindings: u.targetFindings.map((f) => ({ kind: f.kind, upper: f.upper, draft: f.draft, message: f.message })),
    })),
    draftOnly: c.draftOnly.map((d) => ({ label: d.label, title: d.title })),
  };
}

export { titleKey };
