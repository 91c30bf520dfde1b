// 基于往年要点: a new draft for another year from an existing plan. Keeps every task, unit and
// target; rewrites the plan year where the text means the plan year; flags (never rewrites)
// history, stale planning periods, one-off events, past deadlines and every target.
// Pure: no I/O, no clock unless `now` is left out.
import { assignIds } from '../plan/ids';
import type { BodyNode, PlanDocument, RolloverFlag } from '../plan/schema';
import { eventFindings } from './events';
import { periodFindings } from './periods';
import type { FlagKind, RollYears, TextFinding } from './types';
import { retitle, rewritePlanYear, rolloverTitle, yearFindings } from './years';

export { THREE_YEAR_CAMPAIGNS } from './periods';
export { ANNIVERSARY_BASES } from './events';
export { retitle, rewritePlanYear, rolloverTitle } from './years';
export type { FlagKind } from './types';

export const FLAG_KINDS: readonly FlagKind[] = ['historical-year', 'stale-period', 'dated-event', 'past-deadline', 'target-unconfirmed'];

/** Chinese names of the flag kinds, for summaries and the checks panel. */
export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  'historical-year': '往年年份',
  'stale-period': '规划期表述过时',
  'dated-event': '一次性活动',
  'past-deadline': '时限已过',
  'target-unconfirmed': '目标待确认',
};

export interface RolloverOptions {
  /** The source plan's id in the library, recorded in basedOn. */
  sourceId?: string;
  /** "Today", for deadlines without a year; defaults to the clock. */
  now?: Date;
}

export interface RolloverResult {
  doc: PlanDocument;
  flags: RolloverFlag[];
  /** Chinese; about the choice of year, not about the text. */
  warnings: string[];
  summary: { tasks: number; carriedUnits: number; flagsByKind: Record<FlagKind, number> };
}

/** How far ahead a rollover may go before it warns. */
export const MAX_YEARS_AHEAD = 3;

/** All findings of one string, overlapping findings of the same kind merged (first wins). */
function findings(text: string, years: RollYears, campaigns: Map<string, [number, number]>): TextFinding[] {
  if (!text) return [];
  const all = [...yearFindings(text, years), ...periodFindings(text, years, campaigns), ...eventFindings(text, years)].sort(
    (a, b) => a.index - b.index || b.text.length - a.text.length,
  );
  const kept: TextFinding[] = [];
  for (const f of all) {
    const clash = kept.some((k) => k.kind === f.kind && f.index < k.index + k.text.length && k.index < f.index + f.text.length);
    if (!clash) kept.push(f);
  }
  return kept;
}

export function rolloverPlan(source: PlanDocument, toYear: number, opts: RolloverOptions = {}): RolloverResult {
  const from = source.meta.year;
  const years: RollYears = { from, to: toYear, now: opts.now ?? new Date() };
  const warnings: string[] = [];
  if (toYear < from) warnings.push(`新计划年度 ${toYear} 年早于原计划年度 ${from} 年，年份相关的改动和提示可能不准确，请仔细核对`);
  else if (toYear === from) warnings.push(`新计划年度与原计划年度相同（${from} 年），年份没有改动`);
  else if (toYear - from > MAX_YEARS_AHEAD)
    warnings.push(`新计划年度 ${toYear} 年比原计划年度 ${from} 年晚 ${toYear - from} 年，沿用的内容可能已大量过时，请逐项核对`);

  // Ids are kept (assignIds only fills in missing ones): a rolled-over task is the same task,
  // which is how 与往年对比 (diffPlans) pairs it with last year's first.
  const doc = assignIds(source) as PlanDocument;
  const flags: RolloverFlag[] = [];
  const seen = new Set<string>();
  const campaigns = new Map<string, [number, number]>();
  const add = (f: TextFinding | Omit<TextFinding, 'index'>, path: string, anchor: string | undefined, nodeId?: string) => {
    const key = `${path}|${f.kind}|${f.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const flag: RolloverFlag = { kind: f.kind, text: f.text, message: f.message, path };
    if (anchor !== undefined) flag.anchor = anchor;
    if (nodeId !== undefined) flag.nodeId = nodeId;
    flags.push(flag);
  };
  const scan = (text: string | undefined, path: string, anchor: string | undefined, nodeId?: string) => {
    for (const f of findings(text ?? '', years, campaigns)) add(f, path, anchor, nodeId);
  };

  // Metadata: a new document, not yet written, numbered or published.
  const meta = doc.meta;
  meta.year = toYear;
  meta.title = rolloverTitle(meta.title, from, toYear);
  if (meta.noticeTitle !== undefined) meta.noticeTitle = retitle(meta.noticeTitle, from, toYear);
  if (meta.summary !== undefined) meta.summary = rewritePlanYear(meta.summary, from, toYear);
  delete meta.writtenDate;
  delete meta.publishDate;
  delete meta.docNumber;
  delete meta.indexNumber;
  // 效力状态 belongs to an issued document; a draft has none yet.
  delete meta.validity;
  scan(meta.title, 'meta', undefined);

  let tasks = 0;
  const units = new Set<string>();
  const visit = (nodes: BodyNode[], base: string, anchor: string | undefined) => {
    nodes.forEach((node, i) => {
      const path = `${base}/${i}`;
      if (node.type === 'paragraph') {
        node.text = rewritePlanYear(node.text, from, toYear);
        scan(node.text, path, anchor, node.id);
        return;
      }
      node.title = rewritePlanYear(node.title, from, toYear);
      if (node.text !== undefined) node.text = rewritePlanYear(node.text, from, toYear);
      scan(node.title, path, node.title, node.id);
      scan(node.text, path, node.title, node.id);
      const targets = node.targets ?? [];
      for (const t of targets) {
        t.text = rewritePlanYear(t.text, from, toYear);
        if (t.deadline !== undefined) t.deadline = rewritePlanYear(t.deadline, from, toYear);
        t.unconfirmed = true;
        add(
          { kind: 'target-unconfirmed', text: t.text, message: `目标“${t.text}”沿用自 ${from} 年的计划：请确认或改为 ${toYear} 年的目标` },
          path,
          node.title,
          node.id,
        );
      }
      if (node.type === 'task') {
        tasks++;
        for (const u of [...node.lead, ...node.support]) if (u.trim()) units.add(u.trim());
      }
      visit(node.children, `${path}/children`, node.title);
    });
  };
  visit(doc.body, 'body', undefined);

  if (doc.notice) {
    const n = doc.notice;
    n.title = retitle(n.title, from, toYear);
    n.paragraphs = n.paragraphs.map((p) => rewritePlanYear(p, from, toYear));
    delete n.date;
    for (const p of n.paragraphs) scan(p, 'notice', undefined);
  }

  // The old import's warnings and dismissals were about the old document.
  doc.warnings = [];
  delete doc.dismissedChecks;
  doc.flags = flags;
  doc.basedOn = { title: source.meta.title, year: from };
  if (opts.sourceId !== undefined) doc.basedOn = { id: opts.sourceId, ...doc.basedOn };

  const flagsByKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, 0])) as Record<FlagKind, number>;
  for (const f of flags) flagsByKind[f.kind]++;
  return { doc, flags, warnings, summary: { tasks, carriedUnits: units.size, flagsByKind } };
}
