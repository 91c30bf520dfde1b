// Reads single parts of a zip-based document (ODF, OFD) through the same guard as .docx
// (zip-guard.ts: central directory walked, entry count, declared sizes, compression ratio) and
// inflates each part with an output cap (its declared size and MAX_XML_PART_BYTES; all parts
// read from one file together at most `totalCap`), so a part that lies about its size
// fails here. The guard's messages speak of .docx; this module rewords "not a valid zip" for
// the format at hand and keeps the bomb messages as they are.
import { AppError } from '../../shared/errors';
import { inflateEntry, invalidUtf8Place, MAX_XML_PART_BYTES, MAX_XML_TOTAL_BYTES, PART_TOO_BIG, readCentralDirectory, type ZipEntry } from './zip-guard';

export interface GuardedZip {
  names: string[];
  has(name: string): boolean;
  /** The part as UTF-8 text; undefined when the zip has no such part. */
  text(name: string): string | undefined;
  /** Parts read so far that were not valid UTF-8, with the paragraph where it starts. */
  invalidText: Array<{ name: string; paragraph: number }>;
}

/** Largest single XML part read (a page's Content.xml, content.xml). */
export const MAX_PART_BYTES = MAX_XML_PART_BYTES;

export function openGuardedZip(bytes: Uint8Array, notValid: string, totalCap = MAX_XML_TOTAL_BYTES): GuardedZip {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (err) {
    if (err instanceof AppError && /压缩炸弹|部件数量/.test(err.message)) throw err;
    throw new AppError('bad-file', notValid);
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/^\/+/, ''), e);
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  const invalidText: GuardedZip['invalidText'] = [];
  return {
    names: [...byName.keys()],
    has: (name) => byName.has(name.replace(/^\/+/, '')),
    invalidText,
    text(name) {
      const key = name.replace(/^\/+/, '');
      const e = byName.get(key);
      if (!e) return undefined;
      total += e.uncompressedSize;
      if (total > totalCap) throw new AppError('bad-file', PART_TOO_BIG('全部内容', totalCap));
      const data = inflateEntry(bytes, e, MAX_PART_BYTES, notValid);
      const bad = invalidUtf8Place(data);
      if (bad) invalidText.push({ name: key, paragraph: bad.paragraph });
      return decoder.decode(data);
    },
  };
}
