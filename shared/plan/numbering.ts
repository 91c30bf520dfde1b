// The one numbering engine: level + ordinal → label, Chinese numerals both ways, and the
// ordinals of a whole outline from the plan's numbering settings. The editor, the importer,
// the exporter and the CLI all use these functions; nothing else computes a label.
import type { BodyNode, Level, NumberingSettings } from './schema';
import { walkBody } from './walk';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一, 10 → 十, 24 → 二十四, 31 → 三十一, 100 → 一百, 105 → 一百零五, 110 → 一百一十.
 * Hand-written: the conventions for outline numbers (十 not 一十 below 20) are specific and tiny.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d) {
      if (pendingZero) out += '零';
      out += DIGITS[d]! + name;
      pendingZero = false;
    } else if (out) {
      pendingZero = true;
    }
  }
  if (rest) out += (pendingZero ? '零' : '') + DIGITS[rest];
  return out;
}

const DIGIT_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十四 → 24, 十 → 10, 一百零五 → 105; null when the string is not a Chinese numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT_VALUE) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: not a numeral
      digit = DIGIT_VALUE[ch]!;
    } else {
      const unit = UNIT_VALUE[ch]!;
      total += (digit === null ? 1 : digit) * unit;
      digit = null;
    }
  }
  if (digit !== null) total += digit;
  return total > 0 ? total : null;
}

/** The label of one outline item: 一、 （一） 1. （1） */
export function formatLabel(level: Level, ordinal: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(ordinal)}、`;
    case 2:
      return `（${toChineseNumeral(ordinal)}）`;
    case 3:
      return `${ordinal}.`;
    case 4:
      return `（${ordinal}）`;
    default:
      throw new RangeError(`level out of range: ${String(level)}`);
  }
}

/** Something with a level and an ordinal, in document order. */
export interface Numbered {
  level: Level;
  ordinal: number;
}

/**
 * Ordinals for a flat sequence of outline items in document order.
 * A level in "restart" mode starts again at 1 after any item of a higher (smaller-numbered)
 * level; a level in "continuous" mode counts on through the whole plan. Skipped levels are
 * fine: a level-3 task right under a level-1 heading restarts under that heading.
 */
export function computeOrdinals(levels: readonly Level[], settings: NumberingSettings): number[] {
  const counters = [0, 0, 0, 0, 0];
  return levels.map((level) => {
    for (let deeper = level + 1; deeper <= 4; deeper++) {
      if (settings.perLevel[deeper - 1] === 'restart') counters[deeper] = 0;
    }
    counters[level] = counters[level]! + 1;
    return counters[level]!;
  });
}

function isNumbered(node: BodyNode): node is Exclude<BodyNode, { type: 'paragraph' }> {
  return node.type !== 'paragraph';
}

/** Visits every heading and task in document order (parents before children); iterative. */
export function walkOutline(body: readonly BodyNode[], visit: (node: Exclude<BodyNode, { type: 'paragraph' }>, path: string) => void, basePath = 'body'): void {
  walkBody(
    body,
    (node, { path }) => {
      if (isNumbered(node)) visit(node, path);
    },
    basePath,
  );
}

/** Returns a copy of the body with every ordinal recomputed from the settings. */
export function renumber(body: readonly BodyNode[], settings: NumberingSettings): BodyNode[] {
  const copy = structuredClone(body) as BodyNode[];
  const nodes: Array<Exclude<BodyNode, { type: 'paragraph' }>> = [];
  walkOutline(copy, (n) => nodes.push(n));
  const ordinals = computeOrdinals(
    nodes.map((n) => n.level),
    settings,
  );
  nodes.forEach((n, i) => (n.ordinal = ordinals[i]!));
  return copy;
}

/**
 * Infers the numbering settings from ordinals as written (used by the importer): a level is
 * "continuous" when its count carries on past a parent item instead of starting at 1 again.
 */
export function inferNumbering(items: readonly Numbered[]): NumberingSettings {
  const perLevel: NumberingSettings['perLevel'] = ['restart', 'restart', 'restart', 'restart'];
  const last: Array<number | null> = [null, null, null, null, null];
  const sawParentSince: boolean[] = [false, false, false, false, false];
  for (const item of items) {
    for (let deeper = item.level + 1; deeper <= 4; deeper++) sawParentSince[deeper] = true;
    const prev = last[item.level];
    if (prev != null && sawParentSince[item.level] && item.ordinal === prev + 1 && item.ordinal > 1) {
      perLevel[item.level - 1] = 'continuous';
    }
    last[item.level] = item.ordinal;
    sawParentSince[item.level] = false;
  }
  return { perLevel };
}
