// Text that lost its line breaks (a page that runs the whole plan into one paragraph): numbered
// items then stand mid-line after a sentence end ("…落实。二、强化责任…（一）…"). Such lines are
// split before each item marker so the outline sees one item a line.
import { HAN } from '../text/han';

/** Only lines this long are treated as flattened: a real paragraph rarely holds two items. */
const MIN_FLATTENED = 120;
/** An item marker right after a sentence end (。；！？：). */
const MARKER = new RegExp(
  String.raw`(?<=[。；！？：;!?:]|\s)\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?=[${HAN}])|[（(]\d{1,2}[)）](?=[${HAN}])))`,
  'gu',
);

/**
 * In a flattened page the paragraphs are often joined by a space: Chinese text has no spaces, so a
 * space after a Chinese character or mark and before Chinese, a quote, a dash or a number is a
 * paragraph break ("…落实。 永嘉县人民政府 2020年6月2日 东城街道…"). Not "2022 年" or "XX 市".
 */
const SPACE_BREAK = new RegExp(String.raw`(?<=[${HAN}。：；！？”）》:;!?)])\s+(?=[${HAN}“《（(—\d])`, 'gu');

/** Splits flattened lines; `splits` counts the lines that were split. */
export function unflatten(lines: readonly string[]): { lines: string[]; splits: number } {
  const out: string[] = [];
  let splits = 0;
  for (const line of lines) {
    if (line.length < MIN_FLATTENED) {
      out.push(line);
      continue;
    }
    const spaced = line.split(SPACE_BREAK);
    // Several breaks, or one that ends a short title-like first piece ("…工作要点 2022年…").
    const titleFirst = spaced.length === 2 && spaced[0]!.length <= 60 && !/[。，；：,;:]/u.test(spaced[0]!);
    const pieces = spaced.length >= 3 || titleFirst ? spaced : [line];
    const parts = pieces
      .flatMap((p) => p.split(MARKER))
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length >= 3 || (titleFirst && parts.length >= 2)) {
      splits++;
      out.push(...parts);
    } else out.push(line);
  }
  return { lines: out, splits };
}
