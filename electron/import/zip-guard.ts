// Guards every zip-based file the app reads (.docx, returned review .docx, .odt, .ofd) before
// anything is inflated, and inflates each part itself with a cap.
//
// - The central directory is found from the end record and, when present, the ZIP64 locator
//   and end record (APPNOTE 4.3.14–4.3.16); it is then WALKED entry by entry. The entry count
//   of the end record is never trusted: it is 16 bits, so 65,539 entries read as 3.
// - Entries are capped in number; names must be unique (a later duplicate would be what
//   another zip library reads); declared sizes are checked (total, ratio); ZIP64 extra fields
//   give the real sizes and offsets.
// - Every part is inflated with zlib's maxOutputLength: inflation stops as soon as the output
//   passes min(declared size, the part cap), so a part that lies about its size costs at most
//   the cap in memory and time.
// - Mammoth (through JSZip) never sees the user's zip: `guardedDocxParts` inflates the parts it
//   may read under these caps and `storedZip` writes them into a fresh, uncompressed zip.
// Hand-written because JSZip keeps sizes in private fields and never limits inflation.
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../../shared/errors';

/** Sum of the declared uncompressed sizes of all entries (media included). */
export const MAX_UNCOMPRESSED_TOTAL = 300 * 1024 * 1024;
export const MAX_ENTRY_RATIO = 200;
/** A real .docx has a few dozen entries; a few thousand is already absurd. */
export const MAX_ENTRIES = 5_000;
/**
 * Largest single XML part inflated (document.xml, content.xml, a page's Content.xml). Mammoth
 * needs about 60–70 times a document.xml's size in memory: 4 MB (some 150 pages of Word XML)
 * keeps a .docx import under ~300 MB.
 */
export const MAX_XML_PART_BYTES = 4 * 1024 * 1024;
/** All XML parts of one .docx/.odt together (an OFD reads page by page: see read-ofd.ts). */
export const MAX_XML_TOTAL_BYTES = 8 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const NOT_ZIP = '文件不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名；请在 Word 或 WPS 中打开后另存为 .docx 再导入';
export const BOMB = '文件解压后异常巨大（疑似“压缩炸弹”），为安全起见已拒绝导入';
const TOO_MANY = `文件中的部件数量异常（超过 ${MAX_ENTRIES} 个，疑似“压缩炸弹”），为安全起见已拒绝导入`;
export const PART_TOO_BIG = (name: string, cap: number) =>
  `文件中的“${name}”解压后超过 ${Math.round(cap / 1024 / 1024)} MB（正文约 150 页以上，或夹带了大量其他内容），超出导入上限，为安全起见已拒绝导入；工作要点通常只有几十页，如确需导入，请拆分后分别导入`;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** Where the central directory is: from the end record, or from the ZIP64 end record when there is one. */
function locateCentralDirectory(bytes: Uint8Array, view: DataView): { offset: number; size: number } {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('bad-file', NOT_ZIP);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  const loc = eocd - 20;
  if (loc >= 0 && view.getUint32(loc, true) === 0x07064b50) {
    // ZIP64 end of central directory locator → record (APPNOTE 4.3.15, 4.3.14).
    const rec = u64(view, loc + 8);
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== 0x06064b50) throw new AppError('bad-file', NOT_ZIP);
    size = u64(view, rec + 40);
    offset = u64(view, rec + 48);
  } else if (offset === 0xffffffff || size === 0xffffffff) {
    throw new AppError('bad-file', NOT_ZIP);
  }
  if (offset + size > bytes.length) throw new AppError('bad-file', NOT_ZIP);
  return { offset, size };
}

/** ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in their fixed order. */
function zip64Extra(view: DataView, start: number, end: number, want: { usize: boolean; csize: boolean; offset: boolean }) {
  const out: { usize?: number; csize?: number; offset?: number } = {};
  let p = start;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + len || q + 8 > end) throw new AppError('bad-file', NOT_ZIP);
        const v = u64(view, q);
        q += 8;
        return v;
      };
      if (want.usize) out.usize = take();
      if (want.csize) out.csize = take();
      if (want.offset) out.offset = take();
      return out;
    }
    p += 4 + len;
  }
  throw new AppError('bad-file', NOT_ZIP);
}

