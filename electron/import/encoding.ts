// Text encoding detection for .txt/.html imports: BOM first, then every candidate decoder in
// strict mode, then the share of common Chinese characters decides. Hand-written on top of
// the WHATWG TextDecoder (Node has gb18030, big5 and utf-16 built in) because the candidates
// are few and known; a statistical detector (jschardet) mislabels short GBK text as latin-1.
import { AppError } from '../../shared/errors';
import { COMMON_CHARS } from './common-chars';

export type TextEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function tryDecode(bytes: Uint8Array, enc: TextEncoding): string | null {
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

interface Score {
  /** Share of CJK characters that are common ones (0–1); 1 when there is no CJK. */
  common: number;
  cjk: number;
  /** Share of control characters and private-use characters. */
  bad: number;
}

export function scoreText(s: string): Score {
  let cjk = 0;
  let common = 0;
  let bad = 0;
  const n = Math.min(s.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      if (COMMON_CHARS.has(s[i]!)) common++;
    } else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || (c >= 0x80 && c < 0xa0)) {
      bad++;
    }
  }
  return { common: cjk ? common / cjk : 1, cjk, bad: n ? bad / n : 0 };
}

const NOT_TEXT = '文件不是文本文件（内容像是二进制数据），也不是软件能读取的其他格式（Word/WPS 文档、PDF、OFD、.odt、RTF），请确认选择了正确的文件';

/** True when the bytes contain zeros in a pattern that is not UTF-16, or many control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return ctrl / n > 0.02;
}

function utf16Guess(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM whose text is mostly Chinese: Han characters rarely have a zero byte,
 * so the "alternating zeros" of ASCII-heavy UTF-16 are few (line breaks, digits), and a zero
 * byte never occurs in UTF-8 or GB18030 text. Both byte orders are decoded strictly; the one
 * that reads as common Chinese (mostly Han characters, nearly all common, no control
 * characters) wins — the wrong order gives rare characters and other scripts.
 */
function utf16ByPattern(bytes: Uint8Array): DecodedText | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  let best: { d: DecodedText; common: number } | null = null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(bytes, enc);
    if (text === null) continue;
    const s = scoreText(text);
    if (s.bad < 0.01 && s.cjk >= 2 && s.cjk >= Math.min(text.length, 200_000) * 0.3 && s.common >= 0.6 && (!best || s.common > best.common)) {
      best = { d: { text, encoding: enc }, common: s.common };
    }
  }
  return best?.d ?? null;
}

/**
 * Decodes a text file. Throws AppError('bad-file') for binary data and for bytes no candidate
 * encoding reads as Chinese text, rather than returning mojibake.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode(bytes.subarray(2), 'utf-16le');
    if (text !== null && scoreText(text).bad < 0.01) return { text, encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode(bytes.subarray(2), 'utf-16be');
    if (text !== null && scoreText(text).bad < 0.01) return { text, encoding: 'utf-16be' };
  }
  const u16 = utf16Guess(bytes);
  if (u16) {
    const text = tryDecode(bytes, u16);
    if (text !== null && scoreText(text).bad < 0.01) return { text, encoding: u16 };
  }
  // Zero bytes never occur in UTF-8 or GB18030 text, and Chinese UTF-16 has many bytes below
  // 0x20 (。 is 02 30): such bytes are tried as UTF-16 before being called binary.
  const binary = looksBinary(bytes);
  if (binary || bytes.includes(0)) {
    const byPattern = utf16ByPattern(bytes);
    if (byPattern) return byPattern;
  }
  if (binary) throw new AppError('bad-file', NOT_TEXT);

  const order: TextEncoding[] = ['utf-8', 'gb18030', 'big5'];
  const norm = declared?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (norm && /^(gb2312|gbk|gb18030|xgbk|cp936)$/.test(norm)) order.unshift('gb18030');
  else if (norm && /^(big5|big5hkscs|cp950)$/.test(norm)) order.unshift('big5');

  let best: { d: DecodedText; s: Score } | null = null;
  for (const enc of order) {
    const text = tryDecode(bytes, enc);
    if (text === null) continue;
    const s = scoreText(text);
    if (s.bad > 0.01) continue;
    // UTF-8 that decodes strictly is almost never an accident; take it at once.
    if (enc === 'utf-8') return { text, encoding: enc };
    if (!best || s.common > best.s.common) best = { d: { text, encoding: enc }, s };
  }
  if (best && best.s.common >= 0.6) return best.d;
  // No zero byte at all (Chinese UTF-16 without line breaks or digits): the byte orders read as common Chinese.
  const noZeros = utf16ByPattern(bytes);
  if (noZeros) return noZeros;
  if (best && (best.s.cjk < 20 || best.s.common >= 0.3)) return best.d;
  if (best) {
    throw new AppError('bad-file', '无法识别文件的文字编码（按 UTF-8、GB18030/GBK、BIG5 读出的都是乱码），请在记事本或 WPS 中另存为 UTF-8 编码后再导入');
  }
  throw new AppError('bad-file', NOT_TEXT);
}

/** The charset an HTML page declares in its first bytes (<meta charset> / http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1] : undefined;
}
