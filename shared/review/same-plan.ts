// Is a returned file the plan it is being imported into? The title among its first lines, and
// the share of the plan's paragraphs found again (Dice of Han bigrams ≥ SAME_PARAGRAPH) —
// robust to a reviewer's edits, and near zero for another plan even of the same kind.
import { bigrams } from '../checks/duplicates';
import type { PlanDocument } from '../plan/schema';
import { dice } from './match';
import { renderPlan } from './rendered';
import type { SamePlanResult } from './types';
import { NOT_WORD } from '../text/han';

/** A plan paragraph counts as found again from this Dice on. */
export const SAME_PARAGRAPH = 0.6;
/** The file is the same plan when this share of its paragraphs is found (or the title is). */
export const SAME_SHARE = 0.5;

const bare = (s: string) => s.replace(NOT_WORD, '');

export function samePlanCheck(doc: PlanDocument, returnedParagraphs: readonly string[]): SamePlanResult {
  const title = bare(doc.meta.title);
  const dict = new Map<string, number>();
  const titleGrams = bigrams(title, dict);
  const head = returnedParagraphs.filter((p) => p.trim()).slice(0, 8);
  const titleSame = !!title && head.some((p) => bare(p) === title || dice(bigrams(p, dict), titleGrams) >= 0.8);
  const plan = renderPlan(doc)
    .map((n) => n.text)
    .filter((t) => bare(t).length >= 6);
  const theirs = returnedParagraphs.map((p) => bigrams(p, dict)).filter((g) => g.length);
  // Both ways: the plan's paragraphs found in the file, and the file's found in the plan (a
  // file holding only part of the plan, or one where a reviewer cut much, is still this plan).
  const ours = plan.map((t) => bigrams(t, dict));
  const share = (xs: number[][], ys: number[][]) => (xs.length ? xs.filter((g) => ys.some((y) => dice(g, y) >= SAME_PARAGRAPH)).length / xs.length : 0);
  const long = returnedParagraphs.filter((t) => bare(t).length >= 6).map((t) => bigrams(t, dict));
  const found = Math.max(share(ours, theirs), share(long, ours));
  const similarity = plan.length ? Math.round(found * 1000) / 1000 : titleSame ? 1 : 0;
  const same = plan.length ? similarity >= SAME_SHARE || (titleSame && similarity >= 0.2) : titleSame;
  if (same) return { same, similarity };
  const pct = Math.round(similarity * 100);
  const message = titleSame
    ? `该文件标题与“${doc.meta.title}”相同，但正文只有 ${pct}% 能对应上，可能是另一稿或另一份文件，请核对后再导入。`
    : `该文件似乎不是“${doc.meta.title}”：标题不同，正文只有 ${pct}% 能对应上。请确认选对了文件，再决定是否导入。`;
  return { same, similarity, message };
}
