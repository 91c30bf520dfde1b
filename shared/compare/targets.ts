// Measurable targets of a linked pair: the draft weaker than the upper task (90% against
// 100%, 每年1次 against 每半年1次, a later deadline), a target missing in the draft, different
// lead units. Targets come from the one recogniser (shared/import/targets.ts findTargets);
// frequencies and deadlines are read here. Subjects are matched with the character-bigram
// similarity of shared/checks/duplicates.ts (reused, not copied).
import { similarity } from '../checks/duplicates';
import { findTargets } from '../import/targets';
import { parseChineseNumeral } from '../plan/numbering';
import type { Target } from '../plan/schema';
import { bare, normalizeUnit } from './text';
import { taskSentences } from '../plan/running-text';

export interface TargetFinding {
  kind: 'weaker' | 'missing' | 'different';
  upper: string;
  draft: string;
  message: string;
}

export interface TargetSide {
  title: string;
  text: string;
  targets: Target[];
  lead: string[];
}

interface Measure {
  text: string;
  value?: number;
  unit?: string;
  /** Times per year, for 每年/每半年/每季度/每月… N 次. */
  perYear?: number;
  /** Months from the start of the plan year: 6月底前 → 6, 年底前 → 12, 2026年3月底 → 15. */
  deadline?: number;
  /** True when a smaller figure is the stronger commitment (控制在1%以内). */
  lowerIsStronger: boolean;
  subject: string;
}

const PERIODS: Record<string, number> = { 年: 1, 年度: 1, 半年: 2, 季度: 4, 季: 4, 月: 12, 旬: 36, 周: 52 };
const FREQ =
  /每(年度|半年|季度|年|季|月|旬|周)[^，。；\d一二两三四五六七八九十]{0,8}?(\d+|[一二两三四五六七八九十]+)(?:\s*[-~～至到]\s*(?:\d+|[一二两三四五六七八九十]+))?\s*(次|轮|场|期|遍)/gu;

