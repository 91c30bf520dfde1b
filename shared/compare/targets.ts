// Target findings of a linked pair, each quoted side by side with a one-line reason: a weaker
// figure (95% → 85%), fewer occurrences (4次 → 2次), a lower or higher frequency (每月 → 每季度),
// a later or earlier deadline, a narrower or different scope (每个村 → 重点村, 区级 → 村级), a
// qualitative upper target made quantitative (定期召开 → 每月召开1次), a figure the draft adds
// where the upper has none, an upper target the draft leaves out of a clause it takes up, and
// different lead units. Targets kept the same are not findings.
// Measures are read once per task (./measures.ts); clauses are matched by the Dice coefficient
// of their character bigrams (sorted int32 code arrays, merged: no strings built per comparison).
import { readCommitments, type Clause, type Commitments, type Measure } from './measures';
import { bigramCodes, normalizeUnit } from './text';
import { cached } from './cached';

export type FindingKind = 'weaker' | 'stricter' | 'quantified' | 'added' | 'missing' | 'different';
export type FindingAspect = 'figure' | 'occurrences' | 'frequency' | 'deadline' | 'scope' | 'units';

export interface TargetFinding {
  kind: FindingKind;
  aspect: FindingAspect;
  /** The upper clause, as written ('' when the upper has nothing to quote). */
  upper: string;
  /** The draft clause, as written ('' when the draft leaves the target out). */
  draft: string;
  /** One line: what differs and how (上级“30人”，本级“10人”). */
  message: string;
  /** Label of the draft task quoted, when several answer the upper task. */
  draftLabel?: string;
}

/** Weaker, missing and different call for a decision; the others are for information. */
export function findingSeverity(kind: FindingKind): 'concern' | 'note' {
  return kind === 'weaker' || kind === 'missing' || kind === 'different' ? 'concern' : 'note';
}

export interface TargetSide {
  title: string;
  text: string;
  lead: string[];
  support?: string[];
  label?: string;
}

/** A task's commitments with each clause's bigram codes (sorted, distinct) for matching. */
export interface SideCommitments extends Commitments {
  /** Clause ci's bigram codes (sorted, distinct), computed on first use. */
  gramsAt(ci: number): ArrayLike<number>;
  /** 1 when the title was read as the first clause (the text does not repeat it), else 0. */
  titleClauses: number;
}

/** A pair of measures that answer each other (the link's explanation lists them). */
export interface MeasurePair {
  upper: string;
  draft: string;
  same: boolean;
}

/** Clauses must resemble each other this much (bigram Dice) for their measures to be compared. */
export const MEASURE_MATCH_MIN = 0.3;
/** Leftover measures (one of a kind on each side) pair at this clause similarity or above. */
export const RESIDUAL_MIN = 0.1;
/** An upper clause this close to a draft clause is "taken up" by it (a dropped figure is then a finding). */
export const CLAUSE_TAKEN_MIN = 0.5;
/** A draft figure is a quantified upper clause when that clause is at least this close. */
export const QUANTIFIED_MIN = 0.3;
/** A clause found by its kept neighbours is the counterpart with this much confidence (above any resemblance-only match). */
const IN_PLACE_SCORE = 0.6;
/** Neighbouring clauses this close are kept: the clause between them was rewritten in place. */
export const NEIGHBOUR_KEPT = 0.8;
const TITLE_PENALTY = 0.1;
const PERIODIC_BONUS = 0.15;
/** Clauses compared for scope (每个 → 重点, 区级 → 村级) at this similarity. */
export const SCOPE_MATCH_MIN = 0.4;

/** A clause's distinct bigram codes, sorted (as int32: dice needs only the same order on both sides). */
function gramsOf(context: string): Int32Array {
  // A copy of bigramCodes' view, sorted in place (typed arrays sort numerically, without a
  // comparator call or a boxed number per code), then made distinct in place.
  const codes = bigramCodes(context).slice().sort();
  let n = 0;
  for (let k = 0; k < codes.length; k++) if (k === 0 || codes[k] !== codes[k - 1]) codes[n++] = codes[k]!;
  return codes.subarray(0, n);
}

/** Dice coefficient of two distinct code arrays sorted the same way. */
export function dice(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      c++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * c) / (a.length + b.length);
}

