// Checking a draft against a document of the level above: for every upper task, the draft
// tasks that answer it (ranked, scored, shared phrases), a status, target findings, coverage
// per top-level section and overall; and applying a person's decisions on top.
import type { PlanDocument } from '../plan/schema';
import { buildModel, pairScore, scoreUpper, statsAt, type PairStats } from './similarity';
import { sharedPhrases } from './phrases';
import { cached } from './cached';
import { addedFinding, commitmentsOf, compareTargets, type DraftSide, type MeasurePair, type SideCommitments, type TargetFinding } from './targets';
import { issuerLevel, type Measure } from './measures';
import { draftGrams, taskParts, type TaskPart } from './parts';
import { bare, normalizeUnit } from './text';
import { docPlaces, titleKey, unitsOf, type CompareUnit, type UnitMode } from './units';
import { taskSentences } from '../plan/running-text';

/**
 * Thresholds (pair score, ./similarity.ts pairScore), tuned on test/fixtures/compare:
 * - LINK_MIN: a draft task is proposed for an upper task at this score or above …
 * - MUTUAL_MIN: … or, for a heavy rewording, at this lower score when the draft task is the
 *   upper task's best match (within NEAR of it) and either the upper task is the draft task's
 *   best match (within NEAR) or the pair shows MIN_PHRASES shared phrases (the second half of a
 *   merge: the draft task answers another upper task better). Decoys fail this: they trail the
 *   upper task's real answer, or an upper task they truly answer, and share little.
 * - RELATIVE: a link must also reach this share of the upper task's best link and of the
 *   draft task's own best score (a draft task that plainly answers one upper task is not
 *   also proposed for another it merely shares words with) — unless it clears STRONG, where
 *   merges and splits live.
 * - Status: 'missing' without links; 'partial' (部分落实) when one draft task answers the upper
 *   task, is mostly made of its words (≥ PARTIAL_DRAFT_IN of the draft task's weight is in the
 *   upper task) while taking up at most PARTIAL_UPPER_IN of the upper task's weight, and of the
 *   upper task's sentences one is taken up (PART_TAKEN) and another left out (PART_LEFT_OUT):
 *   the draft took up a clause and left the rest; 'covered' otherwise. A reworded answer touches
 *   every part a little, so it stays 'covered' (its score says how sure).
 */
export const LINK_MIN = 0.2;
export const MUTUAL_MIN = 0.11;
export const NEAR = 0.8;
/**
 * A weak link (LINK_MIN ≤ score < EVIDENCE_SCORE) must show at least MIN_PHRASES shared phrases
 * of three characters or more: a link that cannot explain itself is not proposed (a local task
 * that only shares 数字化 or 党建 with an upper task is a decoy, not an answer).
 */
export const EVIDENCE_SCORE = 0.26;
export const TOPIC_FREE = 0.6;
/** What every task of a work-safety plan speaks of; a linked draft task must too, below TOPIC_FREE. */
export const SAFETY_TOPIC = /安全|安委|安监|应急|隐患|事故|风险|救援|消防|灾|监管|执法|危险|危化|防汛|防火|预警|演练|预案|整治|违法|问责|巡查|督查|检查/u;
export const MIN_PHRASES = 3;
export const RELATIVE = 0.55;
export const STRONG = 0.42;
export const PARTIAL_DRAFT_IN = 0.5;
/** … and of the upper task's parts (./parts.ts), one is taken up (this share of its bigrams) … */
export const PART_TAKEN = 0.3;
/** … and another left out: at most this fraction of the taken part's share (a left-out sentence still shares a topic word or two). */
export const PART_LEFT_OUT = 0.25;
export const PARTIAL_UPPER_IN = 0.6;
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
  /** Why the link was proposed: shared phrases, units both name, targets answering each other. */
  explain?: LinkExplanation;
  /** Other upper tasks (label + title) this draft task answers too: a merge. */
  alsoAnswers?: string[];
  /** Set when a person decided: 'confirmed' or 'added' (rejected links are removed). */
  decision?: 'confirmed' | 'added';
}

