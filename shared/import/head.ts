// The head of an imported text: everything before the first numbered item. Pages put there, in
// many orders, a page title, a 文号, a notice title (possibly over several lines, possibly after
// a red-header issuer line), the 主送 line, the notice's paragraphs, its signature and date, the
// plan's own title and the plan's opening paragraphs. This module reads them as a careful reader
// does; analyze.ts decides the metadata from what it returns.
import { findDocNumber, repairDocNumber, type FoundDocNumber } from '../text/doc-number';
import { parseDate } from '../text/dates';
import { HAN } from '../text/han';
import { cleanTitle, isAddresseeLine, isNoteLine, isNoticeTitle, isPlanTitle, isSignerLine, quotedTitle, splitAddressees, yearOf } from './notice';

const FOUR_HAN = new RegExp(`[${HAN}]{4}`, 'u');

export type HeadLine = { text: string } | { gap: string };

export interface HeadResult {
  /** The notice title as written (lines joined), when there is one. */
  noticeTitle?: string;
  /** An issuer line printed above the notice title (red-header layout). */
  issuerLine?: string;
  /** The notice has no title line but starts at its 主送 line. */
  headless: boolean;
  /** The notice is itself the plan (关于做好…工作的通知 with the plan in it). */
  noticeIsPlan: boolean;
  addressees: string[];
  /** The 主送 line as written (for the import preview). */
  addresseeLine?: string;
  noticeParagraphs: string[];
  signer?: string;
  date?: string;
  /** A signature date the page damaged ("2016 / 114"). */
  dateLost?: string;
  note?: string;
  /** The plan's own title line. */
  planTitle?: string;
  /** Title-like lines the page shows before the document (page titles). */
  pageTitles: string[];
  docNumber?: FoundDocNumber;
  /** Lines that belong to the plan's body before its first numbered item. */
  preamble: HeadLine[];
  gaps: string[];
}

/** "第一篇：" of template sites; a page number glued before a title's year ("2 2022年…"). */
const TEMPLATE_PREFIX = /^第[一二三四五六七八九十\d]{1,3}篇\s*[:：]\s*|^\d{1,3}\s+(?=(?:19|20)\d{2}\s*年)/u;
const TRANSMITTAL = /印发给你们|现将|现印发|现予印发|请认真贯彻|请结合实际|认真贯彻执行|遵照执行|请认真抓好落实/u;

