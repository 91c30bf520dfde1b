// Years in the text that differ from the plan year (info: references to past years are
// legitimate), and planning periods (“十三五”) older than the plan year's.
import type { FlatBlock } from '../plan/flat';
import { parseChineseNumeral, toChineseNumeral } from '../plan/numbering';
import { check, nameOf, type Ctx } from './context';
import type { Check } from './types';

const YEAR = /((?:19|20|21)\d{2})(?:\s*[-—–~～至到]\s*((?:19|20|21)\d{2}))?\s*年/g;

function texts(b: FlatBlock): string[] {
  if (b.type === 'paragraph') return [b.text];
  if (b.type === 'heading') return [b.title, b.text ?? ''];
  return [b.title, b.text];
}

/** The n-th five-year plan (“十四五” = 14) a year falls in; from the 3rd plan (1966) on. */
export function periodOf(year: number): number {
  return Math.floor((year - 1966) / 5) + 3;
}

/** First and last year of the n-th five-year plan: 14 → [2021, 2025]. */
export function periodYears(n: number): [number, number] {
  const start = 1966 + (n - 3) * 5;
  return [start, start + 4];
}

export function periodName(n: number): string {
  return `${toChineseNumeral(n)}五`;
}

// “十三五” / 十四五规划 / 十三五时期: the numeral must be quoted or followed by a period word, so
// 十五个 or 三五成群 never match.
const PERIOD = /(“|")?((?:二十|十)[一二三四五六七八九]?|[三四五六七八九])五(?:(”|")|(?=规划|时期|期间|末|初|以来|收官|开局|发展|目标))/g;

export function yearChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  const planYear = ctx.input.meta.year;
  ctx.blocks.forEach((b, i) => {
    const joined = texts(b).join('\n');
    const others = new Set<number>();
    for (const m of joined.matchAll(YEAR)) {
      const a = Number(m[1]);
      const z = m[2] ? Number(m[2]) : null;
      if (z !== null && a <= planYear && planYear <= z) continue; // 2021—2025年 spans the plan year
      if (a !== planYear) others.add(a);
      if (z !== null && z !== planYear) others.add(z);
    }
    if (others.size) {
      const list = [...others].sort((x, y) => x - y);
      out.push(
        check(
          'year-mismatch',
          'info',
          i,
          list.join(','),
          `${nameOf(ctx, i)}提到 ${list.map((y) => `${y}年`).join('、')}，与计划年度 ${planYear} 年不同；如是引用往年情况或远期目标可忽略，如是沿用旧稿请改为当年`,
          { field: b.type !== 'paragraph' && /(?:19|20|21)\d{2}/.test(b.title) ? 'title' : 'text' },
        ),
      );
    }

    const current = periodOf(planYear);
    const stale = new Set<number>();
    for (const m of joined.matchAll(PERIOD)) {
      const n = parseChineseNumeral(m[2]!);
      if (n === null || n < 6 || n >= current) continue;
      stale.add(n);
    }
    if (stale.size) {
      const list = [...stale].sort((x, y) => x - y);
      const names = list.map((n) => `“${periodName(n)}”`).join('、');
      const [start] = periodYears(current);
      // In the first year of a new period, looking back on the last one is normal.
      const lookingBack = planYear === start && list.every((n) => n === current - 1);
      out.push(
        check(
          'period-stale',
          lookingBack ? 'info' : 'warning',
          i,
          list.join(','),
          `${nameOf(ctx, i)}提到${names}，而 ${planYear} 年属“${periodName(current)}”时期（${periodYears(current).join('—')}年）；${lookingBack ? '如是总结上一时期可忽略' : '可能是沿用旧稿未改'}`,
          { field: b.type === 'heading' ? 'title' : 'text' },
        ),
      );
    }
  });
  return out;
}
