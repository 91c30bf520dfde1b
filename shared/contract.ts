// The one typed contract between the UI and the back end. Every operation the renderer may
// ask for is declared here with a zod schema for its arguments and a result type. The
// services implement `Services` once; the IPC and HTTP transports only parse and dispatch.
import { z } from 'zod';
import { PlanDocumentSchema, type PlanDocument } from './plan/schema';
import type { ImportResult } from './import/analyze';
import type { RolloverResult } from './rollover';
import type { OpinionRow } from './review/opinion-rows';
import { ExportOptionsSchema } from './export/options';
import { PLAN_STATUSES, STATUS_LABELS, type PlanStatus } from './plan/status';
import { TEAM_ROLES, type TeamRole } from './team';

/** The largest file the importer accepts (Word documents; text and pages have a lower limit). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const PlanKindSchema = z.enum(['plan', 'upper', 'template']);
export type PlanKind = z.infer<typeof PlanKindSchema>;

/** Review rounds: 草稿 → 征求意见稿 → 送审稿 → 印发稿 (names in ./plan/status). */
export const PlanStatusSchema = z.enum(PLAN_STATUSES);
export type { PlanStatus };
export { STATUS_LABELS };

/** Limits of one 对照表 (export.coverageTable): rows, characters of all cells, and paragraphs ('\n'-separated lines). */
export const MAX_COVERAGE_TABLE_ROWS = 800;
export const MAX_COVERAGE_TABLE_CHARS = 600_000;
export const MAX_COVERAGE_TABLE_LINES = 5000;
const lineCount = (s: string) => s.split('\n').length;

const id = z.string().min(1, { message: '缺少编号' }).max(64);
const title = z.string().trim().min(1, { message: '标题不能为空' }).max(200, { message: '标题不能超过 200 个字' });
const year = z.number().int({ message: '年份应为整数' }).min(1949, { message: '年份应在 1949–2100 之间' }).max(2100, { message: '年份应在 1949–2100 之间' });

export interface PlanSummary {
  id: string;
  title: string;
  year: number;
  kind: PlanKind;
  status: PlanStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  taskCount: number;
}

export interface PlanRecord extends PlanSummary {
  doc: PlanDocument;
}

export interface VersionSummary {
  id: number;
  planId: string;
  revision: number;
  createdAt: string;
  author: string;
  message: string;
}

export interface UnitEntry {
  name: string;
  uses: number;
  lastSeen: string;
}

export interface LinkDecision {
  upperKey: string;
  draftKey: string;
  decision: 'confirmed' | 'rejected' | 'added';
  author: string;
  decidedAt: string;
}

export interface TemplateSummary {
  /** 'bundled:<file>' for a bundled template, the plan id for a user template. */
  id: string;
  name: string;
  source: 'bundled' | 'user';
  description?: string;
  year?: number;
}

export interface BrokenTemplate {
  file: string;
  /** Chinese, with the field path when the file does not validate. */
  reason: string;
}

export interface TemplateList {
  templates: TemplateSummary[];
  broken: BrokenTemplate[];
}

export interface ReviewComment {
  id: number;
  author: string;
  unit: string;
  body: string;
  createdAt: string;
}

export interface ReviewThreadRecord {
  id: string;
  planId: string;
  quote: string;
  status: 'open' | 'resolved';
  round: PlanStatus;
  source: 'app' | 'docx';
  createdAt: string;
  comments: ReviewComment[];
}

export interface Reviewer {
  name: string;
  unit: string;
}

export interface ReturnedFileAnalysis {
  fileName: string;
  /** Authors of the new opinions (ours, exported for opinion and come back, left out). */
  authors: string[];
  /** The 提出单位 proposed from the authors or the file name ('' when neither names a unit). */
  unit: string;
  /** How many of the file's opinions are the office's own, exported for opinion: not listed, not imported again. */
  known: number;
  samePlan: { same: boolean; similarity: number; message?: string };
  /** What the file's format could not give (Chinese), e.g. a .doc's comment places. */
  notes: string[];
  /**
   * task null: not placed; unplaced: the format records no place for it (a .doc/.wps comment).
   * A reply: a new reply in one of the library's threads (task: where that thread is).
   */
  items: Array<{ kind: 'comment' | 'reply' | 'insertion' | 'deletion'; author: string; text: string; task: string | null; unplaced?: boolean }>;
}

/** Unsaved changes of the editor, journaled in the library (drafts.put/get). */
export interface PlanDraft {
  revision: number;
  savedAt: string;
  doc: PlanDocument;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  dataDir: string;
  dbPath: string;
}

