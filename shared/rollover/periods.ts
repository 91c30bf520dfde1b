// Planning-period wording that the new year may have made stale: five-year plans (“十三五”),
// the 开局 / 收官 year of a period, three-year campaigns (三年行动) and the 全面建成小康社会
// milestone. Only flagged, never rewritten: what replaces it is a drafting decision.
import { periodName, periodOf, periodYears } from '../checks/years';
import { parseChineseNumeral } from '../plan/numbering';
import { sentenceEnd, sentenceStart } from './clause';
import type { RollYears, TextFinding } from './types';
import { HAN } from '../text/han';

/**
 * Three-year campaigns whose years are known. Matched by a key in the campaign's name (the
 * words before 三年行动). Sources: 国务院安委会《全国安全生产专项整治三年行动计划》(2020年4月，
 * to 2022年底); 国务院安委会《安全生产治本攻坚三年行动方案（2024—2026年）》; 浙江省安委会
 * 《浙江省安全生产综合治理三年行动计划》(2020—2022年, the campaign the 南浔 sample names).
 * A campaign not listed here is judged by years written next to it (“（2023—2025年）”); with
 * none, it is flagged for a person to check.
 */
export const THREE_YEAR_CAMPAIGNS: ReadonlyArray<{ key: string; name: string; years: [number, number] }> = [
  { key: '专项整治', name: '安全生产专项整治三年行动', years: [2020, 2022] },
  { key: '治本攻坚', name: '安全生产治本攻坚三年行动', years: [2024, 2026] },
  { key: '综合治理', name: '浙江省安全生产综合治理三年行动', years: [2020, 2022] },
];

/**
 * Milestones that name one year when a sentence calls a year their 决胜 / 收官 / 第一年:
 * 全面建成小康社会 by 2020 (十九大); 2021 the first year of 全面建设社会主义现代化国家新征程
 * (十九届五中全会).
 */
const MILESTONES: ReadonlyArray<{ words: string; year: number; what: string; cue: RegExp }> = [
  { words: '全面建成小康社会', year: 2020, what: '的目标年', cue: /决胜|收官|之年|关键/u },
  { words: '全面建设社会主义现代化国家', year: 2021, what: '新征程的第一年', cue: /第一年|开局|起步|开篇/u },
];

