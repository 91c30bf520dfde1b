// Disclosure metadata blocks (政府信息公开 pages) in all their layouts: bullets
// (• 索 引 号:…), `|` tables (索 引 号: | … | 公开方式: | … |), one field per line, several
// fields on one line with or without separators (发文字号潞城政发〔2025〕1号 发文时间2025-03-05).
import { parseDate } from './dates';

export type MetaField =
  | 'indexNumber'
  | 'category'
  | 'issuer'
  | 'writtenDate'
  | 'docNumber'
  | 'publishDate'
  | 'title'
  | 'validity'
  | 'disclosure'
  | 'summary'
  | 'ignored';

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
  ['摘要', 'summary'],
  ['公开时限', 'ignored'],
  ['主题词', 'ignored'],
  ['关键词', 'ignored'],
  ['公开范围', 'ignored'],
  ['体裁分类', 'ignored'],
  ['组配分类', 'ignored'],
  ['服务对象分类', 'ignored'],
];

// Longest labels first so 发文字号 wins over 文号. A label starts the line or follows a space,
// a bullet or a | and may be followed by : ： or |.
const LABEL_SOURCE = [...LABELS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([l]) => [...l].join('\\s*'))
  .join('|');
const LABEL_RE = new RegExp(`(?:^|(?<=[\\s|│•·\\-*]))(${LABEL_SOURCE})\\s*[:：]?\\s*\\|?`, 'gu');
const LINE_START_RE = new RegExp(`^[\\s•·\\-*|│]*(${LABEL_SOURCE})(?![\\u4e00-\\u9fff]{0,1}[的了])`, 'u');
const FIELD_OF = new Map(LABELS.map(([l, f]) => [l, f]));

/** True when a line starts with a metadata label. */
export function isMetadataLine(line: string): boolean {
  return LINE_START_RE.test(line);
}

export interface MetadataResult {
  fields: Partial<Record<Exclude<MetaField, 'ignored'>, string>>;
  /** Dates the page lost digits of: [field, text as shown]. */
  lostDates: Array<[string, string]>;
}

/** 〔2020〕 for [2020] (2020) （2020） 【2020】 ［2020］ in a 文号. */
export function normaliseDocNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/[[（(【［〔]\s*((?:19|20)\d{2})\s*[\]）)】］〕]/g, '〔$1〕');
}

/** Parses the fields of a set of metadata lines; the first value of a field wins. */
export function parseMetadataLines(lines: readonly string[]): MetadataResult {
  const fields: MetadataResult['fields'] = {};
  const lostDates: Array<[string, string]> = [];
  for (const line of lines) {
    const matches = [...line.matchAll(LABEL_RE)];
    matches.forEach((m, i) => {
      const label = m[1]!.replace(/\s+/g, '');
      const field = FIELD_OF.get(label);
      if (!field || field === 'ignored') return;
      const start = m.index! + m[0].length;
      const end = i + 1 < matches.length ? matches[i + 1]!.index! : line.length;
      const value = line
        .slice(start, end)
        .replace(/^[\s|│:：]+|[\s|│•·]+$/g, '')
        .trim();
      if (!value || fields[field] !== undefined) return;
      if (field === 'writtenDate' || field === 'publishDate') {
        const d = parseDate(value);
        if (d && 'iso' in d) fields[field] = d.iso;
        else if (d) lostDates.push([label, d.lost]);
        return;
      }
      fields[field] = field === 'docNumber' ? normaliseDocNumber(value) : value;
    });
  }
  return { fields, lostDates };
}
