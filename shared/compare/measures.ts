// What a task commits to, read from its text for comparison with the level above: every figure
// with a counting unit (30人, 1-2项, 100%), every frequency (每月召开1次, 每季度, 全年不少于4次),
// every deadline (6月底前, 年底前), and each clause's scope (每个村 / 重点村; 区级 / 村级).
// Wider than shared/import/targets.ts findTargets, which recognises target phrases for the
// editor: a reviewer compares every figure of a linked pair, the 30人 of 完成30人招录 included.
// Units, numerals and the deadline pattern are that recogniser's (one place).
// Hand-written: these are Chinese bureaucratic idioms no NLP library models.
import { splitTopLevel } from '../import/brackets';
import { ARABIC, CHINESE, DEADLINE, UNIT, UNIT_CN } from '../import/targets';
import { parseChineseNumeral } from '../plan/numbering';
import { bare, normalizeLevels } from './text';

export type MeasureKind = 'figure' | 'frequency' | 'deadline';

export interface Measure {
  kind: MeasureKind;
  /** The figure as written: 30人, 1-2项, 每月召开1次, 6月底前. */
  text: string;
  /** Index of the clause it stands in (Commitments.clauses). */
  clause: number;
  /** Figures: the value or range (1-2项 → 1…2) and unit. */
  lo?: number;
  hi?: number;
  unit?: string;
  /** A figure that counts occurrences (次、项、场、轮…) rather than an amount. */
  occurrences?: boolean;
  /** Frequencies: times per year (每季度 → 4, 每月2次 → 24, 全年4次 → 4). */
  perYear?: number;
  /** Deadlines: months from the start of the plan year (6月底前 → 6, 次年3月底前 → 15). */
  deadline?: number;
  /** True when a smaller figure is the stronger commitment (控制在1%以内, 30分钟内到达). */
  lowerIsStronger: boolean;
}

export type ScopeWord = 'all' | 'some';

export interface Clause {
  /** As written (trimmed), between ， ； 。 at bracket depth 0. */
  text: string;
  /** 每个/所有/全部… ('all') and 重点/部分/试点… ('some') words, as written. */
  scope: Array<{ word: string; kind: ScopeWord }>;
  /** Administrative levels named in the clause (区级, 村级…), relative to the document's own level (0 = its own, 1 = one below). */
  levels: Array<{ word: string; rel: number; abs: number }>;
  /** A qualitative commitment that could have carried a figure (定期, 常态化, 加强…). */
  qualitative: string | null;
}

export interface Commitments {
  clauses: Clause[];
  measures: Measure[];
  /**
   * Clause ci's bare, level-normalised text without figures, period and deadline words: what
   * clauses are matched by. Computed on first use (most clauses of a long comparison never are).
   */
  contextAt(ci: number): string;
}

/** Units of a physical measure: a figure in them counts even inside a quoted name. */
const PHYSICAL_UNITS = new Set(['%', '分钟', '小时', '天', '公里', '千米', '米', '平方米', '亩', '万元', '亿元', '元']);
const OCCURRENCE_UNITS = new Set(['次', '项', '场', '轮', '期', '批', '遍', '回', '人次', '万人次']);
/** Periods of 每X: times per year. */
const PERIODS: Record<string, number> = { 年: 1, 年度: 1, 半年: 2, 季度: 4, 季: 4, 月: 12, 旬: 36, 周: 52, 天: 365, 日: 365 };

const FIGURE = new RegExp(`(?<![第\\d.月])(?:(${ARABIC})\\s*${UNIT}|(${CHINESE})${UNIT_CN})`, 'gu');
const COUNT_OF_MAJOR = /([一二两三四五六七八九十])大(?=重点|领域|行业|类|任务|工程|行动|专项|体系)/gu;
const PERCENT_CN = /百分之([一二两三四五六七八九十百]+|\d+)/gu;
const DEADLINES = new RegExp(DEADLINE.source, 'gu');
/**
 * Time points the target recogniser does not take for deadlines: 年底汇总, 次年3月底前, 6月份组织.
 * A month or year end followed by what is done then; 次年/明年 count from the plan year's end.
 */