export function commitmentsOf(side: TargetSide, planYear: number | undefined, ownLevel: number | null, places: readonly string[]): SideCommitments {
  const titled = !!side.title && !side.text.includes(side.title);
  const c = readCommitments(titled ? `${side.title}。${side.text}` : side.text, planYear, ownLevel, places);
  const grams: Array<ArrayLike<number>> = [];
  const gramsAt = (ci: number) => (grams[ci] ??= gramsOf(c.contextAt(ci)));
  return { ...c, gramsAt, titleClauses: titled ? 1 : 0 };
}

/** A clause quoted for a finding: whole when short, else the part around `focus`. */
function quote(clause: Clause, focus?: string): string {
  const t = clause.text;
  if (t.length <= 60) return t;
  const at = focus ? t.indexOf(focus) : -1;
  if (at < 0) return `${t.slice(0, 58)}…`;
  const from = Math.max(0, at - 24);
  return `${from > 0 ? '…' : ''}${t.slice(from, from + 58)}${from + 58 < t.length ? '…' : ''}`;
}

function sameUnitClass(u: Measure, d: Measure): boolean {
  if (u.kind !== d.kind) return false;
  if (u.kind !== 'figure') return true;
  return (u.unit ?? '') === (d.unit ?? '');
}

/** −1 when the draft measure is weaker than the upper one, 1 when stricter, 0 when the same. */
function direction(u: Measure, d: Measure): number {
  if (u.kind === 'frequency') return Math.sign(d.perYear! - u.perYear!);
  if (u.kind === 'deadline') return Math.sign(u.deadline! - d.deadline!);
  const sign = u.lowerIsStronger ? -1 : 1;
  const hi = Math.sign(d.hi! - u.hi!);
  return sign * (hi !== 0 ? hi : Math.sign(d.lo! - u.lo!));
}

function aspectOf(m: Measure): FindingAspect {
  if (m.kind === 'frequency') return 'frequency';
  if (m.kind === 'deadline') return 'deadline';
  return m.occurrences ? 'occurrences' : 'figure';
}

const WEAKER: Record<string, string> = { figure: '目标低于上级', occurrences: '次数少于上级', frequency: '频次低于上级', deadline: '完成时限晚于上级' };
const STRICTER: Record<string, string> = { figure: '目标高于上级', occurrences: '次数多于上级', frequency: '频次高于上级', deadline: '完成时限早于上级' };

export interface DraftSide {
  c: SideCommitments;
  lead: string[];
  label: string;
}

export interface TargetComparison {
  findings: TargetFinding[];
  /** Per linked draft: the measure pairs answering each other (the link's explanation). */
  pairs: MeasurePair[][];
  /** Per linked draft: which of its measures answered an upper measure. */
  usedMeasures: Array<Set<number>>;
}

/**
 * Findings for one upper task against the draft tasks linked to it. No finding where the draft
 * keeps the target. Draft figures with no upper counterpart are left to `addedFinding` (a draft
 * task linked to several upper tasks is judged once, against all of them).
 */
