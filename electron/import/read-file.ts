// Reads a file the user chose to import: decides its kind from the extension AND the first
// bytes, refuses what it cannot read with one clear Chinese message, and hands the text to the
// pure analyser in shared/import.
import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';
import { parsePlanDocument } from '../../shared/validation';
import type { PlanWarning } from '../../shared/plan/schema';
import { analyzePlanHtml, analyzePlanText, HTML_TOO_DEEP, type ImportResult } from '../../shared/import/analyze';
import { MAX_HTML_DEPTH } from '../../shared/import/html';
import { planFileOrigins } from '../../shared/import/origins';
import { declaredHtmlCharset, decodeText } from './encoding';
import { labelDocxParts } from './docx-labels';
import { guardedDocxParts, invalidUtf8Place, invalidUtf8Warning, isZip, readCentralDirectory, storedZip } from './zip-guard';
import { checkXmlDepth } from './depth-guard';
import { readDocumentFile, type DocumentKind } from './read-document';
import { readBounded, type BoundedOptions } from './run-bounded';
import { describeJsonError } from '../../shared/text/json-error';

export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

export type ImportKind = 'text' | 'html' | 'docx' | 'plan' | DocumentKind;

const SAVE_AS_DOCX = '请在 Word 或 WPS 中打开它，选择“另存为”→“Word 文档（*.docx）”，再导入 .docx 文件';

function ext(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1);
}

/** What the importer reads, for messages that name the choices. */
const SUPPORTED = '支持 Word/WPS 文档（.docx/.doc/.wps）、PDF、OFD、OpenDocument 文本（.odt）、RTF、网页（.html/.htm）和文本（.txt）';

function head(bytes: Uint8Array, n = 1024): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, n));
}

/** Peeks into a zip: what its entries say it is ('odt', 'ofd', 'docx'), or undefined. */
function zipKind(bytes: Uint8Array, fileName: string): ImportKind | undefined {
  // ODF puts an uncompressed "mimetype" entry first (ODF 1.2 part 3, §3.3).
  const first = head(bytes, 200);
  if (first.slice(30, 38) === 'mimetype') {
    const mime = first.slice(38, 120);
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
    if (mime.startsWith('application/vnd.oasis.opendocument.')) {
      throw new AppError('unsupported-file', `“${fileName}”是 OpenDocument 表格或演示文件，不是文字文档，无法作为工作要点导入。${SUPPORTED}`);
    }
  }
  let names: string[];
  try {
    names = readCentralDirectory(bytes).map((e) => e.name.replace(/^\/+/, ''));
  } catch {
    return undefined; // the reader chosen by extension gives the message
  }
  if (names.includes('OFD.xml')) return 'ofd';
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return 'odt';
  return undefined;
}

/** Decides how to read a file from its bytes (the extension only breaks ties); throws AppError('unsupported-file') for formats we do not read. */
export function detectKind(fileName: string, bytes: Uint8Array): ImportKind {
  const e = ext(fileName);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  // A .pdf may carry a few bytes of junk before its header (readers allow it, PDF 32000-1 §7.5.2);
  // any other file only counts as PDF when it starts with the header.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || (e === 'pdf' && head(bytes).includes('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (isZip(bytes)) {
    const k = zipKind(bytes, fileName);
    if (k) return k;
    if (e === 'ofd') return 'ofd';
    if (e === 'odt') return 'odt';
    if (e === 'docx' || e === 'doc' || e === 'wps' || e === '' || e === 'txt' || e === 'htm' || e === 'html' || e === 'zip') return 'docx';
    throw new AppError('unsupported-file', `不支持导入 .${e} 文件。${SUPPORTED}`);
  }
  if (e === 'doc' || e === 'wps' || e === 'wpt' || e === 'dot') {
    // Word's "网页" (*.htm saved as .doc) and HTML files renamed .doc are read as web pages.
    const h = head(bytes, 512).trimStart().toLowerCase();
    if (/^(<!doctype html|<html|<head|<meta|<\?xml[^>]*>\s*<html)/.test(h)) return 'html';
    if (/^mime-version:/.test(h)) throw new AppError('unsupported-file', `“${fileName}”是单个文件网页（.mht），不是 Word 文档。${SAVE_AS_DOCX}`);
    throw new AppError('unsupported-file', `“${fileName}”不是有效的 Word/WPS 文档，可能已损坏或只是改了扩展名。${SAVE_AS_DOCX}`);
  }
  if (e === 'pdf') throw new AppError('bad-file', `“${fileName}”不是有效的 PDF 文件（没有 PDF 文件头），可能已损坏或只是改了扩展名`);
  if (e === 'ofd') throw new AppError('bad-file', `“${fileName}”不是有效的 OFD 文件，可能已损坏或只是改了扩展名`);
  if (e === 'odt') throw new AppError('bad-file', `“${fileName}”不是有效的 OpenDocument 文本文件（.odt），可能已损坏或只是改了扩展名`);
  if (e === 'rtf') throw new AppError('bad-file', `“${fileName}”不是有效的 RTF 文件，可能已损坏或只是改了扩展名`);
  if (e === 'pages' || e === 'dotx' || e === 'docm') {
    throw new AppError('unsupported-file', `不支持导入 .${e} 文件。${SAVE_AS_DOCX}`);
  }
  if (e === 'docx') return 'docx';
  if (e === 'json') return 'plan';
  if (e === 'html' || e === 'htm' || e === 'shtml' || e === 'xhtml') return 'html';
  if (e === 'txt' || e === 'text' || e === 'md' || e === '') {
    const h = head(bytes, 512).trimStart().toLowerCase();
    return /^(<!doctype html|<html|<head|<meta)/.test(h) ? 'html' : 'text';
  }
  throw new AppError('unsupported-file', `不支持导入 .${e} 文件（${SUPPORTED}）。`);
}

