// The GB2312 character set (GB 2312-80: 6,763 hanzi and 682 symbols), which fonts such as
// 仿宋_GB2312 and 楷体_GB2312 cover and no more. Built by decoding every code of the set's
// rows (0xA1–0xF7 × 0xA1–0xFE) with the WHATWG 'gbk' decoder — no hand-written table. GBK
// and GB18030 put more characters in those rows than GB2312 had (in the unassigned cells of
// the symbol rows and after 0xD7F9); these are left out by the set's own layout: symbols in
// rows 1–9 where GB2312 assigned them, hanzi in rows 16–87 (row 55 ends at 0xD7F9).
// Pure: WHATWG TextDecoder only.

/** The cells GB 2312-80 assigns in each symbol row (0xA1 + row − 1), as [first, last] column pairs. */
const SYMBOL_CELLS: Record<number, Array<[number, number]>> = {
  1: [[1, 94]],
  2: [
    [17, 66],
    [69, 78],
    [81, 92],
  ],
  3: [[1, 94]],
  4: [[1, 83]],
  5: [[1, 86]],
  6: [
    [1, 24],
    [33, 56],
  ],
  7: [
    [1, 33],
    [49, 81],
  ],
  8: [
    [1, 26],
    [37, 73],
  ],
  9: [[4, 79]],
};

let cached: Set<string> | null = null;

/** Every character of GB2312, decoded once. */
export function gb2312Chars(): ReadonlySet<string> {
  if (cached) return cached;
  const codes: number[] = [];
  for (const [row, ranges] of Object.entries(SYMBOL_CELLS)) {
    for (const [a, b] of ranges) for (let col = a; col <= b; col++) codes.push(0xa0 + Number(row), 0xa0 + col);
  }
  for (let row = 16; row <= 87; row++) {
    const last = row === 55 ? 89 : 94;
    for (let col = 1; col <= last; col++) codes.push(0xa0 + row, 0xa0 + col);
  }
  const text = new TextDecoder('gbk').decode(new Uint8Array(codes));
  cached = new Set([...text].filter((c) => c !== '\ufffd'));
  return cached;
}

/** True when GB2312 has the character (ASCII counts: the GB2312 fonts carry Latin letters and digits). */
export function isGb2312(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 || gb2312Chars().has(ch);
}

/** The distinct characters of a text that GB2312 lacks, in order of appearance (white space ignored). */
export function outsideGb2312(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) if (!/\s/u.test(ch) && !isGb2312(ch)) out.add(ch);
  return [...out];
}