export function compareTargets(
  upper: { c: SideCommitments; lead: string[] },
  drafts: readonly DraftSide[],
  opts: {
    upperPlaces?: readonly string[];
    draftPlaces?: readonly string[];
    /** normalizeUnit of a unit name with that side's places (a comparison passes one that remembers its names). */
    unitKey?: (name: string, side: 'upper' | 'draft') => string;
  } = {},
): TargetComparison {
  const findings: TargetFinding[] = [];
  const pairs: MeasurePair[][] = drafts.map(() => []);
  const usedMeasures = drafts.map(() => new Set<number>());
  if (!drafts.length) return { findings, pairs, usedMeasures };
  const um = upper.c.measures;
  // Candidate pairs, best-resembling clauses first; one-to-one.
  const cands: Array<{ a: number; k: number; b: number; s: number }> = [];
  um.forEach((u, a) => {
    drafts.forEach((d, k) => {
      d.c.measures.forEach((m, b) => {
        if (!sameUnitClass(u, m)) return;
        const s = dice(upper.c.gramsAt(u.clause), d.c.gramsAt(m.clause)) + (u.text === m.text ? 0.05 : 0);
        if (s >= MEASURE_MATCH_MIN) cands.push({ a, k, b, s });
      });
    });
  });
  cands.sort((x, y) => y.s - x.s);
  const matched = new Map<number, { k: number; b: number }>();
  for (const p of cands) {
    if (matched.has(p.a) || usedMeasures[p.k]!.has(p.b)) continue;
    matched.set(p.a, { k: p.k, b: p.b });
    usedMeasures[p.k]!.add(p.b);
  }
  // Leftovers: one unanswered upper measure and one unanswered draft measure of the same kind
  // (and unit) answer each other even in reworded clauses (“一月一主题” → 每两个月集中排查一次).
  const leftU = um.map((_u, a) => a).filter((a) => !matched.has(a));
  for (const a of leftU) {
    const u = um[a]!;
    const sameKind = leftU.filter((x) => sameUnitClass(um[x]!, u));
    const leftD: Array<{ k: number; b: number; s: number }> = [];
    drafts.forEach((d, k) =>
      d.c.measures.forEach((m, b) => {
        if (!usedMeasures[k]!.has(b) && sameUnitClass(u, m)) leftD.push({ k, b, s: dice(upper.c.gramsAt(u.clause), d.c.gramsAt(m.clause)) });
      }),
    );
    // A task seldom has two rhythms: a leftover frequency pairs whatever its wording; a leftover
    // date or figure must resemble its clause a little (5月份 of a drill is not a 7月底前 deadline).
    // The same figure said twice in the draft (title and text) counts once.
    const first = leftD[0];
    const value = (x: { k: number; b: number }) => {
      const m = drafts[x.k]!.c.measures[x.b]!;
      return `${m.perYear}|${m.deadline}|${m.lo}|${m.hi}|${m.unit}`;
    };
    const oneValue = !!first && leftD.every((x) => value(x) === value(first));
    if (sameKind.length !== 1 || !oneValue) continue;
    const pick = leftD.reduce((x, y) => (y.s > x.s ? y : x));
    if (u.kind !== 'frequency' && pick.s < RESIDUAL_MIN) continue;
    matched.set(a, pick);
    for (const x of leftD) usedMeasures[x.k]!.add(x.b);
  }
  const several = drafts.length > 1;
  const labelled = (f: TargetFinding, k: number): TargetFinding => (several ? { ...f, draftLabel: drafts[k]!.label } : f);
  for (const [a, u] of um.entries()) {
    const uc = upper.c.clauses[u.clause]!;
    const hit = matched.get(a);
    if (!hit) {
      // Left out: a finding only where the draft takes up the clause the target stands in. A
      // clause not taken up at all is the task's coverage (部分落实 lists it), not a target
      // finding; a rewording that says the same in other words cannot be held to a figure.
      const taken = bestClause(upper.c.gramsAt(u.clause), drafts);
      if (taken && taken.s >= CLAUSE_TAKEN_MIN)
        findings.push(
          labelled(
            {
              kind: 'missing',
              aspect: aspectOf(u),
              upper: quote(uc, u.text),
              draft: quote(drafts[taken.k]!.c.clauses[taken.clause]!),
              message: `本级未写明上级目标“${u.text}”`,
            },
            taken.k,
          ),
        );
      continue;
    }
    const d = drafts[hit.k]!.c.measures[hit.b]!;
    const dc = drafts[hit.k]!.c.clauses[d.clause]!;
    const dir = direction(u, d);
    pairs[hit.k]!.push({ upper: u.text, draft: d.text, same: dir === 0 && u.text === d.text });
    if (dir === 0) continue;
    const aspect = aspectOf(u);
    const reason = dir < 0 ? WEAKER[aspect]! : STRICTER[aspect]!;
    findings.push(
      labelled(
        {
          kind: dir < 0 ? 'weaker' : 'stricter',
          aspect,
          upper: quote(uc, u.text),
          draft: quote(dc, d.text),
          message: `${reason}：上级“${u.text}”，本级“${d.text}”`,
        },
        hit.k,
      ),
    );
  }
  findings.push(...scopeFindings(upper.c, drafts, labelled));
  // Lead units: compared level-neutrally (市应急局 = 县应急管理局); only when both sides name one.
  const unitKey = opts.unitKey ?? ((x: string, side: 'upper' | 'draft') => normalizeUnit(x, side === 'upper' ? opts.upperPlaces : opts.draftPlaces));
  const ul = upper.lead.map((x) => unitKey(x, 'upper')).filter(Boolean);
  const dl = drafts
    .flatMap((d) => d.lead)
    .map((x) => unitKey(x, 'draft'))
    .filter(Boolean);
  if (ul.length && dl.length && !ul.some((x) => dl.includes(x))) {
    const dNames = [...new Set(drafts.flatMap((d) => d.lead))];
    findings.push({
      kind: 'different',
      aspect: 'units',
      upper: upper.lead.join('、'),
      draft: dNames.join('、'),
      message: `牵头单位不同：上级为${upper.lead.join('、')}，本级为${dNames.join('、')}`,
    });
  }
  return { findings, pairs, usedMeasures };
}

