// Hand-written zips for the zip guard's tests: entries whose declared sizes, counts and
// ZIP64 records are whatever the test says (JSZip writes only honest zips).
import { constants, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** Declared uncompressed size. */
  size: number;
}

export interface ZipOptions {
  /** Entry count written in the end record (default: the real count, which wraps at 65,536). */
  eocdCount?: number;
  /** Write ZIP64 end record + locator and 0xFFFF/0xFFFFFFFF in the end record. */
  zip64?: boolean;
  /** Declared sizes of these entries go into a ZIP64 extra field (0xFFFFFFFF in the header). */
  zip64Sizes?: ReadonlySet<string>;
}

export function stored(name: string, text: string | Uint8Array): RawEntry {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, data, method: 0, size: data.length };
}

export function deflated(name: string, text: string | Uint8Array): RawEntry {
  const raw = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, data: deflateRawSync(raw, { level: 9 }), method: 8, size: raw.length };
}

/**
 * A raw deflate stream that inflates to about `mb` MB of spaces, built from one sync-flushed
 * 1 MB block repeated (each copy only refers back inside itself), so the test never holds
 * the inflated bytes. `declared` defaults to the real size.
 */
export function spacesBomb(name: string, mb: number, declared?: number): RawEntry {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < mb; i++) parts.push(chunk);
  parts.push(Buffer.from([0x03, 0x00])); // final empty fixed-Huffman block
  return { name, data: new Uint8Array(Buffer.concat(parts)), method: 8, size: declared ?? mb * 1024 * 1024 };
}

export function writeZip(entries: readonly RawEntry[], o: ZipOptions = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const big = o.zip64Sizes?.has(e.name) ?? false;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // CRC not checked by the readers under test
    local.writeUInt32LE(big ? 0xffffffff : e.data.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(big ? 20 : 0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
    }
    local.writeUInt16LE(extra.length, 28);
    chunks.push(local, name, extra, Buffer.from(e.data));
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(45, 4);
    cd.writeUInt16LE(big ? 45 : 20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(big ? 0xffffffff : e.data.length, 20);
    cd.writeUInt32LE(big ? 0xffffffff : e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name, extra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const tail: Buffer[] = [];
  if (o.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cdBuf.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cdBuf.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = o.zip64 ? 0xffff : (o.eocdCount ?? entries.length) & 0xffff;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(o.zip64 ? 0xffffffff : cdBuf.length, 12);
  eocd.writeUInt32LE(o.zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, ...tail, eocd]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The parts of a minimal .docx whose body is the given paragraphs. */
export function docxParts(paragraphs: readonly string[], bodyXml?: string): RawEntry[] {
  const body = bodyXml ?? paragraphs.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    deflated('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  ];
}

export const PLAN_PARAGRAPHS = [
  '2024年全市安全生产工作要点',
  '一、重点工作',
  '1.落实安全生产责任制。严格考核。（市应急局牵头）',
  '2.开展隐患排查治理。全年不少于4次。',
];

/** A .docx with 65,539 entries (the end record says 3): the parts, padding, and a styles.xml that inflates to `mb` MB. */
export function wrappedCountBomb(mb = 320): Uint8Array {
  const entries = docxParts(PLAN_PARAGRAPHS);
  const pad = 65_539 - entries.length - 2;
  for (let i = 0; i < pad; i++) entries.push(stored(`customXml/p${i}`, ''));
  entries.push(
    deflated(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
  );
  entries.push(spacesBomb('word/styles.xml', mb));
  return writeZip(entries);
}

/** A .docx whose body nests `depth` content controls (w:sdt) around one task, stored so no ratio check applies. */
export function deepDocx(depth: number): RawEntry[] {
  const body =
    '<w:p><w:r><w:t>2024年工作要点</w:t></w:r></w:p><w:p><w:r><w:t>一、重点工作</w:t></w:r></w:p>' +
    '<w:sdt><w:sdtContent>'.repeat(depth) +
    '<w:p><w:r><w:t>1.落实责任。严格考核。</w:t></w:r></w:p>' +
    '</w:sdtContent></w:sdt>'.repeat(depth);
  return docxParts([], body).map((e) =>
    e.name === 'word/document.xml' ? stored(e.name, `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) : e,
  );
}
