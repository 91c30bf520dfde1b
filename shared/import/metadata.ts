// Disclosure metadata blocks (政府信息公开 pages) in all their layouts: bullets
// (• 索 引 号:…), `|` tables (索 引 号: | … | 公开方式: | … |), one field per line, several
// fields on one line with or without separators (发文字号潞城政发〔2025〕1号 发文时间2025-03-05).
import { ARABIC_DATE, leadingDate, parseDate } from '../text/dates';
import { normaliseDocNumberBrackets } from '../text/doc-number';
import { HAN } from '../text/han';

export type MetaField =
  'indexNumber' | 'category' | 'issuer' | 'writtenDate' | 'docNumber' | 'publishDate' | 'title' | 'validity' | 'disclosure' | 'summary' | 'stamp' | 'ignored';

/** Label → field. Labels may be written with spaces between their characters (索 引 号). */
const LABELS: Array<[string, MetaField]> = [
  ['索引号', 'indexNumber'],
  ['主题分类', 'category'],
  ['信息分类', 'category'],
  ['发布机构', 'issuer'],
  ['发文机关', 'issuer'],
  ['发文单位', 'issuer'],
  ['成文日期', 'writtenDate'],
  ['成文时间', 'writtenDate'],
  ['发文字号', 'docNumber'],
  ['文号', 'docNumber'],
  ['发文时间', 'publishDate'],
  ['发文日期', 'publishDate'],
  ['发布日期', 'publishDate'],
  ['发布时间', 'publishDate'],
  ['公开日期', 'publishDate'],
  ['标题', 'title'],
  ['名称', 'title'],
  ['效力状态', 'validity'],
  ['有效性', 'validity'],
  ['时效', 'validity'],
  ['公开方式', 'disclosure'],
  ['公开形式', 'disclosure'],
  ['内容概括', 'summary'],
  ['内容概述', 'summary'],
  ['概述', 'summary'],
  ['摘要', 'summary'],
  ['公开时限', 'ignored'],
  ['主题词', 'ignored'],
  ['关键词', 'ignored'],
  ['公开范围', 'ignored'],
  ['体裁分类', 'ignored'],
  ['组配分类', 'ignored'],
  ['服务对象分类', 'ignored'],
];

/**
 * Page chrome that shares a line with metadata ("来源：… 发布时间：… 浏览量：10"). Recognised only
 * with a colon, so body text starting with 时间 or 来源 is never taken for chrome. A bare 时间 is
 * the site's own stamp (a repost or template site), not the document's publication date.
 */
const CHROME_LABELS: Array<[string, MetaField]> = [
  ['信息来源', 'ignored'],
  ['文章来源', 'ignored'],
  ['来源', 'ignored'],
  ['作者', 'ignored'],
  ['编辑', 'ignored'],
  ['浏览量', 'ignored'],
  ['浏览次数', 'ignored'],
  ['阅读次数', 'ignored'],
  ['点击数', 'ignored'],
  ['点击', 'ignored'],
  ['访问量', 'ignored'],
  ['字数', 'ignored'],
  ['更新时间', 'stamp'],
  ['时间', 'stamp'],
];

// Longest labels first so 发文字号 wins over 文号. A label starts the line or follows a space,
// a bullet or a | and may be followed by : ： or |.
const LABEL_SOURCE = [...LABELS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([l]) => [...l].join('\\s*'))
  .join('|');
const CHROME_SOURCE = [...CHROME_LABELS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([l]) => l)
  .join('|');
const LABEL_RE = new RegExp(`(?:^|(?<=[\\s|│•·\\-*]))(?:(${LABEL_SOURCE})\\s*[:：]?|(${CHROME_SOURCE})\\s*[:：])\\s*\\|?`, 'gu');
const LINE_START_RE = new RegExp(`^[\\s•·\\-*|│]*(?:(${LABEL_SOURCE})(?![${HAN}]{0,1}[的了])|(${CHROME_SOURCE})\\s*[:：])`, 'u');
/** A view counter on the same line as a date stamp. */
const COUNTER = /(浏览次数|浏览量|阅读次数|点击数|点击|访问量|阅读量)\s*[:：]/u;
/** A site's date stamp with a view counter: "2017-02-14    点击：8次". */
const STAMP_WITH_COUNTER = new RegExp(
  String.raw`^(${ARABIC_DATE})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:点击|浏览|阅读|访问)[^\s]{0,3}[:：]?\s*\d*\s*次?$`,
  'u',
);
const FIELD_OF = new Map([...LABELS, ...CHROME_LABELS].map(([l, f]) => [l, f]));

/** True when a line starts with a metadata label. */
export function isMetadataLine(line: string): boolean {
  return LINE_START_RE.test(line) || STAMP_WITH_COUNTER.test(line);
}

export interface MetadataResult {
  fields: Partial<Record<Exclude<MetaField, 'ignored' | 'stamp'>, string>>;
  /** Dates the page lost digits of: [label, text as shown, the field it belongs to]. */
  lostDates: Array<[string, string, 'writtenDate' | 'publishDate']>;
}

/** 〔2020〕 for [2020] (2020) （2020） 【2020】 ［2020］ ﹝2020﹞ in a 文号. */
export function normaliseDocNumber(s: string): string {
  return normaliseDocNumberBrackets(s);
}

/** Parses the fields of a set of metadata lines; the first value of a field wins. */
export function parseMetadataLines(lines: readonly string[]): MetadataResult {
  const fields: MetadataResult['fields'] = {};
  const lostDates: MetadataResult['lostDates'] = [];
  for (const line of lines) {
    const stamp = STAMP_WITH_COUNTER.exec(line);
    if (stamp) {
      const d = parseDate(stamp[1]!);
      if (d && 'iso' in d) fields.publishDate ??= d.iso;
      continue;
    }
    const matches = [...line.matchAll(LABEL_RE)];
    matches.forEach((m, i) => {
      const label = (m[1] ?? m[2]!).replace(/\s+/g, '');
      const field = FIELD_OF.get(label);
      if (!field || field === 'ignored') return;
      // A bare 时间 is a site's stamp; beside a view counter (浏览次数, 点击) it is the CMS's
      // publication stamp of the article, like "2017-02-14 点击：8次".
      if (field === 'stamp') {
        if (!COUNTER.test(line)) return;
        const d = parseDate(
          line
            .slice(m.index! + m[0].length)
            .trim()
            .split(/\s+/)[0] ?? '',
        );
        if (d && 'iso' in d) fields.publishDate ??= d.iso;
        return;
      }
      const start = m.index! + m[0].length;
      const end = i + 1 < matches.length ? matches[i + 1]!.index! : line.length;
      const value = line
        .slice(start, end)
        .replace(/^[\s|│:：]+|[\s|│•·]+$/g, '')
        .trim();
      if (!value || fields[field] !== undefined) return;
      if (field === 'writtenDate' || field === 'publishDate') {
        // The date may be followed by more chrome on the line ("2024-03-05 字号：大 中 小").
        const d = parseDate(leadingDate(value) ?? value);
        if (d && 'iso' in d) fields[field] = d.iso;
        else if (d) lostDates.push([label, d.lost, field]);
        return;
      }
      fields[field] = field === 'docNumber' ? normaliseDocNumber(value) : value;
    });
  }
  return { fields, lostDates };
}
