// The plan exchange format (`*.plan.json`), see docs/plan-format.md (version 2: nodes carry `id`).
// zod schemas are the single source of truth; the TypeScript types are inferred from them.
import { z } from 'zod';

/**
 * The limits every way in keeps (API, plan file, import, CLI, the library): the same schema
 * checks them all. Generous for any real plan (the largest known has a few hundred tasks and
 * three levels), small enough that a hostile file cannot exhaust the stack or the memory.
 */
export const PLAN_LIMITS = {
  /** meta.title, as the contract's title (plans.create). */
  titleChars: 200,
  /** A heading's or task's title. */
  nodeTitleChars: 10_000,
  /** One text field (a task's body, a paragraph, a notice paragraph). */
  textChars: 500_000,
  /** Every title and text of the body together. */
  totalChars: 5_000_000,
  /** Headings, tasks and paragraphs. */
  nodes: 20_000,
  /** Nesting of body nodes: four outline levels, a paragraph under the fourth, room to spare. */
  depth: 8,
  /** Short fields: names, numbers, dates, units, meta strings. */
  shortChars: 2_000,
  /** List fields: units of a task, targets, marks, addressees, warnings, flags. */
  listItems: 10_000,
} as const;

const tooLong = (max: number) => ({ message: `不能超过 ${max} 个字` });
const tooMany = (max: number) => ({ message: `不能多于 ${max} 项` });
const short = () => z.string().max(PLAN_LIMITS.shortChars, tooLong(PLAN_LIMITS.shortChars));
const nodeTitle = () => z.string().max(PLAN_LIMITS.nodeTitleChars, tooLong(PLAN_LIMITS.nodeTitleChars));
const longText = () => z.string().max(PLAN_LIMITS.textChars, tooLong(PLAN_LIMITS.textChars));
const list = <T extends z.ZodType>(item: T) => z.array(item).max(PLAN_LIMITS.listItems, tooMany(PLAN_LIMITS.listItems));

/** Numbering levels: 1 = 一、 2 = （一） 3 = 1. 4 = （1） */
export const LevelSchema = z.number().int().min(1).max(4);
export type Level = z.infer<typeof LevelSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD 格式' });

export const TargetSchema = z.object({
  text: short(),
  value: z.number().optional(),
  unit: short().optional(),
  deadline: short().optional(),
  /** Set by rollover: a person must confirm the figure for the new year. */
  unconfirmed: z.boolean().optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/**
 * A range of a node's text that carries a review annotation: a comment anchor (its thread
 * lives in the library) or a suggested insertion / deletion (修订). Offsets are UTF-16 code
 * units into the field's string; a suggested deletion's text is still in the string until
 * the suggestion is accepted.
 */
export const TextMarkSchema = z.object({
  /** 'title' (task or heading title) or 'text' (task body, paragraph). */
  field: z.enum(['title', 'text']),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  type: z.enum(['comment', 'insertion', 'deletion']),
  /** The comment thread's id, or the suggestion's. */
  id: z.string().min(1).max(100),
  author: z.string().max(100).optional(),
  unit: z.string().max(100).optional(),
  /** ISO time. */
  time: z.string().max(40).optional(),
});
export type TextMark = z.infer<typeof TextMarkSchema>;

/** A suggested change of a whole task or heading (修订): added, deleted, or its units changed. */
export const NodeSuggestionSchema = z.object({
  type: z.enum(['insert', 'delete', 'units']),
  id: z.string().min(1).max(100),
  author: z.string().max(100).optional(),
  unit: z.string().max(100).optional(),
  time: z.string().max(40).optional(),
  /** For 'units': the units before the suggestion. */
  old: z.object({ lead: list(short()), support: list(short()), unitsText: short().optional() }).optional(),
});
export type NodeSuggestion = z.infer<typeof NodeSuggestionSchema>;

/**
 * A node's stable id (shared/plan/ids.ts): optional in the schema so that version-1 files
 * still parse; every reader assigns the missing ones (assignIds) before anything uses them.
 */
export const NodeIdSchema = z.string().regex(/^[0-9A-Za-z_-]{4,40}$/, { message: '节点 id 应为 4–40 个字母、数字、- 或 _' });

export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  id: NodeIdSchema.optional(),
  text: longText(),
  marks: list(TextMarkSchema).optional(),
});
export type ParagraphNode = z.infer<typeof ParagraphSchema>;

