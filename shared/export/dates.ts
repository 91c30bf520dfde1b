// Dates in official documents: Arabic numerals, full year, no leading zeros: 2021年3月11日.

/** '2021-03-11' → '2021年3月11日'; anything else is returned unchanged. */
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
