// Pinyin ruby left in reposted pages: "生產(chǎn)", "關(guān)於" — a parenthesised pinyin syllable
// right after a Chinese character, the reading the source page showed above it. Removed before
// anything else reads the text. A syllable must carry a tone mark (ā á ǎ à …) or ü, so "(a)"
// lists, "(PM2.5)" or "(GDP)" are never touched.
import { HAN } from '../text/han';
import { TONED_SYLLABLE } from '../text/pinyin';

const RUBY = new RegExp(`(?<=[${HAN}])[(（]\\s*${TONED_SYLLABLE}\\s*[)）]`, 'giu');

/** Strips pinyin ruby; `count` is how many readings were removed. */
export function stripPinyinRuby(text: string): { text: string; count: number; example?: string } {
  let count = 0;
  let example: string | undefined;
  const out = text.replace(RUBY, (m, offset: number) => {
    count++;
    example ??= text.slice(Math.max(0, offset - 2), offset) + m;
    return '';
  });
  return example === undefined ? { text: out, count } : { text: out, count, example };
}
