// 征求意见汇总表: every opinion — comment threads and suggested edits, from PlanDesk reviewers and
// from returned Word files — with the office's answer. Live opinions come from the plan and
// its threads; decided suggestions (gone from the plan) from the stored snapshots.
import { formatLabel, walkOutline } from '../plan/numbering';
import type { BodyNode, PlanDocument } from '../plan/schema';
import { unitsParenthetical } from '../plan/running-text';
import type { PlanStatus } from '../plan/status';

export type OpinionDecision = '采纳' | '部分采纳' | '不采纳';

/** An opinion as the library keeps it (and the office's answer). */
export interface StoredOpinion {
  sourceId: string;
  kind: 'comment' | 'suggestion';
  round: string;
  unit: string;
  /** 涉及任务: label and title, or 全文. */
  task: string;
  content: string;
  decision: OpinionDecision | null;
  reason: string;
  /**
   * The node (shared/plan/ids.ts) the opinion is about: the one whose text carries the
   * thread's or suggestion's mark. The row names it by its current label and title while it
   * exists, and says it was deleted once it is gone (issue 14: never another task's label).
   */
  nodeId?: string | null;
}

export interface OpinionRow extends StoredOpinion {
  /** Still in the plan (a live thread or a pending suggestion). */
  live: boolean;
}

/** How the 汇总表 names the 提出单位 of an opinion nobody signed. */
export const UNSIGNED_UNIT = '（未署名）';

/** The 汇总表's filters: a 提出单位 (UNSIGNED_UNIT for unsigned rows) and a round; empty = all. */
export interface OpinionFilter {
  unit?: string;
  round?: string;
}

/** The rows a filter keeps, each with its number (序号) in the whole table. */
export function filterOpinions<R extends Pick<StoredOpinion, 'unit' | 'round'>>(rows: readonly R[], f: OpinionFilter): Array<{ row: R; n: number }> {
  return rows
    .map((row, i) => ({ row, n: i + 1 }))
    .filter(({ row }) => (!f.unit || (row.unit || UNSIGNED_UNIT) === f.unit) && (!f.round || row.round === f.round));
}

export interface ThreadLike {
  id: string;
  round: string;
  quote: string;
  comments: Array<{ author: string; unit: string; body: string }>;
}

export const KIND_TEXT = { insertion: '建议增加', deletion: '建议删除', insert: '建议新增任务', delete: '建议删除任务', units: '建议修改责任单位' } as const;

/** Punctuation a suggested insertion often starts with (“，每季度…”): not shown after “建议增加：”. */
const LEADING_PUNCT = /^[\s，,、。．.；;：:！!？?）)」』”’]+/u;

/** The words of a suggestion as shown to people: 建议增加：每季度…, without the punctuation it starts with. */
export function suggestionText(text: string): string {
  const t = text.replace(LEADING_PUNCT, '').trim();
  return t || text.trim();
}

/** 意见内容 of a suggestion: “建议增加：每季度开展一次检查”. */
export function suggestionContent(kind: keyof typeof KIND_TEXT, text: string): string {
  return `${KIND_TEXT[kind]}：${suggestionText(text)}`;
}

/** Where each comment or suggestion id sits: the task (or heading) it is in, by label and title. */
export interface AnnotationPlace {
  task: string;
  text: string;
  /** The node whose text (or whole-node suggestion) carries it. */
  nodeId?: string;
  kind?: keyof typeof KIND_TEXT;
  unit?: string;
  author?: string;
  /** When the suggestion was made (ISO), when recorded. */
  time?: string;
}

/**
 * The plan's review rounds over time: the round it is in now and when it entered each round
 * (the save points a round change leaves, oldest first). A plan starts as 草稿.
 */
export interface RoundHistory {
  current: PlanStatus;
  changes: ReadonlyArray<{ at: string; round: PlanStatus }>;
}

/** The round the plan was in at `time` (ISO); without a time, the current round. */
export function roundAt(history: RoundHistory, time: string | undefined): PlanStatus {
  if (!time) return history.current;
  let round: PlanStatus = history.changes.length ? 'draft' : history.current;
  for (const c of history.changes) if (c.at <= time) round = c.round;
  return round;
}

