// Fuzzing the file readers through readImportFile, as every import arrives: random and mutated
// inputs (bit flips, truncation, splices of two real files, inserted junk, and for zip formats
// edits inside the XML parts) of .docx, .html, .txt, .odt and plan JSON files, plus the OFD and
// WPS files of ../shared/fixtures/formats. Every case must give a result that is a valid plan,
// or an AppError with a Chinese message that is not an internal error — never another
// exception, never a hang. Fixed seeds: the same cases on every run; bounded for CI.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { readImportFile } from '../../electron/import/read-file';
import { AppError } from '../../shared/errors';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { rng } from '../helpers/rng';

const CASES = 200;
const HERE = resolve(__dirname, '..');
const SHARED = resolve(__dirname, '../../../shared');

const read = (path: string) => new Uint8Array(readFileSync(path));
const sampleTexts = readdirSync(join(SHARED, 'samples'))
  .filter((n) => n.endsWith('.txt'))
  .map((n) => readFileSync(join(SHARED, 'samples', n), 'utf8'));

async function docxOf(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function odtOf(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${text
      .split('\n')
      .map((l) => `<text:p>${esc(l)}</text:p>`)
      .join('')}</office:text></office:body></office:document-content>`,
  );
  zip.file('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>');
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

function rtfOf(text: string): Uint8Array {
  const body = [...text].map((c) =>
    c === '\n' ? '\\par\n' : c.charCodeAt(0) < 0x80 ? c.replace(/[\\{}]/g, '\\$&') : `\\u${c.charCodeAt(0) - (c.charCodeAt(0) > 32767 ? 65536 : 0)}?`,
  );
  return new TextEncoder().encode(`{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0 ${body.join('')}}`);
}

const JUNK = [
  '{',
  '}',
  '\\bin-9 ',
  '\\u-1?',
  '<w:p>',
  '</w:t>',
  '<w:t>',
  '&amp;',
  '&#0;',
  '<!ENTITY x "y">',
  '<b>',
  '</p>',
  '<text:p>',
  '\u0000',
  '\ufffd',
  '一、',
  '（一）',
  '1.',
  '牵头',
  '{',
  '"body":',
  ']',
  '\\u0000',
];

function mutateBytes(r: () => number, bytes: Uint8Array, other: Uint8Array): Uint8Array {
  const op = r();
  if (op < 0.3) {
    // bit flips
    const out = new Uint8Array(bytes);
    const n = 1 + Math.floor(r() * 16);
    for (let i = 0; i < n; i++) {
      const at = Math.floor(r() * out.length);
      out[at] = out[at]! ^ (1 << Math.floor(r() * 8));
    }
    return out;
  }
  if (op < 0.5) return bytes.slice(0, Math.floor(r() * bytes.length)); // truncation
  if (op < 0.7) {
    // splice of two files
    const a = Math.floor(r() * bytes.length);
    const b = Math.floor(r() * other.length);
    return new Uint8Array([...bytes.subarray(0, a), ...other.subarray(b)]);
  }
  if (op < 0.85) {
    // junk inserted, a slice duplicated
    const a = Math.floor(r() * bytes.length);
    const b = Math.min(bytes.length, a + Math.floor(r() * 2000));
    const junk = new TextEncoder().encode(JUNK[Math.floor(r() * JUNK.length)]!.repeat(1 + Math.floor(r() * 50)));
    return new Uint8Array([...bytes.subarray(0, b), ...junk, ...bytes.subarray(a, b), ...bytes.subarray(b)]);
  }
  // random bytes
  const out = new Uint8Array(1 + Math.floor(r() * 4096));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(r() * 256);
  if (r() < 0.5) out.set(bytes.subarray(0, Math.min(4, out.length))); // keep the signature
  return out;
}

/** Mutates the text of one XML part of a zip and writes the zip again (exercises the XML readers, not only the zip guard). */
async function mutateZipPart(r: () => number, bytes: Uint8Array, part: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file(part)!.async('string');
  const ops = 1 + Math.floor(r() * 6);
  for (let i = 0; i < ops; i++) {
    const a = Math.floor(r() * xml.length);
    const b = Math.min(xml.length, a + Math.floor(r() * 300));
    const op = r();
    if (op < 0.3) xml = xml.slice(0, a) + xml.slice(b);
    else if (op < 0.55) xml = xml.slice(0, a) + xml.slice(a, b).repeat(1 + Math.floor(r() * 20)) + xml.slice(b);
    else if (op < 0.85) xml = xml.slice(0, a) + JUNK[Math.floor(r() * JUNK.length)]!.repeat(1 + Math.floor(r() * 400)) + xml.slice(a);
    else xml = xml.slice(0, a) + xml.slice(a, b).split('').reverse().join('') + xml.slice(b);
  }
  zip.file(part, xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** One case: a valid plan, or an AppError in Chinese that is not internal. */
async function check(name: string, bytes: Uint8Array, what: string): Promise<number> {
  const t = Date.now();
  try {
    const { doc } = await readImportFile(name, bytes);
    const parsed = PlanDocumentSchema.safeParse(doc);
    if (!parsed.success) throw new Error(`${what}: invalid plan: ${parsed.error.message.slice(0, 300)}`);
  } catch (err) {
    if (!(err instanceof AppError)) throw new Error(`${what}: not an AppError: ${(err as Error)?.stack ?? String(err)}`);
    if (err.code === 'internal' || !/[\u4e00-\u9fff]/.test(err.message)) throw new Error(`${what}: ${err.code}: ${err.message}`);
  }
  const ms = Date.now() - t;
  if (ms > 10_000) throw new Error(`${what}: took ${ms} ms`);
  return ms;
}

interface Kind {
  name: string;
  seeds: () => Promise<Uint8Array[]>;
  zipPart?: string;
}

const KINDS: Kind[] = [
  { name: 'a.txt', seeds: async () => [...sampleTexts.map((t) => new TextEncoder().encode(t)), read(join(HERE, 'fixtures/import/plan.gb18030.txt'))] },
  {
    name: 'a.html',
    seeds: async () => [
      read(join(HERE, 'fixtures/import/page.gb2312.html')),
      ...sampleTexts.map((t) =>
        new TextEncoder().encode(
          `<html><body>${t
            .split('\n')
            .map((l) => `<p>${l}</p>`)
            .join('')}</body></html>`,
        ),
      ),
    ],
  },
  {
    name: 'a.plan.json',
    seeds: async () =>
      readdirSync(join(HERE, 'fixtures/plans'))
        .filter((n) => n.endsWith('.json'))
        .map((n) => read(join(HERE, 'fixtures/plans', n))),
  },
  { name: 'a.docx', seeds: () => Promise.all(sampleTexts.map(docxOf)), zipPart: 'word/document.xml' },
  { name: 'a.odt', seeds: () => Promise.all(sampleTexts.map(odtOf)), zipPart: 'content.xml' },
  { name: 'a.rtf', seeds: async () => sampleTexts.map(rtfOf) },
  {
    name: 'a.ofd',
    seeds: async () => [read(join(SHARED, 'fixtures/formats/converted-from-docx.ofd'))],
  },
  { name: 'a.wps', seeds: async () => [read(join(SHARED, 'fixtures/formats/wps-office-2019-table.wps'))] },
];

describe('fuzzing the readers (fixed seeds)', () => {
  for (const [k, kind] of KINDS.entries()) {
    const n = kind.name === 'a.ofd' || kind.name === 'a.wps' ? CASES / 4 : CASES;
    it(`${kind.name}: ${n} mutated and random inputs`, { timeout: 60_000 }, async () => {
      const seeds = await kind.seeds();
      expect(seeds.length).toBeGreaterThan(0);
      for (const s of seeds) await check(kind.name, s, `${kind.name} seed`); // the seeds themselves
      const r = rng(1600 + k);
      let slowest = 0;
      for (let i = 0; i < n; i++) {
        const seed = seeds[i % seeds.length]!;
        const other = seeds[Math.floor(r() * seeds.length)]!;
        const bytes = kind.zipPart && r() < 0.4 ? await mutateZipPart(r, seed, kind.zipPart) : mutateBytes(r, seed, other);
        slowest = Math.max(slowest, await check(kind.name, bytes, `${kind.name} case ${i}`));
      }
      expect(slowest).toBeLessThan(10_000);
    });
  }
});