/** Team mode run from the app (设置 → 团队模式). */
export interface TeamStatus {
  running: boolean;
  /** The address listened on, or the one remembered (null: never started). */
  host: string | null;
  port: number;
  /** What colleagues open in their browsers, while running. */
  url: string | null;
  /** People (accounts) with a plan open now. */
  people: number;
  /** On at the last quit: started again at the next start. */
  remembered: boolean;
  /** This PC's LAN addresses, then 127.0.0.1 (仅本机). */
  addresses: string[];
  /** Why the remembered server could not be started again at this start. */
  restoreError: string | null;
}

export interface TeamAccountEntry {
  name: string;
  unit: string;
  role: TeamRole;
  createdAt: string;
}

const teamAccountName = z.string().trim().min(1, { message: '请填写姓名' }).max(50, { message: '姓名不能超过 50 个字' });
const teamPassword = z.string().min(8, { message: '密码至少 8 个字符' }).max(200, { message: '密码不能超过 200 个字符' });

export const operations = {
  'app.info': z.object({}),
  'plans.list': z.object({
    query: z.string().max(200).optional(),
    kind: PlanKindSchema.optional(),
  }),
  'plans.trash': z.object({}),
  'plans.get': z.object({ id }),
  'plans.create': z.object({
    title,
    year,
    kind: PlanKindSchema.optional(),
    doc: PlanDocumentSchema.optional(),
    author: z.string().max(100).optional(),
  }),
  'plans.save': z.object({
    id,
    /** The revision the editor started from; a mismatch means another window saved first. */
    baseRevision: z.number().int().min(0),
    doc: PlanDocumentSchema,
    status: PlanStatusSchema.optional(),
    author: z.string().max(100).optional(),
    /** A named save point (Ctrl+S); autosaves pass none and keep no version. */
    savePoint: z.string().max(200).optional(),
  }),
  'plans.delete': z.object({ id }),
  'plans.undelete': z.object({ id }),
  'plans.duplicate': z.object({ id, title: title.optional() }),
  'versions.list': z.object({ planId: id }),
  'versions.get': z.object({ versionId: z.number().int().min(1) }),
  'versions.restore': z.object({
    planId: id,
    versionId: z.number().int().min(1),
    baseRevision: z.number().int().min(0),
    author: z.string().max(100).optional(),
  }),
  'import.file': z.object({
    fileName: z.string().min(1, { message: '缺少文件名' }).max(260),
    bytes: z.instanceof(Uint8Array, { message: '缺少文件内容' }).refine((b) => b.length <= MAX_IMPORT_BYTES, {
      message: `文件过大，最大 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    }),
  }),
  'import.paste': z
    .object({ text: z.string().max(10_000_000).optional(), html: z.string().max(20_000_000).optional() })
    .refine((a) => !!(a.text?.trim() || a.html?.trim()), { message: '粘贴的内容是空的' }),
  'export.check': z.object({ planId: id, options: ExportOptionsSchema.optional(), kind: z.enum(['plan', 'table']).optional() }),
  'export.render': z.object({ planId: id, options: ExportOptionsSchema.optional(), kind: z.enum(['plan', 'table']).optional() }),
  'export.toFile': z.object({
    planId: id,
    options: ExportOptionsSchema.optional(),
    kind: z.enum(['plan', 'table']).optional(),
    path: z.string().min(1, { message: '缺少保存位置' }).max(4096),
  }),
  'export.coverageTable': z.object({
    title: z.string().min(1).max(300),
    /** Rows of coverageTableRows (shared/compare/coverage-table.ts); '\n' separates the lines of a cell. */
    rows: z
      .array(z.object({ upper: z.string().max(6000), draft: z.string().max(20000), status: z.string().max(20), targets: z.string().max(20000) }))
      .max(MAX_COVERAGE_TABLE_ROWS, { message: `对照表超过 ${MAX_COVERAGE_TABLE_ROWS} 行，无法导出；请按章节分开对照后再导出` })
      // The whole table is bounded too, so building the DOCX stays within ~300 MB (issue 16): a
      // 500-task comparison of the samples is 417,000 characters in about 3,500 paragraphs.
      .refine((rows) => rows.reduce((n, r) => n + r.upper.length + r.draft.length + r.targets.length, 0) <= MAX_COVERAGE_TABLE_CHARS, {
        message: '对照表内容过多（超过六十万字），无法导出；请按章节分开对照后再导出',
      })
      .refine((rows) => rows.reduce((n, r) => n + lineCount(r.upper) + lineCount(r.draft) + lineCount(r.targets), 0) <= MAX_COVERAGE_TABLE_LINES, {
        message: `对照表内容过多（超过 ${MAX_COVERAGE_TABLE_LINES} 段），无法导出；请按章节分开对照后再导出`,
      }),
  }),
  /** Electron: the system's save dialog. Browser mode answers supported: false (the page downloads). */
  'app.saveDialog': z.object({ defaultName: z.string().max(260) }),
  /** Electron: shows a file in the system's file manager. */
  'app.showInFolder': z.object({ path: z.string().min(1).max(4096) }),
  'compare.uppers.get': z.object({ draftId: id }),
  'compare.uppers.set': z.object({ draftId: id, upperIds: z.array(id).max(20) }),
  'compare.decisions.list': z.object({ draftId: id, upperId: id }),
  'compare.decisions.set': z.object({
    draftId: id,
    upperId: id,
    upperKey: z.string().min(1).max(400),
    draftKey: z.string().min(1).max(400),
    /** null takes a decision back. */
    decision: z.enum(['confirmed', 'rejected', 'added']).nullable(),
    author: z.string().max(100).optional(),
  }),
  'templates.list': z.object({}),
  'templates.saveAs': z.object({ planId: id, name: title }),
  'templates.rename': z.object({ id, name: title }),
  'templates.delete': z.object({ id }),
  'plans.fromTemplate': z.object({
    templateId: z.string().min(1).max(300),
    year,
    issuer: z.string().trim().min(1, { message: '请填写发文机关' }).max(100),
    place: z.string().trim().max(50).optional(),
  }),
  /** 基于往年要点: the new draft and what to look at, not stored (plans.create stores it). */
  'rollover.preview': z.object({ id, year }),
  'review.threads.list': z.object({ planId: id }),
  'review.threads.create': z.object({
    planId: id,
    /** Made by the editor, so that the anchor mark can be placed before the thread is stored. */
    threadId: z.string().min(8).max(64),
    quote: z.string().max(2000),
    body: z.string().trim().min(1, { message: '批注内容不能为空' }).max(5000),
    author: z.string().trim().min(1, { message: '请先填写您的姓名' }).max(100),
    unit: z.string().max(100).default(''),
  }),
  'review.threads.reply': z.object({
    threadId: z.string().min(1).max(64),
    body: z.string().trim().min(1, { message: '回复内容不能为空' }).max(5000),
    author: z.string().trim().min(1, { message: '请先填写您的姓名' }).max(100),
    unit: z.string().max(100).default(''),
  }),
  'review.threads.setStatus': z.object({ threadId: z.string().min(1).max(64), status: z.enum(['open', 'resolved']) }),
  'review.opinions.list': z.object({ planId: id }),
  'review.opinions.set': z.object({
    planId: id,
    sourceId: z.string().min(1).max(100),
    decision: z.enum(['采纳', '部分采纳', '不采纳']).nullable(),
    reason: z.string().max(2000).default(''),
    /** What the opinion said, kept for suggestions that leave the plan once decided. */
    snapshot: z
      .object({
        kind: z.enum(['comment', 'suggestion']),
        unit: z.string().max(200),
        task: z.string().max(400),
        content: z.string().max(4000),
        nodeId: z.string().max(40).nullable().optional(),
      })
      .optional(),
  }),
  /** Returned Word/WPS files: what each holds and where it lands, before anything is stored. */
  'review.analyse': z.object({
    planId: id,
    files: z
      .array(
        z.object({
          fileName: z.string().min(1).max(260),
          bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_IMPORT_BYTES, { message: '文件过大' }),
        }),
      )
      .min(1)
      .max(50),
  }),
  'review.import': z.object({
    planId: id,
    baseRevision: z.number().int().min(0),
    files: z
      .array(
        z.object({
          fileName: z.string().min(1).max(260),
          bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_IMPORT_BYTES, { message: '文件过大' }),
          unit: z.string().trim().min(1, { message: '请为每个文件填写提出单位' }).max(100),
        }),
      )
      .min(1)
      .max(50),
  }),
  'export.review': z.object({ planId: id, lineNumbers: z.boolean().optional() }),
  // The screen's filters (shared/review/opinion-rows.ts filterOpinions); none = the whole table.
  'export.opinions': z.object({ planId: id, unit: z.string().min(1).max(200).optional(), round: PlanStatusSchema.optional() }),
  'units.list': z.object({ query: z.string().max(100).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  'settings.get': z.object({ key: z.string().min(1).max(100) }),
  'settings.set': z.object({ key: z.string().min(1).max(100), value: z.json() }),
  /** The draft journal: the editor's unsaved changes, made on `revision`, kept in the library. */
  'drafts.put': z.object({ planId: id, revision: z.number().int().min(0), doc: PlanDocumentSchema }),
  'drafts.get': z.object({ planId: id }),
  /** After a save to `belowRevision`: drafts made on earlier revisions are done with. */
  'drafts.clear': z.object({ planId: id, belowRevision: z.number().int().min(0) }),
  'team.status': z.object({}),
  'team.start': z.object({
    host: z.ipv4({ message: '监听地址格式不正确，请从列表中选择' }),
    /** 0: any free port. */
    port: z.number().int().min(0, { message: '端口应为 1–65535 的整数' }).max(65535, { message: '端口应为 1–65535 的整数' }),
  }),
  'team.stop': z.object({}),
  'team.users.list': z.object({}),
  'team.users.add': z.object({
    name: teamAccountName,
    unit: z.string().trim().min(1, { message: '请填写单位' }).max(100, { message: '单位不能超过 100 个字' }),
    role: z.enum(TEAM_ROLES, { message: `角色应为${TEAM_ROLES.join('、')}之一` }),
    /** None: a password is generated and answered once. */
    password: teamPassword.optional(),
  }),
  'team.users.resetPassword': z.object({ name: teamAccountName, password: teamPassword.optional() }),
  'team.users.remove': z.object({ name: teamAccountName }),
} as const;

export type OperationName = keyof typeof operations;
export type OperationArgs<K extends OperationName> = z.input<(typeof operations)[K]>;
export type ParsedArgs<K extends OperationName> = z.output<(typeof operations)[K]>;

export interface OperationResults {
  'app.info': AppInfo;
  'plans.list': PlanSummary[];
  'plans.trash': PlanSummary[];
  'plans.get': PlanRecord;
  'plans.create': PlanRecord;
  'plans.save': PlanSummary;
  'plans.delete': PlanSummary;
  'plans.undelete': PlanSummary;
  'plans.duplicate': PlanRecord;
  'versions.list': VersionSummary[];
  'versions.get': { version: VersionSummary; doc: PlanDocument };
  'versions.restore': PlanRecord;
  /** office: the export's 发文机关 (the 字体方案 is remembered per office, shared/export/font-scheme-memory.ts). */
  'export.check': { missing: string[]; warnings: string[]; fileName: string; office: string };
  'export.render': { fileName: string; bytes: Uint8Array; warnings: string[] };
  'export.toFile': { path: string; bytes: number; warnings: string[] };
  'export.coverageTable': { fileName: string; bytes: Uint8Array };
  'app.saveDialog': { supported: boolean; path: string | null };
  'app.showInFolder': { ok: boolean };
  'import.file': ImportResult;
  'import.paste': ImportResult;
  'compare.uppers.get': { upperIds: string[] };
  'compare.uppers.set': { upperIds: string[] };
  'compare.decisions.list': LinkDecision[];
  'compare.decisions.set': { ok: true };
  'templates.list': TemplateList;
  'templates.saveAs': TemplateSummary;
  'templates.rename': TemplateSummary;
  'templates.delete': { ok: true; id: string };
  'plans.fromTemplate': PlanRecord;
  'rollover.preview': RolloverResult;
  'review.threads.list': ReviewThreadRecord[];
  'review.threads.create': ReviewThreadRecord;
  'review.threads.reply': ReviewThreadRecord;
  'review.threads.setStatus': ReviewThreadRecord;
  'review.opinions.list': OpinionRow[];
  'review.opinions.set': { ok: true };
  'review.analyse': ReturnedFileAnalysis[];
  /** nothingNew: the files held no opinion the library lacks; nothing was stored (revision unchanged). */
  'review.import': { revision: number; comments: number; replies: number; insertions: number; deletions: number; detached: number; nothingNew?: true };
  'export.review': { fileName: string; bytes: Uint8Array };
  'export.opinions': { fileName: string; bytes: Uint8Array };
  'units.list': UnitEntry[];
  'settings.get': { value: unknown };
  'settings.set': { ok: true };
  'drafts.put': { stored: boolean };
  'drafts.get': { draft: PlanDraft | null };
  'drafts.clear': { ok: true };
  'team.status': TeamStatus;
  'team.start': TeamStatus;
  'team.stop': TeamStatus;
  'team.users.list': TeamAccountEntry[];
  /** generatedPassword: the password made for the account (none given), to be shown once. */
  'team.users.add': { account: Omit<TeamAccountEntry, 'createdAt'>; generatedPassword: string | null };
  'team.users.resetPassword': { generatedPassword: string | null };
  'team.users.remove': { ok: true };
}

/** What the back end implements, once (a body may be synchronous). */
export type ServiceImpl = {
  [K in OperationName]: (args: ParsedArgs<K>) => Promise<OperationResults[K]> | OperationResults[K];
};

/** The services as every caller sees them: each answers with a promise. */
export type Services = {
  [K in OperationName]: (args: ParsedArgs<K>) => Promise<OperationResults[K]>;
};

/** What the renderer calls, whichever transport carries it. */
export type Invoke = <K extends OperationName>(name: K, args: OperationArgs<K>) => Promise<OperationResults[K]>;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
