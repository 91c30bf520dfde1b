// The readers for the formats offices hold besides .docx, text and web pages: Word/WPS binary
// (.doc/.wps), PDF, OFD, OpenDocument text and RTF. Each turns bytes into paragraph lines with
// what it knows of layout and says what it guessed; the lines go to the same analysis as a
// .txt file, and the reader's warnings are added to the result.
import { AppError } from '../../shared/errors';
import { analyzePlanText, type ImportResult } from '../../shared/import/analyze';
import { readDocParagraphs } from './read-doc';
import { readOdtParagraphs } from './read-odt';
import { readOfdParagraphs } from './read-ofd';
import { readPdfParagraphs, type PagedText } from './read-pdf';
import { readRtfParagraphs } from './read-rtf';

export type DocumentKind = 'doc' | 'pdf' | 'ofd' | 'odt' | 'rtf';

const NAMES: Record<DocumentKind, string> = { doc: 'Word/WPS 文档', pdf: 'PDF 文件', ofd: 'OFD 文件', odt: 'OpenDocument 文本文件', rtf: 'RTF 文件' };

export async function readDocumentParagraphs(fileName: string, bytes: Uint8Array, kind: DocumentKind): Promise<PagedText> {
  try {
    switch (kind) {
      case 'doc':
        return await readDocParagraphs(fileName, bytes);
      case 'pdf':
        return await readPdfParagraphs(fileName, bytes);
      case 'ofd':
        return readOfdParagraphs(fileName, bytes);
      case 'odt':
        return readOdtParagraphs(fileName, bytes);
      case 'rtf':
        return readRtfParagraphs(fileName, bytes);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Stack overflow on absurdly nested content, or a library's own parse error.
    if (err instanceof RangeError) throw new AppError('bad-file', `“${fileName}”的结构异常（嵌套过深或数据过大），为安全起见已拒绝读取`);
    throw new AppError('bad-file', `“${fileName}”已损坏，无法作为${NAMES[kind]}读取`);
  }
}

export async function readDocumentFile(fileName: string, bytes: Uint8Array, kind: DocumentKind): Promise<ImportResult> {
  const { paragraphs, warnings } = await readDocumentParagraphs(fileName, bytes, kind);
  const text = paragraphs.join('\n');
  if (!text.trim()) throw new AppError('bad-file', `“${fileName}”中没有文字内容（可能只有图片或扫描件），无法导入`);
  const result = analyzePlanText(text, { sourceName: fileName });
  if (!result.doc.body.length && !(result.doc.notice?.paragraphs.length ?? 0)) {
    throw new AppError('bad-file', `“${fileName}”中没有可识别的正文内容，无法导入`);
  }
  result.doc.warnings.push(...warnings);
  // Word's automatic list numbers are not part of a .doc's text stream (word-extractor gives
  // the text only): a plan numbered that way shows no outline. Say so rather than stay silent.
  if (kind === 'doc' && result.stats.headings + result.stats.tasks === 0) {
    result.doc.warnings.push({
      code: 'doc-numbering-unread',
      message:
        '没有识别到“一、（一）1.”这样的编号。如果原文使用了 Word/WPS 的自动编号，旧版 .doc/.wps 格式中的自动编号无法读出，请在 Word 或 WPS 中另存为 .docx 后再导入',
      path: 'body',
    });
  }
  return result;
}