/**
 * Reads the central directory by walking it; throws AppError('bad-file') when it is missing,
 * inconsistent, or describes a bomb (too many entries, absurd sizes or ratios).
 */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cd = locateCentralDirectory(bytes, view);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const end = cd.offset + cd.size;
  let p = cd.offset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  while (p < end) {
    if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) throw new AppError('bad-file', NOT_ZIP);
    if (entries.length >= MAX_ENTRIES) throw new AppError('bad-file', TOO_MANY);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    const extraStart = p + 46 + nameLen;
    if (extraStart + extraLen + commentLen > end) throw new AppError('bad-file', NOT_ZIP);
    const name = decoder.decode(bytes.subarray(p + 46, extraStart));
    const want = { usize: uncompressedSize === 0xffffffff, csize: compressedSize === 0xffffffff, offset: localHeaderOffset === 0xffffffff };
    if (want.usize || want.csize || want.offset) {
      const x = zip64Extra(view, extraStart, extraStart + extraLen, want);
      uncompressedSize = x.usize ?? uncompressedSize;
      compressedSize = x.csize ?? compressedSize;
      localHeaderOffset = x.offset ?? localHeaderOffset;
    }
    const key = name.replace(/^\/+/, '');
    // Two parts of one name: which one a reader takes is up to the reader. No Office file has them.
    if (seen.has(key)) throw new AppError('bad-file', NOT_ZIP);
    seen.add(key);
    total += uncompressedSize;
    if (total > MAX_UNCOMPRESSED_TOTAL) throw new AppError('bad-file', BOMB);
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > compressedSize * MAX_ENTRY_RATIO) throw new AppError('bad-file', BOMB);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraStart + extraLen + commentLen;
  }
  return entries;
}

/**
 * One entry's bytes, inflated with an output cap of min(declared size, cap): zlib stops as soon
 * as the output would pass it. `notValid` is the message for a broken zip.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, cap = MAX_XML_PART_BYTES, notValid = NOT_ZIP): Uint8Array {
  if (entry.uncompressedSize > cap) throw new AppError('bad-file', PART_TOO_BIG(entry.name, cap));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new AppError('bad-file', notValid);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new AppError('bad-file', notValid);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new AppError('bad-file', notValid);
    return data;
  }
  if (entry.method !== 8) throw new AppError('bad-file', notValid);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('bad-file', BOMB);
    throw new AppError('bad-file', notValid);
  }
}

/** True for the parts Word readers parse (XML and relationships), as opposed to media. */
export function isXmlPart(name: string): boolean {
  return !name.endsWith('/') && !/(^|\/)media\//.test(name) && /\.(xml|rels)$/i.test(name);
}

/**
 * The XML parts of a .docx, inflated under the caps (each part, and all together). Media are
 * never inflated: the plan has no pictures.
 */
export function guardedDocxParts(bytes: Uint8Array, entries: readonly ZipEntry[]): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    if (!isXmlPart(e.name)) continue;
    if (e.uncompressedSize > MAX_XML_PART_BYTES) throw new AppError('bad-file', PART_TOO_BIG(e.name, MAX_XML_PART_BYTES));
    total += e.uncompressedSize;
    if (total > MAX_XML_TOTAL_BYTES) throw new AppError('bad-file', PART_TOO_BIG('全部 XML 部件', MAX_XML_TOTAL_BYTES));
    parts.set(e.name, inflateEntry(bytes, e));
  }
  return parts;
}

/** Checks that every XML part inflates within its declared size and the caps (nothing is kept). */
export function verifyZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[]): void {
  guardedDocxParts(bytes, entries);
}

/** One XML part's text, inflated under the caps. */
export function readZipText(bytes: Uint8Array, entry: ZipEntry): string {
  return new TextDecoder('utf-8').decode(inflateEntry(bytes, entry));
}

/** A fresh zip of the given parts, stored (not compressed): what mammoth or JSZip may read. */
export function storedZip(parts: ReadonlyMap<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/**
 * Where invalid UTF-8 starts in a part and in which paragraph (the number of <w:p> / <text:p>
 * opened before it; 0 outside paragraphs), or undefined when the part is valid UTF-8.
 */
export function invalidUtf8Place(data: Uint8Array): { offset: number; paragraph: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return undefined;
  } catch {
    // Find the first bad byte by a small state machine (the decoder does not say where).
  }
  let i = 0;
  const n = data.length;
  let offset = -1;
  while (i < n) {
    const b = data[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!len || i + len > n) {
      offset = i;
      break;
    }
    let ok = true;
    for (let k = 1; k < len; k++) if ((data[i + k]! & 0xc0) !== 0x80) ok = false;
    if (!ok) {
      offset = i;
      break;
    }
    i += len;
  }
  if (offset < 0) offset = i;
  const head = new TextDecoder('latin1').decode(data.subarray(0, offset));
  const paragraph = (head.match(/<(?:w|text):p[\s>/]/g) ?? []).length;
  return { offset, paragraph };
}

/** The warning for a part that was not valid UTF-8 (its bad bytes read as “�”). */
export function invalidUtf8Warning(part: string, paragraph: number): { code: string; message: string; path: string } {
  return {
    code: 'invalid-utf8',
    message: `文件中的“${part}”${paragraph > 0 ? `第${paragraph}段附近` : '中'}有无法识别的字符（不是有效的 UTF-8 编码，文件可能已部分损坏），已显示为“\ufffd”，请对照原文核对`,
    path: 'body',
  };
}
