// The importer's text analysis: text or HTML in, a PlanDocument (exchange format) out, with
// every doubt reported as a warning at its place. Pure: runs in the renderer (paste), the main
// process (files) and the CLI alike. Never throws on any input string.
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
import {
  cleanTitle,
  isAddresseeLine,
  isNoteLine,
  isNoticeTitle,
  isPlanTitle,
  isSignerLine,
  issuerFromNoticeTitle,
  quotedTitle,
  splitAddressees,
  yearOf,
} from './notice';
import { parseDate } from './dates';
import { buildOutline, matchItem, type BodyLine } from './outline';
import { toSimplified } from './traditional';
import { htmlToText } from './html';

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
}

export interface AnalyzeOptions {
  /** The file name, used as a last resort for the title. */
  sourceName?: string;
}

/** Longer text is cut here (with a warning): a plan is tens of thousands of characters. */
export const MAX_ANALYZE_CHARS = 2_000_000;

const TRANSMITTAL = /印发给你们|现将|现印发|请认真贯彻|请结合实际|认真贯彻执行|遵照执行|请认真抓好落实/u;
const TERMINAL = /[。！？!?；;）)〕\]】」”…]$/u;

type Line = { text: string } | { gap: string };

function isText(l: Line | undefined): l is { text: string } {
  return !!l && 'text' in l;
}

function titleFromSource(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return base || undefined;
}

function validYear(y: number | undefined): number | undefined {
  return y !== undefined && y >= 1949 && y <= 2100 ? y : undefined;
}

/** Analyses plain text (a .txt file, pasted text). */
export function analyzePlanText(text: string, opts: AnalyzeOptions = {}): ImportResult {
  const warnings: PlanWarning[] = [];
  let t = typeof text === 'string' ? text : '';
  if (t.length > MAX_ANALYZE_CHARS) {
    t = t.slice(0, MAX_ANALYZE_CHARS);
    warnings.push({ code: 'text-too-long', message: `文字过长，只分析了前 ${MAX_ANALYZE_CHARS} 个字符`, path: 'body' });
  }
  const simp = toSimplified(t);
  if (simp.converted) {
    warnings.push({ code: 'traditional-converted', message: '原文为繁体字，已自动转换为简体字，请核对单位名称等专有名词', path: 'meta' });
  }
  return analyzeLines(toLines(simp.text), opts, warnings, t.length);
}

/** Analyses an HTML page or fragment (saved web page, pasted HTML, mammoth output). */
export function analyzePlanHtml(html: string, opts: AnalyzeOptions = {}): ImportResult {
  return analyzePlanText(htmlToText(typeof html === 'string' ? html : ''), opts);
}

