// Word 97–2003 binary documents (.doc) and WPS Office's .wps (the same Word binary streams in
// an OLE compound file) → paragraphs, with word-extractor (pure JS). Tables come as rows of
// tab-separated cells. An OLE file that is not a Word document (an .xls, a .ppt renamed) is
// refused with a message saying what it is.
import WordExtractor from 'word-extractor';
// The module word-extractor itself requires (one instance, bundled or not); untyped.
// @ts-expect-error -- no type declarations for this internal module
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import { AppError } from '../../shared/errors';
import type { PagedText } from './read-pdf';

/**
 * word-extractor follows a sector chain of the compound file until it ends, stopping only on
 * a sector that points at itself: a damaged file whose chain loops (a → b → a) grows an array
 * until V8 aborts the whole process ("invalid size error", not an exception — found by the
 * readers' fuzz test). The chain walk is replaced by one that stops at a sector seen before;
 * the module is imported statically so that a bundle patches the instance word-extractor uses.
 */
function patchSectorChains(): void {
  const proto = (AllocationTable as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  if (!proto || typeof proto.getSecIdChain !== 'function') return; // another layout of word-extractor
  proto.getSecIdChain = function getSecIdChain(this: { _table: number[] }, start: number): number[] {
    const secIds: number[] = [];
    const seen = new Set<number>();
    let secId: number | undefined = start;
    while (secId !== undefined && secId > -1 && !seen.has(secId)) {
      seen.add(secId);
      secIds.push(secId);
      secId = this._table[secId];
    }
    return secIds;
  };
}
patchSectorChains();

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Whether the compound file's directory names a stream (directory names are UTF-16LE). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** What an OLE file that is not a Word document is, for the message. */
function oleKind(bytes: Uint8Array): string {
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'Excel/WPS 表格文件（.xls/.et）';
  if (hasStream(bytes, 'PowerPoint Document')) return 'PowerPoint/WPS 演示文件（.ppt/.dps）';
  if (hasStream(bytes, '__substg1.0_')) return 'Outlook 邮件（.msg）';
  return '其他 Office 文件';
}

export function isWordOle(bytes: Uint8Array): boolean {
  return hasStream(bytes, 'WordDocument');
}

export interface DocText extends PagedText {
  /** Comment (批注) texts, in order; word-extractor gives neither their author nor their anchor. */
  annotations: string[];
}

export async function readDocParagraphs(fileName: string, bytes: Uint8Array): Promise<DocText> {
  if (!isWordOle(bytes)) {
    throw new AppError(
      'unsupported-file',
      `“${fileName}”是${oleKind(bytes)}，不是 Word/WPS 文字文档，无法作为工作要点导入。请选择 Word/WPS 文字文档（.doc/.docx/.wps）、PDF、OFD 或文本文件`,
    );
  }
  let doc: WordExtractor.Document;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new AppError('bad-file', `“${fileName}”已损坏或已加密，无法作为 Word/WPS 文档读取。请在 Word 或 WPS 中打开它，另存为 .docx 后再导入`);
  }
  // filterUnicode: false keeps “” ‘’ — and full-width spaces; the default turns them into ASCII.
  const raw = doc as unknown as {
    getBody(o: object): string;
    getTextboxes(o: object): string;
    getAnnotations(o: object): string;
  };
  const body = raw.getBody({ filterUnicode: false });
  const textboxes = raw.getTextboxes({ includeHeadersAndFooters: false, includeBody: true, filterUnicode: false });
  const warnings: PagedText['warnings'] = [];
  const paragraphs = body
    // Word ends a table row with a cell mark: drop the trailing tab.
    .split(/\r?\n/)
    .map((l) => l.replace(/\t+$/u, '').replace(/\s+$/u, ''));
  if (textboxes.trim()) {
    paragraphs.push(...textboxes.split(/\r?\n/).map((l) => l.trimEnd()));
    warnings.push({ code: 'doc-textboxes-appended', message: '文档中文本框里的文字已附在正文末尾，请核对其位置', path: 'body' });
  }
  const annotations = raw
    .getAnnotations({ filterUnicode: false })
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { paragraphs, warnings, annotations };
}
