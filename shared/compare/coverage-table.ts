// The 对照表 and the short Chinese texts of the coverage view, in one place: the view, the DOCX
// export and the CLI all word a finding, a link's reason and a partial task the same way.
// Pure: no DOM, no Node.
import type { Comparison, Link, Status, UpperResult } from './compare';
import type { TaskPart } from './parts';
import { findingSeverity, type FindingAspect, type TargetFinding } from './targets';

export const STATUS_LABEL: Record<Status, string> = { covered: '已落实', partial: '部分落实', missing: '未落实' };

/** 需关注 (weaker, missing, different) or 提示 (stricter, quantified, added). */
export const SEVERITY_LABEL = { concern: '需关注', note: '提示' } as const;

const WEAKER: Record<FindingAspect, string> = {
  figure: '目标低于上级',
  occurrences: '次数少于上级',
  frequency: '频次低于上级',
  deadline: '完成时限晚于上级',
  scope: '范围窄于上级',
  units: '低于上级',
};
const STRICTER: Record<FindingAspect, string> = {
  figure: '目标高于上级',
  occurrences: '次数多于上级',
  frequency: '频次高于上级',
  deadline: '完成时限早于上级',
  scope: '范围宽于上级',
  units: '高于上级',
};

/** A finding's short title: by kind, and by aspect where that says more (频次低于上级, 范围窄于上级 …). */
export function findingTitle(f: Pick<TargetFinding, 'kind' | 'aspect'>): string {
  switch (f.kind) {
    case 'weaker':
      return WEAKER[f.aspect] ?? '低于上级';
    case 'stricter':
      return STRICTER[f.aspect] ?? '高于上级';
    case 'quantified':
      return '定性改为定量';
    case 'added':
      return '新增量化要求';
    case 'missing':
      return '未写明上级目标';
    case 'different':
      return f.aspect === 'units' ? '牵头单位不同' : f.aspect === 'scope' ? '范围与上级不同' : '不一致';
  }
}

/** 需关注 or 提示, with the severity key for styling. */
export function findingBadge(f: Pick<TargetFinding, 'kind'>): { severity: 'concern' | 'note'; label: string } {
  const severity = findingSeverity(f.kind);
  return { severity, label: SEVERITY_LABEL[severity] };
}

/**
 * The one-line reason without a lead-in that repeats the title (目标低于上级：上级“30人”，本级“10人”
 * → 上级“30人”，本级“10人”).
 */
export function findingReason(f: Pick<TargetFinding, 'kind' | 'aspect' | 'message'>): string {
  const m = /^([^：“”]{2,12})：(.+)$/su.exec(f.message);
  if (m && (m[1] === findingTitle(f) || /上级$|不同$/u.test(m[1]!))) return m[2]!;
  return f.message;
}

/** 本级 or 本级（五）: the draft side's name in a quote line. */
export function draftSideName(f: Pick<TargetFinding, 'draftLabel'>): string {
  const label = f.draftLabel?.replace(/[.．、]$/u, '');
  return label ? `本级${label}` : '本级';
}

/** 上级：“…”／本级：“…” (未提 / 未写明 where a side has nothing to quote). */
export function findingQuotes(f: Pick<TargetFinding, 'upper' | 'draft' | 'draftLabel'>): string {
  const up = f.upper ? `“${innerQuotes(f.upper)}”` : '未提';
  const dr = f.draft ? `“${innerQuotes(f.draft)}”` : '未写明';
  return `上级：${up}／${draftSideName(f)}：${dr}`;
}

/** The lines of a finding in the 对照表: 【title】reason, then the two quotes. */
export function findingLines(f: TargetFinding): string[] {
  return [`【${findingTitle(f)}】${findingReason(f)}`, findingQuotes(f)];
}

/** Text cut to `max` characters with an ellipsis, punctuation at the ends trimmed. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/^[\s，、。；;,：:]+|[\s，、。；;,：:]+$/gu, '');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Shared phrases shown in a reason: at most this many, each at most PHRASE_MAX characters. */
export const REASON_PHRASES = 3;
export const PHRASE_MAX = 16;

export interface ReasonPiece {
  kind: 'phrases' | 'units' | 'targets' | 'manual';
  /** 共同表述 / 责任单位一致 / 目标对应 / 人工关联. */
  label: string;
  items: string[];
  /** items joined as shown: “a”“b” for phrases, a、b otherwise. */
  text: string;
}

/** Double quotes inside a quotation become single ones (“打非治违”高压态势 → ‘打非治违’高压态势). */
export function innerQuotes(text: string): string {
  return text.replace(/“/gu, '‘').replace(/”/gu, '’');
}

/** A fragment's unpaired quote marks dropped (全生产法宣传周’ → 全生产法宣传周). */
function balanced(text: string): string {
  let open = -1;
  const drop = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '‘') {
      if (open >= 0) drop.add(open);
      open = i;
    } else if (text[i] === '’') {
      if (open < 0) drop.add(i);
      open = -1;
    }
  }
  if (open >= 0) drop.add(open);
  return drop.size ? [...text].filter((_c, i) => !drop.has(i)).join('') : text;
}

/**
 * A phrase without the piece of a number it starts or ends with: a shared phrase stops inside a
 * number where the two texts' numbers differ (95% and 85% share “5%，建立台账”; 1-2项 and 1项
 * share “解决1”), and the reason quotes “建立台账”, “解决”.
 */
function numberCut(phrase: string): string {
  return phrase.replace(/^[\d.]+(?:[%％]|(?=[，、；。,;]))/u, '').replace(/[\d.]+$/u, '');
}