function emptyCheck(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new AppError('bad-file', `“${fileName}”是空文件，没有可导入的内容`);
}

async function readDocx(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new AppError('bad-file', `文件过大（${mb(bytes.length)} MB），Word 文档最大 ${mb(MAX_DOCX_BYTES)} MB`);
  }
  if (!isZip(bytes)) {
    throw new AppError('bad-file', `“${fileName}”不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。${SAVE_AS_DOCX}`);
  }
  const entries = readCentralDirectory(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new AppError('bad-file', `“${fileName}”不是 Word 文档（压缩包中没有 word/document.xml）。${SAVE_AS_DOCX}`);
  }
  // Every part mammoth may read, inflated under the caps; mammoth gets a fresh stored zip of
  // them and never the user's zip (nothing in it is inflated without a cap).
  const parts = guardedDocxParts(bytes, entries);
  const invalid: PlanWarning[] = [];
  for (const [name, data] of parts) {
    checkXmlDepth(data, fileName);
    const bad = invalidUtf8Place(data);
    if (bad) invalid.push(invalidUtf8Warning(name, bad.paragraph));
  }
  // Word list numbering and numbered heading styles: labels computed as Word shows them.
  labelDocxParts(parts);
  const clean = await storedZip(parts);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(clean.buffer, clean.byteOffset, clean.byteLength) },
      // Images are never read (nor inflated): the plan has no pictures.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new AppError('bad-file', `“${fileName}”已损坏，无法作为 Word 文档读取。${SAVE_AS_DOCX}`);
  }
  const result = analyzePlanHtml(html, { sourceName: fileName });
  if (!hasText(result)) throw new AppError('bad-file', `“${fileName}”中没有文字内容（可能只有图片或扫描件），无法导入`);
  result.doc.warnings.push(...invalid);
  return requireContent(result, fileName);
}

function hasText(r: ImportResult): boolean {
  return r.doc.body.length > 0 || (r.doc.notice?.paragraphs.length ?? 0) > 0;
}

/** Fewer letters, digits and Han characters than this, and no heading or task: nothing to recognise. */
const MIN_CONTENT_CHARS = 6;

/**
 * Refuses a result with no heading, no task and next to no words (a one-byte file, a file of
 * punctuation only): it would become an empty plan.
 */
export function requireContent(r: ImportResult, fileName: string): ImportResult {
  if (r.stats.headings + r.stats.tasks > 0) return r;
  let chars = 0;
  const count = (s: string) => (chars += (s.match(/[\p{L}\p{N}]/gu) ?? []).length);
  for (const p of r.doc.notice?.paragraphs ?? []) count(p);
  for (const n of r.doc.body) if (n.type === 'paragraph') count(n.text);
  if (chars >= MIN_CONTENT_CHARS) return r;
  throw new AppError('bad-file', `“${fileName}”中没有可识别的内容（只有标点、符号或个别字符，没有标题、任务或正文），无法导入`);
}

/** Most JSON values (objects, arrays, strings, numbers…) a plan file may hold: a 2,000-task plan has about 40,000, a plan at the schema's node limit (PLAN_LIMITS, 20,000 nodes) about 400,000 — so the schema's own limit message comes first. */
export const MAX_PLAN_JSON_VALUES = 500_000;
/** Deepest JSON nesting of a plan file (four outline levels need about a dozen). */
export const MAX_PLAN_JSON_DEPTH = 100;

/**
 * Checks the shape of a parsed plan file iteratively before the schema sees it: the schema
 * reports one issue per wrong value, and a body of a million nulls (5 MB) took 1.2 GB that way;
 * deep nesting overflowed its recursion. Too many values, nesting too deep, or an outline list
 * (body, children) holding something that is not an item is refused with the place.
 */
