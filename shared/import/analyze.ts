// The importer's text analysis: text or HTML in, a PlanDocument (exchange format) out, with
// every doubt reported as a warning at its place. Pure: runs in the renderer (paste), the main
// process (files) and the CLI alike. Never throws on any input string.
import { assignIds, attachWarningNodes } from '../plan/ids';
import { anchorImportWarnings } from '../checks/carried';
import {
  PlanDocumentSchema,
  type BodyNode,
  type HeadingNode,
  type Notice,
  type PlanDocument,
  type PlanMeta,
  type PlanWarning,
  type TaskNode,
} from '../plan/schema';
import { inferNumbering, walkOutline } from '../plan/numbering';
import { toLines, squeezeCjkSpaces } from './lines';
import { isFooterStart, isGapLine, isJunkLine } from './junk';
import { isMetadataLine, parseMetadataLines } from './metadata';
import { cleanTitle, isNoteLine, isSignerLine, issuerFromNoticeTitle, quotedTitle, splitAddressees, yearOf } from './notice';
import { isRecipientLine, readHead } from './head';
import { planYear, plausiblePublishDate } from './plan-year';
import { stripPinyinRuby } from './ruby';
import { fullWidthPunctuation } from './punctuation';
import { unflatten } from './flattened';
import type { FieldOrigin, ImportOrigins } from './origins';
import { parseDate } from '../text/dates';
import { buildOutline, matchItem, type BodyLine } from './outline';
import { toSimplified } from './traditional';
import { MAX_HTML_DEPTH, readHtml } from './html';

export interface ImportStats {
  headings: number;
  tasks: number;
  paragraphs: number;
  /** Unit names found in the responsible-units parentheticals, in order of first use. */
  units: string[];
  chars: number;
}

export interface ImportResult {
  doc: PlanDocument;
  stats: ImportStats;
  /** Where the title, year, 主送 and issuer were read from (for the import preview). */
  origins: ImportOrigins;
}

export interface AnalyzeOptions {
  /** The file name, used as a last resort for the title. */
  sourceName?: string;
}

/** Longer text is cut here (with a warning): a plan is tens of thousands of characters. */
export const MAX_ANALYZE_CHARS = 2_000_000;

const TERMINAL = /[。！？!?；;）)〕\]】」”…]$/u;

type Line = { text: string } | { gap: string };

function isText(l: Line | undefined): l is { text: string } {
  return !!l && 'text' in l;
}

function titleFromSource(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim();
  return base || undefined;
}

/** Analyses plain text (a .txt file, pasted text). */
export function analyzePlanText(text: string, opts: AnalyzeOptions = {}): ImportResult {
  const warnings: PlanWarning[] = [];
  let t = typeof text === 'string' ? text : '';
  if (t.length > MAX_ANALYZE_CHARS) {
    t = t.slice(0, MAX_ANALYZE_CHARS);
    warnings.push({ code: 'text-too-long', message: `文字过长，只分析了前 ${MAX_ANALYZE_CHARS} 个字符`, path: 'body' });
  }
  // Pinyin ruby first: it sits inside words ("發(fā)布") and would confuse everything after.
  const ruby = stripPinyinRuby(t);
  if (ruby.count > 0) {
    warnings.push({ code: 'pinyin-removed', message: `已去掉原文中夹杂的 ${ruby.count} 处拼音注音（如“${ruby.example}”）`, path: 'body' });
  }
  const simp = toSimplified(ruby.text);
  if (simp.converted) {
    warnings.push({ code: 'traditional-converted', message: '原文为繁体字，已自动转换为简体字，请核对单位名称等专有名词', path: 'meta' });
  }
  // Flattened pages are split first, while the spaces that separate their paragraphs are there.
  const flat = unflatten(toLines(simp.text));
  if (flat.splits > 0) {
    warnings.push({ code: 'flattened-split', message: `原文有 ${flat.splits} 段把多个段落或编号条目连成了一段，已按编号和空格拆开，请核对`, path: 'body' });
  }
  let marks = 0;
  const lines = flat.lines.map((l) => {
    const r = fullWidthPunctuation(l);
    marks += r.count;
    return r.text;
  });
  if (marks > 0) warnings.push({ code: 'punctuation-normalised', message: `已将 ${marks} 处半角标点改为全角`, path: 'body' });
  const result = analyzeLines(lines, opts, warnings, t.length);
  // Node ids (issue 14) as a separate last pass: every node of an imported plan gets one. Then
  // each warning is anchored to what it is about as imported (issue 18, shared/checks/carried.ts).
  const doc = attachWarningNodes(assignIds(result.doc));
  return { ...result, doc: { ...doc, warnings: anchorImportWarnings(doc) } };
}