export function locateAnnotations(body: readonly BodyNode[]): Map<string, AnnotationPlace> {
  const out = new Map<string, AnnotationPlace>();
  const visitNode = (n: BodyNode, task: string) => {
    const nodeId = n.id ? { nodeId: n.id } : {};
    const fieldText = (field: 'title' | 'text') => (n.type === 'paragraph' ? (field === 'text' ? n.text : '') : field === 'title' ? n.title : (n.text ?? ''));
    for (const m of n.marks ?? []) {
      const piece = fieldText(m.field).slice(m.from, m.to);
      const prev = out.get(m.id);
      if (prev) prev.text += piece;
      else
        out.set(m.id, {
          task,
          text: piece,
          ...nodeId,
          ...(m.type !== 'comment' ? { kind: m.type, unit: m.unit ?? '', author: m.author ?? '', ...(m.time ? { time: m.time } : {}) } : {}),
        });
    }
    if (n.type !== 'paragraph' && n.suggestion) {
      const s = n.suggestion;
      const what = s.type === 'units' ? (n.type === 'task' ? unitsParenthetical(n) : '') : n.title;
      out.set(s.id, { task, text: what, ...nodeId, kind: s.type, unit: s.unit ?? '', author: s.author ?? '', ...(s.time ? { time: s.time } : {}) });
    }
  };
  const labels = new Map<BodyNode, string>();
  walkOutline(body, (n) => labels.set(n, `${formatLabel(n.level, n.ordinal)}${n.title}`));
  const walk = (nodes: readonly BodyNode[], parentTask: string) => {
    for (const n of nodes) {
      const task = n.type === 'paragraph' ? parentTask : (labels.get(n) ?? parentTask);
      visitNode(n, task);
      if (n.type !== 'paragraph') walk(n.children, task);
    }
  };
  walk(body, '全文');
  return out;
}

/** label + title of every outline item, and for each node id the item it is in (a paragraph: the item above it). */
function namesById(body: readonly BodyNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const labels = new Map<BodyNode, string>();
  walkOutline(body, (n) => labels.set(n, `${formatLabel(n.level, n.ordinal)}${n.title}`));
  const walk = (nodes: readonly BodyNode[], parent: string) => {
    for (const n of nodes) {
      const name = n.type === 'paragraph' ? parent : (labels.get(n) ?? parent);
      if (n.id) out.set(n.id, name);
      if (n.type !== 'paragraph') walk(n.children, name);
    }
  };
  walk(body, '全文');
  return out;
}

/**
 * Every opinion with its round: a thread's is the round it was opened in, a stored answer's the
 * round it was recorded in, a pending suggestion's the round the plan was in when it was made.
 */
export function buildOpinionRows(
  doc: PlanDocument,
  threads: readonly ThreadLike[],
  stored: readonly StoredOpinion[],
  rounds: RoundHistory = { current: 'draft', changes: [] },
): OpinionRow[] {
  const where = locateAnnotations(doc.body);
  const names = namesById(doc.body);
  /** 涉及任务 of a stored opinion whose mark is gone: by its node id, never by its old label. */
  const storedTask = (s: StoredOpinion | undefined): string | undefined => {
    if (!s) return undefined;
    if (!s.nodeId) return s.task;
    const now = names.get(s.nodeId);
    if (now !== undefined) return now;
    return `（已删除）${s.task.replace(/^（已删除）/, '')}`;
  };
  const byId = new Map(stored.map((s) => [s.sourceId, s]));
  const rows: OpinionRow[] = [];
  const seen = new Set<string>();
  for (const t of threads) {
    const first = t.comments[0];
    if (!first) continue;
    const s = byId.get(t.id);
    const at = where.get(t.id);
    const replies = t.comments.slice(1).map((c) => `${c.author}：${c.body}`);
    rows.push({
      sourceId: t.id,
      kind: 'comment',
      round: t.round,
      unit: first.unit || first.author,
      task: at?.task ?? storedTask(s) ?? (t.quote ? `（原文已删除）${t.quote.slice(0, 20)}` : '（未对应任务）'),
      nodeId: at?.nodeId ?? s?.nodeId ?? null,
      content: `${first.body}${replies.length ? `（${replies.join('；')}）` : ''}`,
      decision: s?.decision ?? null,
      reason: s?.reason ?? '',
      live: true,
    });
    seen.add(t.id);
  }
  for (const [id, at] of where) {
    if (!at.kind || seen.has(id)) continue;
    const s = byId.get(id);
    rows.push({
      sourceId: id,
      kind: 'suggestion',
      round: s?.round || roundAt(rounds, at.time),
      unit: at.unit || at.author || '',
      task: at.task,
      nodeId: at.nodeId ?? null,
      content: suggestionContent(at.kind, at.text),
      decision: s?.decision ?? null,
      reason: s?.reason ?? '',
      live: true,
    });
    seen.add(id);
  }
  for (const s of stored) {
    if (seen.has(s.sourceId)) continue;
    rows.push({ ...s, task: storedTask(s) ?? s.task, live: false });
  }
  return rows;
}
