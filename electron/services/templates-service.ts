// Templates: the bundled ones in templates/ (read at call time, a broken file is listed with
// its reason and never stops the rest), and user templates stored in the library as plans of
// kind 'template'. New plans from either kind; 另存为模板 turns a plan into a user template.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BrokenTemplate, TemplateList, TemplateSummary } from '../../shared/contract';
import type { PlanRecord, ServiceImpl } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { PlanDocument } from '../../shared/plan/schema';
import { instantiateTemplateReport, PLACEHOLDERS, templateFromPlan } from '../../shared/templates';
import { describeZodError } from '../../shared/validation';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { assignIds } from '../../shared/plan/ids';
import { describeJsonError } from '../../shared/text/json-error';

export const BUNDLED_PREFIX = 'bundled:';
const TEMPLATE_FILE = /\.plan\.json$/i;

export type { BrokenTemplate, TemplateList, TemplateSummary };

/** The library operations templates need; the app's sync services and the CLI's async ones both fit. */
export type TemplateLibrary = Pick<ServiceImpl, 'plans.get' | 'plans.create' | 'plans.list' | 'plans.save' | 'plans.delete'>;

export interface TemplateDeps {
  /** The bundled templates folder: <repo>/templates in development, next to dist when packaged. */
  templatesDir: string;
  library: TemplateLibrary;
}

export interface FromTemplateInput {
  templateId: string;
  year: number;
  issuer: string;
  place?: string;
}

/** A bundled template as read from its file. */
interface BundledTemplate {
  summary: TemplateSummary;
  doc: PlanDocument;
}

type Loaded = { ok: true; template: BundledTemplate } | { ok: false; broken: BrokenTemplate };

function loadBundledFile(dir: string, file: string): Loaded {
  const id = BUNDLED_PREFIX + file;
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    return { ok: false, broken: { file, reason: `无法读取文件：${(err as Error).message}` } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, broken: { file, reason: `不是有效的 JSON：${describeJsonError(text.replace(/^\uFEFF/, ''), err)}` } };
  }
  const parsed = PlanDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const details = describeZodError(parsed.error);
    return { ok: false, broken: { file, reason: `模板内容不正确：${details.join('；')}` } };
  }
  // A template file may carry "template": { "name", "description" } (the format allows extra fields).
  const info = (raw as { template?: { name?: unknown; description?: unknown } }).template;
  const name = typeof info?.name === 'string' && info.name.trim() ? info.name.trim() : parsed.data.meta.title;
  const summary: TemplateSummary = { id, name, source: 'bundled' };
  if (typeof info?.description === 'string' && info.description.trim()) summary.description = info.description.trim();
  // Bundled templates stay version-1 files; their nodes get ids here, on read (issue 14).
  return { ok: true, template: { summary, doc: assignIds(parsed.data) } };
}

/** Reads every *.plan.json in the folder; never throws. */
export function readBundledTemplates(dir: string): { templates: BundledTemplate[]; broken: BrokenTemplate[] } {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => TEMPLATE_FILE.test(f))
      .sort();
  } catch {
    return { templates: [], broken: [{ file: dir, reason: '找不到内置模板文件夹，内置模板暂不可用。' }] };
  }
  const templates: BundledTemplate[] = [];
  const broken: BrokenTemplate[] = [];
  for (const file of files) {
    const r = loadBundledFile(dir, file);
    if (r.ok) templates.push(r.template);
    else broken.push(r.broken);
  }
  return { templates, broken };
}

function isBundled(id: string): boolean {
  return id.startsWith(BUNDLED_PREFIX);
}

/** The file name of a bundled id, refusing anything that is not a plain file name in the folder. */
function bundledFile(id: string): string {
  const file = id.slice(BUNDLED_PREFIX.length);
  if (!file || /[\\/]/.test(file) || file.startsWith('.') || !TEMPLATE_FILE.test(file)) {
    throw new AppError('not-found', `找不到内置模板“${file}”。`);
  }
  return file;
}

function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (!n) throw new AppError('invalid-args', '模板名称不能为空。');
  if (n.length > 200) throw new AppError('invalid-args', '模板名称不能超过 200 个字。');
  return n;
}

function userSummary(r: { id: string; title: string; year: number; taskCount: number }): TemplateSummary {
  return { id: r.id, name: r.title, source: 'user', year: r.year, description: `我的模板，共 ${r.taskCount} 项任务` };
}

/** A template's document by id: a bundled file or a user template in the library. */
export async function loadTemplateDocument(deps: TemplateDeps, templateId: string): Promise<{ summary: TemplateSummary; doc: PlanDocument }> {
  if (isBundled(templateId)) {
    const file = bundledFile(templateId);
    if (!existsSync(join(deps.templatesDir, file))) throw new AppError('not-found', `找不到内置模板“${file}”。`);
    const r = loadBundledFile(deps.templatesDir, file);
    if (!r.ok) throw new AppError('invalid-plan', `内置模板“${file}”有问题，不能使用：${r.broken.reason}`);
    return r.template;
  }
  const record = await requireUserTemplate(deps.library, templateId, '使用');
  // A user template remembers the title of the plan it was saved from (see saveAs): use that.
  const doc = structuredClone(record.doc);
  if (doc.basedOn?.title && /【[^】]+】/.test(doc.basedOn.title)) doc.meta.title = doc.basedOn.title;
  return { summary: userSummary(record), doc };
}

