// Half-width punctuation in Chinese text (pages show , : ; ( ) ? !) → full width, as GB/T 9704
// text is set. Only where a neighbour is Chinese: ASCII stays in numbers (1,000 / 08:30),
// dates, URLs (http://), English and inside 文号 brackets. Hand-written: the rule is about the
// neighbouring characters, which no text library decides for Chinese.

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Chinese characters, CJK and full-width punctuation, quotes, 《》〔〕…—. By code point: this runs on every character of a page. */
function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2026 ||
    c === 0x2014
  );
}

function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjk(s[i])) return true;
  return false;
}

/** The nearest non-space character before/after position i. */
function neighbour(s: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < s.length; j += step) if (s[j] !== ' ') return s[j];
  return undefined;
}

/** Matching ASCII parentheses of one line: open index → close index. */
function pairParens(s: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') stack.push(i);
    else if (s[i] === ')' && stack.length) pairs.set(stack.pop()!, i);
  }
  return pairs;
}

const DIGIT = /\d/;

/**
 * Converts the half-width punctuation of one line; returns the line and the number of marks
 * changed. Spaces around a converted mark are dropped (full-width marks carry their own space).
 */
export function fullWidthPunctuation(line: string): { text: string; count: number } {
  if (!/[,:;?!()]/.test(line)) return { text: line, count: 0 };
  const s = line;
  const pairs = s.includes('(') ? pairParens(s) : new Map<number, number>();
  const pairClose = new Set<number>();
  let count = 0;
  let out = '';
  let from = 0; // s[from, i) is copied as is
  const marks = /[,:;?!()]/g;
  for (let m = marks.exec(s); m; m = marks.exec(s)) {
    const i = m.index;
    if (i < from) continue; // inside spaces already skipped
    const ch = m[0];
    const full = FULL[ch]!;
    let convert = false;
    if (pairClose.has(i)) convert = true;
    else if (ch === '(') {
      const close = pairs.get(i);
      if (close !== undefined) {
        // Chinese inside or next to the bracket; not a 文号 year "(2020)" between ASCII.
        convert = hasCjk(s.slice(i + 1, close)) || isCjk(neighbour(s, i, -1)) || isCjk(s[close + 1]);
        if (convert) pairClose.add(close);
      }
    } else if (ch === ')') {
      convert = false; // an unpaired ')' is left as written
    } else if (ch === ':' && s.startsWith('//', i + 1)) {
      convert = false; // http://
    } else {
      const before = neighbour(s, i, -1);
      const after = neighbour(s, i, 1);
      if ((ch === ',' || ch === ':') && DIGIT.test(before ?? '') && DIGIT.test(after ?? '')) convert = false; // 1,000 / 08:30
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
