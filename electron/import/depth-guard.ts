// A linear pre-scan of XML nesting depth, run before any XML parser (mammoth's, htmlparser2,
// fast-xml-parser) builds a tree or recurses over it: a part nested deeper than any office
// document is refused at once, with a Chinese message, instead of overflowing the stack or
// taking minutes. Tags are counted byte by byte (quoted attribute values, comments, CDATA and
// processing instructions skipped); self-closing tags do not count.
import { AppError } from '../../shared/errors';

/** Deepest element nesting accepted in an XML part. Word's deepest real nesting (text boxes in nested tables) is well under 100. */
export const MAX_XML_DEPTH = 256;

export const TOO_DEEP = (fileName: string | undefined, max: number) =>
  `${fileName ? `“${fileName}”的` : ''}文件结构过深或过于复杂（元素嵌套超过 ${max} 层），无法在限定时间内读取，为安全起见已拒绝导入；请在 Word 或 WPS 中打开后另存一份再导入`;

function skipTo(data: Uint8Array, from: number, end: readonly number[]): number {
  const n = data.length;
  outer: for (let i = from; i <= n - end.length; i++) {
    for (let k = 0; k < end.length; k++) if (data[i + k] !== end[k]) continue outer;
    return i + end.length;
  }
  return n;
}

/** The deepest element nesting of an XML text, stopping as soon as it passes `max`. */
export function xmlDepth(data: Uint8Array, max = MAX_XML_DEPTH): number {
  const n = data.length;
  let depth = 0;
  let deepest = 0;
  let i = data.indexOf(0x3c);
  while (i >= 0 && i < n) {
    const c = data[i + 1];
    if (c === 0x2f) {
      depth--; // </x>
      i = data.indexOf(0x3e, i + 2);
    } else if (c === 0x3f) {
      i = skipTo(data, i + 2, [0x3f, 0x3e]); // <? … ?>
    } else if (c === 0x21) {
      if (data[i + 2] === 0x2d && data[i + 3] === 0x2d)
        i = skipTo(data, i + 4, [0x2d, 0x2d, 0x3e]); // <!-- … -->
      else if (data[i + 2] === 0x5b)
        i = skipTo(data, i + 3, [0x5d, 0x5d, 0x3e]); // <![CDATA[ … ]]>
      else i = data.indexOf(0x3e, i + 2);
    } else {
      // <name attr="…>…"> or <name/>
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const b = data[j]!;
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === 0x22 || b === 0x27) quote = b;
        else if (b === 0x3e) break;
      }
      if (j >= n) break;
      if (data[j - 1] !== 0x2f) {
        depth++;
        if (depth > deepest) {
          deepest = depth;
          if (deepest > max) return deepest;
        }
      }
      i = j;
    }
    if (i < 0) break;
    i = data.indexOf(0x3c, i);
  }
  return deepest;
}

/** Throws AppError('bad-file') when an XML part nests deeper than MAX_XML_DEPTH. */
export function checkXmlDepth(data: Uint8Array | string, fileName?: string, max = MAX_XML_DEPTH): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (xmlDepth(bytes, max) > max) throw new AppError('bad-file', TOO_DEEP(fileName, max));
}
