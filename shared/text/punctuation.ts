// Punctuation of Chinese text: the half-width marks that GB/T 9704 text sets full width, their
// full-width forms, and the neighbour rules both the importer (shared/import/punctuation.ts,
// automatic, conservative) and the 校对 check (shared/checks/punctuation.ts, shown with a fix)
// decide by. Hand-written: the rules are about the neighbouring characters, which no text
// library decides for Chinese.

/** Half-width mark → the full-width form Chinese text uses. */
export const HALF_TO_FULL: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Full-width mark → half-width (the inverse of HALF_TO_FULL). */
export const FULL_TO_HALF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(HALF_TO_FULL).map(([h, f]) => [f, h]));

/** Any of the half-width marks of HALF_TO_FULL. */
export const HALF_MARK = /[,:;?!()]/;

/** Folds full-width marks of HALF_TO_FULL to half width (for comparing texts of either width). */
export function halfWidthMarks(s: string): string {
  return s.replace(/[，：；？！（）]/g, (c) => FULL_TO_HALF[c]!);
}

/** Full-width ASCII forms ！ to ～ (U+FF01–FF5E) are their ASCII character + 0xFEE0. */
export const FULL_WIDTH_OFFSET = 0xfee0;

/** One full-width ASCII form → its ASCII character; any other character unchanged. */
export function halfWidthChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - FULL_WIDTH_OFFSET) : ch;
}

/** Full-width digits ０-９ → 0-9. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, halfWidthChar);
}

/** Spaces a neighbour rule looks through. The importer's lines carry only ' '; edited text may hold tabs and no-break spaces. */
export const SPACE_ONLY = ' ';
export const ANY_SPACE = ' \t\u00a0';

/** The nearest character before (step -1) or after (step 1) position i that is not one of `spaces`. */
export function nearestNonSpace(s: string, i: number, step: -1 | 1, spaces: string = SPACE_ONLY): string | undefined {
  for (let j = i + step; j >= 0 && j < s.length; j += step) if (!spaces.includes(s[j]!)) return s[j];
  return undefined;
}

/** A , or : between digits belongs to a number or a time (1,000 / 08:30) and stays half width. */
export function isNumberSeparator(s: string, i: number, spaces: string = SPACE_ONLY): boolean {
  const ch = s[i];
  if (ch !== ',' && ch !== ':') return false;
  return /\d/.test(nearestNonSpace(s, i, -1, spaces) ?? '') && /\d/.test(nearestNonSpace(s, i, 1, spaces) ?? '');
}

/**
 * Matching ASCII parentheses: open index → close index, and the indexes of the unpaired ones.
 * `skip(i)` leaves a position out (protected text such as a URL).
 */
export function pairParens(s: string, skip?: (i: number) => boolean): { pairs: Map<number, number>; lone: number[] } {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (skip?.(i)) continue;
    if (s[i] === '(') stack.push(i);
    else if (s[i] === ')') {
      const o = stack.pop();
      if (o === undefined) lone.push(i);
      else pairs.set(o, i);
    }
  }
  lone.push(...stack);
  return { pairs, lone };
}

/**
 * Whether a pair of ASCII brackets stays as written because its content is not Chinese text
 * the punctuation rules understand (issue 18). The rule, for a bracket with no hanzi inside:
 *   - Latin letters that are not an abbreviation or code — pinyin "(jù)" "(ān quán)", a
 *     lowercase word "(app)", a list letter "(a)" — keep half-width brackets: setting them full
 *     width would only hide leftover pinyin (reported by its own 校对 check) or change notation
 *     the drafter may want; the drafter decides.
 *   - An abbreviation or code starting with a capital or digit and holding a capital — "(PM2.5)"
 *     "(GDP)" "(COVID-19)" — is an ordinary explanatory note in Chinese text: its brackets
 *     follow the neighbours like any other, so "细颗粒物(PM2.5)浓度" becomes "细颗粒物（PM2.5）浓度".
 *   - No letters (digits, "(2020)", "(1)"): as before, by the neighbours.
 */
export function keepsHalfWidthBrackets(inner: string): boolean {
  const t = inner.trim();
  if (!/\p{Script=Latin}/u.test(t) || /\p{Script=Han}/u.test(t)) return false;
  return !/^[A-Z0-9][A-Za-z0-9.+\-/&· ]*$/.test(t) || !/[A-Z]/.test(t);
}
