// Traditional → simplified for reposted texts, with opencc-js (OpenCC's dictionaries).
// The converter is built lazily: building its dictionary costs more than analysing a page,
// and most input is simplified already.
// Only the traditional → simplified dictionaries (t2cn: 52 KB gzip, the full build 497 KB).
import * as OpenCC from 'opencc-js/t2cn';

/** Characters common in traditional text that never occur in simplified text. */
const TRADITIONAL_ONLY =
  /[們這個會為與發關於國務業產來時實對進說區縣鎮應標險責單門點專項災處體級華劃開據經濟員顯導構裡裏幾讓還嚴隊場設備檢織際練組將頭機書計劃環節輕強調監備報邊總權樣類廣聯萬億億價歷優論認識]/gu;

let converter: ((s: string) => string) | null = null;

function getConverter(): (s: string) => string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter;
}

/** True when the text reads as traditional Chinese (several traditional-only characters). */
export function looksTraditional(text: string): boolean {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const hits = sample.match(TRADITIONAL_ONLY)?.length ?? 0;
  return hits >= 3 && hits >= sample.length / 400;
}

/** Converts to simplified when the text is traditional; `converted` says whether it did. */
export function toSimplified(text: string): { text: string; converted: boolean } {
  if (!looksTraditional(text)) return { text, converted: false };
  return { text: getConverter()(text), converted: true };
}
