// Pinyin with tone marks, as web pages with ruby leave it in copied text: "生產(chǎn)",
// "安全（ān quán）", "安ān全quán". One definition for the importer (shared/import/ruby.ts, which
// strips single readings after a character) and the 校对 check (shared/checks/garbled.ts, which
// reports what is left). A word counts only with a tone mark (ā á ǎ à …) or ü, so "(a)" lists,
// "(PM2.5)", "(GDP)" or "(app)" are never pinyin.

/** Vowels with tone marks, ü, and the rare toned ń ň ǹ ḿ. */
export const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';

/** One pinyin word with at least one tone mark (a syllable or a few run together: ānquán). */
export const TONED_WORD = `[a-z${TONED}]{0,12}[${TONED}][a-z${TONED}]{0,12}`;

/** One syllable with a tone mark (a reading after a single character). */
export const TONED_SYLLABLE = `[a-z${TONED}]{0,5}[${TONED}][a-z${TONED}]{0,5}`;

/** A pinyin word, toned or not (inside brackets that also hold a toned one). */
const ANY_WORD = `[a-z${TONED}]{1,12}`;

/** Brackets holding only pinyin words, at least one of them toned: "(jù)", "（ān quán）". */
export const BRACKETED_PINYIN = `[(（]\\s*(?=[^)）]*[${TONED}])${ANY_WORD}(?:\\s+${ANY_WORD}){0,7}\\s*[)）]`;

/** True when the text has a letter with a pinyin tone mark. */
export function hasToneMark(s: string): boolean {
  return new RegExp(`[${TONED}]`, 'i').test(s);
}
