// The plan's year, from the most trusted place that states it: the title, the notice title,
// the body ("2023年，…" / "2023年全市安全生产工作的总体要求" / "2025年目标"), the 文号's
// 〔year〕, the signature date, the publication date. A multi-year plan (规划, 三年行动,
// 2024—2026年) takes the year it was issued. Never today's year: unknown stays unknown.
import type { BodyLine } from './outline';
import type { FieldOrigin } from './origins';
import { yearOf } from './notice';

export interface YearInput {
  title: string;
  titleSource: FieldOrigin;
  noticeTitle?: string;
  docNumber?: string;
  written?: string;
  publish?: string;
  metaTitle?: string;
  bodyLines: readonly BodyLine[];
}

const MULTI_YEAR = /规划|三年|五年|十[一二三四五六]五|(?:19|20)\d{2}\s*[—–\-－~～至到]\s*(?:19|20)?\d{2}/u;

/** Sentences that state the plan's own year (not "到2020年", not a date). */
const BODY_YEAR: RegExp[] = [
  /^((?:19|20)\d{2})年[，,是]/u,
  /(?<![到至截])((?:19|20)\d{2})年(?:全[国省市县区镇乡州旗]|我[省市县区镇乡]|全年)?(?:的)?(?:安全生产|应急管理|防灾减灾(?:救灾)?|安全生产和?应急管理)(?:工作)?(?:的)?(?:总体要求|指导思想|总体思路|主要目标|工作目标|目标任务|主要工作|重点工作|主要任务)/u,
  /(?<![到至截])((?:19|20)\d{2})年(?:工作)?目标(?:任务)?$/u,
];

function valid(y: number | undefined): number | undefined {
  return y !== undefined && y >= 1949 && y <= 2100 ? y : undefined;
}

function bodyYear(lines: readonly BodyLine[]): { year: number; excerpt: string } | undefined {
  for (const l of lines) {
    if (!('text' in l)) continue;
    for (const re of BODY_YEAR) {
      const m = re.exec(l.text);
      const y = valid(m ? Number(m[1]) : undefined);
      if (m && y) return { year: y, excerpt: l.text.slice(m.index, m.index + m[0].length + 12) };
    }
  }
  return undefined;
}

export function planYear(input: YearInput): { value: number; origin: FieldOrigin } | undefined {
  const fromTitle = (): ReturnType<typeof planYear> => {
    const y = valid(yearOf(input.title));
    return y ? { value: y, origin: { source: input.titleSource.source, excerpt: input.title } } : undefined;
  };
  const fromNotice = (): ReturnType<typeof planYear> => {
    const y = valid(yearOf(input.noticeTitle));
    return y ? { value: y, origin: { source: 'notice-title', excerpt: input.noticeTitle! } } : undefined;
  };
  const fromBody = (): ReturnType<typeof planYear> => {
    const b = bodyYear(input.bodyLines);
    return b ? { value: b.year, origin: { source: 'body', excerpt: b.excerpt } } : undefined;
  };
  const fromDocNumber = (): ReturnType<typeof planYear> => {
    const y = valid(Number(/〔((?:19|20)\d{2})〕/u.exec(input.docNumber ?? '')?.[1]) || undefined);
    return y ? { value: y, origin: { source: 'doc-number', excerpt: input.docNumber! } } : undefined;
  };
  const fromDate = (d: string | undefined, source: 'written-date' | 'publish-date') => (): ReturnType<typeof planYear> => {
    const y = valid(d ? Number(d.slice(0, 4)) : undefined);
    return y ? { value: y, origin: { source, excerpt: d! } } : undefined;
  };
  const fromMetaTitle = (): ReturnType<typeof planYear> => {
    const y = valid(yearOf(input.metaTitle));
    return y ? { value: y, origin: { source: 'metadata', excerpt: input.metaTitle! } } : undefined;
  };
  const multiYear = MULTI_YEAR.test(input.title) || MULTI_YEAR.test(input.noticeTitle ?? '');
  const order = multiYear
    ? [fromDocNumber, fromDate(input.written, 'written-date'), fromDate(input.publish, 'publish-date'), fromTitle, fromNotice, fromMetaTitle]
    : [fromTitle, fromNotice, fromBody, fromDocNumber, fromDate(input.written, 'written-date'), fromDate(input.publish, 'publish-date'), fromMetaTitle];
  for (const step of order) {
    const r = step();
    if (r) return r;
  }
  return undefined;
}

const DAY = 86_400_000;

/**
 * A page's 发布日期 is the document's publication only when it can be: not before it was
 * signed, and within a year after (a repost years later carries the site's own date).
 */
export function plausiblePublishDate(publish: string | undefined, written: string | undefined, year?: number): string | undefined {
  if (!publish) return undefined;
  if (!written) return year === undefined || Math.abs(Number(publish.slice(0, 4)) - year) <= 1 ? publish : undefined;
  const gap = (Date.parse(publish) - Date.parse(written)) / DAY;
  return gap >= 0 && gap <= 366 ? publish : undefined;
}
