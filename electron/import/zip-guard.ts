// Checks a .docx (a zip) before mammoth inflates anything: the central directory must be
// there, the declared sizes sane, and every XML part must inflate to no more than it declares.
// Hand-written because JSZip keeps sizes in private fields and never limits inflation; the
// central directory layout is fixed by the ZIP specification (APPNOTE 4.3.12, 4.3.16).
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors';

export const MAX_UNCOMPRESSED_TOTAL = 300 * 1024 * 1024;
export const MAX_ENTRY_RATIO = 200;
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const NOT_ZIP = '文件不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名；请在 Word 或 WPS 中打开后另存为 .docx 再导入';
const BOMB = '文件解压后异常巨大（疑似“压缩炸弹”），为安全起见已拒绝导入';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the central directory; throws AppError('bad-file') when it is missing or absurd. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('bad-file', NOT_ZIP);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new AppError('bad-file', BOMB); // ZIP64: never needed by a real .docx
  if (count > MAX_ENTRIES) throw new AppError('bad-file', BOMB);
  if (cdOffset + cdSize > bytes.length) throw new AppError('bad-file', NOT_ZIP);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new AppError('bad-file', NOT_ZIP);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new AppError('bad-file', BOMB);
    total += uncompressedSize;
    if (total > MAX_UNCOMPRESSED_TOTAL) throw new AppError('bad-file', BOMB);
    if (uncompressedSize > 1024 * 1024 && uncompressedSize > compressedSize * MAX_ENTRY_RATIO) throw new AppError('bad-file', BOMB);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates the parts mammoth reads (everything but media, which the importer never asks for)
 * with an output cap equal to the declared size: a part that lies about its size fails here.
 */
export function verifyZipEntries(bytes: Uint8Array, entries: readonly ZipEntry[]): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.name.endsWith('/') || /^word\/media\//.test(e.name) || !/\.(xml|rels)$/i.test(e.name)) continue;
    const h = e.localHeaderOffset;
    if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new AppError('bad-file', NOT_ZIP);
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw new AppError('bad-file', NOT_ZIP);
    if (e.method === 0) continue;
    if (e.method !== 8) throw new AppError('bad-file', NOT_ZIP);
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('bad-file', BOMB);
      throw new AppError('bad-file', NOT_ZIP);
    }
  }
}

/**
 * One XML part's text, inflated with the same cap as verifyZipEntries (its declared size),
 * for the parts the importer reads itself (document.xml, numbering.xml, styles.xml).
 */
export function readZipText(bytes: Uint8Array, entry: ZipEntry): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new AppError('bad-file', NOT_ZIP);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new AppError('bad-file', NOT_ZIP);
  let raw: Uint8Array;
  if (entry.method === 0) raw = data;
  else if (entry.method !== 8) throw new AppError('bad-file', NOT_ZIP);
  else {
    try {
      raw = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('bad-file', BOMB);
      throw new AppError('bad-file', NOT_ZIP);
    }
  }
  return new TextDecoder('utf-8').decode(raw);
}
