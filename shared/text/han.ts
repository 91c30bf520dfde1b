// Which characters are Chinese. One definition for import, checks, export and compare:
// Han is the Unicode script property (CJK ideographs of every block, 〇 and 々 included);
// "CJK" adds the CJK and full-width punctuation, the curly quotes, 《》…— and ·, i.e. the
// neighbours that make a half-width mark stand "in Chinese text".

/** The Han character class for building a RegExp source (use with the `u` flag): `[${HAN}]{2,4}`. */
export const HAN = '\\p{Script=Han}';

/** One Han character. */
export const HAN_RE = new RegExp(`[${HAN}]`, 'u');

/** Han characters, CJK and full-width punctuation, quotes, 《》〔〕…—·, for building a RegExp source. */
export const CJK = `${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—·`;

/** One CJK character (see CJK). */
export const CJK_RE = new RegExp(`[${CJK}]`, 'u');

/** True when the string has a Han character. */
export function hasHan(s: string): boolean {
  return HAN_RE.test(s);
}

/** True for one CJK character (see CJK); false for undefined or ''. */
export function isCjk(ch: string | undefined): boolean {
  return !!ch && CJK_RE.test(ch);
}

/** True when the string has a CJK character (see CJK). */
export function hasCjk(s: string): boolean {
  return CJK_RE.test(s);
}

/** Everything that is not a Han character, a Latin letter or a digit (for word keys). */
export const NOT_WORD = new RegExp(`[^${HAN}A-Za-z0-9]`, 'gu');