export interface HeadingNode {
  type: 'heading';
  id?: string;
  level: Level;
  ordinal: number;
  title: string;
  marks?: TextMark[];
  suggestion?: NodeSuggestion;
  /** Text after the title on the same line, when a heading carries a short lead-in. */
  text?: string;
  targets?: Target[];
  children: BodyNode[];
}

export interface TaskNode {
  type: 'task';
  id?: string;
  level: Level;
  ordinal: number;
  title: string;
  marks?: TextMark[];
  suggestion?: NodeSuggestion;
  text: string;
  lead: string[];
  support: string[];
  unitsText?: string;
  /** A rule the units parenthetical states for later tasks (以下任务……不再一一列出). */
  unitsNote?: string;
  targets: Target[];
  children: BodyNode[];
}

export type BodyNode = ParagraphNode | HeadingNode | TaskNode;

export const HeadingSchema: z.ZodType<HeadingNode> = z.lazy(() =>
  z.object({
    type: z.literal('heading'),
    id: NodeIdSchema.optional(),
    level: LevelSchema,
    ordinal: z.number().int().min(1),
    title: nodeTitle(),
    text: longText().optional(),
    targets: list(TargetSchema).optional(),
    marks: list(TextMarkSchema).optional(),
    suggestion: NodeSuggestionSchema.optional(),
    children: z.array(BodyNodeSchema).default([]),
  }),
) as z.ZodType<HeadingNode>;

export const TaskSchema: z.ZodType<TaskNode> = z.lazy(() =>
  z.object({
    type: z.literal('task'),
    id: NodeIdSchema.optional(),
    // Level 1 too: a township's flat notice numbers its tasks 一、二、 with no section above them.
    level: z.number().int().min(1, { message: '任务的层级应为 1–4' }).max(4),
    ordinal: z.number().int().min(1),
    title: nodeTitle(),
    text: longText().default(''),
    lead: list(short()).default([]),
    support: list(short()).default([]),
    unitsText: short().optional(),
    unitsNote: short().optional(),
    targets: list(TargetSchema).default([]),
    marks: list(TextMarkSchema).optional(),
    suggestion: NodeSuggestionSchema.optional(),
    children: z.array(BodyNodeSchema).default([]),
  }),
) as z.ZodType<TaskNode>;

export const BodyNodeSchema: z.ZodType<BodyNode> = z.lazy(() =>
  z.discriminatedUnion('type', [ParagraphSchema, HeadingSchema as never, TaskSchema as never]),
) as z.ZodType<BodyNode>;

export const NumberingModeSchema = z.enum(['restart', 'continuous']);
export type NumberingMode = z.infer<typeof NumberingModeSchema>;

/** Per level (index 0 = level 1): restart under each parent, or run on through the plan. */
export const NumberingSettingsSchema = z.object({
  perLevel: z.tuple([NumberingModeSchema, NumberingModeSchema, NumberingModeSchema, NumberingModeSchema]),
});
export type NumberingSettings = z.infer<typeof NumberingSettingsSchema>;

export const DEFAULT_NUMBERING: NumberingSettings = {
  perLevel: ['restart', 'restart', 'restart', 'restart'],
};

export const MetaSchema = z.object({
  title: z
    .string()
    .max(PLAN_LIMITS.titleChars, { message: `标题不能超过 ${PLAN_LIMITS.titleChars} 个字` })
    .refine((t) => t.trim().length > 0, { message: '标题不能为空' }),
  noticeTitle: short().optional(),
  year: z.number().int().min(1949, { message: '年份应在 1949–2100 之间' }).max(2100, { message: '年份应在 1949–2100 之间' }),
  issuer: short().optional(),
  docNumber: short().optional(),
  indexNumber: short().optional(),
  category: short().optional(),
  writtenDate: isoDate.optional(),
  publishDate: isoDate.optional(),
  validity: short().optional(),
  disclosure: short().optional(),
  summary: longText().optional(),
  /** For higher-level documents (上级文件): the level of the issuer. */
  issuerLevel: z.enum(['national', 'provincial', 'city', 'county', 'township']).optional(),
  addressees: list(short()).default([]),
  cc: list(short()).default([]),
});
export type PlanMeta = z.infer<typeof MetaSchema>;

