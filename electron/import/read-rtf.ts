// RTF → paragraphs. Hand-written because the npm RTF packages either render HTML with styles
// we would throw away or are unmaintained; plain text needs only the tokenizer below: groups,
// control words, \'hh bytes in the document's code page (GBK for Chinese Word/WPS files),
// \uN Unicode escapes (with \ucN fallback skipping), and destinations that are not body text
// (font and colour tables, styles, pictures, headers, footnotes…) skipped.
import { AppError } from '../../shared/errors';
import { TOO_DEEP } from './depth-guard';
import type { PagedText } from './read-pdf';

const SKIP_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'object',
  'listtable',
  'listoverridetable',
  'generator',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'xmlnstbl',
  'rsidtbl',
  'pgdsctbl',
  'annotation',
  'atnid',
  'atnauthor',
  'fldinst',
  'filetbl',
  'revtbl',
  'mmathPr',
  'shppict',
  'nonshppict',
  'bkmkstart',
  'bkmkend',
  'template',
  'userprops',
  'docvar',
  'pn',
  'pntext',
  'listtext',
  'field-instruction',
  'ftnsep',
  'ftnsepc',
  'aftnsep',
]);

const CODE_PAGES: Record<number, string> = { 936: 'gbk', 54936: 'gb18030', 950: 'big5', 65001: 'utf-8', 1252: 'windows-1252', 437: 'ibm866' };
const CHARSET_CP: Record<number, number> = { 134: 936, 136: 950, 0: 1252 };

/** Deepest group nesting read. */
export const MAX_RTF_DEPTH = 1_000;
class RtfTooDeep extends Error {}

export function rtfToText(src: string): string {
  // Code page: \ansicpgN, or the charset of a Chinese font when the header says 1252.
  let cp = Number(/\\ansicpg(\d+)/.exec(src)?.[1] ?? 1252);
  if (cp === 1252 && /\\fcharset134/.test(src)) cp = 936;
  if (cp === 1252 && /\\fcharset136/.test(src)) cp = 950;
  const decoder = new TextDecoder(CODE_PAGES[cp] ?? (CHARSET_CP[cp] ? CODE_PAGES[CHARSET_CP[cp]!] : undefined) ?? 'windows-1252');
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += decoder.decode(new Uint8Array(bytes));
    bytes = [];
  };
  interface State {
    skip: boolean;
    uc: number;
  }
  const stack: State[] = [];
  let st: State = { skip: false, uc: 1 };
  let pendingSkip = 0; // characters to skip after \uN
  let i = 0;
  const emit = (s: string) => {
    if (st.skip) return;
    flush();
    out += s;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '{') {
      // Real RTF nests a few dozen groups; 20 million "{" once took 1.7 GB.
      if (stack.length >= MAX_RTF_DEPTH) throw new RtfTooDeep();
      stack.push(st);
      st = { ...st };
      // {\* \dest …} is an optional destination a plain reader may ignore.
      if (src.startsWith('{\\*', i)) st.skip = true;
      i++;
      continue;
    }
    if (ch === '}') {
      flush();
      st = stack.pop() ?? { skip: false, uc: 1 };
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (next === "'") {
        const hex = src.slice(i + 2, i + 4);
        i += 4;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (!st.skip && /^[0-9a-fA-F]{2}$/.test(hex)) bytes.push(parseInt(hex, 16));
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
        const word = m[1]!;
        const arg = m[2] !== undefined ? Number(m[2]) : undefined;
        i += 1 + m[0].length;
        if (SKIP_DESTINATIONS.has(word)) st.skip = true;
        else if (word === 'u' && arg !== undefined) {
          if (!st.skip) emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
          pendingSkip = st.uc;
        } else if (word === 'uc' && arg !== undefined) st.uc = arg;
        else if (word === 'par' || word === 'line' || word === 'row' || word === 'sect' || word === 'page') emit('\n');
        else if (word === 'tab' || word === 'cell') emit('\t');
        else if (word === 'emdash') emit('—');
        else if (word === 'endash') emit('–');
        else if (word === 'lquote') emit('‘');
        else if (word === 'rquote') emit('’');
        else if (word === 'ldblquote') emit('“');
        else if (word === 'rdblquote') emit('”');
        // \binN skips N bytes of binary data; a negative N once sent the reader back forever.
        else if (word === 'bin' && arg !== undefined && arg > 0) i += arg;
        continue;
      }
      // Control symbols: \\ \{ \} \~ (non-breaking space) \- (optional hyphen) \_ …
      i += 2;
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit(' ');
      else if (next === '_') emit('-');
      else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    i++;
    if (ch === '\r' || ch === '\n') continue;
    if (pendingSkip > 0) {
      pendingSkip--;
      continue;
    }
    if (!st.skip) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) emit(ch);
      else bytes.push(code & 0xff);
    }
  }
  flush();
  return out;
}

export function readRtfParagraphs(fileName: string, bytes: Uint8Array): PagedText {
  const src = new TextDecoder('latin1').decode(bytes);
  if (!src.startsWith('{\\rtf')) throw new AppError('bad-file', `“${fileName}”不是有效的 RTF 文件`);
  let text: string;
  try {
    text = rtfToText(src);
  } catch (err) {
    if (err instanceof RtfTooDeep) throw new AppError('bad-file', TOO_DEEP(fileName, MAX_RTF_DEPTH));
    throw new AppError('bad-file', `“${fileName}”已损坏，无法作为 RTF 文件读取`);
  }
  const paragraphs = text.split('\n').map((l) => l.replace(/\s+$/u, ''));
  return { paragraphs, warnings: [] };
}
