// Plan templates: fill the placeholders of a template (bundled in templates/ or saved by a
// user) to get a new plan, and turn a plan back into a template. Pure: no I/O.
//
// The placeholder scheme (also in templates/README.md):
//   【年度】     the plan year, e.g. 2026 (written as 【年度】年 in text)
//   【发文机关】 the issuing body as a whole, e.g. 滕州市安全生产委员会
//   【地区】     the place, full name, e.g. 滕州市 / 潞城区 / 某某镇 / 某某街道
//   【级】       the one-word level of the place, for short unit names and 全X:
//               【级】应急管理局 → 县应急管理局 / 区应急管理局; 全【级】 → 全县 / 全镇 / 全街道
// Anything else in 【…】 is unknown: it stays in the text and is reported.
import { walkOutline } from '../plan/numbering';
import type { BodyNode, PlanDocument, PlanWarning, Target } from '../plan/schema';

export const PLACEHOLDERS = {
  year: '【年度】',
  issuer: '【发文机关】',
  place: '【地区】',
  level: '【级】',
} as const;

/** What each placeholder means, for lists shown to people. */
export const PLACEHOLDER_LABELS: Record<string, string> = {
  '【年度】': '年份',
  '【发文机关】': '发文机关',
  '【地区】': '地区（如：某某县、某某区、某某镇）',
  '【级】': '地区级别（县、区、市、镇、乡、街道，由地区推出）',
};

const KNOWN = new Set<string>(Object.values(PLACEHOLDERS));

export interface TemplateInput {
  year: number;
  issuer: string;
  /** The place; derived from the issuer when not given. */
  place?: string;
}

export interface InstantiateReport {
  doc: PlanDocument;
  /** One Chinese line per placeholder that could not be filled, with where it is. */
  unknown: string[];
}

// ---------------------------------------------------------------------------------------
// Places

/** Organ names at the end of an issuer: stripped (repeatedly) to get to the place. */
const ORGAN_SUFFIXES = [
  '安全生产委员会办公室',
  '安全生产委员会',
  '防灾减灾救灾委员会',
  '应急管理委员会',
  '应急管理办公室',
  '应急管理局',
  '人民政府办公室',
  '人民政府办公厅',
  '人民政府',
  '管理委员会',
  '办公室',
  '办公厅',
  '安委会',
  '安委办',
  '应急委',
  '应急办',
  '管委会',
  '办事处',
  '党工委',
  '委员会',
  '党委',
  '政府',
];

/** Ends of an administrative place name. */
const PLACE_END = /(?:省|自治区|市|自治州|盟|地区|区|县|旗|镇|乡|街道)$/;
/** Where a higher-level place ends inside a longer name (bare 州 is not one: 滕州市, 苏州市). */
const SPLIT_AFTER = /省|自治区|市|自治州|盟|地区|区|县|旗/g;

/**
 * The place an issuer belongs to. The rule: drop a leading 中共, drop organ names at the end
 * (人民政府, 安全生产委员会, 办事处, 办公室 …) until none is left, then drop higher-level
 * places from the front, leftmost first, as long as what stays is itself a place name of at
 * least two characters — 长治市潞城区 → 潞城区, 杭州市西湖区西溪街道 → 西溪街道, but 新市镇
 * stays whole and 枣庄市市中区 → 市中区. Returns null when no place name is left.
 *   滕州市安全生产委员会 → 滕州市; 长治市潞城区人民政府 → 潞城区; 某某街道办事处 → 某某街道
 */
