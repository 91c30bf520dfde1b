// Reads single parts of a zip-based document (ODF, OFD) through the same guard as .docx
// (zip-guard.ts: entry count, declared sizes, compression ratio) and inflates each part with
// an output cap equal to its declared size, so a part that lies about its size fails here.
// The guard's messages speak of .docx; this module rewords "not a valid zip" for the format
// at hand and keeps the bomb message as it is.
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors';
import { readCentralDirectory, type ZipEntry } from './zip-guard';

export interface GuardedZip {
  names: string[];
  has(name: string): boolean;
  /** The part as UTF-8 text; undefined when the zip has no such part. */
  text(name: string): string | undefined;
}

/** Largest single XML part read (a page's Content.xml, content.xml). */
export const MAX_PART_BYTES = 50 * 1024 * 1024;

export function openGuardedZip(bytes: Uint8Array, notValid: string): GuardedZip {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (err) {
    if (err instanceof AppError && /压缩炸弹/.test(err.message)) throw err;
    throw new AppError('bad-file', notValid);
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/^\/+/, ''), e);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8');
  return {
    names: [...byName.keys()],
    has: (name) => byName.has(name.replace(/^\/+/, '')),
    text(name) {
      const e = byName.get(name.replace(/^\/+/, ''));
      if (!e) return undefined;
      if (e.uncompressedSize > MAX_PART_BYTES) throw new AppError('bad-file', '文件解压后异常巨大（疑似“压缩炸弹”），为安全起见已拒绝导入');
      const h = e.localHeaderOffset;
      if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new AppError('bad-file', notValid);
      const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
      const data = bytes.subarray(start, start + e.compressedSize);
      if (data.length < e.compressedSize) throw new AppError('bad-file', notValid);
      if (e.method === 0) return decoder.decode(data);
      if (e.method !== 8) throw new AppError('bad-file', notValid);
      try {
        return decoder.decode(inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) }));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new AppError('bad-file', '文件解压后异常巨大（疑似“压缩炸弹”），为安全起见已拒绝导入');
        throw new AppError('bad-file', notValid);
      }
    },
  };
}
