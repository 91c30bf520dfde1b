// Which parts of an upper task its linked draft tasks take up: the upper task split into its
// sentences (。；), each covered when enough of its distinctive character bigrams appear in the
// linked draft tasks. A task whose draft takes up some sentences and leaves others out is
// partially covered (部分落实), and the view lists what was left out.
import { BOILERPLATE } from './similarity';
import { bigramsOf, normalizeLevels } from './text';

export interface TaskPart {
  text: string;
  covered: boolean;
  /** Share of the sentence's distinctive bigrams found in the linked draft tasks. */
  share: number;
}

/** A sentence counts when at least this share of its distinctive bigrams is in the draft. */
export const PART_COVERED = 0.45;
/** Sentences with fewer distinctive bigrams are too short to judge (a lead-in, a slogan). */
export const PART_MIN_GRAMS = 6;

/** Bigrams every work-safety sentence has: never evidence that a sentence was taken up. */
const STOP = new Set<number>();
for (const f of BOILERPLATE) if (f.startsWith('b:') && f.length === 4) STOP.add(f.charCodeAt(2) * 65536 + f.charCodeAt(3));

function grams(text: string, into: Set<number>): Set<number> {
  bigramsOf(text, (g) => {
    if (!STOP.has(g)) into.add(g);
  });
  return into;
}

/** The bigram set of the draft tasks linked to an upper task (level-normalised). */
export function draftGrams(texts: readonly string[], places: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const t of texts) grams(normalizeLevels(t, places), out);
  return out;
}

/**
 * The upper task's sentences (or, for a one-sentence task, its clauses), each marked covered or
 * not by the draft bigrams. Only parts long enough to judge are listed.
 */
export function taskParts(upperText: string, places: readonly string[], draft: ReadonlySet<number>): TaskPart[] {
  const judge = (pieces: string[]) => {
    const out: TaskPart[] = [];
    for (const raw of pieces) {
      const text = raw.trim();
      if (!text) continue;
      const g = grams(normalizeLevels(text, places), new Set());
      if (g.size < PART_MIN_GRAMS) continue;
      let hit = 0;
      for (const x of g) if (draft.has(x)) hit++;
      out.push({ text, covered: hit / g.size >= PART_COVERED, share: Math.round((hit / g.size) * 100) / 100 });
    }
    return out;
  };
  const text = upperText.slice(0, 6000);
  const sentences = judge(text.split(/(?<=[。；;！？])/u));
  return sentences.length >= 2 ? sentences : judge(text.split(/(?<=[，,。；;！？])/u));
}