export interface LinkExplanation {
  phrases: string[];
  units: string[];
  targets: MeasurePair[];
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
  /** For a partially covered task: its sentences, each taken up by the draft or not. */
  parts?: TaskPart[];
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
  const cands: Array<Array<{ j: number; score: number; upperIn: number; draftIn: number }>> = [];
  const draftBest = new Float64Array(D.length);
  const bufs = { dot: new Float64Array(D.length), upIn: new Float64Array(D.length), drIn: new Float64Array(D.length) };
  const st: PairStats = { cosine: 0, upperIn: 0, draftIn: 0 };
  for (let i = 0; i < U.length; i++) {
    const r = scoreUpper(model, i, bufs);
    const list: Array<{ j: number; score: number; upperIn: number; draftIn: number }> = [];
    for (let j = 0; j < D.length; j++) {
      if (r.dot[j]! <= 0) continue;
      statsAt(model, i, j, r, st);
      const score = pairScore(st);
      if (score > draftBest[j]!) draftBest[j] = score;
      if (score >= Math.min(linkMin, MUTUAL_MIN)) list.push({ j, score, upperIn: st.upperIn, draftIn: st.draftIn });
    }
    list.sort((a, b) => b.score - a.score);
    cands.push(list);
  }

  // Each task's title-and-body run, made once.
  const uSentences: string[] = [];
  const dSentences: string[] = [];
  const upperText = (i: number) => (uSentences[i] ??= taskSentences(U[i]!));
  const draftText = (j: number) => (dSentences[j] ??= taskSentences(D[j]!));
  // Shared phrases, computed once per pair that needs them (weak candidates, proposed links).
  const phraseCache = new Map<number, string[]>();
  const phrasesOf = (i: number, j: number) => cached(phraseCache, i * D.length + j, () => sharedPhrases(upperText(i), draftText(j), { upper: up, draft: dp }));
  const evidenced = (i: number, j: number) => phrasesOf(i, j).filter((x) => bare(x).length >= 3).length >= MIN_PHRASES;
  const topicCache = new Map<number, boolean>();
  const onTopic = (j: number) => cached(topicCache, j, () => SAFETY_TOPIC.test(draftText(j)));
  const linkedDraft = new Set<number>();
  const chosenOf: number[][] = [];
  for (let i = 0; i < U.length; i++) {
    const list = cands[i]!;
    const best = list[0]?.score ?? 0;
    const chosen = list
      .filter((c) => {
        // A draft task that is not about work safety at all (a local task on 人口普查, 卫生乡镇,
        // 文明城市) answers no upper task, however much of its wording it borrows — unless it
        // copies the task outright.
        if (c.score < TOPIC_FREE && !onTopic(c.j)) return false;
        if (c.score >= STRONG) return c.score >= best * RELATIVE * 0.75;
        if (c.score < best * RELATIVE || c.score < draftBest[c.j]! * RELATIVE) return false;
        if (c.score >= EVIDENCE_SCORE) return true;
        // Below LINK_MIN: only a mutual (near-)best pair.
        if (c.score < linkMin) return c.score >= MUTUAL_MIN && c.score >= best * NEAR && (c.score >= draftBest[c.j]! * NEAR || evidenced(i, c.j));
        return evidenced(i, c.j);
      })
      .slice(0, maxLinks);
    chosenOf.push(chosen.map((c) => c.j));
    for (const c of chosen) linkedDraft.add(c.j);
  }
  // Which upper tasks each draft task answers (merges: one draft task, several upper tasks).
  const answersOf = new Map<number, number[]>();
  chosenOf.forEach((js, i) => js.forEach((j) => cached(answersOf, j, () => []).push(i)));