/** The shared phrases to mark in the two texts, without pieces of numbers that differ. */
export function highlightPhrases(link: Pick<Link, 'sharedPhrases'>): string[] {
  return link.sharedPhrases.map((p) => numberCut(p).replace(/^[\s，、；。,;：:]+/u, '')).filter((p) => p.length >= 2);
}

/**
 * The phrases a reason quotes: distinct and trimmed; phrases of 4 to PHRASE_MAX characters come
 * first (the engine also gives whole shared sentences, which are cut and fill remaining places,
 * then fragments of two or three characters).
 */
export function reasonPhrases(link: Pick<Link, 'explain' | 'sharedPhrases'>): string[] {
  const all = (link.explain?.phrases ?? link.sharedPhrases).map((p) => balanced(innerQuotes(shorten(numberCut(p), 1000)))).filter((p) => p.length >= 2);
  const ordered = [
    ...all.filter((p) => p.length >= 4 && p.length <= PHRASE_MAX),
    ...all.filter((p) => p.length > PHRASE_MAX).map((p) => balanced(shorten(p, PHRASE_MAX))),
    ...all.filter((p) => p.length < 4),
  ];
  const out: string[] = [];
  for (const s of ordered) {
    const core = s.replace(/…$/u, '');
    if (out.some((x) => x.replace(/…$/u, '').includes(core) || core.includes(x.replace(/…$/u, '')))) continue;
    out.push(s);
    if (out.length === REASON_PHRASES) break;
  }
  return out;
}

/** Why a link was proposed, piece by piece (empty pieces left out). */
export function linkReasonPieces(link: Pick<Link, 'explain' | 'sharedPhrases' | 'decision'>): ReasonPiece[] {
  const pieces: ReasonPiece[] = [];
  const phrases = reasonPhrases(link);
  if (phrases.length) pieces.push({ kind: 'phrases', label: '共同表述', items: phrases, text: phrases.map((p) => `“${p}”`).join('') });
  const units = link.explain?.units ?? [];
  if (units.length) {
    const shown = units.slice(0, 3);
    pieces.push({ kind: 'units', label: '责任单位一致', items: shown, text: shown.join('、') + (units.length > 3 ? '等' : '') });
  }
  const targets = (link.explain?.targets ?? []).map((t) => (t.same || t.upper === t.draft ? t.draft : `${t.upper}→${t.draft}`));
  if (targets.length) pieces.push({ kind: 'targets', label: '目标对应', items: targets, text: targets.join('、') });
  if (!pieces.length && link.decision === 'added') pieces.push({ kind: 'manual', label: '人工关联', items: [], text: '' });
  return pieces;
}

/** 共同表述：“专项整治”“危险化学品”；责任单位一致：县应急局；目标对应：30人→10人 */
export function linkReason(link: Pick<Link, 'explain' | 'sharedPhrases' | 'decision'>): string {
  return linkReasonPieces(link)
    .map((p) => (p.text ? `${p.label}：${p.text}` : p.label))
    .join('；');
}

/** A partial task's parts: what the draft took up and what it left out. */
export function partialParts(u: Pick<UpperResult, 'status' | 'parts'>): { taken: TaskPart[]; left: TaskPart[] } | null {
  if (u.status !== 'partial' || !u.parts?.length) return null;
  return { taken: u.parts.filter((p) => p.covered), left: u.parts.filter((p) => !p.covered) };
}

/** Left-out parts quoted in a table cell or the CLI: at most this many characters each. */
export const LEFT_OUT_MAX = 40;

/** 未见落实：“…”“…” (shortened), or '' when nothing was left out. */
export function leftOutLine(u: Pick<UpperResult, 'status' | 'parts'>): string {
  const p = partialParts(u);
  if (!p?.left.length) return '';
  return `未见落实：${p.left.map((x) => `“${innerQuotes(shorten(x.text, LEFT_OUT_MAX))}”`).join('')}`;
}

/** 由 N 项本级任务共同落实 for a split, else ''. */
export function splitNote(u: Pick<UpperResult, 'links'>): string {
  return u.links.length > 1 ? `由 ${u.links.length} 项本级任务共同落实` : '';
}

/** （同时落实：…） for a draft task that answers other upper tasks too, else ''. */
export function mergeNote(link: Pick<Link, 'alsoAnswers'>): string {
  return link.alsoAnswers?.length ? `（同时落实：${link.alsoAnswers.join('；')}）` : '';
}

export interface CoverageTableRow {
  upper: string;
  draft: string;
  status: string;
  targets: string;
}

const DECISION_NOTE = { confirmed: '（已确认）', added: '（人工关联）' } as const;

/** One row per upper task for the 对照表; cells hold several lines separated by '\n'. */
export function coverageTableRows(comparison: Pick<Comparison, 'upper'>): CoverageTableRow[] {
  return comparison.upper.map((u) => {
    const draft: string[] = [];
    const split = splitNote(u);
    if (split) draft.push(`${split}：`);
    for (const l of u.links) {
      draft.push(`${l.label}${l.title}${l.decision ? DECISION_NOTE[l.decision] : ''}${mergeNote(l)}`);
      const reason = linkReason(l);
      if (reason && reason !== '人工关联') draft.push(`依据：${reason}`);
    }
    const left = leftOutLine(u);
    if (left) draft.push(left);
    return {
      upper: `${u.label}${u.title}`,
      draft: draft.join('\n'),
      status: STATUS_LABEL[u.status],
      targets: u.targetFindings.flatMap(findingLines).join('\n'),
    };
  });
}