function numberOf(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

function deadlineMonths(d: string | undefined, planYear: number | undefined): number | undefined {
  if (!d) return undefined;
  const year = /(\d{4})年/.exec(d);
  const offset = year && planYear ? (Number(year[1]) - planYear) * 12 : 0;
  const m = /(\d{1,2})月/.exec(d);
  if (m) return offset + Number(m[1]);
  if (/上半年|年中/.test(d)) return offset + 6;
  if (/下半年|年底|年末|底|末/.test(d)) return offset + 12;
  if (/汛期|汛前/.test(d)) return offset + 5;
  return undefined;
}

function subjectOf(text: string): string {
  return bare(text)
    .replace(/\d+(?:\.\d+)?/g, '')
    .replace(/[一二两三四五六七八九十百]+(?=[个项次处家场起条所座名批轮户套倍])/gu, '');
}

/** The measures of one side: recognised targets plus frequencies written in the text. */
export function measuresOf(side: TargetSide, planYear?: number): Measure[] {
  const all = taskSentences(side);
  const out: Measure[] = [];
  const targets = side.targets.length ? side.targets : findTargets(all);
  for (const t of targets) {
    if (t.value === undefined && !t.deadline) continue;
    out.push({
      text: t.text,
      value: t.value,
      unit: t.unit,
      deadline: deadlineMonths(t.deadline, planYear),
      lowerIsStronger: /控制在|以内|不超过|不高于|低于|以下|不超/.test(t.text),
      subject: subjectOf(t.text),
    });
  }
  for (const m of all.matchAll(FREQ)) {
    const n = numberOf(m[2]!);
    if (n === null) continue;
    const perYear = n * PERIODS[m[1]!]!;
    const text = m[0];
    // A frequency already read as a target: enrich it instead of adding a second measure.
    const same = out.find((x) => x.text.includes(text) || text.includes(x.text));
    if (same) same.perYear = perYear;
    else out.push({ text, perYear, lowerIsStronger: false, subject: subjectOf(text) });
  }
  return out;
}

function comparable(u: Measure, d: Measure): number {
  if (u.perYear !== undefined && d.perYear !== undefined) return 0.5 + similarity(u.subject, d.subject).dice;
  if (u.value !== undefined && d.value !== undefined) {
    if ((u.unit ?? '') !== (d.unit ?? '')) return 0;
  } else if (u.deadline !== undefined && d.deadline !== undefined && u.value === undefined && d.value === undefined) {
    // deadline-only targets
  } else {
    return 0;
  }
  const s = similarity(u.subject, d.subject);
  return Math.max(s.dice, s.overlap * 0.8);
}

/** How much a draft measure must resemble an upper one (subject bigrams) to be its answer. */
export const TARGET_MATCH_MIN = 0.25;

/**
 * Findings for one upper task against the draft tasks linked to it. No finding when the draft
 * states the same or a stronger target.
 */
export function compareTargets(
  upper: TargetSide,
  drafts: readonly TargetSide[],
  opts: { upperYear?: number; draftYear?: number; upperPlaces?: readonly string[]; draftPlaces?: readonly string[] } = {},
): TargetFinding[] {
  const findings: TargetFinding[] = [];
  if (!drafts.length) return findings;
  const um = measuresOf(upper, opts.upperYear);
  const dm = drafts.flatMap((d) => measuresOf(d, opts.draftYear ?? opts.upperYear));
  // One-to-one: each draft measure answers at most one upper measure, best-resembling first.
  const pairs: Array<{ u: number; d: number; s: number }> = [];
  um.forEach((u, a) =>
    dm.forEach((d, b) => {
      const s = comparable(u, d);
      if (s >= TARGET_MATCH_MIN) pairs.push({ u: a, d: b, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s);
  const matchOf = new Map<number, number>();
  const usedD = new Set<number>();
  for (const p of pairs) {
    if (matchOf.has(p.u) || usedD.has(p.d)) continue;
    matchOf.set(p.u, p.d);
    usedD.add(p.d);
  }
  for (const [a, u] of um.entries()) {
    const best = matchOf.has(a) ? dm[matchOf.get(a)!]! : null;
    if (!best) {
      findings.push({ kind: 'missing', upper: u.text, draft: '', message: `本级未写明上级目标“${u.text}”` });
      continue;
    }
    const d = best;
    if (u.perYear !== undefined && d.perYear !== undefined && d.perYear < u.perYear) {
      findings.push({ kind: 'weaker', upper: u.text, draft: d.text, message: `频次低于上级要求：上级“${u.text}”，本级“${d.text}”` });
    } else if (u.value !== undefined && d.value !== undefined && u.perYear === undefined && (u.lowerIsStronger ? d.value > u.value : d.value < u.value)) {
      findings.push({ kind: 'weaker', upper: u.text, draft: d.text, message: `目标低于上级要求：上级“${u.text}”，本级“${d.text}”` });
    }
    if (u.deadline !== undefined && d.deadline !== undefined && d.deadline > u.deadline) {
      findings.push({ kind: 'weaker', upper: u.text, draft: d.text, message: `完成时限晚于上级要求：上级“${u.text}”，本级“${d.text}”` });
    }
  }
  // Lead units: compared level-neutrally (市应急局 = 县应急管理局); only when both sides name one.
  const ul = upper.lead.map((x) => normalizeUnit(x, opts.upperPlaces)).filter(Boolean);
  const dl = drafts
    .flatMap((d) => d.lead)
    .map((x) => normalizeUnit(x, opts.draftPlaces))
    .filter(Boolean);
  if (ul.length && dl.length && !ul.some((x) => dl.includes(x))) {
    const dNames = [...new Set(drafts.flatMap((d) => d.lead))];
    findings.push({
      kind: 'different',
      upper: upper.lead.join('、'),
      draft: dNames.join('、'),
      message: `牵头单位不同：上级为${upper.lead.join('、')}，本级为${dNames.join('、')}`,
    });
  }
  return findings;
}