  // Commitments (figures, frequencies, deadlines, scope) read once per linked task.
  const upperLevel = issuerLevel(upper.meta.issuer, upper.meta.title);
  const draftLevel = issuerLevel(draft.meta.issuer, draft.meta.title);
  const uCommit = new Map<number, SideCommitments>();
  const dCommit = new Map<number, SideCommitments>();
  const upperC = (i: number) => cached(uCommit, i, () => commitmentsOf(U[i]!, upper.meta.year, upperLevel, up));
  const draftC = (j: number) => cached(dCommit, j, () => commitmentsOf(D[j]!, draft.meta.year ?? upper.meta.year, draftLevel, dp));
  const draftSide = (j: number): DraftSide => ({ c: draftC(j), lead: D[j]!.lead, label: D[j]!.label });
  const usedByDraft = new Map<number, Set<number>>();
  // Unit names compared level-neutrally (normalizeUnit), each name normalised once per side:
  // a plan names a few dozen units over and over.
  const unitKeys = { upper: new Map<string, string>(), draft: new Map<string, string>() };
  const unitKey = (name: string, side: 'upper' | 'draft') => cached(unitKeys[side], name, () => normalizeUnit(name, side === 'upper' ? up : dp));
  // Lead and supporting units both tasks name, as written in the draft.
  const uUnits = new Map<number, Set<string>>();
  const dUnits = new Map<number, Array<[string, string]>>();
  const sharedUnits = (i: number, j: number): string[] => {
    const upperKeys = cached(uUnits, i, () => new Set([...U[i]!.lead, ...U[i]!.support].map((x) => unitKey(x, 'upper')).filter(Boolean)));
    const draftKeys = cached(dUnits, j, () => [...new Set([...D[j]!.lead, ...D[j]!.support])].map((x): [string, string] => [x, unitKey(x, 'draft')]));
    return draftKeys.filter(([, key]) => upperKeys.has(key)).map(([name]) => name);
  };

  // Label and title of an upper task, as alsoAnswers lists it (made once per task).
  const upperNames: string[] = [];
  const upperName = (x: number) => (upperNames[x] ??= U[x]!.label + U[x]!.title);

  const results: UpperResult[] = U.map((u, i) => {
    const list = cands[i]!;
    const js = chosenOf[i]!;
    const only = js.length === 1 ? list.find((c) => c.j === js[0]) : undefined;
    const judged =
      only && only.draftIn >= PARTIAL_DRAFT_IN && only.upperIn <= PARTIAL_UPPER_IN
        ? taskParts(u.text || u.title, up, draftGrams([draftText(only.j)], dp))
        : null;
    const partial = !!judged && isPartial(judged);
    const tc = js.length ? compareTargets({ c: upperC(i), lead: u.lead }, js.map(draftSide), { upperPlaces: up, draftPlaces: dp, unitKey }) : null;
    tc?.usedMeasures.forEach((used, k) => {
      const set = cached(usedByDraft, js[k]!, () => new Set<number>());
      for (const b of used) set.add(b);
    });
    const links: Link[] = js.map((j, k) => {
      const d = D[j]!;
      const phrases = phrasesOf(i, j);
      const others = (answersOf.get(j) ?? []).filter((x) => x !== i).map(upperName);
      return {
        label: d.label,
        title: d.title,
        score: round(list.find((c) => c.j === j)?.score ?? 0),
        key: d.key,
        id: d.id,
        path: d.path,
        sharedPhrases: phrases,
        explain: { phrases, units: sharedUnits(i, j), targets: tc?.pairs[k] ?? [] },
        ...(others.length ? { alsoAnswers: others } : {}),
      };
    });
    const status: Status = !links.length ? 'missing' : partial ? 'partial' : 'covered';
    const parts = partial ? judged! : undefined;
    return {
      label: u.label,
      title: u.title,
      status,
      links,
      targetFindings: tc?.findings ?? [],
      key: u.key,
      id: u.id,
      path: u.path,
      section: u.section,
      ...(parts ? { parts } : {}),
    };
  });