function bestClause(grams: ArrayLike<number>, drafts: readonly DraftSide[]): { k: number; clause: number; s: number } | null {
  let best: { k: number; clause: number; s: number } | null = null;
  drafts.forEach((d, k) =>
    d.c.clauses.forEach((_cl, clause) => {
      const s = dice(grams, d.c.gramsAt(clause));
      if (!best || s > best.s) best = { k, clause, s };
    }),
  );
  return best;
}

/** 每个村 → 重点村 (narrower); 区级 → 村级 (a different level, not the level substitution itself). */
function scopeFindings(upper: SideCommitments, drafts: readonly DraftSide[], labelled: (f: TargetFinding, k: number) => TargetFinding): TargetFinding[] {
  const out: TargetFinding[] = [];
  upper.clauses.forEach((uc, i) => {
    const all = uc.scope.filter((s) => s.kind === 'all');
    if (!all.length && !uc.levels.length) return;
    const hit = bestClause(upper.gramsAt(i), drafts);
    if (!hit || hit.s < SCOPE_MATCH_MIN) return;
    const dc = drafts[hit.k]!.c.clauses[hit.clause]!;
    if (all.length && !dc.scope.some((s) => s.kind === 'all')) {
      const some = dc.scope.find((s) => s.kind === 'some' && !uc.scope.some((x) => x.word === s.word));
      if (some)
        out.push(
          labelled(
            {
              kind: 'weaker',
              aspect: 'scope',
              upper: quote(uc, all[0]!.word),
              draft: quote(dc, some.word),
              message: `范围窄于上级：上级“${all[0]!.word}”，本级“${some.word}”`,
            },
            hit.k,
          ),
        );
    }
    // Levels compared absolutely (各乡镇 in a county plan is the 镇 of a town's plan), except that
    // each document's own level is the same scope (区级 → 镇级 is the rewrite itself).
    const same = (a: Clause['levels'][number], b: Clause['levels'][number]) => a.abs === b.abs || (a.rel === 0 && b.rel === 0);
    for (const ul of uc.levels) {
      if (dc.levels.some((dl) => same(ul, dl))) continue;
      const other = dc.levels.find((dl) => !uc.levels.some((x) => same(x, dl)));
      if (!other) continue;
      out.push(
        labelled(
          {
            kind: 'different',
            aspect: 'scope',
            upper: quote(uc, ul.word),
            draft: quote(dc, other.word),
            message: `范围与上级不同：上级“${ul.word}”，本级“${other.word}”`,
          },
          hit.k,
        ),
      );
      break;
    }
  });
  return out;
}

/** The qualitative words a measure of each kind makes precise (定期 → 每月1次; 提高 → 80%; 尽快 → 6月底前). */
const QUALITATIVE_FOR: Record<Measure['kind'], RegExp> = {
  frequency: /定期|不定期|经常|常态化|持续|适时|加强|强化/u,
  figure: /提高|提升|扩大|加大|加强|强化|全面|逐步|持续|进一步|不断/u,
  deadline: /及时|尽快|适时|按时|限期|抓紧/u,
};
/** A draft clause this close to an upper clause keeps it as written (nothing was replaced). */
const KEPT_AS_WRITTEN = 0.95;
/** The remnant of an upper clause the draft split (加大资金、装备保障 → 每年…10万元，加大装备保障). */
const REMNANT_MIN = 0.5;

/**
 * The draft figures of one clause that no linked upper target answers: a qualitative upper
 * clause made quantitative (定期召开会议 → 每月召开1次会议: the upper clause, with a qualitative
 * word of the figure's kind, is rewritten — not kept as written — at the place the figure
 * stands), else a figure the draft adds.
 */
