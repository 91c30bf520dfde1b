// Text normalisation before any analysis: one logical line per paragraph, no invisible
// characters, full-width letters and digits folded to half-width. Punctuation is kept as
// written (the pages show both , and ，); the parsers accept both forms.

import { halfWidthChar } from '../text/punctuation';

/** Zero-width and bidi characters, soft hyphen, BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
/** Spaces that are not U+0020: NBSP, ideographic space, en/em spaces, tabs. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g;
/** Full-width ASCII letters, digits and a few symbols used in figures: Ａ-Ｚ ａ-ｚ ０-９ ％ ． ＋ － ／ ～ */
const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0B\uFF0D\uFF0F]/g;

/** Folds one string: invisible characters out, odd spaces to U+0020, full-width alnum to ASCII. */
export function normaliseChars(s: string): string {
  return s.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(FULLWIDTH_ALNUM, halfWidthChar);
}

/**
 * Splits text into trimmed, non-empty lines. CRLF, CR, U+2028/2029 and vertical tab count as
 * line breaks.
 */
export function toLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of normaliseChars(text.replace(/\r\n?|[\u2028\u2029\u000B\u0085]/g, '\n')).split('\n')) {
    const line = raw.trim();
    if (line) out.push(line);
  }
  return out;
}

/** Removes spaces between CJK characters/digits (titles copied from pages: "南浔区 2021年"). */
export function squeezeCjkSpaces(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef\d《》“”（）])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef《》“”（）])/g, '')
    .trim();
}

/** True for characters of the CJK Unified Ideographs blocks used in modern Chinese. */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

export function countCjk(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) n++;
  }
  return n;
}