/** Same pattern as shared/checks/years.ts: the numeral must be quoted or followed by a period word. */
const PERIOD = /(“|")?((?:二十|十)[一二三四五六七八九]?|[三四五六七八九])五(?:(”|")|(?=规划|时期|期间|末|初|以来|收官|开局|发展|目标))/gu;
/** What follows a period name that ties it to one year: 规划的开局之年, 收官之战, 开局起步. */
const POSITION = /^(?:”|")?(?:规划|时期)?(?:的|之)?(?:(开局|起步|开篇|收官|决胜|最后一年|第一年)(?:之年|之战|年|阶段)?)/u;

const CAMPAIGN = new RegExp(`([${HAN}“”"]{0,12}?)三年(?:专项)?行动`, 'gu');
const RANGE_NEAR = /((?:19|20|21)\d{2})\s*[-—–~～至到]\s*((?:19|20|21)\d{2})\s*年/u;
/** Verbs and connectives before a campaign's name: the name is what follows the last of them. */
const NAME_STOP = /推进|推动|深化|深入|开展|实施|统筹|参照|发挥|依托|启动|巩固|落实|组织|围绕|按照|聚焦|持续|扎实|全面|以|和|与|及|是|在|的|、/gu;

function campaignName(prefix: string): string {
  const name = prefix.replace(/[“”"]/gu, '');
  return name.split(NAME_STOP).pop() ?? '';
}

export function periodFindings(text: string, years: RollYears, knownCampaigns: Map<string, [number, number]>): TextFinding[] {
  const { to } = years;
  const out: TextFinding[] = [];
  const current = periodOf(to);

  for (const m of text.matchAll(PERIOD)) {
    const n = parseChineseNumeral(m[2]!);
    if (n === null || n < 6) continue;
    const [start, end] = periodYears(n);
    const name = `“${periodName(n)}”`;
    const after = text.slice(m.index + m[0].length);
    const pos = POSITION.exec(after);
    const words = text.slice(m.index, m.index + m[0].length + (pos ? pos[0].length : 0));
    if (pos) {
      const first = /开局|起步|开篇|第一年/u.test(pos[1]!);
      const year = first ? start : end;
      if (year !== to) {
        out.push({
          kind: 'stale-period',
          text: words,
          index: m.index,
          message: `${name}的${first ? '开局' : '收官'}之年是 ${year} 年，不是 ${to} 年：请改写`,
        });
      }
      continue;
    }
    if (n < current) {
      const lookingBack = to === periodYears(current)[0] && n === current - 1;
      out.push({
        kind: 'stale-period',
        text: words,
        index: m.index,
        message: `${name}时期（${start}—${end}年）已结束，${to} 年属“${periodName(current)}”时期：${lookingBack ? '如是总结上一时期可保留，否则' : ''}请改写或删除`,
      });
    } else if (n > current + 1) {
      out.push({
        kind: 'stale-period',
        text: words,
        index: m.index,
        message: `${name}时期（${start}—${end}年）尚未开始，${to} 年属“${periodName(current)}”时期：请核对`,
      });
    }
  }

  // Milestones tied to one year: stale when the sentence still calls the new year that year.
  for (const ms of MILESTONES) {
    if (ms.year === to) continue;
    for (const m of text.matchAll(new RegExp(ms.words, 'gu'))) {
      const sentence = text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index));
      if (!ms.cue.test(sentence)) continue;
      out.push({ kind: 'stale-period', text: m[0], index: m.index, message: `${ms.words}${ms.what}是 ${ms.year} 年，${to} 年的计划不宜再这样表述：请改写` });
    }
  }

  for (const m of text.matchAll(CAMPAIGN)) {
    const name = campaignName(m[1]!);
    const wordsStart = m.index + (m[1]!.length - name.length);
    const words = text.slice(wordsStart, m.index + m[0].length);
    const full = `${name}三年行动`;
    let years: [number, number] | undefined;
    let label = full;
    const known = THREE_YEAR_CAMPAIGNS.find((c) => name.includes(c.key));
    if (known) {
      years = known.years;
      label = known.name;
    } else {
      // Years written right next to it: 三年行动（2023—2025年） or 2023—2025年……三年行动.
      const near = text.slice(Math.max(0, m.index - 14), m.index + m[0].length + 16);
      const r = RANGE_NEAR.exec(near);
      if (r) years = [Number(r[1]), Number(r[2])];
      else if (name && knownCampaigns.has(name)) years = knownCampaigns.get(name);
      else if (!name && knownCampaigns.size === 1) {
        // A bare “三年行动” after one named campaign means that campaign.
        const [k, v] = [...knownCampaigns][0]!;
        label = `${k}三年行动`;
        years = v;
      }
    }
    if (years && name) knownCampaigns.set(name, years);
    const span = years ? `（${years[0]}—${years[1]}年）` : '';
    if (!years) {
      out.push({
        kind: 'stale-period',
        text: words,
        index: wordsStart,
        message: `未能确定“${full}”的起止年份：请核对 ${to} 年是否仍在该行动期内，表述是否需要改写`,
      });
    } else if (years[1] < to) {
      out.push({ kind: 'stale-period', text: words, index: wordsStart, message: `${label}${span}已于 ${years[1]} 年结束：请改写或删除` });
    } else if (years[0] > to) {
      out.push({ kind: 'stale-period', text: words, index: wordsStart, message: `${label}${span}${to} 年尚未开始：请核对` });
    } else if (years[1] === to) {
      out.push({
        kind: 'stale-period',
        text: words,
        index: wordsStart,
        message: `${to} 年是${label}${span}的最后一年：请核对表述（如“深化”“推进”宜改为“巩固提升”“收官”）`,
      });
    }
  }
  return out;
}