const TIME_POINTS =
  /(?:(次年|翌年|明年)|(\d{4})年)?(?:(\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份|底|末)?|(年底|年末|年内|下半年)|(上半年|年中)|第?([一二三四])季度(?:末|底)?)(?:前|之前)?(?=[\u4e00-\u9fff])/gu;
/** 年度述职, 季度调度会议, 任期述职: a period written into the name of what recurs. */
const PERIODIC_NOUN =
  /(月度|季度|半年度|半年|年度|任期|换届)(?:[和及、](月度|季度|半年度|半年|年度))?(?:[\u4e00-\u9fff]{0,2}?)(?=述职|报告|考核|总结|评估|评价|会议|检查|督查|分析|调度|例会)/gu;
const PERIODIC_PER_YEAR: Record<string, number> = { 月度: 12, 季度: 4, 半年度: 2, 半年: 2, 年度: 1, 任期: 0.2, 换届: 0.2 };
/** 每月 / 每季度 / 每半年 … and an optional count of times within the next few characters. */
const FREQUENCY =
  /每(?:(\d+|[两二三四五六七八九十])个?)?(年度|半年|季度|年|季|月|旬|周|天|日)(?:[^，。；\d一二两三四五六七八九十]{0,8}?(\d+|[一二两三四五六七八九十]+)\s*(?:[-~～至到]\s*(?:\d+|[一二两三四五六七八九十]+))?\s*(次|轮|场|遍|回))?/gu;
const ONE_PER_PERIOD = /一(年|季度|季|月|周|旬)一[\u4e00-\u9fff]{1,3}/gu;
/** 按月/按季度/逐月 …: once a period. */
const BY_PERIOD = /(?:按|逐)(年度|半年|季度|年|季|月|旬|周|日)(?=[\u4e00-\u9fff])/gu;
/** 半年一次 / 一年两次 / 三个月一次: times in a span. */
const TIMES_IN_SPAN = /(半年|一年|两年|三年|([一二两三四五六]|\d)个月)(?:至少)?([一二两三四五六七八九十]|\d+)次/gu;
/** 全年/年内 … N次: a yearly count. */
const YEARLY = /(?:全年|年内|每年度)[^，。；\d]{0,10}?(\d+|[一二两三四五六七八九十]+)\s*(次|轮|场|遍|回)/gu;
const LOWER_IS_STRONGER = /控制在|以内|以下|不超过|不高于|低于|压减至|降至|降到|缩短/u;

const ALL_WORDS = /每个|每一个|每家|所有|全部|全体|全员|一律|逐一|全覆盖/gu;
const SOME_WORDS = /重点|部分|试点|有条件的|符合条件的|规模以上|个别|示范|高危|骨干|大型/gu;
/** 区级, 村级 … and a level written into a body: 县委, 县政府, 镇党委, 村党组织, 村干部. */
const LEVEL_WORDS = /(?<![城超都集门夜街])(省|自治区|市|州|县|区|旗|乡镇|镇|乡|街道|村|社区)(?:级|(?=委|政府|党委|党组织|党工委|两委|干部|班子))/gu;
const QUALITATIVE = /定期|不定期|经常性|经常|常态化|适时|按时|及时|加强|强化|提高|提升|扩大|加大|持续|逐步|全面|进一步/u;

/** Rank of an administrative level: 省 1, 市 2, 县/区 3, 乡镇/街道 4, 村/社区 5. */
export function levelRank(word: string): number | null {
  if (/^(省|自治区)$/.test(word)) return 1;
  if (/^(市|州|盟)$/.test(word)) return 2;
  if (/^(县|区|旗)$/.test(word)) return 3;
  if (/^(乡镇|镇|乡|街道)$/.test(word)) return 4;
  if (/^(村|社区)$/.test(word)) return 5;
  return null;
}

const LEVEL_CHAR = '(省|自治区|(?<![城超都集门夜])市(?!场)|州|盟|县|区|旗|镇|(?<!城)乡|街道)';
/** A level character followed by a government body: 练市镇人民政府 → 镇, 湖州市南浔区应急管理局 → 区. */
const ISSUER_LEVEL = new RegExp(
  `${LEVEL_CHAR}(?=人民政府|政府|党委|党工委|工委|办事处|管委会|安全生产委员会|安委|委员会|[\u4e00-\u9fff]{1,10}(?:局|委|办|中心)$)`,
  'gu',
);
/** … or followed by the plan's year or subject in a title: 店上镇2025年安全生产工作要点 → 镇. */
const TITLE_LEVEL = new RegExp(`${LEVEL_CHAR}(?=\\d{4}|关于|安全生产|应急管理)`, 'gu');

