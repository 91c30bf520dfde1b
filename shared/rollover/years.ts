// Year mentions: which ones are the plan year (rewritten to the new year) and which are
// history or deadlines (kept as written and flagged). Hand-written: the distinction is a
// matter of Chinese official-document phrasing, listed rule by rule below.
//
// Rewritten (the year is the source plan's own year S):
//   - every “S年” in titles (meta.title, noticeTitle, notice.title, meta.summary's 《…》);
//   - “S年” inside 《…工作要点 / 工作计划 / 工作的通知 / 要点》 anywhere;
//   - “S年” opening a sentence before 是 / 为 / a comma: “2020年是……之年”, “2025年，全区……”;
//   - “S年是……之年” anywhere; “S年全市安全生产工作要点” (a plan title without 《》);
//   - goals “到S年底 / 至S年末”, and “S年全年”.
// Not rewritten but flagged (in the new text, after rewriting):
//   - a deadline (S年底前, 2021年6月底前, 3月15日前, 年底前) that lies before the new plan year or
//     before `now` → past-deadline;
//   - any other year Y ≠ new year with Y ≤ S, or S < Y < new year → historical-year
//     (“1月23日就‘2019年全国……’作的重要批示” is about the past);
//   - a year range (2016—2020年) that ended before the new year → stale-period;
//   - a specific date without a year (1月23日) that is no deadline → historical-year, because
//     it meant the source year; not when the same sentence already has a flagged year.
// 今年 / 去年 / 明年 / 上年 are relative and stay right by themselves.
import { clauseFrom, sentenceEnd, sentenceStart } from './clause';
import type { RollYears, TextFinding } from './types';

/** “2020年” not part of a range (2016—2020年) and not inside a longer number. */
function yearRe(y: number, after = ''): RegExp {
  return new RegExp(`(?<!\\d\\s*[-—–~～至到]\\s*)(?<![\\d])${y}年${after}`, 'gu');
}

/** Rewrites every “S年” in a title-like string. */
export function retitle(text: string, from: number, to: number): string {
  if (from === to) return text;
  return text.replace(yearRe(from), `${to}年`);
}

/** A year in a title, not part of a range (2016—2020年). */
const TITLE_YEAR = /(?<!\d\s*[-—–~～至到]\s*)(?<!\d)((?:19|20|21)\d{2})年(?!\s*[-—–~～至到]\s*\d)/u;
/** Where a year goes in a title that has none: after 关于做好 / 关于印发《, or after a leading place. */
const AFTER_ABOUT = /关于(?:进一步)?(?:做好|抓好|加强|开展|印发)?(?:《)?/u;
const LEADING_PLACE = /^(?:全(?:省|市|县|区|旗|镇|乡|州)|.{2,10}?(?:自治县|自治州|街道|[省市县区旗镇乡]))(?=安全生产|应急管理|安委会|安全|防灾减灾|消防|防汛)/u;

/**
 * The title of a rolled-over plan: every “S年” becomes the new year; a title naming another
 * year (a mistyped plan year) has that year replaced; a title with no year gets one where
 * Chinese titles put it — 关于做好2026年……的通知, 关于印发《2026年……》的通知, 全县 → 2026年全县……,
 * 滕州市2026年安全生产工作要点 — or else “（2026年）” at the end, so that the new plan never
 * carries the old one's name unchanged.
 */
export function rolloverTitle(title: string, from: number, to: number): string {
  if (from === to) return title;
  const t = title.trim();
  if (!t) return title;
  if (yearRe(from).test(t)) return retitle(t, from, to);
  const other = TITLE_YEAR.exec(t);
  if (other) return t.slice(0, other.index) + `${to}年` + t.slice(other.index + other[0].length);
  const Y = `${to}年`;
  const about = AFTER_ABOUT.exec(t);
  if (about && about.index + about[0].length < t.length) {
    const at = about.index + about[0].length;
    return t.slice(0, at) + Y + t.slice(at);
  }
  if (/^全(?:省|市|县|区|旗|镇|乡|州)/u.test(t)) return Y + t;
  const place = LEADING_PLACE.exec(t);
  if (place) return place[0] + Y + t.slice(place[0].length);
  return `${t}（${Y}）`;
}

const PLAN_TITLE_WORDS = '(?:工作要点|工作计划|工作的通知|要点)';