export const NoticeSchema = z.object({
  title: short(),
  addressees: list(short()).default([]),
  paragraphs: list(longText()).default([]),
  signer: short().optional(),
  date: isoDate.optional(),
  /** 附注, e.g. （此件公开发布） */
  note: short().optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const WarningSchema = z.object({
  code: short(),
  message: short(),
  /** Where, in the document as imported (goes stale once nodes move). */
  path: short().optional(),
  /** The node the warning is about (issue 14): what the checks panel follows. */
  nodeId: short().optional(),
  /**
   * A fingerprint of what the warning is about (the metadata field of its path, or its node's
   * units / title and text) when it was made (issue 18): the checks panel shows the warning
   * while it is unchanged. Missing in plans saved before; see shared/checks/carried.ts.
   */
  value: short().optional(),
});
export type PlanWarning = z.infer<typeof WarningSchema>;

/** What rolling a plan over to a new year wants a person to look at (see shared/rollover). */
export const RolloverFlagSchema = z.object({
  kind: z.enum(['historical-year', 'stale-period', 'dated-event', 'past-deadline', 'target-unconfirmed']),
  /** The words flagged, as they stand in the text. */
  text: short(),
  message: short(),
  /** Where, as in warnings: body/1/children/0 … or meta/notice. */
  path: short(),
  /** The title of the task or heading it is in (kept for version-1 files and for messages). */
  anchor: nodeTitle().optional(),
  /** The id of the node it is in: the flag follows it through moves and edits. */
  nodeId: short().optional(),
});
export type RolloverFlag = z.infer<typeof RolloverFlagSchema>;

const PlanDocumentObject = z.object({
  format: z.literal('plandesk/plan', { message: '不是 PlanDesk 计划文件（format 应为 "plandesk/plan"）' }),
  /** 2 since issue 14 (nodes carry `id`); version-1 files are read and given ids. */
  version: z.literal([1, 2], { message: '不支持的计划文件版本（应为 1 或 2）' }),
  meta: MetaSchema,
  numbering: NumberingSettingsSchema.default(DEFAULT_NUMBERING),
  notice: NoticeSchema.optional(),
  body: z.array(BodyNodeSchema).default([]),
  warnings: list(WarningSchema).default([]),
  /** Rollover findings still to be looked at (shown in the checks panel until dismissed). */
  flags: list(RolloverFlagSchema).optional(),
  /** Ids of 校对 findings a person dismissed (see shared/checks; code:nodeId:hash). */
  dismissedChecks: list(short()).optional(),
  /** The plan this one was rolled over from (id in the library, or a title). */
  basedOn: z.object({ id: short().optional(), title: short(), year: z.number().int().optional() }).optional(),
});
/**
 * The shape of the body tree checked before anything recurses into it (zod's parse of the
 * recursive schema, the walks of shared/plan): nesting depth, number of nodes and the amount
 * of text, on the raw value, with an explicit stack. Returns the first problem, or null.
 */
export function checkBodyShape(value: unknown): { path: Array<string | number>; message: string } | null {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { body?: unknown }).body)) return null; // the schema says what is wrong
  const stack: Array<{ list: unknown[]; path: Array<string | number>; depth: number }> = [
    { list: (value as { body: unknown[] }).body, path: ['body'], depth: 1 },
  ];
  let nodes = 0;
  let chars = 0;
  while (stack.length) {
    const { list, path, depth } = stack.pop()!;
    if (depth > PLAN_LIMITS.depth) {
      return { path, message: `层级嵌套过深：正文最多嵌套 ${PLAN_LIMITS.depth} 层（一、（一）1.（1）四级标题和其下的段落）` };
    }
    nodes += list.length;
    if (nodes > PLAN_LIMITS.nodes) return { path, message: `节点过多：一份计划最多 ${PLAN_LIMITS.nodes} 个标题、任务和段落` };
    list.forEach((node, i) => {
      if (!node || typeof node !== 'object') return;
      const n = node as { title?: unknown; text?: unknown; children?: unknown };
      if (typeof n.title === 'string') chars += n.title.length;
      if (typeof n.text === 'string') chars += n.text.length;
      if (Array.isArray(n.children) && n.children.length) stack.push({ list: n.children, path: [...path, i, 'children'], depth: depth + 1 });
    });
    if (chars > PLAN_LIMITS.totalChars) return { path: ['body'], message: `文字过多：一份计划的正文最多 ${PLAN_LIMITS.totalChars} 个字` };
  }
  return null;
}

export const PlanDocumentSchema = z.preprocess((value, ctx) => {
  const problem = checkBodyShape(value);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: value });
  return value;
}, PlanDocumentObject);
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;

/** A fresh, empty plan with the given title and year. */
export function emptyPlan(title: string, year: number): PlanDocument {
  return {
    format: 'plandesk/plan',
    version: 2,
    meta: { title, year, addressees: [], cc: [] },
    numbering: { perLevel: [...DEFAULT_NUMBERING.perLevel] },
    body: [],
    warnings: [],
  };
}
