// Dated one-off events: things that happened (or were to happen) in the source year only and
// have no business in next year's plan unless a person says so. Flagged, never rewritten.
// Hand-written: the phrasings are Chinese official-document idiom; the tables below are small
// and say where each number comes from.
import { parseChineseNumeral } from '../plan/numbering';
import { clauseFrom } from './clause';
import type { RollYears, TextFinding } from './types';
import { HAN } from '../text/han';

/** Anniversaries with a known base year: 建党一百周年 = 1921 + 100 = 2021. */
export const ANNIVERSARY_BASES: ReadonlyArray<{ words: string; year: number }> = [
  { words: '中国共产党成立', year: 1921 },
  { words: '建党', year: 1921 },
  { words: '中华人民共和国成立', year: 1949 },
  { words: '新中国成立', year: 1949 },
  { words: '建国', year: 1949 },
  { words: '人民军队建军', year: 1927 },
  { words: '建军', year: 1927 },
  { words: '改革开放', year: 1978 },
  { words: '抗日战争胜利', year: 1945 },
  { words: '抗战胜利', year: 1945 },
  { words: '红军长征胜利', year: 1936 },
  { words: '香港回归', year: 1997 },
  { words: '澳门回归', year: 1999 },
  { words: '辛亥革命', year: 1911 },
  { words: '五四运动', year: 1919 },
  { words: '建团', year: 1922 },
];

const NUM = '(\\d{1,3}|[一二两三四五六七八九十百零〇]+)';
const ANNIVERSARY = new RegExp(`([${HAN}]{0,10}?)${NUM}周年`, 'gu');

/** Recurring every year: not a one-off even when a month is named. */
const RECURRING = /安全生产月|宣传月|宣传周|宣传日|减灾日|消防日|咨询日|纪念日|安康杯|119|每年|每月|每季度|汛期|节假日|春节|国庆|元旦|两会/u;
const EVENT_NOUN = '(?:演练|现场会议|现场会|推进会|观摩会|交流会|大会|会议|比赛|竞赛|运动会|博览会|峰会|论坛|检查|督查|考核|验收)';
/** 5月份全国防汛抗旱演练: a month and an event in the same clause. */
const MONTH_EVENT = new RegExp(`(?<![\\d年])(\\d{1,2}|[一二三四五六七八九十]{1,2})月份?(?![底初末中上下旬\\d日前])[^，。；,;、]{0,20}?${EVENT_NOUN}`, 'gu');
/** 全国企业应急文化建设现场会议 (hosted or prepared for): a national / provincial one-off meeting. */
const HOSTED_MEETING = /(?:全国|全省|全市|全区|全县)[^，。；,;、和与及]{1,20}?(?:现场会议|现场会|现场推进会|观摩会|经验交流会)/gu;
/** 第十九次集体学习, 区政府第81次常务会议, 十九届五中全会, 市委八届十次会议. */
const NUMBERED_MEETING =
  /(?:第[\d一二三四五六七八九十百]+次(?:集体学习|常务会议|全体会议|党组会议|会议)|[一二三四五六七八九十]+届[一二三四五六七八九十]+(?:中全会|次全会|次全体会议|次会议))/gu;
/** One-off big events and 第N届 events. */
const BIG_EVENT = new RegExp(
  `(?:北京冬奥会|冬奥会|冬残奥会|亚运会|亚残运会|大运会|全运会|世博会|世园会|军运会|园博会|G20峰会|第[\\d一二三四五六七八九十]+届[${HAN}]{0,10}?(?:运动会|博览会|峰会|论坛|大会|会议|赛事))`,
  'gu',
);

export function eventFindings(text: string, years: RollYears): TextFinding[] {
  const { from, to } = years;
  const out: TextFinding[] = [];

  for (const m of text.matchAll(ANNIVERSARY)) {
    const n = /^\d+$/.test(m[2]!) ? Number(m[2]) : parseChineseNumeral(m[2]!.replace(/〇/g, '零'));
    if (n === null) continue;
    const base = ANNIVERSARY_BASES.find((b) => m[1]!.endsWith(b.words));
    // An unknown anniversary is named by the words after the last verb / connective.
    const name = base ? base.words : m[1]!.split(/纪念|庆祝|迎接|喜迎|保障|开展|举办|是|的|和|与|及|、/u).pop()!;
    const start = m.index + m[1]!.length - name.length;
    const words = text.slice(start, m.index + m[0].length);
    if (base) {
      const year = base.year + n;
      if (year === to) continue;
      out.push({
        kind: 'dated-event',
        text: words,
        index: start,
        message: `${words}是 ${year} 年，不是 ${to} 年：请改写或删除`,
      });
    } else {
      out.push({
        kind: 'dated-event',
        text: words,
        index: start,
        message: `“${words}”是某一年的纪念活动：请核对 ${to} 年是否仍适用`,
      });
    }
  }

  for (const m of text.matchAll(MONTH_EVENT)) {
    const clause = clauseFrom(text, m.index, m.index + m[0].length);
    if (RECURRING.test(clause)) continue;
    out.push({
      kind: 'dated-event',
      text: m[0],
      index: m.index,
      message: `“${m[0]}”看来是 ${from} 年的一次性安排：请核实 ${to} 年是否仍有，没有请删除`,
    });
  }

  for (const m of text.matchAll(HOSTED_MEETING)) {
    out.push({
      kind: 'dated-event',
      text: m[0],
      index: m.index,
      message: `“${m[0]}”看来是 ${from} 年的一次性会议：请核实 ${to} 年是否仍有，没有请删除`,
    });
  }

  for (const m of text.matchAll(NUMBERED_MEETING)) {
    out.push({
      kind: 'dated-event',
      text: m[0],
      index: m.index,
      message: `引用的“${m[0]}”是某次具体会议：请核对 ${to} 年是否应改为最近召开的会议`,
    });
  }

  for (const m of text.matchAll(BIG_EVENT)) {
    out.push({
      kind: 'dated-event',
      text: m[0],
      index: m.index,
      message: `“${m[0]}”是一次性重大活动：请核实 ${to} 年是否仍有相关保障任务`,
    });
  }
  return out;
}
