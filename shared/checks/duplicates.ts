// Near-duplicate tasks: Chinese character bigrams of title + text. Hand-written: a few lines
// of set arithmetic; string-similarity packages work on Latin words or edit distance, which
// for 150-character Chinese paragraphs is both slower and worse at rewordings.
import type { FlatBlock } from '../plan/flat';
import { check, nameOf, tasks, type Ctx } from './context';
import type { Check } from './types';
import { NOT_WORD } from '../text/han';
import { taskSentences } from '../plan/running-text';

/**
 * Thresholds tuned on the three sample plans: distinct tasks, even in the same domain, stay
 * below Dice 0.26 and overlap 0.35; a reworded copy of a task scores well above 0.5.
 */
export const DICE_THRESHOLD = 0.5;
export const OVERLAP_THRESHOLD = 0.75;
const MIN_BIGRAMS = 12;

/** Sorted, distinct bigram codes of the Han / Latin / digit characters of s. */
export function bigrams(s: string, dict: Map<string, number>): number[] {
  const n = s.replace(NOT_WORD, '').toLowerCase();
  const set = new Set<number>();
  for (let i = 0; i + 1 < n.length; i++) {
    const g = n.slice(i, i + 2);
    let code = dict.get(g);
    if (code === undefined) dict.set(g, (code = dict.size));
    set.add(code);
  }
  return [...set].sort((a, b) => a - b);
}

/** How many ids two sorted id lists share (a merge walk). */
export function common(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      c++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return c;
}

/** Dice coefficient and overlap (of the smaller) of two tasks' bigram sets. */
export function similarity(a: string, b: string): { dice: number; overlap: number } {
  const dict = new Map<string, number>();
  const x = bigrams(a, dict);
  const y = bigrams(b, dict);
  if (!x.length || !y.length) return { dice: 0, overlap: 0 };
  const c = common(x, y);
  return { dice: (2 * c) / (x.length + y.length), overlap: c / Math.min(x.length, y.length) };
}

function taskText(t: Extract<FlatBlock, { type: 'task' }>): string {
  return taskSentences(t);
}

export function duplicateTaskChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  const dict = new Map<string, number>();
  const list = tasks(ctx.blocks).map(([t, i]) => ({ t, i, g: bigrams(taskText(t), dict), title: t.title.replace(NOT_WORD, '') }));
  for (let a = 0; a < list.length; a++) {
    const x = list[a]!;
    for (let b = a + 1; b < list.length; b++) {
      const y = list[b]!;
      const sameTitle = x.title.length >= 4 && x.title === y.title;
      const small = Math.min(x.g.length, y.g.length);
      // Very short tasks share bigrams by chance; only an identical title counts for them.
      if (!sameTitle && small < MIN_BIGRAMS) continue;
      const c = common(x.g, y.g);
      const dice = (2 * c) / (x.g.length + y.g.length || 1);
      const overlap = c / (small || 1);
      if (!(sameTitle || dice >= DICE_THRESHOLD || overlap >= OVERLAP_THRESHOLD)) continue;
      const pct = Math.round(Math.max(dice, overlap) * 100);
      const how = sameTitle && dice < DICE_THRESHOLD && overlap < OVERLAP_THRESHOLD ? '标题相同' : `内容相似（${pct}%）`;
      out.push(
        check(
          'task-duplicate',
          sameTitle && dice < DICE_THRESHOLD && overlap < OVERLAP_THRESHOLD ? 'info' : 'warning',
          y.i,
          `${taskText(x.t).slice(0, 40)}|${taskText(y.t).slice(0, 40)}`,
          `${nameOf(ctx, y.i)}与${nameOf(ctx, x.i)}${how}，可能重复，请考虑合并`,
          { field: 'text' },
        ),
      );
    }
  }
  return out;
}
