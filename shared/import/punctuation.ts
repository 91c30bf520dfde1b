// Half-width punctuation in Chinese text (pages show , : ; ( ) ? !) → full width, as GB/T 9704
// text is set, at import time. Only where a neighbour is Chinese: ASCII stays in numbers
// (1,000 / 08:30), dates, URLs (http://), English and inside 文号 brackets. The table, the
// Chinese class and the neighbour rules are shared/text's, shared with the 校对 check; this
// pass is the stricter one (nothing is shown before it changes the text): a ? or ! needs Chinese
// before it, an unpaired bracket stays.

import { hasCjk, isCjk } from '../text/han';
import { HALF_MARK, HALF_TO_FULL, isNumberSeparator, keepsHalfWidthBrackets, nearestNonSpace, pairParens } from '../text/punctuation';

/**
 * Converts the half-width punctuation of one line; returns the line and the number of marks
 * changed. Spaces around a converted mark are dropped (full-width marks carry their own space).
 */
export function fullWidthPunctuation(line: string): { text: string; count: number } {
  if (!HALF_MARK.test(line)) return { text: line, count: 0 };
  const s = line;
  const pairs = s.includes('(') ? pairParens(s).pairs : new Map<number, number>();
  const pairClose = new Set<number>();
  let count = 0;
  let out = '';
  let from = 0; // s[from, i) is copied as is
  const marks = /[,:;?!()]/g;
  for (let m = marks.exec(s); m; m = marks.exec(s)) {
    const i = m.index;
    if (i < from) continue; // inside spaces already skipped
    const ch = m[0];
    const full = HALF_TO_FULL[ch]!;
    let convert = false;
    if (pairClose.has(i)) convert = true;
    else if (ch === '(') {
      const close = pairs.get(i);
      if (close !== undefined) {
        // Chinese inside or next to the bracket; not a 文号 year "(2020)" between ASCII.
        const inner = s.slice(i + 1, close);
        convert = !keepsHalfWidthBrackets(inner) && (hasCjk(inner) || isCjk(nearestNonSpace(s, i, -1)) || isCjk(s[close + 1]));
        if (convert) pairClose.add(close);
      }
    } else if (ch === ')') {
      convert = false; // an unpaired ')' is left as written
    } else if (ch === ':' && s.startsWith('//', i + 1)) {
      convert = false; // http://
    } else {
      const before = nearestNonSpace(s, i, -1);
      const after = nearestNonSpace(s, i, 1);
      if (isNumberSeparator(s, i))
        convert = false; // 1,000 / 08:30
      else convert = isCjk(before) || (isCjk(after) && ch !== '?' && ch !== '!');
    }
    if (!convert) continue;
    let head = s.slice(from, i);
    if (ch !== '(') head = head.replace(/ +$/, '');
    out += head + full;
    count++;
    from = i + 1;
    if (ch !== '(') while (s[from] === ' ' && from < s.length) from++;
  }
  return { text: out + s.slice(from), count };
}