/** Rewrites the plan-year mentions of a body string (see the rules above). */
export function rewritePlanYear(text: string, from: number, to: number): string {
  if (from === to || !text.includes(`${from}年`)) return text;
  const Y = `${to}年`;
  let out = text;
  // 《…2020年…工作要点》: the plan's own title quoted.
  out = out.replace(new RegExp(`《[^《》]*${PLAN_TITLE_WORDS}[^《》]*》`, 'gu'), (m) => m.replace(yearRe(from), Y));
  // 2020年全市安全生产工作要点 without 《》.
  out = out.replace(yearRe(from, `(?=[^，。；,;《》]{0,14}?${PLAN_TITLE_WORDS})`), Y);
  // 2020年是全面建成小康社会……之年 (anywhere) and a sentence opening “2020年是 / 为 / ，”.
  out = out.replace(yearRe(from, `(?=是[^。；;]{0,60}?之年)`), Y);
  out = out.replace(new RegExp(`(^|[。；！？;!?\\n])(\\s*)${from}年(?=是|为|[，,、])`, 'gu'), (_m, a: string, b: string) => `${a}${b}${Y}`);
  // 到2020年底 / 至2020年末 / 2020年全年
  out = out.replace(new RegExp(`([到至])\\s*${from}年(?=底|末)`, 'gu'), (_m, a: string) => `${a}${Y}`);
  out = out.replace(yearRe(from, '(?=全年)'), Y);
  return out;
}

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function today(now: Date): number {
  return utc(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The date a deadline names: 3月15日 → 15, 5月底 → last day, 6月中旬 → 20, 上旬 → 10. */
function dayOf(y: number, m: number, day: string | undefined, part: string | undefined): number {
  if (day) return Number(day);
  if (part === '上旬') return 10;
  if (part === '中旬') return 20;
  return lastDay(y, m);
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const RANGE = /((?:19|20|21)\d{2})\s*[-—–~～至到]\s*((?:19|20|21)\d{2})\s*年/gu;
const SINGLE =
  /(?<!\d\s*[-—–~～至到]\s*)(?<!\d)([到至]\s*)?((?:19|20|21)\d{2})年(?:(底|末)|(\d{1,2})月(?:(\d{1,2})日|(底|上旬|中旬|下旬|份))?)?(之?前|以前)?/gu;
const YEARLESS_DEADLINE = /(?<![\d年])(\d{1,2})月(?:(\d{1,2})日|(底|上旬|中旬|下旬|份))?(之前|前|以前)|(?<![\d年])(年底|年末)(之前|前|以前)/gu;
const YEARLESS_DATE = /(?<![\d年])(\d{1,2})月(\d{1,2})日(?!\s*(?:之?前|以前|起|至|到|开始|[-—–~～]))/gu;
/** Recurring commemorations are not a one-off date in the source year. */
const RECURRING_DAY = /纪念日|宣传日|减灾日|消防日|咨询日|活动日|安全日|节/u;

/** Year findings in one string of the new draft. */
export function yearFindings(text: string, years: RollYears): TextFinding[] {
  const { from, to } = years;
  const now = today(years.now);
  const out: TextFinding[] = [];
  const taken: Span[] = [];

  for (const m of text.matchAll(RANGE)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    taken.push({ start: m.index, end: m.index + m[0].length });
    if (b >= to || a > b) continue;
    out.push({
      kind: 'stale-period',
      text: clauseFrom(text, m.index, m.index + m[0].length),
      index: m.index,
      message: `“${a}—${b}年”这一时段在 ${to} 年前已结束：如是回顾可保留，如是沿用旧稿的工作安排请改写或删除`,
    });
  }

  const historical: Span[] = [];
  for (const m of text.matchAll(SINGLE)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (taken.some((t) => overlaps(t, span))) continue;
    const y = Number(m[2]);
    const words = m[0];
    const isDeadline = !!m[7] || (!!m[1] && !!m[3]);
    if (isDeadline) {
      const month = m[4] ? Number(m[4]) : 12;
      const date = utc(y, month, m[4] ? dayOf(y, month, m[5], m[6]) : 31);
      if (y < to || date < now) {
        out.push({
          kind: 'past-deadline',
          text: words,
          index: m.index,
          message: y < to ? `时限“${words}”早于新计划年度 ${to} 年：任务如延续请改为 ${to} 年的时限，如已完成请删除` : `时限“${words}”已过：请更新时限或删除`,
        });
      }
      continue;
    }
    if (y === to || !(y <= from || y < to)) continue;
    const start = m.index + (m[1]?.length ?? 0);
    historical.push({ start, end: sentenceEnd(text, start) });
    out.push({
      kind: 'historical-year',
      text: clauseFrom(text, start, m.index + words.length),
      index: start,
      message:
        y === from
          ? `提到 ${y} 年（原计划年度），未自动改动：如指新的计划年度请改为 ${to} 年，如是引用往年情况可保留`
          : `提到 ${y} 年，早于新计划年度 ${to} 年：如是引用往年情况可保留，如是沿用旧稿的表述请按 ${to} 年的情况改写`,
    });
  }

  for (const m of text.matchAll(YEARLESS_DEADLINE)) {
    let date: number;
    if (m[5]) date = utc(to, 12, 31);
    else {
      const month = Number(m[1]);
      if (month < 1 || month > 12) continue;
      date = utc(to, month, dayOf(to, month, m[2], m[3]));
    }
    if (date >= now) continue;
    out.push({
      kind: 'past-deadline',
      text: m[0],
      index: m.index,
      message: `时限“${m[0]}”（${to} 年）已过：请更新时限或删除`,
    });
  }

  for (const m of text.matchAll(YEARLESS_DATE)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) continue;
    const s = sentenceStart(text, m.index);
    if (text.slice(Math.max(s, m.index - 4), m.index).includes('每年')) continue;
    const clause = clauseFrom(text, m.index, m.index + m[0].length, 16);
    if (RECURRING_DAY.test(clause.slice(m[0].length))) continue;
    if (historical.some((h) => h.start >= s && h.start < sentenceEnd(text, m.index))) continue;
    out.push({
      kind: 'historical-year',
      text: clause,
      index: m.index,
      message: `未写年份的日期“${m[0]}”原指 ${from} 年：如是引用往年情况可保留，如是新年度的安排请改写`,
    });
  }
  return out;
}