/** Analyses an HTML page or fragment (saved web page, pasted HTML, mammoth output). */
export function analyzePlanHtml(html: string, opts: AnalyzeOptions = {}): ImportResult {
  const { text, tooDeep } = readHtml(typeof html === 'string' ? html : '');
  const result = analyzePlanText(text, opts);
  if (tooDeep) {
    result.doc.warnings.push({
      code: HTML_TOO_DEEP,
      message: `网页的结构过深（标签嵌套超过 ${MAX_HTML_DEPTH} 层，或有大量未闭合的标签），之后的内容没有读取`,
      path: 'body',
    });
  }
  return result;
}

/** Warning code of a page whose reading stopped at MAX_HTML_DEPTH (the file importer refuses it). */
export const HTML_TOO_DEEP = 'html-too-deep';

function analyzeLines(all: string[], opts: AnalyzeOptions, warnings: PlanWarning[], chars: number): ImportResult {
  // 1. Metadata lines (disclosure tables, 来源/发布时间 chrome) before the outline.
  let firstOutline = all.findIndex((l) => matchItem(l) !== null && !isMetadataLine(l));
  if (firstOutline < 0) firstOutline = all.length;
  const metaLines: string[] = [];
  const isMeta = new Set<number>();
  for (let i = 0; i < firstOutline; i++) {
    if (isMeta.has(i) || !isMetadataLine(all[i]!)) continue;
    let line = all[i]!;
    isMeta.add(i);
    // A label whose value the page put on the next line ("成文日期：" / "2024-01-05").
    const next = all[i + 1];
    if (/[:：]\s*$/u.test(line) && next !== undefined && i + 1 < firstOutline && !isMetadataLine(next) && next.length <= 80 && !/[:：]$/u.test(next)) {
      line = `${line} ${next}`;
      isMeta.add(i + 1);
    }
    metaLines.push(line);
  }
  const md = parseMetadataLines(metaLines);

  // 2. Drop site furniture; mark gaps; stop at the footer.
  const rest: Line[] = [];
  for (let i = 0; i < all.length; i++) {
    if (isMeta.has(i)) continue;
    const line = all[i]!;
    if (i > firstOutline && isFooterStart(line)) break;
    if (isJunkLine(line)) continue;
    if (isGapLine(line)) rest.push({ gap: line });
    else rest.push({ text: line });
  }
  let firstItem = rest.findIndex((l) => isText(l) && matchItem(l.text) !== null);
  if (firstItem < 0) firstItem = rest.length;

  // 3. The head: page titles, the notice, the plan title, the preamble.
  const head = readHead(rest.slice(0, firstItem));
  for (const g of head.gaps) {
    warnings.push({ code: 'text-gap', message: `通知正文有内容缺失（页面提示“${g}”），未补全，请对照原文`, path: 'notice' });
  }
  let notice: Notice | undefined;
  if (head.noticeTitle !== undefined || head.headless) {
    notice = { title: head.noticeTitle ?? '', addressees: [...head.addressees], paragraphs: head.noticeIsPlan ? [] : [...head.noticeParagraphs] };
    if (head.signer) notice.signer = head.signer;
    if (head.date) notice.date = head.date;
    if (head.note) notice.note = head.note;
  }
  const noticeIsPlan = head.noticeIsPlan;
  const noticeLost = head.dateLost;
  const bodyRegion: Line[] = [...head.preamble, ...rest.slice(firstItem)];

  // 4. A signature block at the end (signer, date, 附注).
  let end = bodyRegion.length;
  let tailSigner: string | undefined;
  let tailDate: string | undefined;
  let tailNote: string | undefined;
  let tailLost: string | undefined;
  const lastText = (): string | undefined => {
    const l = bodyRegion[end - 1];
    return end >= 1 && isText(l) ? l.text : undefined;
  };
  let lt = lastText();
  if (lt && isNoteLine(lt)) {
    tailNote = lt;
    end--;
    lt = lastText();
  }
  if (lt) {
    const d = parseDate(lt);
    if (d) {
      if ('iso' in d) tailDate = d.iso;
      else tailLost = d.lost;
      end--;
      lt = lastText();
      if (lt && isSignerLine(lt)) {
        tailSigner = squeezeCjkSpaces(lt);
        end--;
      }
    }
  }
  if (notice) {
    if (tailSigner && !notice.signer) notice.signer = tailSigner;
    if (tailDate && !notice.date) notice.date = tailDate;
    if (tailNote && !notice.note) notice.note = tailNote;
  }
  const bodyLines: BodyLine[] = bodyRegion.slice(0, end);

  // 5. The outline.
  const outline = buildOutline(bodyLines);
  const numbering = inferNumbering(outline.items);
  // Checking the numbers as written (not computing labels, which is computeOrdinals' job):
  // each item should follow the previous written number at its level, or restart at 1 where
  // the inferred settings restart. Re-syncing on the written number reports a jump once, at
  // the place it happens, instead of at every item after it.
  const numberingWarnings: Array<{ node: BodyNode; message: string }> = [];
  const lastWritten = [0, 0, 0, 0, 0];
  for (const n of outline.items) {
    for (let deeper = n.level + 1; deeper <= 4; deeper++) {
      if (numbering.perLevel[deeper - 1] === 'restart') lastWritten[deeper] = 0;
    }
    const expected = lastWritten[n.level]! + 1;
    if (n.ordinal !== expected) {
      numberingWarnings.push({ node: n, message: `编号不连续：此处按顺序应为第${expected}项，原文为第${n.ordinal}项` });
    }
    lastWritten[n.level] = n.ordinal;
  }

  // 6. Metadata, each key field with where it came from.
  const f = md.fields;
  const origins: ImportOrigins = {
    title: { source: 'none' },
    year: { source: 'none' },
    addressees: { source: 'none' },
    issuer: { source: 'none' },
  };
  let title: string | undefined;
  if (head.planTitle) {
    title = head.planTitle;
    origins.title = { source: 'title-line', excerpt: head.planTitle };
  } else if (notice && head.noticeTitle && noticeIsPlan) {
    title = head.issuerLine && !head.noticeTitle.startsWith(head.issuerLine) ? `${head.issuerLine}${head.noticeTitle}` : head.noticeTitle;
    origins.title = { source: head.issuerLine ? 'issuer-line' : 'notice-title', excerpt: title };
  } else if (head.noticeTitle && quotedTitle(head.noticeTitle)) {
    title = quotedTitle(head.noticeTitle)!;
    origins.title = { source: 'quoted-title', excerpt: head.noticeTitle };
  } else if (f.title) {
    title = cleanTitle(f.title);
    origins.title = { source: 'metadata', excerpt: f.title };
  } else if (head.pageTitles.length) {
    title = head.pageTitles[head.pageTitles.length - 1]!;
    origins.title = { source: 'page-title', excerpt: title };
  }
  if (title && yearOf(title) === undefined) {
    // The title line lacks the year a 《…》 in the text gives it: 《安全生产委员会2021年工作要点》.
    const texts = [head.noticeTitle ?? '', ...head.noticeParagraphs, ...head.preamble.filter(isText).map((l) => l.text)];
    const plain = title.replace(/\s+/g, '');
    for (const q of texts.flatMap((t) => [...t.matchAll(/《([^《》]{4,80})》/gu)].map((m) => m[1]!))) {
      if (yearOf(q) !== undefined && q.replace(/\s+/g, '').replace(/(?:19|20)\d{2}年/u, '') === plain) {
        origins.title = { source: 'quoted-title', excerpt: `《${q}》` };
        title = cleanTitle(q);
        break;
      }
    }
  }
  if (!title) {
    const fromName = titleFromSource(opts.sourceName);
    title = fromName ?? '未命名计划';
    origins.title = fromName ? { source: 'file-name', excerpt: fromName } : { source: 'none' };
    warnings.push({ code: 'no-title', message: fromName ? '未识别到计划标题，已暂用文件名，请修改' : '未识别到计划标题，请填写', path: 'meta/title' });
  }
  if (title.length > 200) title = title.slice(0, 200);
  const noticeTitle = notice && !noticeIsPlan && head.noticeTitle ? head.noticeTitle : undefined;

  let docNumber = f.docNumber;
  if (!docNumber && head.docNumber) {
    docNumber = head.docNumber.value;
    if (head.docNumber.repaired) {
      warnings.push({
        code: 'doc-number-repaired',
        message: `文号“${head.docNumber.repaired}”显示不全，已按年份读作“${docNumber}”，请对照原件核对`,
        path: 'meta/docNumber',
      });
    }
  }
  const written = f.writtenDate ?? notice?.date ?? tailDate;
  let publish = plausiblePublishDate(f.publishDate, written);
  let year = planYear({ title, titleSource: origins.title, noticeTitle: head.noticeTitle, docNumber, written, publish, metaTitle: f.title, bodyLines });
  if (publish && year && year.origin.source !== 'publish-date' && !plausiblePublishDate(publish, written, year.value)) {
    publish = undefined;
  }
  if (f.publishDate && !publish) {
    warnings.push({
      code: 'publish-date-dropped',
      message: `页面上的日期“${f.publishDate}”与文件的年份或成文日期相距过远，像是转载网站的时间，未作为发布日期`,
      path: 'meta/publishDate',
    });
    if (year?.origin.source === 'publish-date')
      year = planYear({ title, titleSource: origins.title, noticeTitle: head.noticeTitle, docNumber, written, metaTitle: f.title, bodyLines });
  }

  if (year) origins.year = year.origin;
  else {
    warnings.push({ code: 'no-year', message: '未识别到计划年份（标题、正文、文号和日期中都没有），请在导入预览中填写', path: 'meta/year' });
  }
  const addressees = notice ? [...notice.addressees] : [...head.addressees];
  if (addressees.length && head.addresseeLine) origins.addressees = { source: 'addressee-line', excerpt: head.addresseeLine };
  else if (!addressees.length && f.summary) {
    // Disclosure pages sometimes show the notice's opening in a 概述 field: "各县（区）人民政府：…".
    const opening = /^([^。：]{2,200}：)/u.exec(f.summary)?.[1];
    if (opening && isRecipientLine(opening)) {
      addressees.push(...splitAddressees(opening));
      if (notice && notice.addressees.length === 0) notice.addressees = [...addressees];
      origins.addressees = { source: 'metadata', excerpt: opening };
    }
  }
  // A placeholder year keeps the document valid; origins.year says it was not read, and the
  // preview and the CLI refuse to store the plan until a person gives the year.
  const meta: PlanMeta = { title, year: year?.value ?? new Date().getFullYear(), addressees, cc: [] };
  if (noticeTitle) meta.noticeTitle = noticeTitle;
  const issuerFromTitle = head.noticeTitle ? issuerFromNoticeTitle(head.noticeTitle) : undefined;
  const issuerPick: Array<[string | undefined, FieldOrigin['source']]> = [
    [notice?.signer, 'signature'],
    [head.issuerLine, 'issuer-line'],
    [issuerFromTitle, 'notice-title'],
    [f.issuer, 'metadata'],
    [tailSigner, 'signature'],
  ];
  const issuer = issuerPick.find(([v]) => v);
  if (issuer) {
    meta.issuer = squeezeCjkSpaces(issuer[0]!);
    origins.issuer = { source: issuer[1], excerpt: issuer[0]! };
  }
  if (docNumber) meta.docNumber = docNumber;
  if (f.indexNumber) meta.indexNumber = f.indexNumber.replace(/\s+/g, '');
  if (f.category) meta.category = f.category;
  if (written) meta.writtenDate = written;
  if (publish) meta.publishDate = publish;
  if (f.validity) meta.validity = f.validity;
  if (f.disclosure) meta.disclosure = f.disclosure;
  if (f.summary) meta.summary = f.summary;
  for (const [label, shown, field] of md.lostDates) {
    warnings.push({ code: 'date-lost', message: `${label}“${shown}”数字不全，无法识别，已留空，请对照原件填写`, path: `meta/${field}` });
  }
  if (noticeLost) {
    warnings.push({ code: 'date-lost', message: `通知落款日期“${noticeLost}”数字不全，无法识别，已留空，请对照原件填写`, path: 'notice' });
  } else if (tailLost) {
    warnings.push({
      code: 'date-lost',
      message: `落款日期“${tailLost}”数字不全，无法识别，已留空，请对照原件填写`,
      path: notice ? 'notice' : 'meta/writtenDate',
    });
  }

  // 7. Warnings with paths.
  const body = outline.body;
  const paths = new Map<BodyNode, string>();
  walkOutline(body, (n, p) => paths.set(n, p));
  const pathOf = (n: BodyNode | null): string => (n ? (paths.get(n) ?? 'body') : 'body');
  for (const w of outline.warnings) warnings.push({ code: w.code, message: w.message, path: pathOf(w.node) });
  for (const w of numberingWarnings) warnings.push({ code: 'numbering-gap', message: w.message, path: pathOf(w.node) });
  if (outline.items.length === 0) {
    warnings.push({ code: 'no-outline', message: '未识别到“一、（一）1.（1）”等编号结构，全文按段落导入，请手工整理', path: 'body' });
  }
  // A cut-off end: the last body line does not end a sentence.
  const lastBody = [...bodyLines].reverse().find(isText);
  if (lastBody && !TERMINAL.test(lastBody.text) && outline.items.length > 0) {
    const lastItem = outline.items[outline.items.length - 1]!;
    const isTitleOnly = lastItem.type === 'heading' && lastItem.children.length === 0;
    if (!isTitleOnly || matchItem(lastBody.text) === null) {
      warnings.push({ code: 'text-truncated', message: '正文在此处中断（最后一句不完整），原文可能被截断，请对照原文补全', path: pathOf(lastItem) });
    }
  }

  const doc: PlanDocument = {
    format: 'plandesk/plan',
    version: 1,
    meta,
    numbering,
    body,
    warnings,
  };
  if (notice) doc.notice = notice;

  let headings = 0;
  let tasks = 0;
  let paragraphs = 0;
  const count = (nodes: readonly BodyNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') paragraphs++;
      else {
        if (n.type === 'heading') headings++;
        else tasks++;
        count(n.children);
      }
    }
  };
  count(body);
  return { doc, stats: { headings, tasks, paragraphs, units: outline.units, chars }, origins };
}

/** Validates an import result's document (used by tests and callers that want certainty). */
export function checkImported(doc: PlanDocument): string[] {
  const r = PlanDocumentSchema.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

export type { HeadingNode, TaskNode };