export function addedFinding(
  ms: readonly Measure[],
  draft: DraftSide,
  uppers: ReadonlyArray<{ c: SideCommitments }>,
): { finding: TargetFinding; upper: number } {
  const m = ms[0]!;
  const dc = draft.c.clauses[m.clause]!;
  const grams = draft.c.gramsAt(m.clause);
  const what = dc.text.length <= 40 ? dc.text : ms.map((x) => x.text).join('、');
  // The closest upper clause (where the finding is shown), and the closest one that could have
  // been made quantitative: a qualitative word of the figure's kind, no figure of that kind, not
  // kept as written in the draft.
  const wordIn = (cl: Clause) => ms.map((x) => QUALITATIVE_FOR[x.kind].exec(cl.text)?.[0]).find(Boolean);
  const keptCache = new Map<string, boolean>();
  const keptAsWritten = (ui: number, clause: number) =>
    cached(keptCache, `${ui}:${clause}`, () => draft.c.clauses.some((_x, ci) => dice(uppers[ui]!.c.gramsAt(clause), draft.c.gramsAt(ci)) >= KEPT_AS_WRITTEN));
  const quantifiable = (ui: number, clause: number) => {
    const u = uppers[ui]!.c;
    return !!wordIn(u.clauses[clause]!) && !u.measures.some((x) => x.clause === clause && ms.some((y) => y.kind === x.kind)) && !keptAsWritten(ui, clause);
  };
  let best = { u: 0, clause: -1, s: 0 };
  let bestQ = { u: 0, clause: -1, s: 0 };
  const consider = (ui: number, clause: number, s: number) => {
    if (s > best.s) best = { u: ui, clause, s };
    if (s > bestQ.s && s >= QUANTIFIED_MIN && quantifiable(ui, clause)) bestQ = { u: ui, clause, s };
  };
  uppers.forEach((u, ui) =>
    u.c.clauses.forEach((cl, clause) => {
      let s = dice(u.c.gramsAt(clause), grams);
      // The title restates the task; the clause the draft rewrote is in the text.
      if (clause < u.c.titleClauses) s -= TITLE_PENALTY;
      // 定期/常态化… is what a frequency replaces.
      if (m.kind === 'frequency' && cl.qualitative && /定期|经常|常态化|适时/.test(cl.qualitative)) s += PERIODIC_BONUS;
      consider(ui, clause, s);
    }),
  );
  // A clause rewritten in place: its neighbours are kept, so the upper clause between the
  // upper counterparts of the draft clause's neighbours is the one it replaces. Both
  // neighbours must be kept where both exist (prev ↔ p − 1, next ↔ p + 1), or the next one is
  // what is left of clause p itself (the draft split it and put the figure first).
  const prev = m.clause > draft.c.titleClauses ? draft.c.gramsAt(m.clause - 1) : null;
  const next = m.clause + 1 < draft.c.clauses.length ? draft.c.gramsAt(m.clause + 1) : null;
  uppers.forEach((u, ui) => {
    const first = u.c.titleClauses;
    const n = u.c.clauses.length;
    for (let p = first; p < n; p++) {
      const before = prev ? p - 1 >= first && dice(u.c.gramsAt(p - 1), prev) >= NEIGHBOUR_KEPT : p === first;
      const rest = next ? dice(u.c.gramsAt(p), next) : 0;
      const after = next ? (p + 1 < n && dice(u.c.gramsAt(p + 1), next) >= NEIGHBOUR_KEPT) || (rest >= REMNANT_MIN && rest < KEPT_AS_WRITTEN) : p === n - 1;
      if (before && after) consider(ui, p, IN_PLACE_SCORE);
    }
  });
  if (bestQ.clause >= 0) {
    const uc = uppers[bestQ.u]!.c.clauses[bestQ.clause]!;
    const word = wordIn(uc)!;
    return {
      upper: bestQ.u,
      finding: { kind: 'quantified', aspect: aspectOf(m), upper: quote(uc, word), draft: quote(dc, m.text), message: `本级将上级“${word}”量化为“${what}”` },
    };
  }
  return {
    upper: best.u,
    finding: { kind: 'added', aspect: aspectOf(m), upper: '', draft: quote(dc, m.text), message: `本级新增量化要求“${what}”，上级未提` },
  };
}