  // Draft figures no linked upper target answers: quantified or added, judged once per draft
  // task against every upper task it answers, and shown under the closest one.
  for (const [j, is] of answersOf) {
    const used = usedByDraft.get(j);
    const side = draftSide(j);
    // One finding per draft clause (每年安排专项经费不少于10万元 is one requirement, not two).
    const byClause = new Map<number, Measure[]>();
    const answered = side.c.measures.filter((_m, b) => used?.has(b));
    side.c.measures.forEach((m, b) => {
      // The same figure said twice (the title's “一月一主题” and the text's 每月确定一个整治主题)
      // is answered once.
      if (used?.has(b) || answered.some((x) => sameMeasure(x, m))) return;
      // 每月确定一个整治主题: the count belongs to the frequency it is written in.
      if (m.kind === 'figure' && side.c.measures.some((x) => x.kind === 'frequency' && x.clause === m.clause && x.text.includes(m.text))) return;
      cached(byClause, m.clause, () => []).push(m);
    });
    for (const ms of byClause.values()) {
      const { finding, upper: k } = addedFinding(
        ms,
        side,
        is.map((i) => ({ c: upperC(i) })),
      );
      const r = results[is[k]!]!;
      r.targetFindings.push(r.links.length > 1 ? { ...finding, draftLabel: side.label } : finding);
    }
  }

  const draftOnly = D.filter((_d, j) => !linkedDraft.has(j)).map((d) => ({ label: d.label, title: d.title, key: d.key, id: d.id, path: d.path }));
  return finish({ upper: results, draftOnly, mode: U.some((x) => x.pseudo) || D.some((x) => x.pseudo) ? 'paragraphs' : 'tasks', upperHasTasks, draftHasTasks });
}

/** One part taken up, another left out (relative to the part taken: see PART_LEFT_OUT). */
function isPartial(parts: readonly TaskPart[]): boolean {
  const max = Math.max(0, ...parts.map((p) => p.share));
  return max >= PART_TAKEN && parts.some((p) => p.share <= max * PART_LEFT_OUT);
}

function sameMeasure(a: Measure, b: Measure): boolean {
  return a.kind === b.kind && a.perYear === b.perYear && a.deadline === b.deadline && a.lo === b.lo && a.hi === b.hi && a.unit === b.unit;
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
  const answering = new Map<string, string[]>();
  for (const u of upper) {
    for (const l of u.links) {
      linked.add(l.key);
      answering.set(l.key, [...(answering.get(l.key) ?? []), u.label + u.title]);
    }
    const proposed = comparison.upper.find((x) => x.key === u.key)!.links.map((l) => l.key);
    const same = u.links.length === proposed.length && u.links.every((l) => proposed.includes(l.key));
    if (!u.links.length) {
      u.status = 'missing';
      u.targetFindings = [];
      delete u.parts;
    } else if (!same || u.status === 'missing') {
      // A link a person added, or one of several rejected: the engine's partial judgement was
      // about the links it proposed; a person's links cover.
      u.status = 'covered';
      delete u.parts;
    }
    // A confirmed link keeps the engine's judgement: confirming 部分落实 does not make it whole.
  }
  // Merges after the decisions: which other upper tasks each linked draft task answers.
  for (const u of upper)
    for (const l of u.links) {
      const others = (answering.get(l.key) ?? []).filter((x) => x !== u.label + u.title);
      if (others.length) l.alsoAnswers = others;
      else delete l.alsoAnswers;
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
      targetFindings: u.targetFindings.map((f) => ({ kind: f.kind, aspect: f.aspect, upper: f.upper, draft: f.draft, message: f.message })),
    })),
    draftOnly: c.draftOnly.map((d) => ({ label: d.label, title: d.title })),
  };
}

export { titleKey };