function checkPlanJsonShape(json: unknown, fileName: string): void {
  const bad = (why: string) => new AppError('invalid-plan', `“${fileName}”不是有效的计划文件：${why}`);
  let values = 1;
  const tooMany = () => bad(`内容数量异常（超过 ${MAX_PLAN_JSON_VALUES} 项），远多于任何一份工作要点`);
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: json, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_PLAN_JSON_DEPTH) throw bad(`结构嵌套过深（超过 ${MAX_PLAN_JSON_DEPTH} 层）`);
    if (Array.isArray(v)) {
      values += v.length;
      if (values > MAX_PLAN_JSON_VALUES) throw tooMany();
      const items = /(^|\/)(body|children)$/.test(path);
      for (let i = v.length - 1; i >= 0; i--) {
        const x: unknown = v[i];
        if (items && (x === null || typeof x !== 'object' || Array.isArray(x))) {
          throw bad(`${path}/${i} 应为一个条目（标题、任务或段落），实际是${x === null ? ' null' : Array.isArray(x) ? '列表' : `“${String(x).slice(0, 20)}”`}`);
        }
        if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, path: `${path}/${i}` });
      }
    } else {
      const entries = Object.entries(v);
      values += entries.length;
      if (values > MAX_PLAN_JSON_VALUES) throw tooMany();
      for (const [k, x] of entries) if (x !== null && typeof x === 'object') stack.push({ v: x, depth: depth + 1, path: path ? `${path}/${k}` : k });
    }
  }
}

/** PlanDesk's own exchange format (*.plan.json, what a colleague hands over): validated as is. */
function readPlanJson(fileName: string, text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('bad-file', `“${fileName}”不是有效的 JSON：${describeJsonError(text.replace(/^\uFEFF/, ''), err)}`);
  }
  checkPlanJsonShape(json, fileName);
  const doc = parsePlanDocument(json);
  const stats: ImportResult['stats'] = { headings: 0, tasks: 0, paragraphs: 0, units: [], chars: text.length };
  const count = (nodes: typeof doc.body) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') stats.paragraphs++;
      else {
        if (n.type === 'heading') stats.headings++;
        else {
          stats.tasks++;
          for (const u of [...n.lead, ...n.support]) if (!stats.units.includes(u)) stats.units.push(u);
        }
        count(n.children);
      }
    }
  };
  count(doc.body);
  return { doc, stats, origins: planFileOrigins(doc.meta) };
}

/**
 * Reads an import file (.txt / .html / .htm / .docx / .doc / .wps / .pdf / .ofd / .odt / .rtf /
 * .plan.json) into the exchange format, in the import worker with its time and heap limits
 * (run-bounded.ts). Throws AppError with a Chinese message for anything it cannot read.
 */
export function readImportFile(fileName: string, bytes: Uint8Array, o: BoundedOptions = {}): Promise<ImportResult> {
  return readBounded(fileName, bytes, readImportFileInProcess, o);
}

/** The reading itself, in the calling thread (the import worker runs this). */
export async function readImportFileInProcess(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  emptyCheck(bytes, fileName);
  const kind = detectKind(fileName, bytes);
  if (kind === 'docx') return readDocx(fileName, bytes);
  if (kind === 'doc' || kind === 'pdf' || kind === 'ofd' || kind === 'odt' || kind === 'rtf') {
    if (bytes.length > MAX_DOCX_BYTES) throw new AppError('bad-file', `文件过大（${mb(bytes.length)} MB），文档最大 ${mb(MAX_DOCX_BYTES)} MB`);
    return requireContent(await readDocumentFile(fileName, bytes, kind), fileName);
  }
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new AppError(
      'bad-file',
      `文件过大（${mb(bytes.length)} MB），文本和网页文件最大 ${mb(MAX_TEXT_BYTES)} MB；一份工作要点通常不到 1 MB，请确认选择了正确的文件`,
    );
  }
  const declared = kind === 'html' ? declaredHtmlCharset(bytes) : undefined;
  const { text } = decodeText(bytes, declared);
  if (kind === 'plan') return readPlanJson(fileName, text);
  if (!text.trim()) throw new AppError('bad-file', `“${fileName}”中没有文字内容，无法导入`);
  const result = kind === 'html' ? analyzePlanHtml(text, { sourceName: fileName }) : analyzePlanText(text, { sourceName: fileName });
  if (result.doc.warnings.some((w) => w.code === HTML_TOO_DEEP)) {
    throw new AppError(
      'bad-file',
      `“${fileName}”的文件结构过深或过于复杂（标签嵌套超过 ${MAX_HTML_DEPTH} 层，或有大量未闭合的标签），无法在限定时间内读取，为安全起见已拒绝导入；请在浏览器中打开后复制正文，再粘贴导入`,
    );
  }
  if (!hasText(result)) throw new AppError('bad-file', `“${fileName}”中没有可识别的正文内容，无法导入`);
  return requireContent(result, fileName);
}
