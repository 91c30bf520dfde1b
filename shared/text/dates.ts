// Chinese dates, both ways: as pages print them → ISO (import), and ISO → the way official
// documents write them (export). Parsing never guesses: "202049" (a page that lost 年/月/日 and
// a digit) is reported as unreadable, not turned into a date.

export type DateParse = { iso: string } | { lost: string } | null;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二〇 → 2020; 十一 → 11; 三十一 → 31 */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零O一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  if (/^[一二三四五六七八九]$/.test(s)) return CN_DIGITS[s]!;
  return null;
}

/** A date in Arabic numerals as pages print it, for building patterns: 2020年4月10日, 2020-04-10, 2020/4/10, 2020.4.10. */
export const ARABIC_DATE = String.raw`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?`;
/** A date in Chinese numerals, for building patterns: 二〇二一年三月十一日. */
export const CHINESE_NUMERAL_DATE = String.raw`[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日`;
const LEADING_DATE = new RegExp(`^(?:${ARABIC_DATE}|${CHINESE_NUMERAL_DATE})(?=\\s|$)`, 'u');

/** The date a value starts with when more follows it ("2024-03-05 字号：大 中 小" → "2024-03-05"), or null. */
export function leadingDate(s: string): string | null {
  return LEADING_DATE.exec(s)?.[0] ?? null;
}

/**
 * Parses one date written alone (a metadata value or a signature line):
 * 2020年04月10日, 2021年3月11日, 二〇二一年三月十一日, 2025-03-05, 2025/3/5, 2025.03.05, 20250305.
 * Returns { lost } for a run of digits that is clearly a damaged date (202049).
 */
export function parseDate(raw: string): DateParse {
  const s = raw.replace(/\s+/g, '').replace(/[（(【\[].*$/, '');
  let m = /^(\d{4}|[〇零O一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日?$/.exec(s);
  if (m) {
    const y = cnNumber(m[1]!);
    const mo = cnNumber(m[2]!);
    const d = cnNumber(m[3]!);
    const out = y !== null && mo !== null && d !== null ? iso(y, mo, d) : null;
    return out ? { iso: out } : { lost: raw.trim() };
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return out ? { iso: out } : { lost: raw.trim() };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return out ? { iso: out } : { lost: raw.trim() };
  }
  if (/^(19|20)\d{2,5}$/.test(s) || /^\d{4}年\d*月?\d*日?$/.test(s)) return { lost: raw.trim() };
  return null;
}

/** True when a whole line is a date or a damaged date (a signature date line). */
export function isDateLine(line: string): boolean {
  return parseDate(line) !== null;
}

/** '2021-03-11' → '2021年3月11日' (Arabic numerals, full year, no leading zeros); anything else unchanged. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Today as an ISO date in local time (for a default 成文日期 a person will confirm). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