async function requireUserTemplate(library: TemplateLibrary, id: string, what: string): Promise<PlanRecord> {
  const record = await library['plans.get']({ id });
  if (record.deletedAt) throw new AppError('not-found', `模板“${record.title}”已在回收站中，请先恢复。`);
  if (record.kind !== 'template') throw new AppError('forbidden', `“${record.title}”不是模板，不能在模板管理中${what}。`);
  return record;
}

/**
 * The filled-in document for a new plan from a template, not yet stored; `unknown` lists
 * placeholders nobody could fill (Chinese). Throws when the year or issuer is missing, or when
 * the template needs the place and it cannot be derived from the issuer.
 */
export async function instantiateFromTemplate(
  deps: TemplateDeps,
  input: FromTemplateInput,
): Promise<{ doc: PlanDocument; unknown: string[]; template: TemplateSummary }> {
  if (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2100) {
    throw new AppError('invalid-args', '年份应为 1949–2100 之间的整数。');
  }
  const issuer = typeof input.issuer === 'string' ? input.issuer.trim() : '';
  if (!issuer) throw new AppError('invalid-args', '请填写发文机关（如：某某县安全生产委员会）。');
  const { summary, doc: template } = await loadTemplateDocument(deps, input.templateId);
  const place = input.place?.trim();
  const { doc, unknown } = instantiateTemplateReport(template, { year: input.year, issuer, ...(place ? { place } : {}) });
  const stillThere = JSON.stringify(doc);
  if (stillThere.includes(PLACEHOLDERS.place) || stillThere.includes(PLACEHOLDERS.level)) {
    throw new AppError(
      'invalid-args',
      place
        ? `无法判断地区“${place}”的级别，请填写完整的地区名称（以县、区、市、镇、乡或街道结尾）。`
        : `无法从发文机关“${issuer}”推断地区，请另外填写地区（如：某某县、某某镇）。`,
    );
  }
  return { doc, unknown, template: summary };
}

export interface TemplateServices {
  'templates.list': (args?: Record<string, never>) => Promise<TemplateList>;
  'templates.saveAs': (args: { planId: string; name: string }) => Promise<TemplateSummary>;
  'templates.rename': (args: { id: string; name: string }) => Promise<TemplateSummary>;
  'templates.delete': (args: { id: string }) => Promise<{ ok: true; id: string }>;
  'plans.fromTemplate': (args: FromTemplateInput) => Promise<PlanRecord>;
}

export function createTemplateServices(deps: TemplateDeps): TemplateServices {
  const { library } = deps;
  return {
    'templates.list': async () => {
      const bundled = readBundledTemplates(deps.templatesDir);
      const users = await library['plans.list']({ kind: 'template' });
      return {
        templates: [...bundled.templates.map((t) => t.summary), ...users.map(userSummary)],
        broken: bundled.broken,
      };
    },

    'templates.saveAs': async ({ planId, name }) => {
      const title = checkName(name);
      const record = await library['plans.get']({ id: planId });
      if (record.deletedAt) throw new AppError('not-found', `计划“${record.title}”已在回收站中，请先恢复。`);
      const doc = templateFromPlan(record.doc);
      // The library keeps a plan's title as its name; the plan's own title (with 【年度】 in
      // place of the year) is kept in basedOn, which also records where the template came from.
      doc.basedOn = { id: record.id, title: doc.meta.title, year: record.year };
      const created = await library['plans.create']({ title, year: record.year, kind: 'template', doc });
      return userSummary(created);
    },

    'templates.rename': async ({ id, name }) => {
      if (isBundled(id)) throw new AppError('forbidden', '内置模板不能重命名。可以先用它新建计划，再“另存为模板”保存为自己的模板。');
      const title = checkName(name);
      const record = await requireUserTemplate(library, id, '重命名');
      const doc = structuredClone(record.doc);
      doc.meta.title = title;
      await library['plans.save']({ id, baseRevision: record.revision, doc });
      return userSummary({ ...record, title });
    },

    'templates.delete': async ({ id }) => {
      if (isBundled(id)) throw new AppError('forbidden', '内置模板随软件提供，不能删除。');
      await requireUserTemplate(library, id, '删除');
      await library['plans.delete']({ id });
      return { ok: true as const, id };
    },

    'plans.fromTemplate': async (input) => {
      const { doc } = await instantiateFromTemplate(deps, input);
      const title = doc.meta.title.trim().slice(0, 200) || `${input.year}年安全生产工作要点`;
      return library['plans.create']({ title, year: input.year, kind: 'plan', doc });
    },
  };
}

function looksLikeTemplatesDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).some((f) => TEMPLATE_FILE.test(f) || f === 'README.md');
  } catch {
    return false;
  }
}

/**
 * Where the bundled templates are. PLANDESK_TEMPLATES overrides; otherwise the folder named
 * templates/ next to the app root, searched upwards from this module (dist/electron/*.cjs →
 * ../../templates; electron/services/*.ts → ../../templates; inside app.asar the same), from
 * the running script (bin/plandesk.cjs → ../templates) and from the working directory.
 */
export function findTemplatesDir(env: NodeJS.ProcessEnv = process.env, extraStarts: string[] = []): string | null {
  if (env.PLANDESK_TEMPLATES?.trim()) return resolve(env.PLANDESK_TEMPLATES.trim());
  const starts: string[] = [...extraStarts];
  if (typeof __dirname === 'string') starts.push(__dirname);
  if (process.argv[1]) starts.push(dirname(resolve(process.argv[1])));
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = resolve(start);
    for (let up = 0; up < 5; up++) {
      const candidate = join(dir, 'templates');
      if (looksLikeTemplatesDir(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