export function placeFromIssuer(issuer: string): string | null {
  let rest = issuer.replace(/\s+/g, '').replace(/^中共/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of ORGAN_SUFFIXES) {
      if (rest.length > suffix.length && rest.endsWith(suffix)) {
        rest = rest.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  if (!PLACE_END.test(rest) || rest.length < 2) return null;
  for (let changed = true; changed;) {
    changed = false;
    SPLIT_AFTER.lastIndex = 0;
    for (let m = SPLIT_AFTER.exec(rest); m; m = SPLIT_AFTER.exec(rest)) {
      const cut = m.index + m[0].length;
      const head = rest.slice(0, cut);
      const tail = rest.slice(cut);
      if (head.length >= 2 && tail.length >= 2 && PLACE_END.test(tail)) {
        rest = tail;
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** The one-word level of a place: 某某县 → 县, 潞城区 → 区, 滕州市 → 市, 某某街道 → 街道. */
export function levelOfPlace(place: string): string | null {
  const p = place.trim();
  if (p.endsWith('街道')) return '街道';
  if (p.endsWith('自治县')) return '县';
  if (p.endsWith('自治州')) return '州';
  if (p.endsWith('自治区')) return '区';
  const last = p.slice(-1);
  return /[省市区县旗镇乡盟]/.test(last) ? last : null;
}

// ---------------------------------------------------------------------------------------
// Walking every string of a plan

type StringVisitor = (text: string, path: string) => string;

function mapTargets(targets: Target[], visit: StringVisitor, path: string): Target[] {
  return targets.map((t, i) => {
    const out: Target = { ...t, text: visit(t.text, `${path}/targets/${i}`) };
    if (t.deadline !== undefined) out.deadline = visit(t.deadline, `${path}/targets/${i}`);
    if (t.unit !== undefined) out.unit = visit(t.unit, `${path}/targets/${i}`);
    return out;
  });
}

function mapBody(body: readonly BodyNode[], visit: StringVisitor, base: string): BodyNode[] {
  return body.map((node, i) => {
    const path = `${base}/${i}`;
    if (node.type === 'paragraph') return { ...node, text: visit(node.text, path) };
    if (node.type === 'heading') {
      const out = { ...node, title: visit(node.title, path), children: mapBody(node.children, visit, `${path}/children`) };
      if (node.text !== undefined) out.text = visit(node.text, path);
      if (node.targets) out.targets = mapTargets(node.targets, visit, path);
      return out;
    }
    const out = {
      ...node,
      title: visit(node.title, path),
      text: visit(node.text, path),
      lead: node.lead.map((u) => visit(u, path)),
      support: node.support.map((u) => visit(u, path)),
      targets: mapTargets(node.targets, visit, path),
      children: mapBody(node.children, visit, `${path}/children`),
    };
    if (node.unitsText !== undefined) out.unitsText = visit(node.unitsText, path);
    if (node.unitsNote !== undefined) out.unitsNote = visit(node.unitsNote, path);
    return out;
  });
}

/** A copy of the document with `visit` applied to every piece of text a person wrote. */
export function mapDocumentText(doc: PlanDocument, visit: StringVisitor): PlanDocument {
  const out = structuredClone(doc);
  const meta = out.meta;
  for (const key of ['title', 'noticeTitle', 'issuer', 'docNumber', 'category', 'summary'] as const) {
    const v = meta[key];
    if (v !== undefined) meta[key] = visit(v, 'meta');
  }
  meta.addressees = meta.addressees.map((a) => visit(a, 'meta'));
  meta.cc = meta.cc.map((a) => visit(a, 'meta'));
  if (out.notice) {
    const n = out.notice;
    n.title = visit(n.title, 'notice');
    n.addressees = n.addressees.map((a) => visit(a, 'notice'));
    n.paragraphs = n.paragraphs.map((p) => visit(p, 'notice'));
    if (n.signer !== undefined) n.signer = visit(n.signer, 'notice');
    if (n.note !== undefined) n.note = visit(n.note, 'notice');
  }
  out.body = mapBody(doc.body, visit, 'body');
  if (out.basedOn) out.basedOn.title = visit(out.basedOn.title, 'basedOn');
  return out;
}

const PLACEHOLDER_RE = /【[^【】\s]{1,12}】/g;

/** Every placeholder a template asks for, in order of first appearance (known ones first). */
export function templatePlaceholders(doc: PlanDocument): Array<{ placeholder: string; label: string; known: boolean; count: number }> {
  const counts = new Map<string, number>();
  mapDocumentText(doc, (text) => {
    for (const m of text.matchAll(PLACEHOLDER_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    return text;
  });
  const list = [...counts].map(([placeholder, count]) => ({
    placeholder,
    label: PLACEHOLDER_LABELS[placeholder] ?? placeholder.slice(1, -1),
    known: KNOWN.has(placeholder),
    count,
  }));
  return [...list.filter((p) => p.known), ...list.filter((p) => !p.known)];
}

/** Where a path points, in words: 第3项任务 / 标题和文件信息 / 通知. */
function describePath(doc: PlanDocument, path: string): string {
  if (path === 'meta') return '标题和文件信息';
  if (path === 'notice') return '印发通知';
  if (path === 'basedOn') return '来源';
  let found = '正文';
  walkOutline(doc.body, (node, p) => {
    if (p === path || path.startsWith(p + '/targets')) found = `${node.type === 'task' ? '任务' : '标题'}“${node.title.slice(0, 20)}”`;
  });
  return found;
}

/**
 * The template filled in: every known placeholder replaced in titles, text, units, targets,
 * meta and notice; meta.year and meta.issuer set; the notice signed by the issuer; the
 * template's own bookkeeping (文号, dates, flags, basedOn, warnings) cleared. Placeholders it
 * does not know stay in place and are reported (Chinese, with where they are).
 */
export function instantiateTemplateReport(template: PlanDocument, input: TemplateInput): InstantiateReport {
  const issuer = input.issuer.trim();
  const place = input.place?.trim() || placeFromIssuer(issuer);
  const level = place ? levelOfPlace(place) : null;
  const values: Record<string, string | null> = {
    [PLACEHOLDERS.year]: String(input.year),
    [PLACEHOLDERS.issuer]: issuer || null,
    [PLACEHOLDERS.place]: place,
    [PLACEHOLDERS.level]: level,
  };
  const missing = new Map<string, Set<string>>(); // placeholder → where
  const filled = mapDocumentText(template, (text, path) =>
    text.replace(PLACEHOLDER_RE, (ph) => {
      const v = values[ph];
      if (v) return v;
      const where = missing.get(ph) ?? new Set<string>();
      where.add(path);
      missing.set(ph, where);
      return ph;
    }),
  );
  const doc: PlanDocument = {
    ...filled,
    meta: { ...filled.meta, year: input.year, issuer: issuer || filled.meta.issuer },
    warnings: [],
  };
  delete doc.meta.docNumber;
  delete doc.meta.indexNumber;
  delete doc.meta.writtenDate;
  delete doc.meta.publishDate;
  delete doc.flags;
  delete doc.basedOn;
  delete doc.dismissedChecks;
  if (doc.notice) {
    doc.notice = { ...doc.notice, signer: issuer || doc.notice.signer };
    delete doc.notice.date;
  }

  const unknown: string[] = [];
  const warnings: PlanWarning[] = [];
  for (const [ph, where] of missing) {
    const places = [...where].map((p) => describePath(doc, p));
    const uniquePlaces = [...new Set(places)];
    const why =
      ph === PLACEHOLDERS.place || (ph === PLACEHOLDERS.level && !place)
        ? `无法从发文机关“${issuer}”推断地区，请填写地区`
        : ph === PLACEHOLDERS.level
          ? `无法判断地区“${place ?? ''}”的级别（县、区、市、镇、乡、街道）`
          : ph === PLACEHOLDERS.issuer
            ? '没有填写发文机关'
            : `模板中有不认识的占位符${ph}，需要手工填写`;
    const message = `${why}（出现在：${uniquePlaces.slice(0, 3).join('、')}${uniquePlaces.length > 3 ? `等 ${uniquePlaces.length} 处` : ''}）`;
    unknown.push(message);
    for (const p of where) warnings.push({ code: 'template-placeholder', message: `${ph}：${why}`, path: p });
  }
  doc.warnings = warnings;
  return { doc, unknown };
}

/** The template filled in for a year and an issuer; see instantiateTemplateReport. */
export function instantiateTemplate(template: PlanDocument, input: TemplateInput): PlanDocument {
  return instantiateTemplateReport(template, input).doc;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The reverse, for 另存为模板: a plan turned into a template. The plan year (as 2026年), the
 * issuer and the place become placeholders; other years stay (they are history); the
 * document's own 文号, dates, flags, warnings and review state are cleared. Targets are kept.
 */
export function templateFromPlan(plan: PlanDocument): PlanDocument {
  const year = plan.meta.year;
  const issuer = plan.meta.issuer?.trim() || plan.notice?.signer?.trim() || '';
  const place = issuer ? placeFromIssuer(issuer) : null;
  const yearRe = new RegExp(`(?<![0-9])${year}(?=年)`, 'g');
  const issuerRe = issuer ? new RegExp(escapeRe(issuer), 'g') : null;
  const placeRe = place && place.length >= 2 ? new RegExp(escapeRe(place), 'g') : null;
  const doc = mapDocumentText(plan, (text) => {
    let t = text.replace(yearRe, PLACEHOLDERS.year);
    if (issuerRe) t = t.replace(issuerRe, PLACEHOLDERS.issuer);
    if (placeRe) t = t.replace(placeRe, PLACEHOLDERS.place);
    return t;
  });
  delete doc.meta.docNumber;
  delete doc.meta.indexNumber;
  delete doc.meta.writtenDate;
  delete doc.meta.publishDate;
  delete doc.flags;
  delete doc.dismissedChecks;
  delete doc.basedOn;
  doc.warnings = [];
  if (doc.notice) delete doc.notice.date;
  return doc;
}