function isText(l: HeadLine | undefined): l is { text: string } {
  return !!l && 'text' in l;
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

/** A line that is a 文号 and nothing else. */
function docNumberLine(line: string): FoundDocNumber | null {
  const f = findDocNumber(line);
  if (!f) return null;
  const rest = (line.slice(0, f.index) + line.slice(f.index + f.length)).replace(/[\s（）()【】[\]]/g, '');
  return rest === '' ? f : null;
}

/**
 * Splits a title line that carries a 文号 ("成府发〔2012〕1号《…的通知》", "…的通知（皖安〔2024〕1号）")
 * into the title and the number; unwraps a title shown as 《…》 on its own line.
 */
function splitTitleLine(line: string): { title: string; docNumber?: FoundDocNumber } {
  let title = line;
  let docNumber: FoundDocNumber | undefined;
  const f = findDocNumber(line);
  if (f) {
    const without = (line.slice(0, f.index) + line.slice(f.index + f.length)).replace(/[（(【[]\s*[)）】\]]/gu, '').trim();
    if (without.length >= 6 && (isNoticeTitle(unwrap(without)) || isPlanTitle(unwrap(without)))) {
      title = without;
      docNumber = f;
    }
  }
  return docNumber ? { title: unwrap(title), docNumber } : { title: unwrap(title) };
}

function unwrap(line: string): string {
  const m = /^《([^《》]+)》$/u.exec(line.trim());
  return m && (isNoticeTitle(m[1]!) || isPlanTitle(m[1]!)) ? m[1]! : line;
}

/** A notice or plan title that is not complete on its line: "关于印发…规划的" + "通    知". */
function joinsIntoTitle(a: string, b: string): boolean {
  if (a.length > 80 || b.length > 60) return false;
  if (/[。；，,：:]/u.test(a) || /[。；]/u.test(b)) return false;
  if (isNoticeTitle(a) || (isPlanTitle(a) && !/的$/u.test(a))) return false;
  // The first part must read as the start of a title, not as a page's section name.
  if (!/关于|印发|的$/u.test(a) && !/^(通知|通报|意见|决定)$/u.test(squeeze(b))) return false;
  const joined = cleanTitle(`${a}${b}`);
  return isNoticeTitle(joined) || (/^关于/u.test(joined) && isPlanTitle(joined));
}

/** The last part of a 主送 line names a body that receives documents. */
const RECIPIENT_END =
  /(单位|部门|政府|委员会|委会|会|局|办|办公室|公司|集团|企业|处室|街道|镇街|镇|乡|街|社区|村|区|县|市|旗|州|委|厅|署|院|所|站|队|中心|兵团|机构|组织|学校|管委会|各位|同志|乡镇|处)$/u;

/** A 主送 line: a list of recipients ending in a colon. */
export function isRecipientLine(line: string): boolean {
  if (!isAddresseeLine(line)) return false;
  if (/如下|下列|以下|现将|现就|为了?|根据|按照|通知|意见|要求|安排[:：]$/u.test(line)) return false;
  const parts = splitAddressees(line);
  return parts.length > 0 && parts.every((p) => p.length <= 40) && RECIPIENT_END.test(parts[parts.length - 1]!);
}

/** Reads the head lines (everything before the first numbered item). */
export function readHead(input: readonly HeadLine[]): HeadResult {
  const out: HeadResult = {
    headless: false,
    noticeIsPlan: false,
    addressees: [],
    noticeParagraphs: [],
    pageTitles: [],
    preamble: [],
    gaps: [],
  };

  // 1. Clean the lines: template prefixes, titles with their 文号, 《title》 lines, titles over
  //    several lines, a line repeated right after itself (page title + document title).
  const lines: HeadLine[] = [];
  for (const l of input) {
    if (!isText(l)) {
      lines.push(l);
      continue;
    }
    const text = l.text.replace(TEMPLATE_PREFIX, '').trim();
    if (!text) continue;
    const own = docNumberLine(text);
    if (own) {
      out.docNumber ??= own;
      continue;
    }
    const split = splitTitleLine(text);
    if (split.docNumber) out.docNumber ??= split.docNumber;
    lines.push({ text: split.title });
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (isText(a) && isText(b) && joinsIntoTitle(a.text, b.text)) {
      lines.splice(i, 2, { text: cleanTitle(`${a.text}${b.text}`) });
      i--;
    }
  }
  const deduped: HeadLine[] = [];
  for (const l of lines) {
    const prev = deduped[deduped.length - 1];
    if (isText(l) && isText(prev) && squeeze(prev.text) === squeeze(l.text)) continue;
    deduped.push(l);
  }
  const h = deduped;
  const text = (i: number): string | undefined => (isText(h[i]) ? (h[i] as { text: string }).text : undefined);

  // 2. Where the notice starts: its title, or (headless) its 主送 line followed by a signature.
  let start = h.findIndex((l) => isText(l) && isNoticeTitle(l.text));
  if (start >= 0) {
    out.noticeTitle = cleanTitle(text(start)!);
    const before = text(start - 1);
    if (before && isSignerLine(before) && /^关于/u.test(out.noticeTitle)) out.issuerLine = cleanTitle(before);
    for (let i = 0; i < start; i++) {
      const t = text(i);
      if (t && t !== before && (isPlanTitle(t) || isNoticeTitle(t))) out.pageTitles.push(cleanTitle(t));
    }
  } else {
    const a = h.findIndex((l) => isText(l) && isRecipientLine(l.text));
    const firstPara = h.findIndex((l) => isText(l) && /[。；]/u.test(l.text));
    if (a >= 0 && (firstPara < 0 || a < firstPara)) {
      for (let i = 0; i < a; i++) {
        const t = text(i);
        if (t && t.length <= 80 && !/[。；]/u.test(t)) out.pageTitles.push(cleanTitle(t));
      }
      start = a - 1; // the notice "title" is the line before its 主送 (none: headless)
      out.headless = true;
    }
  }

  let pos: number;
  if (start >= 0 || out.headless) {
    pos = start + 1;
    // 文号 or date lines between the title and the 主送.
    for (;;) {
      const t = text(pos);
      if (t === undefined) break;
      const rep = repairDocNumber(t, yearOf(out.noticeTitle));
      if (rep) {
        out.docNumber ??= rep;
        pos++;
        continue;
      }
      const d = out.headless ? null : parseDate(t);
      if (d && 'iso' in d) {
        pos++;
        continue;
      }
      break;
    }
    // The 主送 line, possibly over two lines.
    const t0 = text(pos);
    const t1 = text(pos + 1);
    if (t0 && isRecipientLine(t0)) {
      out.addresseeLine = t0;
      pos++;
    } else if (t0 && t1 && /[，,、]$/u.test(t0) && !/[。]/u.test(t0) && isRecipientLine(`${t0}${t1}`)) {
      out.addresseeLine = `${t0}${t1}`;
      pos += 2;
    }
    if (out.addresseeLine) out.addressees = splitAddressees(out.addresseeLine);

    // The notice's paragraphs, its signature, date and 附注, then the plan title.
    const paraStart = pos;
    let signed = false;
    while (pos < h.length) {
      const l = h[pos]!;
      if (!isText(l)) {
        out.gaps.push(l.gap);
        pos++;
        continue;
      }
      const line = l.text;
      const next = text(pos + 1);
      if (isPlanTitle(line) && (!out.headless || signed || out.noticeParagraphs.length > 0)) {
        out.planTitle = cleanTitle(line);
        pos++;
        break;
      }
      const d = parseDate(line);
      if (d) {
        if ('iso' in d) out.date ??= d.iso;
        else {
          // A damaged date over two lines ("2016" / "114") is one damaged date.
          const more = next !== undefined && /^\d{1,4}$/.test(next) ? ` ${next}` : '';
          out.dateLost ??= d.lost + more;
          if (more) pos++;
        }
        signed = true;
        pos++;
        continue;
      }
      if (isSignerLine(line) && next !== undefined && parseDate(next)) {
        out.signer = cleanTitle(line);
        signed = true;
        pos++;
        continue;
      }
      if (isNoteLine(line)) {
        out.note = line;
        pos++;
        continue;
      }
      if (signed && !out.headless && out.noticeTitle && !quotedTitle(out.noticeTitle)) break;
      out.noticeParagraphs.push(line);
      pos++;
    }

    if (out.headless && !signed) {
      // A 主送 line with no signature after it: the plan itself is addressed; no notice.
      out.headless = false;
      out.preamble.push(...h.slice(paraStart).filter(isText));
      out.noticeParagraphs = [];
      const titled = out.preamble.findIndex((l) => isText(l) && isPlanTitle(l.text));
      if (titled === 0) out.planTitle = cleanTitle((out.preamble.shift() as { text: string }).text);
      if (!out.planTitle && out.pageTitles.length) out.planTitle = out.pageTitles[out.pageTitles.length - 1];
      return out;
    }
    if (!out.planTitle && out.noticeTitle && !out.headless) {
      if (!quotedTitle(out.noticeTitle)) {
        // The notice is itself the plan: its paragraphs are the plan's preamble.
        out.noticeIsPlan = true;
        out.preamble.push(...out.noticeParagraphs.map((p) => ({ text: p })));
        out.noticeParagraphs = [];
      } else {
        // 印发《…》 with no title line: transmittal sentences stay in the notice, the rest is body.
        const moved = out.noticeParagraphs.filter((p) => !TRANSMITTAL.test(p));
        out.noticeParagraphs = out.noticeParagraphs.filter((p) => TRANSMITTAL.test(p));
        out.preamble.push(...moved.map((p) => ({ text: p })));
      }
    }
  } else {
    // No notice: the plan's title line (the first one), the rest is preamble.
    const t = h.findIndex((l) => isText(l) && isPlanTitle(l.text));
    pos = 0;
    if (t >= 0) {
      out.planTitle = cleanTitle(text(t)!);
      for (let i = 0; i < t; i++) {
        const s = text(i);
        if (s && s.length <= 80 && !/[。；]/u.test(s)) out.pageTitles.push(cleanTitle(s));
      }
      pos = t + 1;
    } else {
      // A short first line without sentence punctuation reads as a page title.
      const first = text(0);
      if (first && first.length <= 60 && !/[。；，,：:]/u.test(first) && FOUR_HAN.test(first)) out.pageTitles.push(cleanTitle(first));
    }
  }
  for (let i = pos; i < h.length; i++) {
    const l = h[i]!;
    if (isText(l) && out.planTitle && squeeze(l.text) === squeeze(out.planTitle)) continue;
    out.preamble.push(l);
  }
  return out;
}
