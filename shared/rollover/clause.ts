// Cutting the flagged words out of a sentence. Hand-written: a flag shows the words a person
// must look at, which is "from the match to the end of its clause", a notion no library has.

/** Punctuation that ends a clause (Chinese and the half-width forms imported pages carry). */
const CLAUSE_END = /[，。；：、！？,;:!?”"’）)》\n]/u;

/** From `start` to the end of the clause, at least to `minEnd`, at most `max` characters. */
export function clauseFrom(text: string, start: number, minEnd: number, max = 24): string {
  let end = minEnd;
  while (end < text.length && end - start < max && !CLAUSE_END.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** Start of the sentence around `index` (after 。；！？ or a line break). */
export function sentenceStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !/[。；！？;!?\n]/u.test(text[i - 1]!)) i--;
  return i;
}

/** End of the sentence around `index` (at its 。；！？ or line break, exclusive). */
export function sentenceEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !/[。；！？;!?\n]/u.test(text[i]!)) i++;
  return i;
}