/** The level of a plan's issuer (店上镇人民政府 → 4, 长治市潞城区安委会 → 3); null when unknown. */
export function issuerLevel(issuer: string | undefined, title?: string): number | null {
  for (const [s, re] of [
    [issuer ?? '', ISSUER_LEVEL],
    [title ?? '', TITLE_LEVEL],
  ] as const) {
    let last: number | null = null;
    for (const m of s.matchAll(re)) last = levelRank(m[1]!) ?? last;
    if (last !== null) return last;
  }
  return null;
}

/** A period written without a count is quoted with what follows it, to the clause's end (16 characters at most). */
function phraseFrom(clause: string, at: number): string {
  const rest = /^[^，,。；;、]*/u.exec(clause.slice(at))![0];
  return rest.length <= 16 ? rest : `${rest.slice(0, 15)}…`;
}

function numberOf(s: string): number | null {
  return /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/** 6月底前 → 6, 年底前 → 12, 2026年3月底 (plan year 2025) → 15. */
export function deadlineMonths(d: string, planYear: number | undefined): number | undefined {
  const year = /(\d{4})年/.exec(d);
  const offset = year && planYear ? (Number(year[1]) - planYear) * 12 : 0;
  const m = /(\d{1,2})月/.exec(d);
  if (m) return offset + Number(m[1]);
  if (/上半年|年中/.test(d)) return offset + 6;
  if (/下半年|年底|年末|底|末/.test(d)) return offset + 12;
  if (/汛期|汛前/.test(d)) return offset + 5;
  return undefined;
}

/** The clause's text as matched against the other plan's clauses: no figures, periods or deadlines. */
function contextOf(clause: string): string {
  return bare(
    clause
      .replace(DEADLINES, '')
      .replace(/每(?:(?:\d+|[两二三四五六七八九十])个?)?(年度|半年|季度|年|季|月|旬|周|天|日)/gu, '')
      .replace(/(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)(?=[%个项次处家场起条所座名批轮户套倍人元])/gu, '')
      .replace(/\d+(?:\.\d+)?/g, '')
      .replace(/至少|不少于|不低于|力争|确保|以上|以内/gu, ''),
  );
}

/** Cheap tests that let most clauses skip the scans below (a clause without a digit, a numeral before a unit, a period or a month holds no measure). */
const MAY_MEASURE =
  /[0-9]|[一二两三四五六七八九十]大|一[年季月周旬]一|[按逐][年半季月旬周日]|[一二两三四五六七八九十百千][个项次处家场起条所座名批轮户套倍人]|月|年[底末度内]|半年|每|汛|节前|季|任期|换届|百分之|全年/u;
const MAY_SCOPE = new RegExp(`${ALL_WORDS.source}|${SOME_WORDS.source}`, 'u');
const MAY_LEVEL = /级|委|政府|党组织|干部|班子/u;
/** At most this many measures are read from one task. */
export const MAX_MEASURES = 40;
const SEPARATORS = '，,。；;！？!?\n';

/**
 * t.matchAll(re), or nothing when t lacks what every match of re contains (`needs`): matchAll
 * copies its pattern on each call, and most clauses hold none of most of these patterns.
 */
function scan(t: string, re: RegExp, needs: RegExp): Iterable<RegExpExecArray> {
  return needs.test(t) ? t.matchAll(re) : [];
}

/** The clauses of a text and every figure, frequency and deadline in them. */
export function readCommitments(text: string, planYear: number | undefined, ownLevel: number | null, places: readonly string[] = []): Commitments {
  const clauses: Clause[] = [];
  const measures: Measure[] = [];
  const src = text.slice(0, 6000);
  const pieces = src ? splitTopLevel(src, SEPARATORS) : [];
  // Level-normalised once for the whole text; per clause only if that changes the clause count.
  let normalised: string[] | null = null;
  const contexts: string[] = [];
  const contextAt = (ci: number): string => {
    if (contexts[ci] !== undefined) return contexts[ci]!;
    // Level-normalised once for the whole text; per clause only if that changes the clause count.
    normalised ??= splitTopLevel(normalizeLevels(src, places), SEPARATORS);
    const t = clauses[ci]?.text ?? '';
    return (contexts[ci] = contextOf(normalised.length === pieces.length ? normalised[ci]! : normalizeLevels(t, places)));
  };
  pieces.forEach((raw, ci) => {
    const t = raw.trim();
    const scope: Clause['scope'] = MAY_SCOPE.test(t)
      ? [
          ...[...t.matchAll(ALL_WORDS)].map((m) => ({ word: m[0], kind: 'all' as const })),
          ...[...t.matchAll(SOME_WORDS)].map((m) => ({ word: m[0], kind: 'some' as const })),
        ]
      : [];
    const levels: Clause['levels'] = [];
    if (ownLevel !== null && MAY_LEVEL.test(t))
      for (const m of t.matchAll(LEVEL_WORDS)) {
        const r = levelRank(m[1]!);
        if (r !== null && !levels.some((l) => l.word === m[0])) levels.push({ word: m[0], rel: r - ownLevel, abs: r });
      }
    const q = QUALITATIVE.exec(t);
    const measurable = MAY_MEASURE.test(t);
    clauses.push({ text: t, scope, levels, qualitative: q ? q[0] : null });
    if (!measurable) return;
    // Spans already read (deadlines, frequencies) are not read again as figures. Names in quotes
    // (“三个责任人”, “一月一主题”, “5+X”) are no commitments, as in findTargets — except a
    // physical measure named in them (“15分钟快速响应救援圈”).
    const quoted: Array<[number, number]> = [...scan(t, /“[^”]*”/gu, /“/u)].map((m) => [m.index, m.index + m[0].length]);
    const taken: Array<[number, number]> = [];
    const overlaps = (spans: Array<[number, number]>, a: number, b: number) => spans.some(([x, y]) => a < y && b > x);
    const free = (a: number, b: number, physical = false) => !overlaps(taken, a, b) && (physical || !overlaps(quoted, a, b));
    for (const m of scan(t, DEADLINES, /[前年]/u)) {
      // 次年3月底前: the year written before the month counts from the plan year's end.
      const next = /(次年|翌年|明年)$/.exec(t.slice(Math.max(0, m.index - 2), m.index))?.[0] ?? '';
      const months = deadlineMonths(m[0], planYear);
      taken.push([m.index - next.length, m.index + m[0].length]);
      if (months !== undefined) measures.push({ kind: 'deadline', text: next + m[0], clause: ci, deadline: months + (next ? 12 : 0), lowerIsStronger: true });
    }
    for (const m of scan(t, TIME_POINTS, /[月年季]/u)) {
      if (!free(m.index, m.index + m[0].length) || /^[每第]/.test(t.slice(m.index - 1, m.index))) continue;
      const month = m[4] ? 12 : m[5] ? 6 : m[6] ? numberOf(m[6])! * 3 : numberOf(m[3]!);
      if (month === null || month < 1 || month > 12) continue;
      const offset = m[1] ? 12 : m[2] && planYear ? (Number(m[2]) - planYear) * 12 : 0;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'deadline', text: m[0], clause: ci, deadline: offset + month, lowerIsStronger: true });
    }
    for (const m of scan(t, PERIODIC_NOUN, /[度年任换]/u)) {
      if (!free(m.index, m.index + m[0].length) || /每$/.test(t.slice(0, m.index))) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({
        kind: 'frequency',
        text: phraseFrom(t, m.index),
        clause: ci,
        perYear: Math.max(PERIODIC_PER_YEAR[m[1]!]!, m[2] ? PERIODIC_PER_YEAR[m[2]]! : 0),
        lowerIsStronger: false,
      });
    }
    for (const m of scan(t, FREQUENCY, /每/u)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const every = m[1] ? numberOf(m[1]) : 1;
      const times = m[3] ? numberOf(m[3]) : 1;
      if (!every || times === null) continue;
      taken.push([m.index, m.index + m[0].length]);
      // 每年 alone is quoted with what follows (每年组织监管人员业务轮训), to be readable.
      const text = m[3] ? m[0] : phraseFrom(t, m.index);
      measures.push({ kind: 'frequency', text, clause: ci, perYear: (times * PERIODS[m[2]!]!) / every, lowerIsStronger: false });
    }
    // “一月一主题”, 一季一督查: the idiom is a frequency, quoted or not.
    for (const m of scan(t, ONE_PER_PERIOD, /一/u)) {
      if (overlaps(taken, m.index, m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'frequency', text: m[0], clause: ci, perYear: PERIODS[m[1]!]!, lowerIsStronger: false });
    }
    for (const m of scan(t, BY_PERIOD, /[按逐]/u)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({
        kind: 'frequency',
        text: phraseFrom(t, m.index),
        clause: ci,
        perYear: PERIODS[m[1]!]!,
        lowerIsStronger: false,
      });
    }
    for (const m of scan(t, TIMES_IN_SPAN, /次/u)) {
      const times = numberOf(m[3]!);
      const months = m[2] ? numberOf(m[2])! : m[1] === '半年' ? 6 : m[1] === '一年' ? 12 : m[1] === '两年' ? 24 : 36;
      if (!free(m.index, m.index + m[0].length) || !times || !months) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'frequency', text: m[0], clause: ci, perYear: (times * 12) / months, lowerIsStronger: false });
    }
    for (const m of scan(t, YEARLY, /年/u)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const times = numberOf(m[1]!);
      if (times === null) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'frequency', text: m[0], clause: ci, perYear: times, lowerIsStronger: false });
    }
    for (const m of scan(t, PERCENT_CN, /百分之/u)) {
      const v = numberOf(m[1]!);
      if (v === null || !free(m.index, m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'figure', text: m[0], clause: ci, lo: v, hi: v, unit: '%', lowerIsStronger: LOWER_IS_STRONGER.test(t) });
    }
    // 八大重点领域, 三大行动: a count of the things named.
    for (const m of scan(t, COUNT_OF_MAJOR, /大/u)) {
      const v = numberOf(m[1]!);
      if (v === null || !free(m.index, m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      measures.push({ kind: 'figure', text: m[0], clause: ci, lo: v, hi: v, unit: '个', occurrences: false, lowerIsStronger: false });
    }
    for (const m of scan(t, FIGURE, /[0-9一二两三四五六七八九十百千]/u)) {
      const unit = m[2] ?? m[4]!;
      // A condition (……1年内发生2起以上较大事故的) is no target: as in findTargets.
      if (!free(m.index, m.index + m[0].length, PHYSICAL_UNITS.has(unit)) || /的$/.test(t)) continue;
      // 一批 (建设一批示范点) is no figure.
      if (m[3] === '一' && unit === '批') continue;
      let lo: number | null;
      let hi: number | null;
      if (m[1]) {
        const [a, b] = m[1].split(/\s*[-~～至到]\s*/);
        lo = numberOf(a!);
        hi = b ? numberOf(b) : lo;
      } else lo = hi = numberOf(m[3]!);
      if (lo === null || hi === null) continue;
      taken.push([m.index, m.index + m[0].length]);
      const around = t.slice(Math.max(0, m.index - 6), m.index + m[0].length + 4);
      // A duration is a limit (15分钟救援圈, 2小时内到达) unless it is an amount to reach (培训不少于40小时).
      const timeLimit = /^(分钟|小时|天|日)$/.test(unit) && !/不少于|至少|不低于|累计|达到|以上/.test(around);
      measures.push({
        kind: 'figure',
        text: m[0],
        clause: ci,
        lo,
        hi,
        unit,
        occurrences: OCCURRENCE_UNITS.has(unit),
        lowerIsStronger: timeLimit || LOWER_IS_STRONGER.test(around),
      });
    }
  });
  // A real task states a handful of figures; a pathological one (a page run into one task)
  // is compared on its first MAX_MEASURES, keeping pairing work bounded.
  return { clauses, measures: measures.length > MAX_MEASURES ? measures.slice(0, MAX_MEASURES) : measures, contextAt };
}
