// Splitting a long title over lines (GB/T 9704 7.3.3: 梯形或菱形, keep words and 《…》 whole).
// Hand-written: the shape rules are specific to Chinese official titles and small; word
// boundaries come from Intl.Segmenter (ICU, built into V8) rather than a dictionary of our own.

/** Characters of 二号 (22 pt) that fit the 156 mm text block: 442 pt / 22 pt. */
export const TITLE_CHARS_PER_LINE = 20;

/** Width in full-width character units: ASCII letters and digits count half. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

const NO_LINE_START = new Set('，。、；：？！）》」』〕】”’…—·');
const NO_LINE_END = new Set('（《「『〔【“‘');

/** Break costs at each position between characters (index i = break before char i). */
function breakCosts(chars: string[]): number[] {
  const cost = new Array<number>(chars.length + 1).fill(0);
  // Inside a word: ICU word boundaries.
  const text = chars.join('');
  const wordBoundary = new Set<number>([0]);
  try {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    // Segment indices are UTF-16 offsets; map them to code-point indices.
    const cpIndexOfOffset = new Map<number, number>();
    let off = 0;
    chars.forEach((c, i) => {
      cpIndexOfOffset.set(off, i);
      off += c.length;
    });
    cpIndexOfOffset.set(off, chars.length);
    for (const s of seg.segment(text)) wordBoundary.add(cpIndexOfOffset.get(s.index) ?? -1);
  } catch {
    for (let i = 0; i <= chars.length; i++) wordBoundary.add(i);
  }
  wordBoundary.add(chars.length);
  let depth = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i > 0) {
      const prev = chars[i - 1]!;
      if (prev === '《') depth++;
      if (prev === '》') depth = Math.max(0, depth - 1);
    }
    let c = 0;
    if (depth > 0) c += 100; // inside 《》
    if (!wordBoundary.has(i)) c += 30; // inside a word
    const next = chars[i];
    const prev = chars[i - 1];
    if (next && NO_LINE_START.has(next)) c += 1000;
    if (prev && NO_LINE_END.has(prev)) c += 1000;
    // "的通知", "的意见": keep the 的 with what follows it.
    if (prev === '的') c += 10;
    cost[i] = c;
  }
  return cost;
}

function shapeCost(lens: number[]): number {
  // Trapezoid (each line no shorter than the next) or diamond (middle longest); near-equal is fine.
  let c = 0;
  if (lens.length === 2) {
    if (lens[0]! < lens[1]!) c += 4 * (lens[1]! - lens[0]!);
    c += Math.abs(lens[0]! - lens[1]!) * 0.5;
  } else if (lens.length === 3) {
    const [a, b, d] = lens as [number, number, number];
    const trapezoid = a >= b && b >= d;
    const diamond = b >= a && b >= d;
    if (!trapezoid && !diamond) c += 8;
    c += (Math.max(a, b, d) - Math.min(a, b, d)) * 0.3;
  }
  return c;
}

/**
 * Splits a title into lines of at most `maxUnits` character units each, in a trapezoid or
 * diamond shape, preferring breaks between words and never inside 《》 when avoidable.
 */
export function splitTitle(title: string, maxUnits: number = TITLE_CHARS_PER_LINE): string[] {
  const t = title.trim();
  if (textUnits(t) <= maxUnits) return [t];
  const chars = Array.from(t);
  const costs = breakCosts(chars);
  const unitsBetween = (a: number, b: number) => textUnits(chars.slice(a, b).join(''));
  const lineCount = Math.ceil(textUnits(t) / maxUnits);
  if (lineCount <= 3) {
    let best: { cost: number; cuts: number[] } | null = null;
    const n = chars.length;
    const consider = (cuts: number[]) => {
      const bounds = [0, ...cuts, n];
      const lens: number[] = [];
      let cost = 0;
      for (let k = 0; k < bounds.length - 1; k++) {
        const u = unitsBetween(bounds[k]!, bounds[k + 1]!);
        if (u > maxUnits || u === 0) return;
        lens.push(u);
      }
      for (const c of cuts) cost += costs[c]!;
      cost += shapeCost(lens);
      if (!best || cost < best.cost) best = { cost, cuts };
    };
    for (let lines = lineCount; lines <= Math.min(3, lineCount + 1); lines++) {
      if (lines === 2) for (let i = 1; i < n; i++) consider([i]);
      else if (lines === 3) for (let i = 1; i < n; i++) for (let j = i + 1; j < n; j++) consider([i, j]);
      if (best) break;
    }
    if (best) {
      const b = best as { cost: number; cuts: number[] };
      const bounds = [0, ...b.cuts, n];
      return bounds.slice(0, -1).map((s, k) => chars.slice(s, bounds[k + 1]).join(''));
    }
  }
  // Very long titles: greedy, backing up to a cheaper break within the last few characters.
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    while (end < chars.length && unitsBetween(start, end + 1) <= maxUnits) end++;
    if (end < chars.length) {
      let bestEnd = end;
      for (let k = end; k > Math.max(start + 1, end - 6); k--) if (costs[k]! < costs[bestEnd]!) bestEnd = k;
      end = bestEnd;
    }
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines;
}