function analyzeLines(all: string[], opts: AnalyzeOptions, warnings: PlanWarning[], chars: number): ImportResult {
  // 1. Metadata lines before the outline.
  let firstOutline = all.findIndex((l) => matchItem(l) !== null && !isMetadataLine(l));
  if (firstOutline < 0) firstOutline = all.length;
  const metaLines: string[] = [];
  const isMeta = new Set<number>();
  for (let i = 0; i < firstOutline; i++) {
    if (isMetadataLine(all[i]!)) {
      metaLines.push(all[i]!);
      isMeta.add(i);
    }
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

  // 3. The notice and the plan title.
  let pos = 0;
  let notice: Notice | undefined;
  let noticeIsPlan = false;
  let planTitle: string | undefined;
  let noticeLost: string | undefined;
  const noticeIdx = rest.findIndex((l, i) => i < firstItem && isText(l) && isNoticeTitle(l.text));
  if (noticeIdx >= 0) {
    const n: Notice = { title: cleanTitle((rest[noticeIdx] as { text: string }).text), addressees: [], paragraphs: [] };
    notice = n;
    pos = noticeIdx + 1;
    const a = rest[pos];
    if (isText(a) && isAddresseeLine(a.text)) {
      n.addressees = splitAddressees(a.text);
      pos++;
    }
    const paraStart = pos;
    while (pos < firstItem) {
      const l = rest[pos]!;
      if (!isText(l)) {
        warnings.push({ code: 'text-gap', message: `通知正文有内容缺失（页面提示“${l.gap}”），未补全，请对照原文`, path: 'notice' });
        pos++;
        continue;
      }
      const line = l.text;
      const next = rest[pos + 1];
      if (isPlanTitle(line)) {
        planTitle = line;
        pos++;
        break;
      }
      const d = parseDate(line);
      if (d) {
        if ('iso' in d) n.date ??= d.iso;
        else noticeLost = d.lost;
        pos++;
        continue;
      }
      if (isSignerLine(line) && isText(next) && parseDate(next.text)) {
        n.signer = line;
        pos++;
        continue;
      }
      if (isNoteLine(line)) {
        n.note = line;
        pos++;
        continue;
      }
      n.paragraphs.push(line);
      pos++;
    }
    if (!planTitle) {
      const quoted = quotedTitle(n.title);
      if (!quoted) {
        // The notice is itself the plan: its paragraphs are the plan's preamble.
        noticeIsPlan = true;
        n.paragraphs = [];
        pos = paraStart;
        // keep signer/date lines out of the body
      } else {
        // 印发《…》 with no title line: transmittal sentences stay in the notice, the rest is body.
        const keep = n.paragraphs.filter((p) => TRANSMITTAL.test(p));
        const moved = n.paragraphs.filter((p) => !TRANSMITTAL.test(p));
        n.paragraphs = keep;
        rest.splice(pos, 0, ...moved.map((text) => ({ text })));
        firstItem += moved.length;
      }
    }
  } else {
    const titleIdx = rest.findIndex((l, i) => i < firstItem && isText(l) && isPlanTitle(l.text));
    if (titleIdx >= 0) {
      planTitle = (rest[titleIdx] as { text: string }).text;
      pos = titleIdx + 1;
    }
  }

  // 4. A signature block at the end (signer, date, 附注).
  let end = rest.length;
  let tailSigner: string | undefined;
  let tailDate: string | undefined;
  let tailNote: string | undefined;
  let tailLost: string | undefined;
  const lastText = (): string | undefined => {
    const l = rest[end - 1];
    return end - 1 >= pos && isText(l) ? l.text : undefined;
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
        tailSigner = lt;
        end--;
      }
    }
  }
  if (notice) {
    if (tailSigner && !notice.signer) notice.signer = tailSigner;
    if (tailDate && !notice.date) notice.date = tailDate;
    if (tailNote && !notice.note) notice.note = tailNote;
    if (tailLost && !notice.date && !noticeLost) noticeLost = tailLost;
  }

  // In the notice-is-the-plan case the signer/date were skipped over while scanning for a
  // title; remove such lines from the body region too.
  const bodyLines: BodyLine[] = [];
  for (let i = pos; i < end; i++) {
    const l = rest[i]!;
    if (isText(l) && noticeIsPlan && i < firstItem) {
      if (parseDate(l.text) || isNoteLine(l.text)) continue;
      const nx = rest[i + 1];
      if (isSignerLine(l.text) && isText(nx) && parseDate(nx.text)) continue;
    }
    bodyLines.push(l);
  }

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

  // 6. Metadata.
  const f = md.fields;
  let title = planTitle ? cleanTitle(planTitle) : undefined;
  if (!title && notice) title = noticeIsPlan ? notice.title : quotedTitle(notice.title);
  if (!title && f.title) title = cleanTitle(f.title);
  if (!title) {
    title = titleFromSource(opts.sourceName) ?? '未命名计划';
    warnings.push({ code: 'no-title', message: '未识别到计划标题，已暂用文件名，请修改', path: 'meta/title' });
  }
  if (title.length > 200) title = title.slice(0, 200);
  const noticeTitle = notice && !noticeIsPlan ? notice.title : undefined;
  let year =
    validYear(yearOf(title)) ??
    validYear(yearOf(noticeTitle)) ??
    validYear(yearOf(f.title)) ??
    validYear(f.writtenDate ? Number(f.writtenDate.slice(0, 4)) : undefined) ??
    validYear(f.publishDate ? Number(f.publishDate.slice(0, 4)) : undefined) ??
    validYear(notice?.date ? Number(notice.date.slice(0, 4)) : undefined);
  if (year === undefined) {
    year = new Date().getFullYear();
    warnings.push({ code: 'no-year', message: `未识别到计划年份，已暂定为${year}年，请核对`, path: 'meta/year' });
  }
  const meta: PlanMeta = { title, year, addressees: notice ? [...notice.addressees] : [], cc: [] };
  if (noticeTitle) meta.noticeTitle = noticeTitle;
  const issuer = notice?.signer ?? (notice ? issuerFromNoticeTitle(notice.title) : undefined) ?? f.issuer ?? tailSigner;
  if (issuer) meta.issuer = squeezeCjkSpaces(issuer);
  if (f.docNumber) meta.docNumber = f.docNumber;
  if (f.indexNumber) meta.indexNumber = f.indexNumber.replace(/\s+/g, '');
  if (f.category) meta.category = f.category;
  const written = f.writtenDate ?? notice?.date ?? tailDate;
  if (written) meta.writtenDate = written;
  if (f.publishDate) meta.publishDate = f.publishDate;
  if (f.validity) meta.validity = f.validity;
  if (f.disclosure) meta.disclosure = f.disclosure;
  if (f.summary) meta.summary = f.summary;
  for (const [label, shown] of md.lostDates) {
    warnings.push({ code: 'date-lost', message: `${label}“${shown}”数字不全，无法识别，已留空，请对照原件填写`, path: 'meta' });
  }
  if (noticeLost) {
    warnings.push({ code: 'date-lost', message: `通知落款日期“${noticeLost}”数字不全，无法识别，已留空，请对照原件填写`, path: 'notice' });
  } else if (tailLost && !notice) {
    warnings.push({ code: 'date-lost', message: `落款日期“${tailLost}”数字不全，无法识别，已留空，请对照原件填写`, path: 'meta' });
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
  return { doc, stats: { headings, tasks, paragraphs, units: outline.units, chars } };
}

/** Validates an import result's document (used by tests and callers that want certainty). */
export function checkImported(doc: PlanDocument): string[] {
  const r = PlanDocumentSchema.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

export type { HeadingNode, TaskNode };
